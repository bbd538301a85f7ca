#include <stdio.h>
#include <string.h>
int main(void) {
    long long lo = 1, hi;
    if (scanf("%lld", &hi) != 1) return 1;
    while (lo <= hi) {
        long long mid = lo + (hi - lo) / 2;
        char reply[16];
        printf("%lld\n", mid);
        fflush(stdout);
        if (scanf("%15s", reply) != 1) return 1;
        if (strcmp(reply, "correct") == 0) return 0;
        if (strcmp(reply, "lower") == 0) hi = mid - 1;
        else lo = mid + 1;
    }
    return 0;
}
