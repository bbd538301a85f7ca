a, b = map(int, input().split())
raise SystemExit(3 if b > 0 else 0)
