n = int(input())
print(1, flush=True)
raise RuntimeError("gave up")
