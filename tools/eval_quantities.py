#!/usr/bin/env python3
"""Scores `crosscheck quantities` against hand labels of quantities.

    tools/eval_quantities.py --bin bazel-bin/checker/crosscheck \
        [--shared ../shared/corpora] [--min-f1 value=0.85 ...] FILE.jsonl...

Label files are described in testdata/labeled/QUANTITIES.md: one sentence
per line, either with its `text` (and quantities with `text`, `nth`), or
pointing into ../shared/corpora with `source`, `doc`, `begin`, `end` (and
quantities with byte offsets) when the corpus's text may not be copied.
Files of the second kind are skipped (with a note) when --shared is not
given or does not exist.

A predicted quantity matches a labeled one when their byte spans overlap
(one to one, in text order). Precision, recall and F1 are printed for:
span (found at all), value, value+unit, value+change, and value+concept
(partial: at least one content word of the concept shared). --min-f1
METRIC=F fails (exit 1) when a metric's F1 is below F; --per-file prints
each file's figures too; --errors N prints N mismatches of each metric.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

METRICS = ["span", "value", "value+unit", "value+change", "value+concept"]
STOP = {"the", "a", "an", "of", "in", "on", "at", "to", "for", "by", "from", "and", "or",
        "its", "their", "his", "her", "this", "that", "with", "as", "is", "was", "were"}


def load_docs(shared, source, cache):
    if source not in cache:
        docs = {}
        path = os.path.join(shared, source)
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    d = json.loads(line)
                    docs[d["id"]] = d["text"].encode("utf-8")
        cache[source] = docs
    return cache[source]


def read_labels(paths, shared):
    """Yields (file, id, sentence bytes, [gold quantities with b/e in sentence bytes])."""
    cache = {}
    skipped = set()
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as e:
                    sys.exit(f"{path}:{number}: not JSON ({e})")
                golds = []
                if "text" in rec:
                    sent = rec["text"].encode("utf-8")
                    cursor = {}
                    for q in rec["quantities"]:
                        t = q["text"].encode("utf-8")
                        nth = q.get("nth")
                        if nth is None:
                            start = sent.find(t, cursor.get(t, 0))
                            if start < 0:
                                start = sent.find(t)
                        else:
                            start = -1
                            for _ in range(nth + 1):
                                start = sent.find(t, start + 1)
                        if start < 0:
                            sys.exit(f"{path}:{number}: quantity '{q['text']}' not in the sentence")
                        cursor[t] = start + len(t)
                        golds.append(dict(q, b=start, e=start + len(t)))
                else:
                    if not shared or not os.path.isdir(shared):
                        skipped.add(path)
                        continue
                    docs = load_docs(shared, rec["source"], cache)
                    text = docs[rec["doc"]]
                    sent = text[rec["begin"]:rec["end"]]
                    for q in rec["quantities"]:
                        golds.append(dict(q, b=q["begin"] - rec["begin"], e=q["end"] - rec["begin"]))
                yield path, rec["id"], sent, golds
    for path in sorted(skipped):
        print(f"note: {path} skipped: it points into the shared corpora (--shared)",
              file=sys.stderr)


def same_value(gold, pred):
    def close(a, b):
        return abs(a - b) <= 1e-3 * max(1.0, abs(a), abs(b))
    g = gold if isinstance(gold, list) else [gold, gold]
    p = pred if isinstance(pred, list) else [pred, pred]
    return close(g[0], p[0]) and close(g[1], p[1])


def words(s):
    return {w for w in re.findall(r"[\w']+", s.lower()) if w not in STOP}


def score(gold, pred):
    """Per metric: true positives (matched and right)."""
    hits = dict.fromkeys(METRICS, 0)
    errors = {m: [] for m in METRICS}
    used = set()
    for g in gold:
        match = None
        for i, p in enumerate(pred):
            if i in used:
                continue
            if p["begin"] < g["e"] and g["b"] < p["end"]:
                match = i
                break
        if match is None:
            errors["span"].append(("missed", g, None))
            continue
        used.add(match)
        p = pred[match]
        hits["span"] += 1
        if not same_value(g["value"], p["value"]):
            errors["value"].append(("value", g, p))
            continue
        hits["value"] += 1
        if (g.get("unit") or "").lower() == (p.get("unit") or "").lower():
            hits["value+unit"] += 1
        else:
            errors["value+unit"].append(("unit", g, p))
        if g.get("change", "=") == p.get("change", "="):
            hits["value+change"] += 1
        else:
            errors["value+change"].append(("change", g, p))
        if words(g.get("concept", "")) & words(p.get("concept", "")):
            hits["value+concept"] += 1
        else:
            errors["value+concept"].append(("concept", g, p))
    for i, p in enumerate(pred):
        if i not in used:
            errors["span"].append(("spurious", None, p))
    return hits, errors


def prf(tp, n_pred, n_gold):
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", required=True, help="the crosscheck binary")
    ap.add_argument("--rules", help="rules directory (default: the binary's)")
    ap.add_argument("--shared", help="../shared/corpora, for label files that point into it")
    ap.add_argument("--min-f1", action="append", default=[], metavar="METRIC=F")
    ap.add_argument("--per-file", action="store_true")
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("labels", nargs="+")
    args = ap.parse_args()

    items = list(read_labels(args.labels, args.shared))
    if not items:
        sys.exit("no labeled sentences")
    with tempfile.TemporaryDirectory() as tmp:
        inp = os.path.join(tmp, "in.jsonl")
        with open(inp, "w", encoding="utf-8") as f:
            for n, (_, _, sent, _) in enumerate(items):
                f.write(json.dumps({"id": str(n), "text": sent.decode("utf-8")}) + "\n")
        cmd = [args.bin, "quantities", inp]
        if args.rules:
            cmd.insert(1, f"--rules={args.rules}")
        out = subprocess.run(cmd, capture_output=True, text=True)
        if out.returncode != 0:
            sys.exit(f"crosscheck quantities failed ({out.returncode}): {out.stderr}")
    preds = [json.loads(l)["quantities"] for l in out.stdout.splitlines() if l.strip()]
    if len(preds) != len(items):
        sys.exit(f"expected {len(items)} output lines, got {len(preds)}")

    totals = {}
    all_errors = {m: [] for m in METRICS}
    for (path, sid, sent, gold), pred in zip(items, preds):
        hits, errors = score(gold, pred)
        for key in (path, "all"):
            t = totals.setdefault(key, {"gold": 0, "pred": 0, **dict.fromkeys(METRICS, 0)})
            t["gold"] += len(gold)
            t["pred"] += len(pred)
            for m in METRICS:
                t[m] += hits[m]
        for m in METRICS:
            for e in errors[m]:
                all_errors[m].append((sid, sent.decode("utf-8"), e))

    def show(name, t):
        print(f"{name}: {t['gold']} labeled, {t['pred']} found")
        for m in METRICS:
            p, r, f = prf(t[m], t["pred"], t["gold"])
            print(f"  {m:14s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")

    if args.per_file:
        for path in args.labels:
            if path in totals:
                show(os.path.basename(path), totals[path])
    show("all", totals["all"])

    if args.errors:
        for m in METRICS:
            print(f"\n--- {m}: {len(all_errors[m])} errors")
            for sid, sent, (kind, g, p) in all_errors[m][:args.errors]:
                gs = f"{g['value']} {g.get('unit')} {g.get('change')} [{g.get('concept')}]" if g else "-"
                ps = f"{p['text']!r} {p['value']} {p['unit']} {p['change']} [{p['concept']}]" if p else "-"
                print(f"{kind:8s} {sid}: gold {gs} | pred {ps}\n         {sent[:200]}")

    failed = False
    for spec in args.min_f1:
        metric, _, bar = spec.partition("=")
        if metric not in METRICS:
            sys.exit(f"--min-f1: unknown metric '{metric}' (one of {', '.join(METRICS)})")
        t = totals["all"]
        f = prf(t[metric], t["pred"], t["gold"])[2]
        if f < float(bar):
            print(f"FAIL: {metric} F1 {f:.3f} is below {bar}", file=sys.stderr)
            failed = True
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
