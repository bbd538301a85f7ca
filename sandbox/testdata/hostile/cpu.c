/* cpu.c - burn CPU where a careless judge does not look. Usage: cpu MODE N SECONDS.
 * threads:      N threads each burn SECONDS of their own CPU time; joined.
 * children:     N children each burn SECONDS of CPU time and exit; the parent waits
 *               for them to finish (a pipe) but never reaps them, then exits.
 * grandchildren: like children, but their parent exits at once: they are reparented
 *               to the box's init, and the main process never sees them.
 * Prints 42. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double seconds;

static double cpu_now(clockid_t c) {
    struct timespec t;
    clock_gettime(c, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void burn(clockid_t c) {
    double start = cpu_now(c);
    volatile unsigned long x = 0;
    while (cpu_now(c) - start < seconds)
        for (int i = 0; i < 100000; i++) x++;
}

static void *thread(void *a) { (void)a; burn(CLOCK_THREAD_CPUTIME_ID); return NULL; }

int main(int argc, char **argv) {
    if (argc != 4) { fprintf(stderr, "usage: cpu threads|children|grandchildren N SECONDS\n"); return 2; }
    int n = atoi(argv[2]);
    seconds = atof(argv[3]);
    if (!strcmp(argv[1], "threads")) {
        pthread_t t[64];
        for (int i = 0; i < n; i++) if (pthread_create(&t[i], NULL, thread, NULL) != 0) { perror("pthread_create"); return 1; }
        for (int i = 0; i < n; i++) pthread_join(t[i], NULL);
    } else {
        int fds[2];
        if (pipe(fds) != 0) { perror("pipe"); return 1; }
        int grand = !strcmp(argv[1], "grandchildren");
        for (int i = 0; i < n; i++) {
            pid_t p = fork();
            if (p < 0) { perror("fork"); return 1; }
            if (p == 0) {
                if (grand && fork() != 0) _exit(0);
                close(fds[0]);
                burn(CLOCK_PROCESS_CPUTIME_ID);
                if (write(fds[1], "x", 1) != 1) _exit(1);
                _exit(0);
            }
        }
        close(fds[1]);
        char c;
        for (int i = 0; i < n; i++) if (read(fds[0], &c, 1) != 1) { fprintf(stderr, "a burner died\n"); return 1; }
        /* No wait(): the children are zombies (or reaped by the box's init) when we exit. */
    }
    printf("42\n");
    return 0;
}
