class Solution {
public:
    long long floorSqrt(long long x) {
        long long r = (long long)sqrtl((long double)x);
        while (r * r > x) r--;
        while ((r + 1) * (r + 1) <= x) r++;
        return r;
    }
};
