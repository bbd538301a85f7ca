import re
import sys

sys.exit(42 if re.fullmatch(r"-?\d{1,{{max_digits}}} -?\d{1,{{max_digits}}}\n", sys.stdin.read()) else 43)
