#!/usr/bin/env python3
"""Counts findings that compare two different events in ECB+ topics.

usage: eval_events.py [--bin BIN] [--flag FLAG]... [--show N] [--max-cross N] TOPIC.jsonl...

Every ECB+ topic mixes two real events of one type: articles whose id ends
in `ecb` describe one, those ending in `ecbplus` the other. This runs
`crosscheck report --format=json --compare_undated` (plus any --flag) on each
topic file and counts, per topic and in total, the findings whose claims come
from both halves (cross-event: always wrong) and those whose claims all come
from one half (same-event), for conflicts (every verdict but AGREEMENT) and
agreements apart. With --show N it prints up to N findings of each sort, for
checking them by hand. Exits 1 when the cross-event findings exceed
--max-cross (default: no limit).
"""
import argparse
import json
import os
import subprocess
import sys


def event_of(article_id):
    """'ecb' or 'ecbplus' (the ECB+ id suffix), or '' for other ids."""
    if article_id.endswith("ecbplus"):
        return "ecbplus"
    if article_id.endswith("ecb"):
        return "ecb"
    return ""


def classify(finding):
    events = {event_of(c["articleId"]) for c in finding.get("claims", [])}
    return "cross" if {"ecb", "ecbplus"} <= events else "same"


def run(binary, flags, path):
    out = subprocess.run([binary, "report", "--format=json", "--compare_undated"] + flags +
                         [path], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def describe(f):
    claims = "; ".join("%s %s %r" % (c["articleId"], c.get("displayValue", ""),
                                      c.get("matchedText", "")) for c in f.get("claims", []))
    return "  %s %s %s: %s" % (f["verdict"], f["kind"], f.get("subject", ""), claims)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", default="bazel-bin/checker/crosscheck")
    parser.add_argument("--flag", action="append", default=[])
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument("--max-cross", type=int, default=-1)
    parser.add_argument("topics", nargs="+")
    args = parser.parse_args()
    totals = {"cross": [0, 0], "same": [0, 0]}  # [conflicts, agreements]
    kept_apart = 0
    shown = {"cross": [], "same": []}
    print("%-10s %12s %12s %12s %12s %10s" % ("topic", "cross-confl", "cross-agree",
                                              "same-confl", "same-agree", "kept-apart"))
    for path in args.topics:
        report = run(args.bin, args.flag, path)
        counts = {"cross": [0, 0], "same": [0, 0]}
        for f in report.get("findings", []):
            sort = classify(f)
            counts[sort][f["verdict"] == "AGREEMENT"] += 1
            shown[sort].append(f)
        apart = int(report.get("summary", {}).get("keptApart", 0))
        kept_apart += apart
        for sort in counts:
            for i in (0, 1):
                totals[sort][i] += counts[sort][i]
        name = os.path.basename(path).replace(".jsonl", "")
        print("%-10s %12d %12d %12d %12d %10d" % (name, counts["cross"][0], counts["cross"][1],
                                                  counts["same"][0], counts["same"][1], apart))
    print("%-10s %12d %12d %12d %12d %10d" % ("TOTAL", totals["cross"][0], totals["cross"][1],
                                              totals["same"][0], totals["same"][1], kept_apart))
    for sort in ("cross", "same"):
        for f in shown[sort][:args.show]:
            print("%s:%s" % (sort, describe(f)))
    cross = sum(totals["cross"])
    if args.max_cross >= 0 and cross > args.max_cross:
        print("FAIL: %d cross-event findings (at most %d allowed)" % (cross, args.max_cross))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
