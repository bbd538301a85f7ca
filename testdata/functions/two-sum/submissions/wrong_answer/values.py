class Solution:
    def twoSum(self, nums: List[int], target: int) -> List[int]:
        # Returns the values instead of their indices.
        seen = set()
        for x in nums:
            if target - x in seen:
                return [target - x, x]
            seen.add(x)
        return []
