# Guesses once, then leaves without waiting for the reply.
n = int(input())
print(n // 2, flush=True)
