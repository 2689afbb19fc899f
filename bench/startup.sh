#!/usr/bin/env bash
# Start-up benchmark (issue 2 §9; the 1-hour row of issue 3 §9): whole-process runs of castkit next
# to a bare C++ `int main(){}` built with the same compiler and flags as castkit's build, and
# /bin/true, all in ONE hyperfine run (the machine is shared: compare within a run, as ratios).
#
#   ./startup.sh                         castkit from TOOLKIT_BIN (default ../build/castkit)
#   BUILD_DIR=/work/build-h ./startup.sh castkit from BUILD_DIR/castkit, flags from its CMakeCache
#   RUNS=200 ./startup.sh                more runs (default 100, after 3 warm-ups)
#   COMPARE_BIN=/work/build-off/castkit ./startup.sh
#                                        also a second castkit (e.g. the same sources built with
#                                        -DCASTKIT_STATIC_CXX_RUNTIME=OFF), rows "castkit (compare) ..."
#
# Writes results/startup.json (hyperfine's export) and results/startup.md (medians, ratios).
set -euo pipefail
cd "$(dirname "$0")"
export LC_ALL=C.UTF-8
# castkit's plugin registry cache of its own, so that other castkit builds on the machine do not
# invalidate it between runs (the first run, a warm-up, writes it).
mkdir -p results
export CASTKIT_REGISTRY=${CASTKIT_REGISTRY:-$PWD/results/registry.bin}

RUNS=${RUNS:-100}
BUILD_DIR=$(realpath "${BUILD_DIR:-../build}")
TOOLKIT_BIN=$(realpath "${TOOLKIT_BIN:-$BUILD_DIR/castkit}")
PY=/usr/bin/python3
D=data O=results/out
CACHE=$BUILD_DIR/CMakeCache.txt
[[ -x $TOOLKIT_BIN ]] || { echo "no castkit at $TOOLKIT_BIN (set TOOLKIT_BIN or BUILD_DIR)" >&2; exit 2; }
[[ -f $CACHE ]] || { echo "no $CACHE: the bare process needs castkit's build flags" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "hyperfine missing: apt-get install hyperfine" >&2; exit 2; }
[[ -f $D/manifest.json ]] || $PY gen/generate.py
mkdir -p "$O"

# The small model JSON: the first episode of the feed workload, in castkit's model (untimed).
[[ -f $D/small.json ]] || $PY to_castkit_json.py "$D/feed_10k.json" "$D/small.json" --episodes 1

# The bare process: the compiler, build type flags and linker flags castkit was configured with,
# plus the project-wide options of CMakeLists.txt (C++20, warnings, position-independent code).
cache() { sed -n "s/^$1:[A-Z]*=//p" "$CACHE"; }
build_type=$(cache CMAKE_BUILD_TYPE)
BARE_CMD=("$(cache CMAKE_CXX_COMPILER)" $(cache CMAKE_CXX_FLAGS) $(cache "CMAKE_CXX_FLAGS_${build_type^^}")
  -std=c++20 -Wall -Wextra -fPIE $(cache CMAKE_EXE_LINKER_FLAGS) $(cache "CMAKE_EXE_LINKER_FLAGS_${build_type^^}")
  results/bare.cpp -o results/bare)
echo 'int main() {}' >results/bare.cpp
"${BARE_CMD[@]}"
# The same program with libstdc++ kept as a dependency (the linker drops it from the bare one, as it is
# unused): the floor of any process that links the C++ runtime dynamically, as castkit does when
# built with CASTKIT_STATIC_CXX_RUNTIME=OFF (sanitizer builds).
"${BARE_CMD[@]/%results\/bare/results/bare-libstdcxx}" -Wl,--no-as-needed -lstdc++
BENCH=(-n "/bin/true" "/bin/true" -n "bare C++ int main(){}" "results/bare"
  -n "bare C++ + libstdc++.so" "results/bare-libstdcxx")
# A build with CASTKIT_STATIC_CXX_RUNTIME links libstdc++ into castkit the way cmake/CastkitCxxRuntime.cmake
# does: the same program linked that way is the floor of such a castkit.
EMBEDDED_EXPORTS=$BUILD_DIR/libstdcxx-exports.ver
rm -f results/bare-embedded
if [[ $(cache CASTKIT_STATIC_CXX_RUNTIME) == ON && -f $EMBEDDED_EXPORTS ]]; then
  "${BARE_CMD[@]/%results\/bare/results/bare-embedded}" -static-libstdc++ \
    -Wl,--whole-archive "$("$(cache CMAKE_CXX_COMPILER)" -print-file-name=libstdc++.a)" -Wl,--no-whole-archive \
    -Wl,--export-dynamic -Wl,--version-script="$EMBEDDED_EXPORTS" -Wl,-soname,libstdc++.so.6
  BENCH+=(-n "bare C++ + embedded libstdc++ (as castkit)" "results/bare-embedded")
fi

# One hyperfine run: names and commands; castkit rows only for the formats this build has.
BENCH+=(
  -n "castkit --version" "$TOOLKIT_BIN --version"
  -n "castkit convert small.json -t json" "$TOOLKIT_BIN convert $D/small.json -t json -o $O/small.out.json")
formats=$("$TOOLKIT_BIN" formats 2>/dev/null || true)
if grep -qw srt <<<"$formats" && grep -qw vtt <<<"$formats"; then
  BENCH+=(-n "castkit convert srt_1h.srt -t vtt" "$TOOLKIT_BIN convert $D/srt_1h.srt -t vtt -o $O/startup.castkit.vtt")
fi
COMPARE_BIN=${COMPARE_BIN:+$(realpath "$COMPARE_BIN")}
if [[ -n $COMPARE_BIN ]]; then
  BENCH+=(-n "castkit (compare) convert small.json -t json"
    "$COMPARE_BIN convert $D/small.json -t json -o $O/small.compare.json")
  grep -qw srt <<<"$formats" && BENCH+=(-n "castkit (compare) convert srt_1h.srt -t vtt"
    "$COMPARE_BIN convert $D/srt_1h.srt -t vtt -o $O/startup.compare.vtt")
fi
BENCH+=(-n "ffmpeg srt_1h.srt -> vtt" "ffmpeg -v error -y -i $D/srt_1h.srt $O/startup.ffmpeg.vtt"
  -n "python3 webvtt srt_1h.srt -> vtt" "$PY peers/py/webvtt_convert.py $D/srt_1h.srt $O/startup.webvtt.vtt")

# The warm-ups also let castkit rebuild its plugin registry cache when it is stale.
hyperfine -N --warmup 3 --runs "$RUNS" --export-json results/startup.json --style basic "${BENCH[@]}" \
  >results/startup.log 2>&1 || { cat results/startup.log >&2; exit 1; }

# Peak RSS of one run each (hyperfine does not measure memory).
rss() { /usr/bin/time -f %M -o results/rss "$@" >/dev/null 2>&1 && cat results/rss; }
{
  echo "bare C++ int main(){}	$(rss results/bare)"
  echo "castkit convert small.json -t json	$(rss "$TOOLKIT_BIN" convert $D/small.json -t json -o $O/small.out.json)"
  grep -q srt_1h results/startup.log &&
    echo "castkit convert srt_1h.srt -t vtt	$(rss "$TOOLKIT_BIN" convert $D/srt_1h.srt -t vtt -o $O/startup.castkit.vtt)"
} >results/startup-rss.tsv

# Instructions executed (valgrind's callgrind, when installed): the same on a quiet or a busy machine.
: >results/startup-instructions.tsv
if command -v valgrind >/dev/null; then
  instructions() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "${@:2}" 2>&1 >/dev/null |
      sed -n 's/.*refs: *//p' | tr -d , | sed "s/^/$1\t/" >>results/startup-instructions.tsv
  }
  instructions "bare C++ int main(){}" results/bare
  instructions "bare C++ + libstdc++.so" results/bare-libstdcxx
  [[ -x results/bare-embedded ]] &&
    instructions "bare C++ + embedded libstdc++ (as castkit)" results/bare-embedded
  instructions "castkit --version" "$TOOLKIT_BIN" --version
  instructions "castkit convert small.json -t json" "$TOOLKIT_BIN" convert $D/small.json -t json -o $O/small.out.json
  grep -q srt_1h results/startup.log &&
    instructions "castkit convert srt_1h.srt -t vtt" "$TOOLKIT_BIN" convert $D/srt_1h.srt -t vtt -o $O/startup.castkit.vtt
  if [[ -n $COMPARE_BIN ]]; then
    instructions "castkit (compare) convert small.json -t json" "$COMPARE_BIN" convert $D/small.json -t json -o $O/small.compare.json
    grep -q "compare) convert srt_1h" results/startup.log &&
      instructions "castkit (compare) convert srt_1h.srt -t vtt" "$COMPARE_BIN" convert $D/srt_1h.srt -t vtt -o $O/startup.compare.vtt
  fi
fi

$PY - "$RUNS" "${BARE_CMD[*]}" "$("$TOOLKIT_BIN" --version 2>/dev/null | head -n 1)" \
  "$(cache CASTKIT_STATIC_CXX_RUNTIME)" "$COMPARE_BIN" <<'EOF' | tee results/startup.md
import json, sys
runs, bare_cmd, version, static_runtime, compare_bin = sys.argv[1:6]
results = json.load(open("results/startup.json"))["results"]
rss = dict(line.rstrip("\n").split("\t") for line in open("results/startup-rss.tsv"))
instr = dict(line.rstrip("\n").split("\t") for line in open("results/startup-instructions.tsv"))
median = {r["command"]: r["median"] * 1000 for r in results}
bare = median["bare C++ int main(){}"]
print(f"castkit: {version}; CASTKIT_STATIC_CXX_RUNTIME={static_runtime or 'OFF'}; "
      f"hyperfine -N --warmup 3 --runs {runs}; bare process built with: `{bare_cmd}`"
      + (f"; compare: `{compare_bin}`" if compare_bin else "") + "\n")
print("| command | median ms | mean ± σ ms | min ms | x bare (median) | x bare (min) | instructions | peak RSS MB |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
bare_min = next(r["min"] for r in results if r["command"] == "bare C++ int main(){}") * 1000
for r in results:
    name = r["command"]
    mem = f"{int(rss[name]) / 1024:.1f}" if name in rss else ""
    count = f"{int(instr[name]):,}" if name in instr else ""
    print(f"| {name} | {median[name]:.2f} | {r['mean'] * 1000:.2f} ± {r['stddev'] * 1000:.2f} "
          f"| {r['min'] * 1000:.2f} | {median[name] / bare:.2f} | {r['min'] * 1000 / bare_min:.2f} "
          f"| {count} | {mem} |")
minimum = {r["command"]: r["min"] * 1000 for r in results}
for name in ("castkit convert small.json -t json", "castkit convert srt_1h.srt -t vtt",
             "castkit (compare) convert small.json -t json", "castkit (compare) convert srt_1h.srt -t vtt"):
    if name not in median:
        continue
    by_median, by_min = median[name] / bare, minimum[name] / bare_min
    print(f"\n- {name}: {by_median:.2f}x the bare process by median, {by_min:.2f}x by minimum "
          f"(goal <= 2x): {'met' if by_median <= 2 else 'MISSED'} by median, "
          f"{'met' if by_min <= 2 else 'MISSED'} by minimum", end="")
print()
EOF
