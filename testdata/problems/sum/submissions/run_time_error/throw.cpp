#include <bits/stdc++.h>
int main() { long long a, b; std::cin >> a >> b; throw std::runtime_error("boom"); }
