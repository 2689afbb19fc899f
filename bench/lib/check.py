#!/usr/bin/env python3
"""Plausibility and fidelity checks of one benchmark output (stdlib only).

usage: check.py KIND IN OUT        KIND: subs | feed | rssjson | html
Prints one line "STATUS: <facts>"; STATUS is ok, lossy (plausible, but something the input had is
missing or changed in the output) or FAIL (implausible: counts wrong, unreadable); exits 1 on FAIL.
Expected values come from the input itself and data/manifest.json (written by gen/generate.py).
"""
import hashlib
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data")
TIME = re.compile(r"(?:(\d+):)?(\d\d):(\d\d)[,.](\d{3})")
TAG = re.compile(r"<[^>]*>")
VOICE = re.compile(r"^<v(?:\.[\w.-]+)?\s+([^>]+)>")


def manifest(name):
    """The generator's facts about workload NAME (castkit's copies of X.json, made by
    to_castkit_json.py: X.castkit.json, and the build project X.project/castkit.yaml)."""
    if os.path.basename(name) == "castkit.yaml":
        name = os.path.basename(os.path.dirname(os.path.abspath(name))).replace(".project", ".json")
    with open(os.path.join(DATA, "manifest.json")) as f:
        return json.load(f)[os.path.basename(name).replace(".castkit.json", ".json")]


# --- subtitles -------------------------------------------------------------------------------
def read_cues(path):
    """[(start_ms, end_ms, settings, text)] of every block with a timing line; NOTE blocks counted."""
    with open(path, encoding="utf-8-sig") as f:
        blocks = re.split(r"\n\s*\n", f.read().replace("\r\n", "\n"))
    cues, notes = [], 0
    for block in blocks:
        lines = block.strip("\n").split("\n")
        notes += lines[0].startswith("NOTE")
        timing = next((i for i, line in enumerate(lines) if "-->" in line), None)
        if timing is None:
            continue
        left, right = lines[timing].split("-->", 1)
        times = [TIME.search(side) for side in (left, right)]
        if None in times:
            continue
        ms = [((int(m[1] or 0) * 60 + int(m[2])) * 60 + int(m[3])) * 1000 + int(m[4]) for m in times]
        settings = right[times[1].end():].strip()
        cues.append((ms[0], ms[1], settings, "\n".join(lines[timing + 1:])))
    return cues, notes


def check_subs(in_path, out_path):
    src, src_notes = read_cues(in_path)
    out, out_notes = read_cues(out_path)
    facts, lost = [f"cues {len(out)}/{len(src)}"], False
    pairs = list(zip(src, out))
    same_times = sum(a[:2] == b[:2] for a, b in pairs)
    plain = lambda t: " ".join(TAG.sub("", t).split())  # noqa: E731

    def same(a, b):
        """Same text; in SRT from VTT, a `Name: ` prefix for the source's `<v Name>` counts as the
        same text with its speaker kept (castkit's SRT speaker convention)."""
        if plain(a[3]) == plain(b[3]):
            return True
        voice = VOICE.match(a[3])
        return bool(voice) and not vtt_out and plain(b[3]) == f"{voice[1]}: " + plain(a[3])

    vtt_out = out_path.endswith(".vtt")
    same_text = sum(same(a, b) for a, b in pairs)
    facts += [f"times {same_times}", f"text {same_text}"]
    lost = same_times < len(src) or same_text < len(src)
    italics = sum(a[3].count("<i>") for a in src)
    if italics:
        facts.append(f"<i> {sum(b[3].count('<i>') for b in out)}/{italics}")
    voices = [(m, b) for a, b in pairs if (m := VOICE.match(a[3]))]
    if voices:
        kept = sum(b[3].startswith(m[0]) for m, b in voices)
        named = sum(m[1] in b[3] for m, b in voices)
        facts.append(f"<v> kept {kept}/{len(voices)}" + ("" if kept else f", speaker name kept {named}"))
        lost |= (kept if vtt_out else max(kept, named)) < len(voices)
    settings = sum(1 for a in src if a[2])
    if settings and vtt_out:
        # WebVTT cue settings are an unordered list: compare them as sets of name:value tokens.
        kept = sum(1 for a, b in pairs if a[2] and sorted(a[2].split()) == sorted(b[2].split()))
        facts.append(f"settings {kept}/{settings}")
        lost |= kept < settings
    if src_notes and vtt_out:
        facts.append(f"NOTE {out_notes}/{src_notes}")
    if vtt_out:
        with open(out_path, encoding="utf-8-sig") as f:
            if not f.read(6) == "WEBVTT":
                return "FAIL", facts + ["no WEBVTT header"]
    return ("FAIL" if len(out) != len(src) else "lossy" if lost else "ok"), facts


# --- generated RSS feed ------------------------------------------------------------------------
NS = {"itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
      "podcast": "https://podcastindex.org/namespace/1.0"}


def check_feed(in_path, out_path, chapters_dir=None):
    expected = manifest(in_path)
    try:
        channel = ET.parse(out_path).getroot().find("channel")
    except ET.ParseError as err:
        return "FAIL", [f"not namespace-well-formed XML: {err}"]
    items = channel.findall("item")
    has = lambda tag, attr=None: sum(  # noqa: E731
        1 for it in items if (e := it.find(tag, NS)) is not None and (e.get(attr) if attr else (e.text or "").strip()))
    persons = sum(len([p for p in it.findall("podcast:person", NS) if p.get("href") and p.text]) for it in items)
    enclosures = sum(1 for it in items if (e := it.find("enclosure")) is not None
                     and e.get("url") and e.get("length", "0") != "0" and e.get("type"))
    cats = channel.findall("itunes:category", NS)
    channel_ok = {
        "itunes:category": len(cats) == 2 and all(c.get("text") for c in cats)
        and len(cats[1].findall("itunes:category", NS)) == 2,
        "itunes:owner": channel.find("itunes:owner/itunes:name", NS) is not None
        and channel.find("itunes:owner/itunes:email", NS) is not None,
        "itunes:image": (channel.find("itunes:image", NS) is not None),
        "itunes:explicit": (channel.find("itunes:explicit", NS) is not None),
        "podcast:guid": (channel.find("podcast:guid", NS) is not None),
        "podcast:funding": (e := channel.find("podcast:funding", NS)) is not None and bool(e.get("url")),
    }
    n = expected["episodes"]
    per_item = {"enclosure": enclosures, "itunes:duration": has("itunes:duration"),
                "season/episode": min(has("itunes:season"), has("itunes:episode")),
                "podcast:chapters": has("podcast:chapters", "url"),
                "podcast:transcript": has("podcast:transcript", "url")}
    facts = [f"items {len(items)}/{n}"] + [f"{k} {v}" for k, v in per_item.items()]
    facts.append(f"podcast:person {persons}/{expected['persons']}")
    missing = [k for k, ok in channel_ok.items() if not ok]
    facts.append("channel tags ok" if not missing else "channel lacks " + ", ".join(missing))
    lost = missing or persons < expected["persons"] or min(per_item.values()) < n
    if chapters_dir:
        files = os.listdir(chapters_dir)
        with open(os.path.join(chapters_dir, files[0]), encoding="utf-8") as f:
            doc = json.load(f)
        facts.append(f"chapters files {len(files)}/{n} (v{doc.get('version')})")
        lost = lost or len(files) < n
    return ("FAIL" if len(items) != n else "lossy" if lost else "ok"), facts


# --- parsed RSS as JSON ------------------------------------------------------------------------
def check_rssjson(in_path, out_path):
    with open(out_path, encoding="utf-8") as f:
        parsed = json.load(f)
    if isinstance(parsed.get("show"), dict):  # a model wrapped in {"show": ...}
        parsed = parsed["show"]
    items = parsed.get("items") or parsed.get("entries") or parsed.get("episodes") or []
    with open(os.path.join(DATA, "feed_10k.json"), encoding="utf-8") as f:
        truth = json.load(f)
    episodes = {e["guid"]: e for e in truth["episodes"][:manifest(in_path)["items"]]}
    counts = dict.fromkeys(["guid", "chapters url", "transcript url", "duration", "season"], 0)
    persons_found = persons_all = 0
    for item in items:
        blob = json.dumps(item, ensure_ascii=False)
        e = episodes.get(item.get("guid") or item.get("id"))
        if e is None:
            continue
        counts["guid"] += 1
        counts["chapters url"] += e["chapters_url"] in blob
        counts["transcript url"] += e["transcript"]["url"] in blob
        d = e["duration"]
        counts["duration"] += (f"{d // 3600:02d}:{d % 3600 // 60:02d}:{d % 60:02d}" in blob
                               or re.search(rf'"duration": "?{d}\b', blob) is not None
                               or f'"duration_ms": {d * 1000}' in blob)  # castkit's model JSON
        counts["season"] += re.search(r'season[^,]*?\b' + str(e["season"]) + r'\b', blob, re.I) is not None
        persons_all += len(e["persons"])
        persons_found += sum(json.dumps(p["name"], ensure_ascii=False) in blob and p["href"] in blob
                             for p in e["persons"])
    rest = json.dumps({k: v for k, v in parsed.items() if k not in ("items", "entries", "episodes")}, ensure_ascii=False)
    show = truth["show"]
    facts = [f"items {len(items)}/{len(episodes)}"] + [f"{k} {v}" for k, v in counts.items()]
    facts.append(f"persons (name+href) {persons_found}/{persons_all}")
    channel = {"podcast:guid": show["podcast_guid"] in rest, "podcast:funding url": show["funding"]["url"] in rest}
    facts += [f"{k} {'yes' if v else 'no'}" for k, v in channel.items()]
    lost = min(counts.values()) < len(episodes) or persons_found < persons_all or not all(channel.values())
    return ("FAIL" if not len(items) == len(episodes) == counts["guid"] else "lossy" if lost else "ok"), facts


# --- HTML extraction ---------------------------------------------------------------------------
def _mmss(ms):
    sec = ms // 1000
    h, m, s = sec // 3600, sec % 3600 // 60, sec % 60
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


def rows_from_castkit(model):
    """castkit's model JSON (docs/json.md) -> the drivers' {"chapters", "segments"} rows.

    The page is one episode: its chapters and its transcript segments. A segment with an empty
    speaker continues the previous speaker's turn (the model's convention), so the speaker is carried
    forward; times are milliseconds in the model and m:ss / h:mm:ss on the page."""
    episode = (model.get("show", model).get("episodes") or [{}])[0]
    collapse = lambda t: " ".join(t.split()) if t else None  # noqa: E731
    chapters = [{"time": _mmss(c.get("start_ms", 0)), "title": collapse(c.get("title", "")),
                 "url": c.get("url") or None} for c in episode.get("chapters", [])]
    segments, speaker = [], None
    for seg in (episode.get("transcript") or {}).get("segments", []):
        speaker = seg.get("speaker") or speaker
        start = seg.get("start_ms")
        segments.append({"speaker": speaker, "time": None if start is None else _mmss(start),
                         "text": collapse(seg.get("text", ""))})
    return {"chapters": chapters, "segments": segments}


def check_html(in_path, out_path):
    with open(out_path, encoding="utf-8") as f:
        got = json.load(f)
    if "chapters" not in got and "segments" not in got:
        got = rows_from_castkit(got)
    expected = manifest(in_path)
    facts, exact_all = [], True
    for key in ("chapters", "segments"):
        rows = got.get(key, [])
        blob = json.dumps(rows, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        exact = hashlib.sha256(blob.encode()).hexdigest() == expected[f"{key}_sha256"]
        facts.append(f"{key} {len(rows)}/{expected[key]}" + (" exact" if exact else " TEXT DIFFERS"))
        exact_all = exact_all and exact
    return ("ok" if exact_all else "FAIL"), facts


def main():
    kind, in_path, out_path, *extra = sys.argv[1:]
    if not os.path.exists(out_path) or os.path.getsize(out_path) == 0:
        print("FAIL: empty or missing output")
        return 1
    status, facts = {"subs": check_subs, "feed": check_feed, "rssjson": check_rssjson,
                     "html": check_html}[kind](in_path, out_path, *extra)
    print(f"{status}: " + ", ".join(facts))
    return 1 if status == "FAIL" else 0


if __name__ == "__main__":
    sys.exit(main())
