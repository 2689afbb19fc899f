#!/bin/sh
# Every feed castkit wrote into DIR must be well-formed, namespace-correct XML for libxml2.
set -eu
dir=$1
count=0
for feed in "$dir"/*.xml; do
  xmllint --noout "$feed"
  count=$((count + 1))
done
[ "$count" -gt 0 ] || { echo "no feeds in $dir" >&2; exit 1; }
echo "xmllint: $count feeds well-formed"
