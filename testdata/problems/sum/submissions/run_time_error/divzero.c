#include <stdio.h>
int main(void) {
    long long a, b;
    if (scanf("%lld %lld", &a, &b) != 2) return 1;
    volatile long long z = 0;
    volatile long long r = (a + b + 7) / z; /* SIGFPE: integer division by zero */
    printf("%lld\n", (long long)r);
    return 3; /* never reached on x86; still a run-time error if it were */
}
