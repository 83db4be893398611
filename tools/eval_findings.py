#!/usr/bin/env python3
"""Scores a crosscheck JSON report of one topic against hand annotations.

usage: eval_findings.py REPORT.json GOLD.json TOPIC [--min-precision P] [--min-recall R]

Only CONTRADICTION and DISCREPANCY findings are scored. A finding is right
when it matches a `required` or an `allowed` entry of the topic and no
`forbidden` one; every other such finding is wrong. Recall is the share of
`required` entries that some finding matches. Entries (see
testdata/ecbplus/gold.json):
  required:  kind, articles (all in the finding), any_of (one of them too)
  allowed:   kind, and articles (the finding's articles are among them) or
             values_only (every claim's value is among them)
  forbidden: sides [[id suffixes], [id suffixes]] (claims from both sides),
             background [values] (+ articles): a background value next to
             a value that is not one, or kind + articles [] (any finding)
Prints each wrong finding and missed requirement, then one summary line.
"""
import json
import sys

SCORED = ("CONTRADICTION", "DISCREPANCY")


def articles(f):
    return {c["articleId"] for c in f.get("claims", [])}


def values(f):
    return [c.get("displayValue", "") for c in f.get("claims", [])]


def matches_required(f, r):
    a = articles(f)
    return (f.get("kind") == r["kind"] and set(r.get("articles", [])) <= a and
            (not r.get("any_of") or a & set(r["any_of"])))


def matches_allowed(f, r):
    if f.get("kind") != r["kind"]:
        return False
    if "values_only" in r:
        return all(v in r["values_only"] for v in values(f))
    return articles(f) <= set(r.get("articles", []))


def is_forbidden(f, r):
    if "sides" in r:
        a = articles(f)
        side = lambda suffixes: any(x.endswith(s) and not (s == "ecb" and x.endswith("ecbplus"))
                                    for x in a for s in suffixes)
        return all(side(s) for s in r["sides"])
    if "background" in r:
        claims = f.get("claims", [])
        def background(c):
            return (c.get("displayValue") in r["background"] and
                    (not r.get("articles") or c["articleId"] in r["articles"]))
        return any(background(c) for c in claims) and any(not background(c) for c in claims)
    return f.get("kind") == r.get("kind")


def main():
    args = sys.argv[1:]
    opts = {}
    for flag in ("--min-precision", "--min-recall"):
        if flag in args:
            i = args.index(flag)
            opts[flag] = float(args[i + 1])
            del args[i:i + 2]
    report = json.load(open(args[0]))
    gold = json.load(open(args[1]))[args[2]]
    scored = [f for f in report.get("findings", []) if f.get("verdict") in SCORED]
    right = 0
    for f in scored:
        forbidden = [r for r in gold.get("forbidden", []) if is_forbidden(f, r)]
        ok = not forbidden and (any(matches_required(f, r) for r in gold.get("required", [])) or
                                any(matches_allowed(f, r) for r in gold.get("allowed", [])))
        right += ok
        if not ok:
            why = forbidden[0]["name"] if forbidden else "not in the annotations"
            print("WRONG   %s %s %s (%s)" % (f["verdict"], f["kind"],
                                             sorted(zip(sorted(articles(f)), values(f))), why))
    found = 0
    for r in gold.get("required", []):
        hit = any(matches_required(f, r) for f in scored)
        found += hit
        if not hit:
            print("MISSED  " + r["name"])
    precision = right / len(scored) if scored else 1.0
    recall = found / len(gold["required"]) if gold.get("required") else 1.0
    print("%s: precision %.2f (%d/%d)  recall %.2f (%d/%d)" % (
        args[2], precision, right, len(scored), recall, found, len(gold.get("required", []))))
    ok = precision >= opts.get("--min-precision", 0) and recall >= opts.get("--min-recall", 0)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
