import re
import sys

data = sys.stdin.read()
sys.exit(42 if re.fullmatch(r"encode [a-z]{1,20}\n", data) else 43)
