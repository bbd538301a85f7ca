class Solution:
    def topKFrequent(self, nums: List[int], k: int) -> List[int]:
        # Takes the k least frequent.
        return [x for x, _ in Counter(nums).most_common()[::-1][:k]]
