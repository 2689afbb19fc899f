#!/usr/bin/python3
"""Validates castkit JSON files against the model's JSON Schema (draft 2020-12).

Usage: validate_schema.py SCHEMA FILE...   Exit 0 when every file is valid, 1 otherwise.
Needs Debian's python3-jsonschema.
"""
import json
import sys

import jsonschema


def main() -> int:
    schema_path, *files = sys.argv[1:]
    if not files:
        print("usage: validate_schema.py SCHEMA FILE...", file=sys.stderr)
        return 2
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    invalid = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            document = json.load(f)
        errors = list(validator.iter_errors(document))
        for error in errors:
            where = "/".join(str(p) for p in error.absolute_path)
            print(f"{path}: /{where}: {error.message}")
        print(f"{path}: {'INVALID' if errors else 'ok'}")
        invalid += bool(errors)
    return 1 if invalid else 0


if __name__ == "__main__":
    sys.exit(main())
