class Solution {
    public int[] topKFrequent(int[] nums, int k) {
        Map<Integer, Integer> cnt = new HashMap<>();
        for (int x : nums) cnt.merge(x, 1, Integer::sum);
        List<Integer>[] buckets = new List[nums.length + 1];
        for (Map.Entry<Integer, Integer> e : cnt.entrySet()) {
            int c = e.getValue();
            if (buckets[c] == null) buckets[c] = new ArrayList<>();
            buckets[c].add(e.getKey());
        }
        int[] res = new int[k];
        int i = 0;
        for (int c = nums.length; c > 0 && i < k; c--) {
            if (buckets[c] == null) continue;
            for (int x : buckets[c]) {
                if (i < k) res[i++] = x;
            }
        }
        return res;
    }
}
