/* Guesses n + 1, out of range, then spins: rejected first, so WA, not TLE. */
#include <stdio.h>
int main(void) {
    long long n;
    if (scanf("%lld", &n) != 1) return 1;
    printf("%lld\n", n + 1);
    fflush(stdout);
    for (volatile unsigned long i = 0;; i++) {}
}
