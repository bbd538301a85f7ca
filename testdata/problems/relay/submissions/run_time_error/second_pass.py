# Crashes in the second pass.
cmd, word = input().split()
if cmd == "decode":
    raise SystemExit(3)
print("".join(chr((ord(c) - 97 + 1) % 26 + 97) for c in word))
