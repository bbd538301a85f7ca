/* killer.c - reach the processes of another box. Usage: killer | victim TOKEN.
 * killer: kill(-1, SIGKILL), then every process listed in /proc: print what it is
 *         (SEEN:pid:cmdline), try SIGKILL on it and to read its environment, and
 *         probe pids 2..65535 with signal 0 and SIGKILL. Prints 42.
 * victim: prints READY, waits for end of input, prints TOKEN-alive and 42. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void cat(const char *what, const char *path) {
    char buf[4096];
    int fd = open(path, O_RDONLY);
    if (fd < 0) return;
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0) return;
    for (ssize_t i = 0; i < n; i++) if (!buf[i]) buf[i] = ' ';
    buf[n] = 0;
    printf("%s:%s:%s\n", what, path, buf);
}

int main(int argc, char **argv) {
    if (argc == 3 && !strcmp(argv[1], "victim")) {
        printf("READY\n");
        fflush(stdout);
        char buf[256];
        while (read(0, buf, sizeof buf) > 0) {}
        printf("%s-alive\n42\n", argv[2]);
        return 0;
    }
    int self = getpid();
    printf("INFO:kill(-1)=%d\n", kill(-1, SIGKILL));
    DIR *d = opendir("/proc");
    struct dirent *e;
    while (d && (e = readdir(d))) {
        if (!isdigit((unsigned char)e->d_name[0])) continue;
        int pid = atoi(e->d_name);
        if (pid == self) continue;
        char path[64];
        snprintf(path, sizeof path, "/proc/%d/cmdline", pid);
        cat("SEEN", path);
        snprintf(path, sizeof path, "/proc/%d/environ", pid);
        cat("ENVIRON", path);
        printf("INFO:kill(%d)=%s\n", pid, kill(pid, SIGKILL) == 0 ? "ok" : strerror(errno));
    }
    if (d) closedir(d);
    int alive = 0;
    for (int pid = 2; pid < 65536; pid++) {
        if (pid == self) continue;
        if (kill(pid, 0) == 0 || errno == EPERM) { alive++; kill(pid, SIGKILL); }
    }
    printf("INFO:pids-that-answered=%d\n42\n", alive);
    return 0;
}
