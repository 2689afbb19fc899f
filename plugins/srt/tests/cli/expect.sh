#!/usr/bin/env bash
# Runs a castkit command and checks its exit code and output.
# Usage: expect.sh EXIT_CODE REGEX COMMAND [ARGS...]   (REGEX is matched against stdout+stderr)
set -u
expected_exit=$1
pattern=$2
shift 2
output=$("$@" 2>&1)
status=$?
if [[ $status -ne $expected_exit ]]; then
  echo "expected exit $expected_exit, got $status from: $*"
  echo "$output" | head -c 2000
  exit 1
fi
if ! grep -Eq -- "$pattern" <<<"$output"; then
  echo "output does not match /$pattern/:"
  echo "$output" | head -c 2000
  exit 1
fi
echo "ok: exit $status, output matches /$pattern/"
