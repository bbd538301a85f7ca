# Prints the word itself: rejected in pass 1.
cmd, word = input().split()
print(word)
