class Solution {
public:
    double findMedianSortedArrays(vector<int>& nums1, vector<int>& nums2) {
        vector<int> all;
        merge(nums1.begin(), nums1.end(), nums2.begin(), nums2.end(), back_inserter(all));
        int n = all.size();
        if (n % 2) return all[n / 2];
        return (all[n / 2 - 1] + (double)all[n / 2]) / 2.0;
    }
};
