/* Tries 1, 2, 3, ...: runs out of guesses. */
#include <stdio.h>
#include <string.h>
int main(void) {
    long long n;
    if (scanf("%lld", &n) != 1) return 1;
    for (long long g = 1; g <= n; g++) {
        char reply[16];
        printf("%lld\n", g);
        fflush(stdout);
        if (scanf("%15s", reply) != 1) return 0;
        if (strcmp(reply, "correct") == 0) return 0;
    }
    return 0;
}
