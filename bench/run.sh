#!/usr/bin/env bash
# Benchmarks of castkit and its peers: runs castkit and every peer tool on every workload, prints a markdown report.
#
#   ./run.sh                 all tasks (about 5 minutes on 2 cores)
#   ./run.sh srt2vtt cold    only the named tasks (see TASKS below)
#   ./run.sh report          print the report of the last run again
#   TOOLKIT_BIN=/path/to/castkit ./run.sh    castkit's rows from that binary (see toolkit_argv);
#                            default ../build/castkit when it exists; TOOLKIT_BIN=none: peers only
#
# Each measurement: 1 warm-up + RUNS runs (fewer when a run is slow, so that one measurement stays
# under ~2 minutes), each run timed as a whole process: wall clock from bash's $EPOCHREALTIME around
# bash's `time` (user and system CPU, 1 ms resolution) around `/usr/bin/time -f %M` (peak RSS);
# medians are reported. Each run starts without the outputs of the run before (removed untimed).
# For the cold-start table each run is repeated without the timers, and that run's wall is kept.
# Except for cold and feed+chapters, castkit also runs once after each measured run of each peer,
# and its median is over all its runs (see paired_run).
# The output of the last run is then checked by lib/check.py (counts and fidelity).
set -euo pipefail
if [[ ${TOOLKIT_BIN:-} == none ]]; then
  TOOLKIT_BIN=
elif [[ -n ${TOOLKIT_BIN:-} ]]; then
  TOOLKIT_BIN=$(realpath "$TOOLKIT_BIN")  # before the cd below: relative to the caller's directory
fi
cd "$(dirname "$0")"
[[ -z ${TOOLKIT_BIN+x} && -x ../build/castkit ]] && TOOLKIT_BIN=$(realpath ../build/castkit)
export LC_ALL=C.UTF-8 PARTYTIME_LOG=error
# castkit's plugin registry cache of its own, so that other castkit builds on the machine do not
# invalidate it between runs (the first run, a warm-up, writes it).
mkdir -p results
export CASTKIT_REGISTRY=${CASTKIT_REGISTRY:-$PWD/results/registry.bin}

RUNS=${RUNS:-5}                  # measured runs per peer and workload (after one warm-up)
COLD_RUNS=${COLD_RUNS:-20}       # measured runs per peer for the cold-start table
BUDGET_S=${BUDGET_S:-100}        # measured runs of one peer stop adding up past this
WARMUP_TIMEOUT=${WARMUP_TIMEOUT:-120}
PY=/usr/bin/python3              # Debian's python: python3-srt, -webvtt, -feedparser, -bs4 live there
TASKS=(srt2vtt vtt2srt vtt2vtt feed feed+chapters rss2json html2json cold)
D=data O=results/out W=results/work
RESULTS=results/results.tsv

# ---- castkit ---------------------------------------------------------------------------------
# castkit's command for each task (`castkit convert IN [-f FORMAT] -t FORMAT -o OUT`, see
# docs/cli.md). With TOOLKIT_BIN empty these rows are skipped. castkit reads its own model JSON, not
# the neutral feed shape: prepare_castkit converts the feed workload once, untimed.
toolkit_argv() {  # TASK IN OUT [CHAPTERS_DIR] -> sets TK=(argv)
  case $1 in
    srt2vtt | cold) TK=("$TOOLKIT_BIN" convert "$2" -f srt -t vtt -o "$3") ;;
    vtt2srt) TK=("$TOOLKIT_BIN" convert "$2" -f vtt -t srt -o "$3") ;;
    vtt2vtt) TK=("$TOOLKIT_BIN" convert "$2" -f vtt -t vtt -o "$3") ;;
    rss2json) TK=("$TOOLKIT_BIN" convert "$2" -f rss -t json -o "$3") ;;
    feed) TK=("$TOOLKIT_BIN" convert "$2" -f json -t rss -o "$3") ;;  # IN: feed_10k.castkit.json
    feed+chapters) TK=("$TOOLKIT_BIN" build "$2" -o "${3%/*}" -q) ;;  # IN: the project's castkit.yaml
    html2json) TK=("$TOOLKIT_BIN" convert "$2" -f html -t json -o "$3") ;;  # the generic chain, no profile
    *) return 1 ;;
  esac
}
toolkit() {  # TASK CHECK_KIND IN OUT [CHAPTERS_DIR]
  [[ -n ${TOOLKIT_BIN:-} ]] || return 0
  toolkit_argv "$1" "${@:3}" && peer "$1" castkit "$2" "${@:3}" -- "${TK[@]}"
  PAIRED=()
}
# castkit's runs interleaved with the peers' (see "measuring" below): castkit's command for TASK,
# run once untimed here, then once after each measured run of each peer until toolkit() adds its
# own runs and reports the median of them all.
PAIRED=() PAIRED_OUTPUTS=()
pair_toolkit() {  # TASK IN OUT [CHAPTERS_DIR]
  local BARE_WALL=0
  PAIRED=()
  [[ -n ${TOOLKIT_BIN:-} ]] || return 0
  toolkit_argv "$@" || return 0
  PAIRED=("${TK[@]}") PAIRED_OUTPUTS=("${@:3}")
  : >"$W/paired"
  OUTPUTS=("${PAIRED_OUTPUTS[@]}")
  measure_once "${PAIRED[@]}" >/dev/null || PAIRED=()
}
prepare_castkit() {  # untimed: the feed workload as castkit's model JSON and as a build project
  [[ -n ${TOOLKIT_BIN:-} ]] || return 0
  [[ -f $D/feed_10k.castkit.json ]] || "$PY" to_castkit_json.py "$D/feed_10k.json" "$D/feed_10k.castkit.json"
  [[ -f $D/feed_10k.project/castkit.yaml ]] || "$PY" to_castkit_json.py "$D/feed_10k.json" --project "$D/feed_10k.project"
}

# ---- measuring -------------------------------------------------------------------------------
# The outputs of the peer being measured (paths under $O): removed before each run, untimed, so
# that every run writes them anew (castkit leaves an unchanged output alone after comparing it,
# the peers overwrite it: neither is measured).
OUTPUTS=()
remove_outputs() {
  local path
  for path in "${OUTPUTS[@]}"; do
    if [[ $path == "$O"/* ]]; then rm -rf "$path"; fi
  done
}

measure_once() {  # CMD... -> "wall_us user_s sys_s maxrss_kb"; fails when CMD fails
  local t0 t1 TIMEFORMAT='%3U %3S'
  remove_outputs
  # CPU from bash's `time` (1 ms resolution; GNU time's %U and %S have 10 ms, too coarse for a
  # 50 ms run), peak RSS from GNU time.
  t0=$EPOCHREALTIME
  { time /usr/bin/time -f '%M' -o "$W/time" "$@" >/dev/null 2>"$W/stderr"; } 2>"$W/cpu" || return 1
  t1=$EPOCHREALTIME
  if ((BARE_WALL)); then  # cold start: time the wall again without /usr/bin/time's own ~1 ms
    remove_outputs
    t0=$EPOCHREALTIME
    "$@" >/dev/null 2>"$W/stderr" || return 1
    t1=$EPOCHREALTIME
  fi
  echo "$((${t1/./} - ${t0/./})) $(<"$W/cpu") $(tail -n 1 "$W/time")"
}

# Once after each measured run of a peer (not a floor, not castkit itself): castkit's command of
# the task, when pair_toolkit set one. Tools are measured one after another, and the machine's
# speed drifts by a third over minutes: 7 runs of castkit take half a second, 7 of a peer 10 s
# or more, so castkit's own runs alone sample a moment, the peers' a stretch. Interleaved,
# castkit's samples span the whole task (a failed run is left out: castkit's own runs report it).
paired_run() {  # TOOL
  [[ ${#PAIRED[@]} -gt 0 && $1 != castkit && $1 != floor* ]] || return 0
  local saved=("${OUTPUTS[@]}")
  OUTPUTS=("${PAIRED_OUTPUTS[@]}")
  measure_once "${PAIRED[@]}" >>"$W/paired" || true
  OUTPUTS=("${saved[@]}")
}

median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

# peer TASK TOOL CHECK_KIND IN OUT [CHAPTERS_DIR] -- CMD...
# Warm-up (bounded by WARMUP_TIMEOUT), measured runs, then the output check; appends to RESULTS.
peer() {
  local task=$1 tool=$2 kind=$3 in=$4 out=$5 extra=() runs=$RUNS status=ok summary="" warm path
  [[ $6 != -- ]] && extra=("$6") && shift
  shift 6
  local BARE_WALL=0
  [[ $task == cold ]] && runs=$COLD_RUNS BARE_WALL=1
  [[ $kind == - ]] && status=-
  OUTPUTS=("$out" "${extra[@]}")
  printf '%-14s %-34s' "$task" "$tool" >&2
  if ! warm=$(measure_once timeout "$WARMUP_TIMEOUT" "$@"); then
    status=$([[ $(head -c 40 "$W/time") == *"status 124"* ]] && echo "timeout" || echo "error")
    summary="$(tail -n 3 "$W/stderr" | tr '\n\t' '  ' | cut -c 1-200)"
    printf '%s\t%s\t%s\t0\t-\t-\t-\t%s\t%s\n' "$task" "$tool" "$(stat -c %s "$in")" "$status" "$summary" >>"$RESULTS"
    echo " $status" >&2
    return 0
  fi
  local warm_s=$((${warm%% *} / 1000000 + 1))
  ((runs * warm_s > BUDGET_S)) && runs=$((BUDGET_S / warm_s > 0 ? BUDGET_S / warm_s : 1))
  : >"$W/samples"
  for ((i = 0; i < runs; i++)); do
    measure_once "$@" >>"$W/samples" || { status=error; break; }
    paired_run "$tool"
  done
  if [[ $tool == castkit && -s $W/paired ]]; then
    cat "$W/paired" >>"$W/samples"
    : >"$W/paired"
  fi
  runs=$(wc -l <"$W/samples")
  if [[ $status == ok ]]; then
    summary=$($PY lib/check.py "$kind" "$in" "$out" "${extra[@]}" 2>&1 | tail -n 1) || true
    status=${summary%%:*} summary=${summary#*: }
    [[ $status == ok || $status == lossy ]] || status=FAIL
  fi
  local wall cpu rss
  wall=$(awk '{print $1 / 1000}' "$W/samples" | median)
  cpu=$(awk '{print $2 + $3}' "$W/samples" | median)
  rss=$(awk '{print $4 / 1024}' "$W/samples" | median)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$task" "$tool" "$(stat -c %s "$in")" "$runs" \
    "$wall" "$cpu" "$rss" "$status" "$summary" >>"$RESULTS"
  printf ' %9.1f ms %7.1f MB  %s\n' "$wall" "$rss" "$status" >&2
}

# ---- tasks -----------------------------------------------------------------------------------
task_srt2vtt() {
  local in=$D/srt_large.srt o=$O/srt2vtt
  pair_toolkit srt2vtt "$in" "$o.castkit.vtt"
  peer srt2vtt "floor: cat > /dev/null" - "$in" /dev/null -- cat "$in"
  peer srt2vtt "ffmpeg" subs "$in" "$o.ffmpeg.vtt" -- ffmpeg -v error -y -i "$in" "$o.ffmpeg.vtt"
  peer srt2vtt "node subtitle (streams)" subs "$in" "$o.subtitle.vtt" -- node peers/node/subtitle.js "$in" "$o.subtitle.vtt"
  peer srt2vtt "node srt-parser-2 + VTT writer" subs "$in" "$o.srtparser2.vtt" -- node peers/node/srt-parser-2.mjs "$in" "$o.srtparser2.vtt"
  peer srt2vtt "python3 srt + VTT writer" subs "$in" "$o.pysrt.vtt" -- "$PY" peers/py/srt_to_vtt.py "$in" "$o.pysrt.vtt"
  peer srt2vtt "python3 webvtt (from_srt)" subs "$in" "$o.webvtt.vtt" -- "$PY" peers/py/webvtt_convert.py "$in" "$o.webvtt.vtt"
  toolkit srt2vtt subs "$in" "$o.castkit.vtt"
}

task_vtt2srt() {
  local in=$D/vtt_large.vtt o=$O/vtt2srt
  pair_toolkit vtt2srt "$in" "$o.castkit.srt"
  peer vtt2srt "ffmpeg" subs "$in" "$o.ffmpeg.srt" -- ffmpeg -v error -y -i "$in" "$o.ffmpeg.srt"
  peer vtt2srt "node subtitle (streams)" subs "$in" "$o.subtitle.srt" -- node peers/node/subtitle.js "$in" "$o.subtitle.srt"
  peer vtt2srt "node node-webvtt + SRT writer" subs "$in" "$o.nodewebvtt.srt" -- node peers/node/node-webvtt.js "$in" "$o.nodewebvtt.srt"
  peer vtt2srt "python3 webvtt (save_as_srt)" subs "$in" "$o.webvtt.srt" -- "$PY" peers/py/webvtt_convert.py "$in" "$o.webvtt.srt"
  toolkit vtt2srt subs "$in" "$o.castkit.srt"
}

task_vtt2vtt() {  # parse + re-write WebVTT: shows what survives (voices, settings, NOTE)
  local in=$D/vtt_large.vtt o=$O/vtt2vtt
  pair_toolkit vtt2vtt "$in" "$o.castkit.vtt"
  peer vtt2vtt "ffmpeg" subs "$in" "$o.ffmpeg.vtt" -- ffmpeg -v error -y -i "$in" "$o.ffmpeg.vtt"
  peer vtt2vtt "node subtitle (streams)" subs "$in" "$o.subtitle.vtt" -- node peers/node/subtitle.js "$in" "$o.subtitle.vtt"
  peer vtt2vtt "node node-webvtt (parse+compile)" subs "$in" "$o.nodewebvtt.vtt" -- node peers/node/node-webvtt.js "$in" "$o.nodewebvtt.vtt"
  peer vtt2vtt "python3 webvtt (read+save)" subs "$in" "$o.webvtt.vtt" -- "$PY" peers/py/webvtt_convert.py "$in" "$o.webvtt.vtt"
  toolkit vtt2vtt subs "$in" "$o.castkit.vtt"
}

task_feed() {  # feed_10k.json (and .yaml) -> RSS 2.0 + iTunes + podcast:* tags
  local in=$D/feed_10k.json o=$O/feed
  pair_toolkit feed "$D/feed_10k.castkit.json" "$o.castkit.xml"
  peer feed "node podcast" feed "$in" "$o.podcast.xml" -- node peers/node/podcast.js "$in" "$o.podcast.xml"
  peer feed "node feed" feed "$in" "$o.feed.xml" -- node peers/node/feed.mjs "$in" "$o.feed.xml"
  peer feed "python3 xml.etree" feed "$in" "$o.etree.xml" -- "$PY" peers/py/etree_feed.py "$in" "$o.etree.xml"
  peer feed "python3 xml.etree from YAML (libyaml)" feed "$D/feed_10k.yaml" "$o.etree-yaml.xml" -- "$PY" peers/py/etree_feed.py "$D/feed_10k.yaml" "$o.etree-yaml.xml"
  toolkit feed feed "$D/feed_10k.castkit.json" "$o.castkit.xml"
}

task_feed+chapters() {  # the same, plus one JSON chapters file per episode (10,000 files)
  local in=$D/feed_10k.json o=$O/feedch
  peer feed+chapters "node podcast" feed "$in" "$o.podcast.xml" "$o.podcast.chapters" -- node peers/node/podcast.js "$in" "$o.podcast.xml" "$o.podcast.chapters"
  peer feed+chapters "node feed" feed "$in" "$o.feed.xml" "$o.feed.chapters" -- node peers/node/feed.mjs "$in" "$o.feed.xml" "$o.feed.chapters"
  peer feed+chapters "python3 xml.etree + json" feed "$in" "$o.etree.xml" "$o.etree.chapters" -- "$PY" peers/py/etree_feed.py "$in" "$o.etree.xml" "$o.etree.chapters"
  # castkit build: castkit.yaml names the show and 10,000 episodes, each with its model JSON source;
  # outputs: the feed and chapters/<guid>.json per episode (see to_castkit_json.py --project).
  toolkit feed+chapters feed "$D/feed_10k.project/castkit.yaml" "$o.castkit/feed.xml" "$o.castkit/chapters"
}

task_rss2json() {
  local in=$D/rss_5k.xml o=$O/rss2json
  pair_toolkit rss2json "$in" "$o.castkit.json"
  peer rss2json "floor: cat > /dev/null" - "$in" /dev/null -- cat "$in"
  peer rss2json "node podcast-partytime" rssjson "$in" "$o.partytime.json" -- node peers/node/partytime.js "$in" "$o.partytime.json"
  peer rss2json "node rss-parser (customFields)" rssjson "$in" "$o.rssparser.json" -- node peers/node/rss-parser.js "$in" "$o.rssparser.json"
  peer rss2json "python3 feedparser" rssjson "$in" "$o.feedparser.json" -- "$PY" peers/py/feedparser_json.py "$in" "$o.feedparser.json"
  toolkit rss2json rssjson "$in" "$o.castkit.json"
}

task_html2json() {  # chapters table + transcript paragraphs out of a 2 MB episode page
  local in=$D/page_2mb.html o=$O/html
  pair_toolkit html2json "$in" "$o.castkit.json"
  peer html2json "node cheerio" html "$in" "$o.cheerio.json" -- node peers/node/cheerio.js "$in" "$o.cheerio.json"
  for builder in html.parser lxml html5lib; do
    peer html2json "python3 bs4 ($builder)" html "$in" "$o.bs4-$builder.json" -- "$PY" peers/py/bs4_extract.py "$builder" "$in" "$o.bs4-$builder.json"
  done
  peer html2json "python3 lxml.html (XPath)" html "$in" "$o.lxml.json" -- "$PY" peers/py/lxml_extract.py "$in" "$o.lxml.json"
  toolkit html2json html "$in" "$o.castkit.json"
}

task_cold() {  # start-up cost: a 1-hour episode (srt_1h.srt) -> WebVTT, as a whole process
  local in=$D/srt_1h.srt o=$O/cold
  peer cold "floor: /bin/true" - "$in" /dev/null -- /bin/true
  peer cold "floor: cat > /dev/null" - "$in" /dev/null -- cat "$in"
  peer cold "floor: node -e 0" - "$in" /dev/null -- node -e 0
  peer cold "floor: python3 -c pass" - "$in" /dev/null -- "$PY" -c pass
  peer cold "ffmpeg" subs "$in" "$o.ffmpeg.vtt" -- ffmpeg -v error -y -i "$in" "$o.ffmpeg.vtt"
  peer cold "node subtitle (streams)" subs "$in" "$o.subtitle.vtt" -- node peers/node/subtitle.js "$in" "$o.subtitle.vtt"
  peer cold "node srt-parser-2 + VTT writer" subs "$in" "$o.srtparser2.vtt" -- node peers/node/srt-parser-2.mjs "$in" "$o.srtparser2.vtt"
  peer cold "python3 srt + VTT writer" subs "$in" "$o.pysrt.vtt" -- "$PY" peers/py/srt_to_vtt.py "$in" "$o.pysrt.vtt"
  peer cold "python3 webvtt (from_srt)" subs "$in" "$o.webvtt.vtt" -- "$PY" peers/py/webvtt_convert.py "$in" "$o.webvtt.vtt"
  toolkit cold subs "$in" "$o.castkit.vtt"
}

# ---- report ----------------------------------------------------------------------------------
versions() {
  local npm_versions
  npm_versions=$(cd node_modules && for p in subtitle srt-parser-2 node-webvtt podcast feed podcast-partytime rss-parser cheerio; do
    printf '%s@%s ' "$p" "$(node -p "require('./$p/package.json').version")"; done)
  echo "- machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(uname -sr)"
  echo "- date: $(cat results/started)"
  echo "- ffmpeg $(ffmpeg -version | awk 'NR == 1 {print $3}'); node $(node --version); npm: ${npm_versions% }"
  echo "- $($PY --version) (Debian): $(dpkg-query -W -f '${Package} ${Version}, ' python3-srt python3-webvtt python3-feedparser python3-bs4 python3-lxml python3-html5lib python3-yaml | sed 's/, $//')"
  [[ -z ${TOOLKIT_BIN:-} ]] || echo "- castkit: $TOOLKIT_BIN ($("$TOOLKIT_BIN" --version 2>/dev/null | head -n 1)), source $(cat results/commit 2>/dev/null)"
}

table() {  # awk filter on the task column -> markdown rows of RESULTS
  # x fastest: wall / the task's fastest non-floor wall (castkit included); vs castkit: this row's
  # wall, CPU and peak RSS divided by castkit's in the same task (how many times castkit is faster
  # or smaller), when castkit has a row.
  awk -F'\t' -v want="$1" '
    ($1 == "cold") == (want == "cold") {
      row[++n] = $0
      if ($8 ~ /^(ok|lossy)$/ && $2 !~ /^floor/ && (!($1 in best) || $5 < best[$1])) best[$1] = $5
      if ($2 == "castkit" && $8 !~ /^(timeout|error)$/) { ck_wall[$1] = $5; ck_cpu[$1] = $6; ck_rss[$1] = $7 }
    }
    function ratio(a, b) { return (b > 0) ? sprintf("%.1f", a / b) : "" }
    END {
      for (i = 1; i <= n; i++) {
        split(row[i], f, "\t")
        if (f[8] == "timeout" || f[8] == "error") { printf "| %s | %s | %s | | | | | | | | %s |\n", f[1], f[2], f[8], f[8]; continue }
        fastest = (f[2] ~ /^floor/ || !(f[1] in best)) ? "" : sprintf("%.2f", f[5] / best[f[1]])
        vs = (f[2] ~ /^floor/ || f[2] == "castkit" || !(f[1] in ck_wall)) ? " | |" : \
          sprintf(" %s | %s | %s", ratio(f[5], ck_wall[f[1]]), ratio(f[6], ck_cpu[f[1]]), ratio(f[7], ck_rss[f[1]]))
        mbs = (want == "cold") ? "" : sprintf("%.1f", f[3] / 1000 / f[5])
        printf "| %s | %s | %.1f | %.3f | %.1f | %s |%s | %s | %d | %s |\n", f[1], f[2], f[5], f[6], f[7], fastest, vs, mbs, f[4], f[8]
      }
    }' "$RESULTS"
}

report() {
  local head="| task | tool | wall ms | CPU s | peak RSS MB | x fastest | wall / castkit | CPU / castkit | RSS / castkit | MB/s | runs | check |
|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
  echo "## castkit and peers"
  versions
  echo
  "$PY" - <<'EOF'
import json
with open("data/manifest.json") as f:
    manifest = json.load(f)
for name, facts in manifest.items():
    counts = ", ".join(f"{k} {v}" for k, v in facts.items() if k != "bytes" and "sha" not in k)
    print(f"- workload {name}: {facts['bytes'] / 1e6:.1f} MB ({counts})")
EOF
  echo
  echo "Medians of the measured runs; CPU = user + system; x fastest = wall / the task's fastest non-floor wall;"
  echo "wall|CPU|RSS / castkit = this row's median divided by castkit's in the same task (castkit is that many"
  echo "times faster or smaller); MB/s = input bytes / wall; check: ok, lossy (counts right, something dropped"
  echo "or changed) or FAIL."
  echo
  echo "$head"
  table main
  if grep -q '^cold' "$RESULTS"; then
    echo
    echo "### Cold start: srt_1h.srt ($(stat -c %s $D/srt_1h.srt) bytes, $COLD_RUNS runs) -> WebVTT, whole process"
    echo
    echo "$head"
    table cold
  fi
  echo
  echo "### Checks (lib/check.py on the last run's output)"
  awk -F'\t' '$9 != "" {printf "- %s / %s: %s: %s\n", $1, $2, $8, $9}' "$RESULTS"
}

preflight() {  # the peers must all be there, or the report would silently miss rows
  local missing=()
  for c in ffmpeg node npm /usr/bin/time "$PY"; do command -v "$c" >/dev/null || missing+=("$c"); done
  "$PY" -c 'import srt, webvtt, feedparser, bs4, lxml, html5lib, yaml' 2>/dev/null || missing+=("python3 modules")
  ((${#missing[@]} == 0)) && return 0
  echo "missing: ${missing[*]}; see README.md (apt-get install ... / npm ci)" >&2
  exit 2
}

main() {
  [[ ${1:-} == report ]] && { report | tee results/report.md; return; }  # re-render the last results
  preflight
  local tasks=("$@")
  ((${#tasks[@]})) || tasks=("${TASKS[@]}")
  for t in "${tasks[@]}"; do declare -F "task_$t" >/dev/null || { echo "unknown task: $t (${TASKS[*]})" >&2; exit 2; }; done
  [[ -f $D/manifest.json ]] || python3 gen/generate.py
  [[ -d node_modules ]] || npm ci --no-audit --no-fund
  prepare_castkit
  mkdir -p "$O" "$W"
  : >"$RESULTS"
  date -u '+%Y-%m-%d %H:%M UTC' >results/started
  git -C .. log -1 --format='commit %h (%cd)' --date=format:'%H:%M' >results/commit 2>/dev/null || : >results/commit
  for t in "${tasks[@]}"; do "task_$t"; done
  report | tee results/report.md
}

main "$@"
