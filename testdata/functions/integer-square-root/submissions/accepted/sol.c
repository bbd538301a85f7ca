long long floorSqrt(long long x) {
    long long lo = 0, hi = 1LL << 27;
    while (lo < hi) {
        long long mid = (lo + hi + 1) / 2;
        if (mid * mid <= x) lo = mid;
        else hi = mid - 1;
    }
    return lo;
}
