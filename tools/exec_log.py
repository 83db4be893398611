#!/usr/bin/env python3
"""Reads a Bazel execution log (--execution_log_json_file: JSON objects, one
SpawnExec after another) for corpus_actions_test.sh.

  exec_log.py LOG MNEMONIC count    spawns of MNEMONIC that ran (not cache hits)
  exec_log.py LOG MNEMONIC inputs   input paths of those spawns, one per line
"""
import json
import sys


def spawns(path):
    text = open(path).read()
    decoder, i = json.JSONDecoder(), 0
    while i < len(text):
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            break
        spawn, i = decoder.raw_decode(text, i)
        yield spawn


def main():
    log, mnemonic, what = sys.argv[1:4]
    ran = [s for s in spawns(log)
           if s.get("mnemonic") == mnemonic and not s.get("remoteCacheHit")]
    if what == "count":
        print(len(ran))
    elif what == "inputs":
        for s in ran:
            for f in s.get("inputs", []):
                print(f["path"])
    else:
        sys.exit("exec_log.py: unknown request %r (count or inputs)" % what)


if __name__ == "__main__":
    main()
