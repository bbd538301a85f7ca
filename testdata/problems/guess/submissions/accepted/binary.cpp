#include <iostream>
#include <string>
int main() {
    long long lo = 1, hi;
    std::cin >> hi;
    while (lo <= hi) {
        long long mid = lo + (hi - lo) / 2;
        std::cout << mid << std::endl;
        std::string reply;
        if (!(std::cin >> reply)) return 1;
        if (reply == "correct") break;
        if (reply == "lower") hi = mid - 1; else lo = mid + 1;
    }
}
