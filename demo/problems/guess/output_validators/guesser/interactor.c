/*
 * Interactor for "guess the number".
 *
 * judge/input holds "n x": the secret x is in [1, n]. The interactor writes n
 * on a line; then the submission guesses, one integer a line, and is told
 * "lower" (the secret is smaller), "higher" (it is larger) or "correct",
 * after which it must end. At most 30 guesses (enough for n <= 10^9).
 */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>

#define MAX_GUESSES 30

static const char *feedback;

static int verdict(int code, const char *fmt, ...) {
    char path[4096];
    snprintf(path, sizeof path, "%sjudgemessage.txt", feedback);
    FILE *f = fopen(path, "w");
    if (f) {
        va_list ap;
        va_start(ap, fmt);
        vfprintf(f, fmt, ap);
        va_end(ap);
        fputc('\n', f);
        fclose(f);
    }
    return code;
}

int main(int argc, char **argv) {
    if (argc < 4) return 1;
    feedback = argv[3];
    signal(SIGPIPE, SIG_IGN); /* a submission that ends early is its fault */
    FILE *in = fopen(argv[1], "r");
    long long n, x;
    if (!in || fscanf(in, "%lld %lld", &n, &x) != 2 || x < 1 || x > n) return 1;
    fclose(in);

    printf("%lld\n", n);
    fflush(stdout);
    for (int k = 1; k <= MAX_GUESSES; k++) {
        long long g;
        if (scanf("%lld", &g) != 1)
            return verdict(43, "guess %d: expected an integer", k);
        if (g < 1 || g > n)
            return verdict(43, "guess %d out of range: %lld", k, g);
        if (g == x) {
            puts("correct");
            fflush(stdout);
            char c;
            if (scanf(" %c", &c) == 1)
                return verdict(43, "output after the correct guess: '%c'", c);
            return verdict(42, "found in %d guesses", k);
        }
        puts(g > x ? "lower" : "higher");
        fflush(stdout);
    }
    return verdict(43, "more than %d guesses", MAX_GUESSES);
}
