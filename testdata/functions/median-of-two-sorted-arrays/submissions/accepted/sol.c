double findMedianSortedArrays(int* nums1, int nums1Size, int* nums2, int nums2Size) {
    int total = nums1Size + nums2Size;
    int i = 0, j = 0;
    long long prev = 0, cur = 0;
    for (int k = 0; k <= total / 2; k++) {
        prev = cur;
        if (j >= nums2Size || (i < nums1Size && nums1[i] <= nums2[j])) cur = nums1[i++];
        else cur = nums2[j++];
    }
    if (total % 2) return (double)cur;
    return (prev + cur) / 2.0;
}
