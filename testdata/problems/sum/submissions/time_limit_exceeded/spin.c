#include <stdio.h>
int main(void) { long long a, b; if (scanf("%lld %lld", &a, &b) != 2) return 0; volatile unsigned long long x = 0; for (;;) x++; return 0; }
