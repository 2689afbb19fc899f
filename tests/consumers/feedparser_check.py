#!/usr/bin/python3
"""Reads every feed castkit wrote into DIR with Python feedparser (Debian python3-feedparser) and
checks it sees the same titles, enclosures, durations and dates as DIR/<feed>.expected.json."""
import calendar
import glob
import json
import os
import sys

import feedparser


def seconds(duration):
    """itunes:duration as feedparser returns it (text) -> seconds."""
    parts = [float(p) for p in duration.split(":")]
    total = 0.0
    for part in parts:
        total = total * 60 + part
    return total


def check(path, expected, problems):
    parsed = feedparser.parse(path)
    name = os.path.basename(path)
    if parsed.bozo:
        problems.append(f"{name}: feedparser reports a malformed feed: {parsed.bozo_exception}")
        return
    items = expected["items"]
    if len(parsed.entries) != len(items):
        problems.append(f"{name}: {len(parsed.entries)} entries, expected {len(items)}")
        return
    for index, (entry, item) in enumerate(zip(parsed.entries, items)):
        where = f"{name} item {index + 1}"
        if entry.get("title", "") != item["title"].strip():
            problems.append(f"{where}: title {entry.get('title')!r}, expected {item['title']!r}")
        enclosure = item["enclosure"]
        if enclosure:
            got = entry.get("enclosures", [])
            if not got:
                problems.append(f"{where}: no enclosure")
            else:
                first = got[0]
                if first.get("href") != enclosure["url"] or first.get("type", "") != enclosure["type"]:
                    problems.append(f"{where}: enclosure {first}, expected {enclosure}")
                if enclosure["length"] is not None and int(first.get("length", -1)) != enclosure["length"]:
                    problems.append(f"{where}: enclosure length {first.get('length')}, expected {enclosure['length']}")
        if item["duration_s"] is not None:
            got = entry.get("itunes_duration")
            if got is None or abs(seconds(got) - item["duration_s"]) > 0.0005:
                problems.append(f"{where}: duration {got!r}, expected {item['duration_s']} s")
        if item["published_s"] is not None:
            got = entry.get("published_parsed")
            if got is None or calendar.timegm(got) != item["published_s"]:
                problems.append(f"{where}: date {entry.get('published')!r}, expected {item['published_s']} (epoch s)")


def main():
    directory = sys.argv[1]
    problems = []
    feeds = sorted(glob.glob(os.path.join(directory, "*.xml")))
    for path in feeds:
        with open(path + ".expected.json", encoding="utf-8") as handle:
            check(path, json.load(handle), problems)
    for problem in problems:
        print(problem)
    if not feeds:
        print(f"no feeds in {directory}")
        return 1
    print(f"feedparser {feedparser.__version__}: {len(feeds)} feeds, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
