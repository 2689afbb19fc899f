#!/usr/bin/env python3
"""The reference episode in one command (issue 4, section 6), run through the built castkit:
the text page of Ship It! #89 plus its Markdown transcript give speaker-labelled WebVTT with all
14 anchors exact, and the page's 17 chapters as JSON chapters.

usage: reference_episode_e2e.py CASTKIT PAGES_DIR SCRATCH_DIR
"""
import json
import os
import subprocess
import sys

castkit, pages, scratch = sys.argv[1:4]
os.makedirs(scratch, exist_ok=True)
page = os.path.join(pages, "000_09b7be0048653942.txt")
markdown = os.path.join(pages, "transcripts_ship-it-89.md")
env = dict(os.environ, CASTKIT_REGISTRY=os.path.join(scratch, "registry.cache"))
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def run(*args):
    result = subprocess.run([castkit, *args], capture_output=True, text=True, env=env, timeout=120)
    check(result.returncode == 0, f"castkit {' '.join(args)} exited {result.returncode}: {result.stderr}")
    return result


def seconds(clock):
    parts = [int(p) for p in clock.split(":")]
    return parts[0] * 60 + parts[1] if len(parts) == 2 else parts[0] * 3600 + parts[1] * 60 + parts[2]


# Subtitles: every cue has a voice, starts strictly increase, the 14 anchors start cues exactly.
vtt_path = os.path.join(scratch, "ship-it-89.vtt")
run("convert", page, markdown, "-t", "vtt", "-o", vtt_path)
with open(vtt_path, encoding="utf-8") as f:
    vtt = f.read()
check(vtt.startswith("WEBVTT\n"), "no WEBVTT signature")
cues = []
for block in vtt.split("\n\n")[1:]:
    lines = block.strip("\n").split("\n")
    if not lines or "-->" not in lines[0]:
        continue
    start = lines[0].split(" --> ")[0]
    h, m, s = start.split(":")
    cues.append((int(h) * 3600000 + int(m) * 60000 + round(float(s) * 1000), "\n".join(lines[1:])))
check(len(cues) > 400, f"only {len(cues)} cues")
voices = set()
for _, text in cues:
    check(text.startswith("<v "), f"cue without a voice: {text[:40]!r}")
    voices.add(text[3:text.find(">")])
check(voices == {"Gerhard Lazu", "Tim McNamara"}, f"voices {sorted(voices)}")
starts = [start for start, _ in cues]
check(all(a < b for a, b in zip(starts, starts[1:])), "cue starts do not strictly increase")
anchors = ["05:56", "10:17", "14:14", "18:03", "22:08", "25:58", "30:31", "34:23", "36:58",
           "41:58", "46:06", "50:26", "54:15", "57:38"]
for anchor in anchors:
    check(seconds(anchor) * 1000 in starts, f"no cue starts exactly at {anchor}")

# Chapters: the page's table, start and start + duration.
expected = []
with open(page, encoding="utf-8") as f:
    for line in f:
        cells = [c.strip() for c in line.split("|")]
        if len(cells) >= 4 and cells[0].isdigit():
            start = seconds(cells[1])
            expected.append((start, start + seconds(cells[3]), cells[2]))
check(len(expected) == 17, f"the page has {len(expected)} chapter rows")
chapters = json.loads(run("convert", page, markdown, "-t", "chapters").stdout)
got = [(c["startTime"], c.get("endTime"), c["title"]) for c in chapters["chapters"]]
check(got == expected, f"chapters differ: {got[:3]}...")

# The merged model: the page's fields, the Markdown's speakers, 125 turns, 14 exact anchors.
episode = json.loads(run("convert", page, markdown, "-t", "json").stdout)["show"]["episodes"]
check(len(episode) == 1, f"{len(episode)} episodes after merging")
episode = episode[0]
segments = episode["transcript"]["segments"]
turns, previous = {}, None
for segment in segments:
    who = "Break" if segment.get("ext", {}).get("markdown.break") else segment.get("speaker", "")
    if who and (who != previous or who == "Break" or segment.get("ext", {}).get("markdown.new_turn")):
        turns[who] = turns.get(who, 0) + 1
    previous = who
check(turns == {"Gerhard Lazu": 62, "Tim McNamara": 62, "Break": 1}, f"turns {turns}")
merged_anchors = [s["start_ms"] for s in segments if "start_ms" in s]
check(merged_anchors == [seconds(a) * 1000 for a in anchors], f"anchors {merged_anchors}")
check(all(s.get("speaker") for s in segments if s.get("text")), "a paragraph without a speaker")
check(len(episode.get("sponsors", [])) == 3 and len(episode.get("notes", [])) == 8,
      "sponsors or notes missing")
check(episode.get("summary", "").startswith("Tim McNamara is known as"), "summary missing")

# The page alone says that its transcript has no speakers.
alone = run("convert", page, "-t", "json")
check("note: this page rendering has no speaker names" in alone.stderr, "no note about speakers")

for failure in failures:
    print("FAILED:", failure)
print(f"{len(cues)} cues, {len(got)} chapters, {len(failures)} failures")
sys.exit(1 if failures else 0)
