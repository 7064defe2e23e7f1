#!/usr/bin/env python3
"""Differential testing of Tenet's Guard interpreter against cfn-guard 3.0.1 (PyPI cfn-guard-rs).

Generates random rules files and documents from the Guard grammar, asks cfn-guard for every
rule's status on every document, writes the answers as Guard rule tests, runs
`tenet test --dir` once over all of them, and reports every disagreement by kind.

    pip install cfn-guard-rs
    swift build --product tenet
    python3 Tools/guard-differential/differential.py --rules 2000 --docs 5 --seed 1 \
        --tenet .build/debug/tenet

Kinds of mismatch:
  status        both evaluated, a rule's status differs
  guard-error   cfn-guard stopped with an evaluation error, Tenet gave statuses
  tenet-error   Tenet stopped with an evaluation error, cfn-guard gave statuses
  parse         one side rejected the rules file and the other accepted it
Known, deliberate differences (3.0.1 vs 3.2, crashes) are listed in docs/guard-compatibility.md.
"""
import argparse
import collections
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

from cfn_guard_rs.cfn_guard_rs import CfnGuardMissingValue, CfnGuardParseError, run_checks_rs

KEYS = ["a", "b", "c", "Type", "Properties", "Name", "Tags", "Key", "Value", "bucket_name", "BucketName"]
TYPES = ["AWS::S3::Bucket", "AWS::EC2::Volume", "AWS::IAM::Role"]
# `!=` / `not in` whose right-hand side is a query (not a literal): 3.0.1 and 3.2 differ there.
NEGATED_QUERY_COMPARISON = re.compile(r"(!=|not in|!in|NOT IN)\s+(?!true\b|false\b|null\b|r[\[(])[A-Za-z%]")
STRINGS = ["x", "ab", "xaby", "", "AWS::S3::Bucket", "PRIVATE", "true", "5", "arn:aws:s3:::b"]


class DocumentGenerator:
    def __init__(self, rng):
        self.rng = rng

    def scalar(self):
        r = self.rng.random()
        if r < 0.25:
            return self.rng.choice([0, 1, 2, 5, 10, -1, 100])
        if r < 0.35:
            return self.rng.choice([0.5, 1.0, 2.5])
        if r < 0.45:
            return self.rng.choice([True, False])
        if r < 0.5:
            return None
        return self.rng.choice(STRINGS)

    def value(self, depth):
        r = self.rng.random()
        if depth >= 3 or r < 0.45:
            return self.scalar()
        if r < 0.7:
            return [self.value(depth + 1) for _ in range(self.rng.randint(0, 3))]
        return {self.rng.choice(KEYS): self.value(depth + 1) for _ in range(self.rng.randint(0, 4))}

    def template(self):
        resources = {}
        for index in range(self.rng.randint(0, 4)):
            resource = {"Type": self.rng.choice(TYPES)}
            if self.rng.random() < 0.85:
                resource["Properties"] = {self.rng.choice(KEYS): self.value(2) for _ in range(self.rng.randint(0, 4))}
            if self.rng.random() < 0.1:
                resource["Metadata"] = {"guard": {"SuppressedRules": self.rng.choice([[], ["R1"], ["R2", "R1"]])}}
            resources[f"Res{index}"] = resource
        document = {"Resources": resources} if self.rng.random() < 0.9 else {}
        for _ in range(self.rng.randint(0, 3)):
            document[self.rng.choice(KEYS)] = self.value(1)
        return document


class RuleGenerator:
    def __init__(self, rng):
        self.rng = rng
        self.variables = []
        self.parameterized = []

    def key(self):
        key = self.rng.choice(KEYS)
        return key if self.rng.random() < 0.9 else f"'{key}'"

    def query(self, depth, start=True, allow_some=True):
        parts = []
        r = self.rng.random()
        if start and self.variables and r < 0.2:
            parts.append("%" + self.rng.choice(self.variables))
        elif start and self.variables and r < 0.24:
            parts.append("Resources.%" + self.rng.choice(self.variables))
        elif start and r < 0.3:
            parts.append("Resources.*")
        else:
            parts.append(self.key())
        for _ in range(self.rng.randint(0, 2 if depth else 3)):
            r = self.rng.random()
            if r < 0.45:
                parts.append("." + self.key())
            elif r < 0.6:
                parts.append(".*")
            elif r < 0.72:
                parts.append("[*]")
            elif r < 0.8:
                parts.append(f"[{self.rng.choice([0, 1, -1])}]")
            elif r < 0.92 and depth < 2:
                parts.append("[ " + self.clause(depth + 1, filter_context=True) + " ]")
            elif depth < 2:
                parts.append("[ keys " + self.rng.choice(["==", "!=", "in", "not in"]) + " " +
                             self.rng.choice(["/a/", "'b'", "['a', 'Type']", "/^R/"]) + " ]")
        text = "".join(parts)
        if allow_some and self.rng.random() < 0.12:
            text = "some " + text
        return text

    def literal(self, depth=0):
        r = self.rng.random()
        if r < 0.2:
            return str(self.rng.choice([0, 1, 2, 5, 10, -1]))
        if r < 0.27:
            return self.rng.choice(["0.5", "1.0", "2.5"])
        if r < 0.35:
            return self.rng.choice(["true", "false", "null"])
        if r < 0.6:
            return repr(self.rng.choice(STRINGS)) if self.rng.random() < 0.5 else json.dumps(self.rng.choice(STRINGS))
        if r < 0.7:
            return self.rng.choice(["/a/", "/^x$/", "/S3/", "/(?i)PRIVATE/", "/^[0-9]+$/", "/(?<!a)b/"])
        if r < 0.78:
            return self.rng.choice(["r[1,5]", "r(0,10)", "r[0,2)", "r(0.5,2.5]"])
        if r < 0.95 and depth < 2:
            return "[" + ", ".join(self.literal(depth + 1) for _ in range(self.rng.randint(0, 3))) + "]"
        return "{a: 1, b: 'x'}"

    def function(self, depth):
        query = self.query(depth + 1, allow_some=False)
        return self.rng.choice([
            f"count({query})", f"to_upper({query})", f"to_lower({query})", f"url_decode({query})",
            f"parse_string({query})", f"substring({query}, 0, 2)", f"join({query}, ',')",
            f"regex_replace({query}, '^(\\w)(\\w*)', '$2-${{1}}')", f"json_parse({query})",
        ])

    def rhs(self, depth):
        r = self.rng.random()
        if r < 0.72:
            return self.literal()
        if r < 0.85:
            return self.function(depth)
        return self.query(depth, allow_some=False)

    def clause(self, depth, filter_context=False):
        r = self.rng.random()
        negation = "not " if self.rng.random() < 0.08 else ""
        if self.parameterized and self.rng.random() < 0.06:
            name, arity = self.rng.choice(self.parameterized)
            return negation + name + "(" + ", ".join(self.rhs(depth + 1) for _ in range(arity)) + ")"
        if not filter_context and depth == 0 and self.rng.random() < 0.04:
            return self.rng.choice(TYPES) + " {\n" + self.body(depth + 1) + "\n}"
        if r < 0.35:
            op = self.rng.choice(["exists", "!exists", "not exists", "empty", "!empty", "is_string", "is_list",
                                  "is_struct", "is_int", "!is_bool", "is_null", "NOT EMPTY", "EXISTS"])
            return f"{negation}{self.query(depth)} {op}"
        if r < 0.85 or depth >= 2:
            op = self.rng.choice(["==", "!=", "<", "<=", ">", ">=", "in", "not in", "IN", "!in"])
            return f"{negation}{self.query(depth)} {op} {self.rhs(depth)}"
        if r < 0.95 and not filter_context:
            some = "some " if self.rng.random() < 0.2 else ""
            req = " !empty" if self.rng.random() < 0.15 else ""
            return f"{some}{self.query(depth, allow_some=False)}{req} {{\n" + self.body(depth + 1) + "\n}"
        if not filter_context:
            return "when " + self.clause(depth + 1, filter_context=True) + " {\n" + self.body(depth + 1) + "\n}"
        return f"{self.query(depth)} exists"

    def disjunction(self, depth):
        clauses = [self.clause(depth) for _ in range(1 if self.rng.random() < 0.75 else 2)]
        return (" or " if self.rng.random() < 0.7 else "\nOR\n").join(clauses)

    def body(self, depth):
        return "\n".join(self.disjunction(depth) for _ in range(self.rng.randint(1, 2)))

    def rules_file(self):
        """A small rules file: one to three rules, sometimes a `let`, a `when` or a reference."""
        self.variables = []
        self.parameterized = []
        lines = []
        if self.rng.random() < 0.15:
            arity = self.rng.randint(1, 2)
            body = "%p0 " + self.rng.choice(["==", "!=", "in", ">", "<="]) + " " + ("%p1" if arity == 2 else self.literal())
            lines.append(f"rule P1({', '.join(f'p{i}' for i in range(arity))}) {{\n{body}\n}}")
            self.parameterized.append(("P1", arity))
        for index in range(self.rng.randint(0, 2)):
            name = f"v{index}"
            r = self.rng.random()
            if r < 0.6:
                value = self.query(1)
            elif r < 0.75:
                value = self.function(1)
            elif r < 0.85:
                value = self.rng.choice(["['Res0', 'Res1']", "'Res0'", "['Type', 'Properties']"])
            else:
                value = self.literal()
            lines.append(f"let {name} = {value}")
            self.variables.append(name)
        names = [f"R{index + 1}" for index in range(self.rng.randint(1, 3))]
        for index, name in enumerate(names):
            when = ""
            if self.rng.random() < 0.4:
                when = " when " + self.clause(2, filter_context=True)
            elif index > 0 and self.rng.random() < 0.3:
                when = " when " + self.rng.choice(["", "not "]) + self.rng.choice(names[:index])
            body = self.body(0)
            if index > 0 and self.rng.random() < 0.2:
                body += "\n" + self.rng.choice(["", "not "]) + names[index - 1]
            lines.append(f"rule {name}{when} {{\n{body}\n}}")
        if self.rng.random() < 0.15:
            lines.append(self.clause(0))
        return "\n".join(lines) + "\n"


def guard_statuses(document, rules):
    """cfn-guard's statuses by rule, or the kind of error it stopped with."""
    # The raw JSON report, not cfn_guard_rs.run_checks: its report classes fail on some shapes.
    try:
        report = json.loads(run_checks_rs(json.dumps(document), rules, False))
    except CfnGuardParseError as error:
        return "parse", str(error)
    except json.JSONDecodeError as error:
        # cfn-guard-rs sometimes returns a truncated report; such cases cannot be compared.
        return "unreadable", str(error)
    except (CfnGuardMissingValue, Exception) as error:
        return "error", str(error)
    except BaseException as error:  # a Rust panic surfaces as pyo3's PanicException (a BaseException)
        if isinstance(error, KeyboardInterrupt):
            raise
        return "panic", f"{type(error).__name__}: {error}"
    statuses = {name: "PASS" for name in report.get("compliant", [])}
    statuses.update({name: "SKIP" for name in report.get("not_applicable", [])})
    for entry in report.get("not_compliant", []):
        statuses[entry["Rule"]["name"] if "Rule" in entry else entry["name"]] = "FAIL"
    return "ok", statuses


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rules", type=int, default=2000, help="rules files to generate")
    parser.add_argument("--docs", type=int, default=5, help="documents per rules file")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--tenet", default=".build/debug/tenet")
    parser.add_argument("--keep", help="write the cases here and keep them")
    parser.add_argument("--verbose", action="store_true", help="keep cfn-guard's panic backtraces on stderr")
    parser.add_argument("--examples", type=int, default=3, help="examples to print per mismatch kind")
    options = parser.parse_args()
    if not options.verbose:
        # cfn-guard prints a backtrace to the process's stderr when it panics.
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 2)

    rng = random.Random(options.seed)
    documents = DocumentGenerator(rng)
    rules_generator = RuleGenerator(rng)
    root = options.keep or tempfile.mkdtemp(prefix="guard-differential-")
    os.makedirs(os.path.join(root, "tests"), exist_ok=True)

    cases = {}  # case id -> (rules, document, guard answer)
    guard_parse_errors = {}
    for index in range(options.rules):
        stem = f"r{index:06d}"
        rules = rules_generator.rules_file()
        with open(os.path.join(root, stem + ".guard"), "w") as handle:
            handle.write(rules)
        tests = []
        for number in range(options.docs):
            document = documents.template()
            kind, answer = guard_statuses(document, rules)
            case_id = f"{stem}-{number}"
            cases[case_id] = (rules, document, kind, answer)
            if kind == "parse":
                guard_parse_errors[stem] = answer
                break
            expectations = answer if kind == "ok" else {}
            tests.append({"name": case_id, "input": document, "expectations": {"rules": expectations}})
        with open(os.path.join(root, "tests", stem + "_tests.json"), "w") as handle:
            json.dump(tests, handle)

    run = subprocess.run([options.tenet, "test", "--dir", root], capture_output=True, text=True)
    tenet_parse_errors = set(re.findall(r"--> [^\n]*/(r\d{6})\.guard", run.stderr))
    failing = {}
    current = None
    for line in run.stdout.splitlines():
        match = re.match(r"\s+FAIL case (r\d{6}-\d+)", line)
        if match:
            current = match.group(1)
            failing[current] = []
        elif current and line.startswith("    "):
            failing[current].append(line.strip())

    mismatches = collections.defaultdict(list)
    not_compared = collections.Counter()
    total = 0
    for case_id, (rules, document, kind, answer) in cases.items():
        stem = case_id.split("-")[0]
        total += 1
        if kind == "parse" or stem in tenet_parse_errors:
            if (kind == "parse") != (stem in tenet_parse_errors):
                mismatches["parse"].append((case_id, rules, document, answer if kind == "parse" else "Tenet refused the rules"))
            continue
        lines = failing.get(case_id)
        tenet_error = lines is not None and any(line.startswith("error:") for line in lines)
        if kind in ("panic", "unreadable"):
            not_compared[kind] += 1
            continue
        if NEGATED_QUERY_COMPARISON.search(rules):
            known_kind = "known: != or not in between two queries (3.0.1 before the 2024 fix; Tenet follows 3.2)"
        else:
            known_kind = None
        if kind == "error":
            if not tenet_error:
                if "variable interpolation is not supported" in answer:
                    mismatches["known: cfn-guard 3.0.1 refuses `.%var.*` and `.%var[filter]`; Tenet evaluates them"].append((case_id, rules, document, answer))
                else:
                    mismatches["guard-error"].append((case_id, rules, document, answer))
            continue
        if tenet_error:
            mismatches["tenet-error"].append((case_id, rules, document, lines))
        elif lines:
            mismatches[known_kind or "status"].append((case_id, rules, document, lines))

    print(f"cases: {total} ({options.rules} rules files x up to {options.docs} documents), cases dir: {root}")
    print(f"cfn-guard parse errors: {len(guard_parse_errors)} rules files; evaluation errors: "
          f"{sum(1 for c in cases.values() if c[2] == 'error')} cases")
    print(f"not compared: {not_compared['panic']} cfn-guard panics, {not_compared['unreadable']} truncated cfn-guard reports")
    print(f"compared: {total - sum(not_compared.values())} cases (parse outcome, evaluation error or every rule's status)")
    print(f"mismatches: {sum(len(v) for v in mismatches.values())}")
    for kind, items in sorted(mismatches.items()):
        print(f"  {kind}: {len(items)}")
        for case_id, rules, document, detail in items[: options.examples]:
            print(f"    --- {case_id}\n{rules}    data: {json.dumps(document)}\n    detail: {detail}")
    if not options.keep:
        shutil.rmtree(root)


if __name__ == "__main__":
    main()
