#include <bits/stdc++.h>
int main() { long long a, b; std::cin >> a >> b; volatile unsigned long long x = 0; for (;;) x++; }
