cmd, word = input().split()
shift = 1 if cmd == "encode" else -1
print("".join(chr((ord(c) - 97 + shift) % 26 + 97) for c in word))
