# Crashes once the number grows: in the second pass.
x = int(input())
assert x < 4 or x == 50
print(2 * x)
