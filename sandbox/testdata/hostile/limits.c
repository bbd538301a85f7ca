/* limits.c - print the limits this run got: LIMIT:<name>:<soft>:<hard> for
 * RLIMIT_CPU, NPROC, NOFILE, FSIZE and STACK (-1 = unlimited), then 42. */
#include <stdio.h>
#include <sys/resource.h>
int main(void) {
    struct { int r; const char *name; } l[] = {
        { RLIMIT_CPU, "CPU" }, { RLIMIT_NPROC, "NPROC" }, { RLIMIT_NOFILE, "NOFILE" },
        { RLIMIT_FSIZE, "FSIZE" }, { RLIMIT_STACK, "STACK" } };
    for (unsigned i = 0; i < sizeof l / sizeof *l; i++) {
        struct rlimit r;
        getrlimit(l[i].r, &r);
        printf("LIMIT:%s:%lld:%lld\n", l[i].name,
               r.rlim_cur == RLIM_INFINITY ? -1LL : (long long)r.rlim_cur,
               r.rlim_max == RLIM_INFINITY ? -1LL : (long long)r.rlim_max);
    }
    printf("42\n");
    return 0;
}
