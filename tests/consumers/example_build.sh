#!/bin/sh
# End to end: `castkit build` on examples/podcast, then the feed through xmllint and castkit lint,
# and every file the feed links must have been written.
# usage: example_build.sh CASTKIT EXAMPLE_DIR OUT_DIR
set -eu
castkit=$1
example=$2
out=$3
rm -rf "$out"
# The project gives every source an episode needs: the build has nothing to say on stderr.
"$castkit" build "$example/castkit.yaml" -o "$out" 2>"$out.stderr"
if [ -s "$out.stderr" ]; then
  cat "$out.stderr" >&2
  echo "castkit build printed diagnostics for the example project" >&2
  exit 1
fi
feed="$out/feed.xml"
xmllint --noout "$feed"
"$castkit" lint "$feed"
/usr/bin/python3 -c '
import sys, feedparser
feed = feedparser.parse(sys.argv[1])
entry = feed.entries[0] if feed.entries else {}
ok = not feed.bozo and len(feed.entries) == 1 and entry.get("itunes_duration") == "3808" \
    and entry.get("title", "").startswith("Rust efficiencies")
sys.exit(0 if ok else "feedparser does not read the example feed back: %r" % (feed.get("bozo_exception"),))
' "$feed"
base=https://podcast.example.com/shipit/
for file in episodes/ship-it-89.chapters.json episodes/ship-it-89.vtt episodes/ship-it-89.srt \
            episodes/ship-it-89.transcript.json episodes/ship-it-89.transcript.html; do
  [ -s "$out/$file" ] || { echo "missing output $out/$file" >&2; exit 1; }
  grep -q "url=\"$base$file\"" "$feed" || { echo "feed does not link $base$file" >&2; exit 1; }
done
grep -q '<podcast:chapters url="https://podcast.example.com/shipit/episodes/ship-it-89.chapters.json" type="application/json+chapters"/>' "$feed" \
  || { echo "no podcast:chapters link of type application/json+chapters" >&2; exit 1; }
grep -q 'type="text/vtt" language="en" rel="captions"' "$feed" || { echo "no VTT captions link" >&2; exit 1; }
echo "example build: $(ls -R "$out" | grep -c '\.') files, feed well-formed and lint-clean"
