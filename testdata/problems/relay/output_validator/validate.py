#!/usr/bin/env python3
# Multi-pass validator: pass 1 gets "encode w" and checks that the output
# is a lowercase word other than w, then asks for pass 2 with
# "decode <output>" in nextpass.in; pass 2 gets that as its input file and
# checks that the output is w again (the answer file). It leaves a note in
# the feedback directory in pass 1 and requires it in pass 2: the feedback
# directory persists between passes.
import os
import sys

inp, ans, feedback = sys.argv[1], sys.argv[2], sys.argv[3]
cmd, arg = open(inp).read().split()
word = open(ans).read().split()[0]
out = sys.stdin.read().split()


def message(text):
    with open(os.path.join(feedback, "judgemessage.txt"), "a") as f:
        f.write(text + "\n")


if len(out) != 1 or not out[0].isascii() or not out[0].isalpha() or not out[0].islower():
    message("%s: want one word of lowercase letters, got %r" % (cmd, " ".join(out)[:50]))
    sys.exit(43)
if cmd == "encode":
    if out[0] == word:
        message("encode: the encoding is the word itself")
        sys.exit(43)
    with open(os.path.join(feedback, "nextpass.in"), "w") as f:
        f.write("decode %s\n" % out[0])
    with open(os.path.join(feedback, "pass1.txt"), "w") as f:
        f.write(out[0] + "\n")
    message("pass 1: encoded as %s" % out[0])
    sys.exit(42)
if cmd == "decode":
    if not os.path.exists(os.path.join(feedback, "pass1.txt")):
        print("feedback directory lost between passes", file=sys.stderr)
        sys.exit(1)
    if os.path.exists(os.path.join(feedback, "nextpass.in")):
        print("nextpass.in was not removed before pass 2", file=sys.stderr)
        sys.exit(1)
    if out[0] != word:
        message("decode: got %s, want %s" % (out[0], word))
        sys.exit(43)
    message("pass 2: decoded")
    sys.exit(42)
print("bad input %r" % cmd, file=sys.stderr)
sys.exit(1)
