# One off everywhere: 9 points a test case.
print(2 * int(input()) + 1)
