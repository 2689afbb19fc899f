#!/usr/bin/env bash
# With CASTKIT_STATIC_CXX_RUNTIME, castkit carries the C++ runtime and stands in for libstdc++.so.6:
# loading the json plugin (which, like libsimdjson.so it needs, is linked against libstdc++.so.6)
# must not load libstdc++.so.6, and exceptions thrown in the plugin must still reach the host.
#   embedded_cxx_runtime.sh CASTKIT_BINARY SOURCE_DIR WORK_DIR
set -euo pipefail
castkit=$1 source_dir=$2 work=$3
rm -rf "$work"
mkdir -p "$work"
export CASTKIT_REGISTRY=$work/registry.bin
episode=$source_dir/examples/out-of-tree-plugin/episode.json
"$castkit" --version >/dev/null  # builds the registry cache, so the runs below only load what they need

fail() { echo "$*" >&2; exit 1; }
# ld.so's own log of every object it loads (LD_DEBUG=files) goes to LD_DEBUG_OUTPUT.<pid>.
loaded() { cat "$work"/ld.* 2>/dev/null | sed -n 's/.*file=\([^ ]*\) .*generating link map.*/\1/p'; }

# The json plugin's output is its normalised input: converting it again gives the same bytes.
"$castkit" convert "$episode" -t json -o "$work/normalised.json"
LD_DEBUG=files LD_DEBUG_OUTPUT=$work/ld "$castkit" convert "$work/normalised.json" -t json -o "$work/out.json"
cmp -s "$work/normalised.json" "$work/out.json" || fail "json round trip differs"
loaded | grep -q 'castkit-json\.so$' || fail "castkit-json.so was not loaded"
! loaded | grep -q 'libstdc++' || fail "libstdc++.so.6 was loaded: $(loaded | grep 'libstdc++')"

# A plugin's exception (castkit::Error, thrown by the json reader) crosses into the host: exit 1 and
# the position of the error, with the runtime still not loaded.
rm -f "$work"/ld.*
printf '{"title": "x",\n "episodes": [}\n' >"$work/bad.json"
status=0
LD_DEBUG=files LD_DEBUG_OUTPUT=$work/ld "$castkit" convert "$work/bad.json" -t json -o "$work/bad.out" \
  2>"$work/bad.err" || status=$?
[[ $status == 1 ]] || fail "bad JSON: exit $status, expected 1: $(<"$work/bad.err")"
grep -q "bad.json:2:" "$work/bad.err" || fail "bad JSON: no position in: $(<"$work/bad.err")"
! loaded | grep -q 'libstdc++' || fail "libstdc++.so.6 was loaded for the bad input"
echo "embedded C++ runtime: ok"
