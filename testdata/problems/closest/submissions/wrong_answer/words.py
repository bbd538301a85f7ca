print("twice", int(input()))
