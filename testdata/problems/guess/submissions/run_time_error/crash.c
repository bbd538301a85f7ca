/* Makes one guess, then dereferences a null pointer. */
#include <stdio.h>
int main(void) {
    long long n;
    if (scanf("%lld", &n) != 1) return 1;
    printf("%lld\n", (n + 1) / 2);
    fflush(stdout);
    volatile int *p = 0;
    return *p;
}
