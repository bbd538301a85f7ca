# Valid input: one line, two integers of absolute value at most 10^12.
import sys

data = sys.stdin.read()
lines = data.split("\n")
if len(lines) != 2 or lines[1] != "":
    print("want exactly one line")
    sys.exit(43)
parts = lines[0].split(" ")
if len(parts) != 2:
    print("want two integers")
    sys.exit(43)
for p in parts:
    try:
        v = int(p)
    except ValueError:
        print("not an integer: " + p)
        sys.exit(43)
    if str(v) != p or abs(v) > 10**12:
        print("out of range or not canonical: " + p)
        sys.exit(43)
sys.exit(42)
