# Floating point: right while the sum fits in a double exactly.
a, b = map(float, input().split())
print(int(a + b))
