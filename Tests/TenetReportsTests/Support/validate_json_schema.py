"""Validates a JSON document (standard input) against a JSON Schema (first argument).

Exits 0 when valid; otherwise prints one line per violation (the instance path, then the
message) to standard output and exits 1. The schema's own `$schema` picks the draft, so the
SARIF 2.1.0 schema (draft-04) and Tenet's report schema (2020-12) are both checked as written.
"""
import json
import sys

import jsonschema


def main() -> int:
    with open(sys.argv[1], encoding="utf-8") as schema_file:
        schema = json.load(schema_file)
    instance = json.load(sys.stdin)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(instance), key=lambda error: list(error.absolute_path))
    for error in errors:
        path = "/" + "/".join(str(part) for part in error.absolute_path)
        print(f"{path}: {error.message}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
