#!/usr/bin/env bash
# Drives `crosscheck review` through a pseudo-terminal as a person would:
# confirm the first finding, dismiss the second, quit; then checks the ledger
# it left, and that article text reached the terminal without escapes.
set -euo pipefail
BIN="$TEST_SRCDIR/$TEST_WORKSPACE/checker/crosscheck"
SEEDS="$TEST_SRCDIR/$TEST_WORKSPACE/testdata/caracas"
ledger="$TEST_TMPDIR/reviews.textproto"

python3 - "$BIN" "$ledger" "$SEEDS" <<'PY'
import os, pty, select, sys, time

binary, ledger, seeds = sys.argv[1:4]
pid, fd = pty.fork()
if pid == 0:
    os.execv(binary, [binary, "review", "--ledger=" + ledger, "--reviewer=tester", seeds])

screen = b""
def wait_for(text, timeout=20):
    global screen
    deadline = time.time() + timeout
    while text.encode() not in screen:
        if time.time() > deadline:
            sys.exit("FAIL: the terminal never showed %r; it shows:\n%s" % (text, screen.decode(errors="replace")[-2000:]))
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                screen += os.read(fd, 65536)
            except OSError:
                break

def press(keys):
    os.write(fd, keys.encode() + b"\r")

wait_for("(1/")
wait_for("[q]uit > ")
press("c")
wait_for("recorded: confirmed")
wait_for("(2/")
press("d")
wait_for("recorded: dismissed")
press("q")
_, status = os.waitpid(pid, 0)
if os.WEXITSTATUS(status) != 0:
    sys.exit("FAIL: review exited with %d" % os.WEXITSTATUS(status))
if b"\x1b[" in screen:
    sys.exit("FAIL: an escape sequence reached the terminal")
text = open(ledger).read()
assert text.count("finding_id:") == 2, text
assert "decision: DECISION_CONFIRMED" in text, text
assert "decision: DECISION_DISMISSED" in text, text
assert 'reviewer: "tester"' in text, text
print("PASS: two verdicts recorded through a terminal")
PY
