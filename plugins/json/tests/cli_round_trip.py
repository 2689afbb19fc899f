#!/usr/bin/python3
"""End-to-end JSON round trip through the castkit binary (issue 2, section 8).

Usage: cli_round_trip.py CASTKIT INPUT WORKDIR [SCHEMA]

Runs `castkit convert INPUT -t json -o a.json`, then `castkit convert a.json -t json -o b.json`,
and checks that a.json and b.json are byte-identical and that the input's key fields survived:
Podcasting 2.0 chapters (startTime, endTime, title, img, url) and transcript segments (speaker,
startTime, endTime, body), float seconds in the input, integer milliseconds in castkit's JSON.
With SCHEMA (and Debian's python3-jsonschema installed), a.json must also validate against it.
"""
import json
import os
import subprocess
import sys


def run(castkit, *args):
    result = subprocess.run([castkit, *args], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"castkit {' '.join(args)} exited {result.returncode}:\n{result.stderr}")


def ms(seconds):
    return round(seconds * 1000)


def check_chapters(source, model):
    chapters = [c for e in model["show"].get("episodes", []) for c in e.get("chapters", [])]
    expected = source["chapters"]
    assert len(chapters) == len(expected), f"{len(chapters)} chapters, expected {len(expected)}"
    for got, want in zip(chapters, expected):
        assert got["start_ms"] == ms(want["startTime"]), (got, want)
        if "endTime" in want:
            assert got.get("end_ms") == ms(want["endTime"]), (got, want)
        for key in ("title", "img", "url"):
            if key in want:
                assert got.get(key) == want[key], (key, got, want)
        if want.get("toc") is False:
            assert got.get("toc") is False, (got, want)


def check_segments(source, model):
    segments = [s for e in model["show"].get("episodes", [])
                for s in e.get("transcript", {}).get("segments", [])]
    expected = source["segments"]
    assert len(segments) == len(expected), f"{len(segments)} segments, expected {len(expected)}"
    for got, want in zip(segments, expected):
        assert got.get("start_ms") == ms(want["startTime"]), (got, want)
        assert got.get("end_ms") == ms(want["endTime"]), (got, want)
        assert got.get("speaker") == want["speaker"], (got, want)
        assert got.get("text") == want["body"], (got, want)


def validate(model, schema_path):
    try:
        import jsonschema
    except ImportError:
        print("python3-jsonschema not installed: schema not checked")
        return
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator(schema).validate(model)


def main():
    castkit, source_path, workdir, *schema = sys.argv[1:]
    workdir = os.path.join(workdir, os.path.basename(source_path))
    os.makedirs(workdir, exist_ok=True)
    a = os.path.join(workdir, "a.json")
    b = os.path.join(workdir, "b.json")
    for path in (a, b):
        if os.path.exists(path):
            os.remove(path)
    run(castkit, "convert", source_path, "-t", "json", "-o", a)
    run(castkit, "convert", a, "-t", "json", "-o", b)
    with open(a, "rb") as fa, open(b, "rb") as fb:
        first, second = fa.read(), fb.read()
    if first != second:
        sys.exit(f"{a} and {b} differ: json -> json is not stable")
    with open(source_path, encoding="utf-8") as f:
        source = json.load(f)
    model = json.loads(first)
    assert model.get("castkit") == "1", "no castkit marker in the output"
    if "chapters" in source:
        check_chapters(source, model)
    if "segments" in source:
        check_segments(source, model)
    if schema:
        validate(model, schema[0])
    print(f"{source_path}: json round trip ok ({len(first)} bytes)")


if __name__ == "__main__":
    main()
