/* Reads n and never answers: burns CPU. */
#include <stdio.h>
int main(void) {
    long long n;
    if (scanf("%lld", &n) != 1) return 1;
    for (volatile unsigned long i = 0;; i++) {}
}
