#!/usr/bin/env python3
# Interactive and multi-pass: each pass sends x (the pass's input file) and
# wants 2x back; passes 1 and 2 ask for the next with 2x, pass 3 checks
# that the chain ended at the answer. The pass number is kept in the
# feedback directory.
import os
import sys

inp, ans, feedback = sys.argv[1], sys.argv[2], sys.argv[3]
x = int(open(inp).read())
state = os.path.join(feedback, "pass.txt")
k = int(open(state).read()) + 1 if os.path.exists(state) else 1
open(state, "w").write(str(k))
print(x, flush=True)
reply = sys.stdin.readline().split()


def message(text):
    with open(os.path.join(feedback, "judgemessage.txt"), "a") as f:
        f.write(text + "\n")


if reply != [str(2 * x)]:
    message("pass %d: sent %d, got %r" % (k, x, " ".join(reply)[:40]))
    sys.exit(43)
if k < 3:
    open(os.path.join(feedback, "nextpass.in"), "w").write("%d\n" % (2 * x))
    sys.exit(42)
if 2 * x != int(open(ans).read()):
    print("the chain ended at", 2 * x, file=sys.stderr)
    sys.exit(1)
message("three passes")
sys.exit(42)
