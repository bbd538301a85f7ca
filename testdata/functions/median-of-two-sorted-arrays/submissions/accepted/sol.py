class Solution:
    def findMedianSortedArrays(self, nums1: List[int], nums2: List[int]) -> float:
        a, b = nums1, nums2
        if len(a) > len(b):
            a, b = b, a
        m, n = len(a), len(b)
        half = (m + n + 1) // 2
        lo, hi = 0, m
        while True:
            i = (lo + hi) // 2
            j = half - i
            aleft = a[i - 1] if i > 0 else -inf
            aright = a[i] if i < m else inf
            bleft = b[j - 1] if j > 0 else -inf
            bright = b[j] if j < n else inf
            if aleft <= bright and bleft <= aright:
                if (m + n) % 2:
                    return float(max(aleft, bleft))
                return (max(aleft, bleft) + min(aright, bright)) / 2
            if aleft > bright:
                hi = i - 1
            else:
                lo = i + 1
