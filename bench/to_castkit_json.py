#!/usr/bin/python3
"""Convert the neutral feed workload (gen/feed.py's feed_10k.json) into castkit's model JSON.

Untimed preparation for the feed benchmarks: castkit reads its own model (`json` format, see
docs/json.md: `{"castkit": "1", "show": {...}}`), the peers read the neutral shape; both carry the
same facts. Offsets and durations become integer milliseconds (`*_ms` members).

usage: to_castkit_json.py IN.json OUT.json [--episodes N]     (python3 stdlib only)
       to_castkit_json.py IN.json --project DIR [--episodes N]

--project writes a `castkit build` project instead: DIR/castkit.yaml (the show's metadata, one
entry per episode whose source is DIR/episodes/<guid>.json, outputs: the feed and one JSON chapters
file per episode, chapters/<guid>.json, as the peers name them) and the episode files.
"""
import argparse
import json
import os

CHAPTERS_TYPE = "application/json+chapters"
FORMAT_VERSION = "1"


def chapter(c: dict) -> dict:
    out = {"start_ms": c["start"] * 1000, "title": c["title"]}
    if c.get("url"):
        out["url"] = c["url"]
    return out


def person(p: dict) -> dict:
    return {"name": p["name"], "role": p["role"], "href": p["href"]}


def episode(e: dict) -> dict:
    enc = e["enclosure"]
    return {
        "guid": e["guid"],
        "guid_is_permalink": False,
        "title": e["title"],
        "link": e["link"],
        "description": e["description"],
        "published": e["pub_date"],  # ISO 8601 UTC, as the model JSON writes it
        "duration_ms": e["duration"] * 1000,
        "enclosure": {"url": enc["url"], "type": enc["type"], "length": enc["length"]},
        "season": e["season"],
        "number": e["episode"],
        "episode_type": "full",
        "explicit": False,
        "persons": [person(p) for p in e["persons"]],
        "chapters": [chapter(c) for c in e["chapters"]],
        "chapters_link": {"url": e["chapters_url"], "type": CHAPTERS_TYPE},
        "transcript_links": [{"url": e["transcript"]["url"], "type": e["transcript"]["type"]}],
    }


def show(data: dict, limit: int | None) -> dict:
    s = data["show"]
    episodes = data["episodes"] if limit is None else data["episodes"][:limit]
    return {
        "title": s["title"],
        "link": s["link"],
        "description": s["description"],
        "language": s["language"],
        "author": s["author"],
        "owner_name": s["owner"]["name"],
        "owner_email": s["owner"]["email"],
        "image": s["image"],
        "categories": [{"text": c["text"], "subcategories": c.get("subcategories", [])}
                       for c in s["categories"]],
        "explicit": s["explicit"],
        "type": "episodic",
        "feed_url": s["feed_url"],
        "podcast_guid": s["podcast_guid"],
        "funding": [{"url": s["funding"]["url"], "text": s["funding"]["text"]}],
        "episodes": [episode(e) for e in episodes],
    }


def write_project(data: dict, directory: str, limit: int | None) -> None:
    """A castkit.yaml project over one model JSON file per episode (scalars JSON-quoted: valid YAML)."""
    model = show(data, limit)
    episodes = model.pop("episodes")
    os.makedirs(os.path.join(directory, "episodes"), exist_ok=True)
    q = lambda v: json.dumps(v, ensure_ascii=False)  # noqa: E731
    lines = ["# castkit build project of the feed benchmark (written by bench/to_castkit_json.py).",
             "output_dir: public/", "base_url: https://cdn.example.com/", "show:"]
    for key, value in model.items():
        if key == "owner_name":
            lines += ["  owner:", f"    name: {q(value)}", f"    email: {q(model['owner_email'])}"]
        elif key != "owner_email":
            lines.append(f"  {key}: {q(value)}")
    lines += ["outputs:", "  - format: rss", "    path: feed.xml",
              "  - format: chapters", "    path: chapters/{id}.json", "episodes:"]
    for e in episodes:
        with open(os.path.join(directory, "episodes", e["guid"] + ".json"), "w", encoding="utf-8") as f:
            json.dump({"castkit": FORMAT_VERSION, "show": {"episodes": [e]}}, f, ensure_ascii=False)
        lines += [f"  - id: {q(e['guid'])}", f"    sources: [{q('episodes/' + e['guid'] + '.json')}]"]
    with open(os.path.join(directory, "castkit.yaml"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input")
    parser.add_argument("output", nargs="?")
    parser.add_argument("--episodes", type=int, help="keep only the first N episodes")
    parser.add_argument("--project", metavar="DIR", help="write a castkit build project into DIR")
    args = parser.parse_args()
    if bool(args.output) == bool(args.project):
        parser.error("give either OUT.json or --project DIR")
    with open(args.input, encoding="utf-8") as f:
        data = json.load(f)
    if args.project:
        write_project(data, args.project, args.episodes)
        return
    with open(args.output, "w", encoding="utf-8") as f:
        json.dump({"castkit": FORMAT_VERSION, "show": show(data, args.episodes)}, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
