#!/bin/sh
# Every corpus feed: rss -> rss and rss -> json -> rss (through the json plugin's lossless model)
# give byte-identical feeds, so nothing the rss importer keeps is lost in castkit's JSON.
# usage: json_round_trip.sh CASTKIT DATA_DIR WORK_DIR
set -eu
castkit=$1
data=$2
work=$3
mkdir -p "$work"
count=0
for feed in "$data"/rss/*.xml; do
  name=$(basename "$feed" .xml)
  "$castkit" convert "$feed" -f rss -t rss -o "$work/$name.direct.xml" -q
  "$castkit" convert "$feed" -f rss -t json -o "$work/$name.json" -q
  "$castkit" convert "$work/$name.json" -f json -t rss -o "$work/$name.via-json.xml" -q
  cmp "$work/$name.direct.xml" "$work/$name.via-json.xml"
  count=$((count + 1))
done
echo "rss -> json -> rss: $count feeds byte-identical"
