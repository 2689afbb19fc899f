#!/bin/sh
# End to end: `castkit build` on examples/podcast, then the feed through xmllint and castkit lint,
# and every file the feed links must have been written.
# usage: example_build.sh CASTKIT EXAMPLE_DIR OUT_DIR
set -eu
castkit=$1
example=$2
out=$3
rm -rf "$out"
"$castkit" build "$example/castkit.yaml" -o "$out"
feed="$out/feed.xml"
xmllint --noout "$feed"
"$castkit" lint "$feed"
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
