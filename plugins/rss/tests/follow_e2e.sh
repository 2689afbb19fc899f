#!/bin/sh
# End to end: `castkit convert feed.xml --follow` fetches the linked JSON chapters and JSON
# transcript from a local HTTP server (through the host's fetcher) into the model.
# usage: follow_e2e.sh CASTKIT DATA_DIR WORK_DIR
set -eu
castkit=$1
data=$2
work=$3
rm -rf "$work"
mkdir -p "$work/site"
cp "$data/rss/pc20-chapters-example.json" "$data/rss/pc20-transcript-example.json" "$work/site/"
# A server on a free port; it writes the port to a file once it listens.
/usr/bin/python3 -c '
import functools, http.server, sys
class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass
handler = functools.partial(Quiet, directory=sys.argv[1])
server = http.server.HTTPServer(("127.0.0.1", 0), handler)
with open(sys.argv[2], "w") as f:
    f.write(str(server.server_address[1]))
server.serve_forever()
' "$work/site" "$work/port" &
server=$!
trap 'kill $server 2>/dev/null' EXIT
i=0
while [ ! -s "$work/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
port=$(cat "$work/port")
base="http://127.0.0.1:$port"
cat > "$work/feed.xml" <<FEED
<rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel><title>Show</title>
<item><title>One</title><guid>one</guid>
<podcast:chapters url="$base/pc20-chapters-example.json" type="application/json+chapters"/>
<podcast:transcript url="$base/pc20-transcript-example.json" type="application/json" language="en"/></item>
</channel></rss>
FEED
"$castkit" convert "$work/feed.xml" --follow -t chapters -o "$work/chapters.json" -q --cache-dir "$work/cache"
grep -q '"title": "Hearing Aids"' "$work/chapters.json" || { echo "chapters were not followed" >&2; exit 1; }
"$castkit" convert "$work/feed.xml" --follow -t json -o "$work/model.json" -q --cache-dir "$work/cache"
grep -q '"speaker"' "$work/model.json" || { echo "the JSON transcript was not followed" >&2; exit 1; }
# Without --follow nothing is fetched.
"$castkit" convert "$work/feed.xml" -t json -o "$work/plain.json" -q
if grep -q '"speaker"' "$work/plain.json"; then echo "fetched without --follow" >&2; exit 1; fi
echo "--follow: chapters and transcript read from $base"
