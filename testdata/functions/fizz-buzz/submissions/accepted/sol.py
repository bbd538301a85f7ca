class Solution:
    def fizzBuzz(self, n: int) -> List[str]:
        res = []
        for i in range(1, n + 1):
            s = ("Fizz" if i % 3 == 0 else "") + ("Buzz" if i % 5 == 0 else "")
            res.append(s or str(i))
        return res
