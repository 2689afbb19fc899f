#!/usr/bin/env bash
# VTT -> json -> VTT through the castkit command keeps ids, settings, voices, regions and styles:
# the input (already in castkit's normal form) comes back byte for byte, directly and via JSON.
set -euo pipefail
castkit=$1
input=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$castkit" convert "$input" -f vtt -t vtt -o "$dir/direct.vtt"
"$castkit" convert "$input" -f vtt -t json -o "$dir/model.json"
"$castkit" convert "$dir/model.json" -f json -t vtt -o "$dir/via-json.vtt"
diff -u "$input" "$dir/direct.vtt"
diff -u "$input" "$dir/via-json.vtt"
grep -q '^id 1$' "$dir/via-json.vtt"
grep -q 'line:10% align:start region:r' "$dir/via-json.vtt"
grep -q '<v Anna>' "$dir/via-json.vtt"
echo "ok: $(grep -c -- '-->' "$dir/via-json.vtt") cues identical through json"
