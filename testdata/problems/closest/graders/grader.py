# A custom grader: accepted when every result is, else the first error;
# the score is the sum of the scores, halved with the flag "half".
import sys

verdict, total = "AC", 0.0
for line in sys.stdin:
    v, s = line.split()
    if v != "AC" and verdict == "AC":
        verdict = v
    total += float(s)
if "half" in sys.argv[1:]:
    total /= 2
print(verdict, total)
