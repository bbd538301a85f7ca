from helper import bonus, read_pair

a, b = read_pair()
print(a + b + bonus())
