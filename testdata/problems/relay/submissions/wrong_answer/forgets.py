# Encodes well, but cannot decode: rejected in pass 2.
cmd, word = input().split()
print("".join(chr((ord(c) - 97 + 1) % 26 + 97) for c in word) if cmd == "encode" else "x")
