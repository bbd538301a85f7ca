/* Accepts any two non-negative integers that add up to n. */
#include <stdio.h>
#include <string.h>
static void message(const char *dir, const char *m) {
    char path[4096];
    snprintf(path, sizeof path, "%sjudgemessage.txt", dir);
    FILE *f = fopen(path, "w");
    if (f) { fputs(m, f); fclose(f); }
}
int main(int argc, char **argv) {
    if (argc < 4) return 1;
    FILE *in = fopen(argv[1], "r");
    long long n, x, y;
    char extra;
    if (!in || fscanf(in, "%lld", &n) != 1) return 1;
    if (scanf("%lld %lld", &x, &y) != 2) { message(argv[3], "expected two integers"); return 43; }
    if (scanf(" %c", &extra) == 1) { message(argv[3], "trailing output"); return 43; }
    if (x < 0 || y < 0 || x + y != n) { message(argv[3], "the pair does not add up to n"); return 43; }
    return 42;
}
