class Solution {
    public double myPow(double x, int n) {
        long e = n;
        if (e < 0) {
            x = 1 / x;
            e = -e;
        }
        return fast(x, e);
    }

    private double fast(double x, long e) {
        if (e == 0) return 1.0;
        double half = fast(x, e / 2);
        return e % 2 == 0 ? half * half : half * half * x;
    }
}
