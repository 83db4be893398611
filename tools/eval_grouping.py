#!/usr/bin/env python3
"""B-cubed precision, recall and F1 of crosscheck's grouping of articles into events.

usage: eval_grouping.py [--bin BIN] [--gold GOLD.json] [--min-f1 F] [--min-overall-f1 F]
                        [--flag FLAG]... FILE.jsonl...

Runs `crosscheck report --format=json` on each input file (one topic or one
story folder's articles.jsonl) and compares the report's `events` (each
article's `event`) with the true events:
  * ECB+ topics: article ids ending in `ecbplus` are one event, those ending in
    `ecb` another (every ECB+ topic mixes two events of one kind);
  * other files: GOLD.json maps a file's name (its parent folder for
    `articles.jsonl`) to {"distractors": [ids]}: each distractor is an event of
    its own, every other article is the story.
B-cubed (Bagga & Baldwin 1998): for each article, precision is the share of
its predicted event's articles that are truly of its event, recall the share
of its true event's articles that were put in its predicted event; both are
averaged over articles, per file and over all files (micro: every article
counts once). A distractor put with the story is also listed by name.
Exits 1 when some file's F1 is below --min-f1, the overall F1 below
--min-overall-f1, or a distractor joins the story.
"""
import argparse
import json
import os
import subprocess
import sys


def true_events(name, ids, gold):
    if all(i.endswith("ecb") or i.endswith("ecbplus") for i in ids):
        return {i: ("ecbplus" if i.endswith("ecbplus") else "ecb") for i in ids}
    if name not in gold:
        raise SystemExit(f"eval_grouping: {name}: not an ECB+ topic and not in the gold file")
    distractors = set(gold[name].get("distractors", []))
    unknown = distractors - set(ids)
    if unknown:
        raise SystemExit(f"eval_grouping: {name}: gold distractors not in the file: {sorted(unknown)}")
    return {i: (i if i in distractors else "story") for i in ids}


def bcubed(truth, predicted):
    ids = sorted(truth)
    by_pred, by_true = {}, {}
    for i in ids:
        by_pred.setdefault(predicted[i], set()).add(i)
        by_true.setdefault(truth[i], set()).add(i)
    p = r = 0.0
    for i in ids:
        same = by_pred[predicted[i]] & by_true[truth[i]]
        p += len(same) / len(by_pred[predicted[i]])
        r += len(same) / len(by_true[truth[i]])
    return p, r, len(ids)


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="bazel-bin/checker/crosscheck")
    ap.add_argument("--gold", default="")
    ap.add_argument("--min-f1", type=float, default=0.0)
    ap.add_argument("--min-overall-f1", type=float, default=0.0)
    ap.add_argument("--flag", action="append", default=[])
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    gold = json.load(open(args.gold)) if args.gold else {}
    total_p = total_r = 0.0
    total_n = 0
    failed = []
    for path in args.files:
        base = os.path.basename(path)
        name = os.path.basename(os.path.dirname(path)) if base == "articles.jsonl" else base.rsplit(".", 1)[0]
        out = subprocess.run([args.bin, "report", "--format=json", *args.flag, path],
                             capture_output=True, text=True)
        if out.returncode != 0:
            raise SystemExit(f"eval_grouping: {path}: crosscheck failed: {out.stderr.strip()[-300:]}")
        report = json.loads(out.stdout)
        predicted = {a["id"]: a.get("event", "") for a in report.get("articles", [])}
        truth = true_events(name, list(predicted), gold)
        p, r, n = bcubed(truth, predicted)
        total_p += p
        total_r += r
        total_n += n
        p, r = p / n, r / n
        joined = sorted(i for i in predicted if truth[i] != "story" and truth[i] != "ecb"
                        and truth[i] != "ecbplus" and any(
                            predicted[j] == predicted[i] for j in predicted if truth[j] == "story"))
        events = len(set(predicted.values()))
        note = f"  distractors joined to the story: {', '.join(joined)}" if joined else ""
        print(f"{name:16s} articles {n:3d}  events {events:2d}  B3 P {p:.3f}  R {r:.3f}  F1 {f1(p, r):.3f}{note}")
        if f1(p, r) < args.min_f1 or joined:
            failed.append(name)
    p, r = total_p / total_n, total_r / total_n
    print(f"{'overall':16s} articles {total_n:3d}  B3 P {p:.3f}  R {r:.3f}  F1 {f1(p, r):.3f}")
    if failed:
        print(f"below --min-f1 {args.min_f1} or with a distractor joined: {', '.join(failed)}")
        return 1
    if f1(p, r) < args.min_overall_f1:
        print(f"overall F1 below --min-overall-f1 {args.min_overall_f1}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
