#!/usr/bin/env bash
# A single 100 MB line in an SRT file, generated at test time: castkit must refuse it with a clear
# error (limits.max_line_bytes, default 16 MiB), exit 1, and stay within bounded memory.
set -euo pipefail
castkit=$1
# Peak memory allowed, in kB (sanitizer builds pass a larger bound: ASan's shadow memory).
max_peak_kb=${2:-160000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
{ printf '1\n00:00:01,000 --> 00:00:02,000\n'; head -c 100000000 /dev/zero | tr '\0' x; printf '\n'; } >"$dir/huge.srt"
set +e
output=$(/usr/bin/time -f 'peak_kb=%M' "$castkit" convert "$dir/huge.srt" -t vtt -o "$dir/out.vtt" 2>&1)
status=$?
set -e
echo "$output" | tail -3
[[ $status -eq 1 ]] || { echo "expected exit 1, got $status"; exit 1; }
grep -q "limits.max_line_bytes (16777216)" <<<"$output" || { echo "no max_line_bytes message"; exit 1; }
peak_kb=$(grep -o 'peak_kb=[0-9]*' <<<"$output" | cut -d= -f2)
# The input itself is 100 MB; reading it must not cost much more than that.
(( peak_kb < max_peak_kb )) || { echo "peak memory ${peak_kb} kB is too high"; exit 1; }
[[ ! -e "$dir/out.vtt" ]] || { echo "an output was written"; exit 1; }
