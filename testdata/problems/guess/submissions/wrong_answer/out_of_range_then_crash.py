# Guesses 0, out of range: the interactor rejects it and leaves; the
# submission then dies reading the reply that never comes (EOFError). The
# validator rejected first, so the verdict is WA, not RE.
n = int(input())
print(0, flush=True)
input()
