# Waits for a second line the interactor never sends: both sides wait for
# each other until the wall-clock limit.
n = int(input())
input()
