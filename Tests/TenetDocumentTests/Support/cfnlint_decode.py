"""Prints, as one JSON object, what cfn-lint's decoder reads from each file named on the command line.

The Swift corpus test compares Tenet's loaded documents with this output, so cfn-lint (and through it
PyYAML's YAML 1.1 reading) is the reference. Each file maps to {"value": data} or {"error": message}.
Dates become their ISO strings, as the issue asks; NaN and infinities are refused (allow_nan=False)
because strict JSON cannot carry them and the comparison must not guess.
"""

import datetime
import json
import logging
import sys

from cfnlint.decode import decode


def iso_dates(value):
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def main(paths):
    logging.disable(logging.CRITICAL)
    results = {}
    for path in paths:
        template, matches = decode(path)
        if matches:
            results[path] = {"error": "; ".join(str(match) for match in matches)}
            continue
        try:
            results[path] = {"value": json.loads(json.dumps(template, default=iso_dates, allow_nan=False))}
        except (TypeError, ValueError) as error:
            results[path] = {"error": str(error)}
    json.dump(results, sys.stdout, allow_nan=False)


if __name__ == "__main__":
    main(sys.argv[1:])
