class Solution {
    public long floorSqrt(long x) {
        long r = (long) Math.sqrt((double) x);
        while (r * r > x) r--;
        while ((r + 1) * (r + 1) <= x) r++;
        return r;
    }
}
