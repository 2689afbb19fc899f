#!/usr/bin/python3
"""The issues' benchmark goals, checked against the last run (python3 stdlib only).

usage: summary.py        reads results/results.tsv (run.sh) and results/startup.json (startup.sh)
Prints a markdown table: per goal castkit's median, the reference's, the ratio on wall time and on
CPU time (user + system), and whether the goal is met on each. Ratios compare rows of one run.
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def load_rows():
    rows = {}
    path = os.path.join(HERE, "results", "results.tsv")
    if not os.path.exists(path):
        return rows
    with open(path, encoding="utf-8") as f:
        for line in f:
            task, tool, size, runs, wall, cpu, rss, status, *_ = line.rstrip("\n").split("\t")
            if status in ("ok", "lossy"):
                rows[(task, tool)] = {"wall": float(wall), "cpu": float(cpu), "rss": float(rss),
                                      "bytes": int(size), "status": status}
    return rows


def load_startup():
    path = os.path.join(HERE, "results", "startup.json")
    if not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8") as f:
        return {r["command"]: (r["median"] * 1000, r["min"] * 1000) for r in json.load(f)["results"]}


def fastest(rows, task, prefixes):
    """The peer row of TASK with the lowest wall among tools starting with one of PREFIXES."""
    peers = [(v["wall"], tool) for (t, tool), v in rows.items()
             if t == task and tool != "castkit" and tool.startswith(prefixes)]
    return min(peers)[1] if peers else None


def main():
    rows, startup = load_rows(), load_startup()
    out = ["| goal | castkit | reference | x on wall | x on CPU | met |", "|---|---:|---|---:|---:|---|"]

    def speed_goal(label, task, prefixes, factor):  # factor None: no goal, ratios only
        ck, ref = rows.get((task, "castkit")), fastest(rows, task, prefixes)
        if not ck or not ref:
            out.append(f"| {label} | - | - | | | not measured |")
            return
        r = rows[(task, ref)]
        xw, xc = r["wall"] / ck["wall"], r["cpu"] / max(ck["cpu"], 0.005)
        met = "-" if factor is None else "yes" if xw >= factor and xc >= factor else \
            "wall only" if xw >= factor else "CPU only" if xc >= factor else "no"
        out.append(f"| {label} | {ck['wall']:.0f} ms, {ck['cpu']:.3f} s CPU | {ref}: {r['wall']:.0f} ms, "
                   f"{r['cpu']:.3f} s CPU | {xw:.1f} | {xc:.1f} | {met} |")

    def memory_goal(label, task, prefixes, fraction):
        ck, ref = rows.get((task, "castkit")), fastest(rows, task, prefixes)
        if not ck or not ref:
            out.append(f"| {label} | - | - | | | not measured |")
            return
        r = rows[(task, ref)]
        out.append(f"| {label} | {ck['rss']:.0f} MB | {ref}: {r['rss']:.0f} MB | "
                   f"{ck['rss'] / r['rss']:.2f} of it | | {'yes' if ck['rss'] <= r['rss'] * fraction else 'no'} |")

    def startup_goal(label, name):
        bare = startup.get("bare C++ int main(){}")
        if name not in startup or not bare:
            out.append(f"| {label} | - | - | | | not measured |")
            return
        (median, low), (bare_median, bare_low) = startup[name], bare
        ratio = median / bare_median
        out.append(f"| {label} | {median:.2f} ms (min {low:.2f}) | bare int main(){{}}: {bare_median:.2f} ms "
                   f"(min {bare_low:.2f}) | {ratio:.1f}x bare (min {low / bare_low:.1f}x) | | "
                   f"{'yes' if ratio <= 2 else 'no'} |")

    startup_goal("start-up: convert small.json -t json <= 2x bare process (issue 2)",
                 "castkit convert small.json -t json")
    startup_goal("1-hour SRT -> VTT <= 2x bare process (issue 3)", "castkit convert srt_1h.srt -t vtt")
    speed_goal("100k-cue SRT -> VTT >= 20x faster than ffmpeg (issue 3)", "srt2vtt", ("ffmpeg",), 20)
    ck = rows.get(("srt2vtt", "castkit"))
    if ck:
        limit = 2 * ck["bytes"] / 1e6
        out.append(f"| 100k-cue SRT -> VTT peak RSS <= 2x input (issue 3) | {ck['rss']:.0f} MB | input "
                   f"{ck['bytes'] / 1e6:.1f} MB: limit {limit:.0f} MB | | | {'yes' if ck['rss'] <= limit else 'no'} |")
    speed_goal("html2json >= 10x the fastest of bs4 and cheerio (issue 4)", "html2json",
               ("python3 bs4", "node cheerio"), 10)
    speed_goal("html2json >= 3x plain lxml (issue 4)", "html2json", ("python3 lxml",), 3)
    speed_goal("feed (10k episodes -> RSS) >= 20x the fastest peer (issue 5)", "feed",
               ("node", "python3 xml.etree"), 20)
    memory_goal("feed peak RSS <= 1/5 of that peer's (issue 5)", "feed", ("node", "python3 xml.etree"), 0.2)
    speed_goal("rss2json (5k items) >= 20x the fastest peer (issue 5)", "rss2json", ("node", "python3"), 20)
    memory_goal("rss2json peak RSS <= 1/5 of that peer's (issue 5)", "rss2json", ("node", "python3"), 0.2)
    speed_goal("(no goal) feed+chapters, castkit build vs the fastest peer", "feed+chapters",
               ("node", "python3"), None)
    print("\n".join(out))


if __name__ == "__main__":
    main()
