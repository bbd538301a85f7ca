class Solution:
    def moveZeroes(self, nums: List[int]) -> None:
        # Builds a new list and rebinds the name: the caller's list is unchanged.
        nums = [x for x in nums if x != 0] + [0] * nums.count(0)
