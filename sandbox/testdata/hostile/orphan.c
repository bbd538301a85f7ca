/* orphan.c - leave a process behind when the main one exits. Usage: orphan MODE.
 * daemon:  double fork + setsid; the grandchild ignores HUP/TERM/INT, calls itself
 *          verdict_orphan, keeps stdout and stderr open and sleeps forever.
 * stopped: the child stops itself (SIGSTOP) with stdout open.
 * busy:    the grandchild spins on the CPU forever, stdout open.
 * respawn: the grandchild forks a new generation every 10 ms, each of which exits
 *          after forking (the tree keeps moving away from its parents).
 * linger:  like daemon, but the main process then sleeps forever too.
 * The main process prints 42 and exits 0 at once (but for linger). */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
    const char *mode = argc > 1 ? argv[1] : "daemon";
    pid_t p = fork();
    if (p == 0) {
        if (!strcmp(mode, "stopped")) {
            prctl(PR_SET_NAME, "verdict_orphan", 0, 0, 0);
            raise(SIGSTOP);
            for (;;) pause();
        }
        setsid();
        if (fork() == 0) {
            signal(SIGHUP, SIG_IGN);
            signal(SIGTERM, SIG_IGN);
            signal(SIGINT, SIG_IGN);
            prctl(PR_SET_NAME, "verdict_orphan", 0, 0, 0);
            if (!strcmp(mode, "busy")) { volatile unsigned long x = 0; for (;;) x++; }
            if (!strcmp(mode, "respawn"))
                for (;;) { usleep(10000); if (fork() != 0) _exit(0); }
            for (;;) sleep(1);
        }
        _exit(0);
    }
    if (strcmp(mode, "stopped")) waitpid(p, NULL, 0);
    printf("42\n");
    fflush(stdout);
    if (!strcmp(mode, "linger")) for (;;) pause();
    return 0;
}
