/* planter.c - plant, under the names the host reads back after the run, things a
 * careless host follows or blocks on. Prints 42.
 *   out.txt     -> /etc/shadow           canary.txt -> /etc/judge-canary
 *   environ.txt -> /proc/1/environ       up.txt     -> ../../../../etc/hostname
 *   chain.txt   -> out.txt               loop.txt   -> loop.txt
 *   sub         -> /  (so sub/etc/shadow is a path through a link)
 *   fifo.txt    a FIFO                   big.txt    a 10 GB sparse file
 *   dir.txt     a directory              sock.txt   a listening unix socket
 *   ok.txt      an ordinary file (the host must read this one) */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

static void check(const char *what, int r) {
    if (r == 0) printf("INFO:planted:%s\n", what);
    else printf("INFO:not-planted:%s:%s\n", what, strerror(errno));
}

int main(void) {
    signal(SIGXFSZ, SIG_IGN);
    check("out.txt", symlink("/etc/shadow", "out.txt"));
    check("canary.txt", symlink("/etc/judge-canary", "canary.txt"));
    check("environ.txt", symlink("/proc/1/environ", "environ.txt"));
    check("up.txt", symlink("../../../../etc/hostname", "up.txt"));
    check("chain.txt", symlink("out.txt", "chain.txt"));
    check("loop.txt", symlink("loop.txt", "loop.txt"));
    check("sub", symlink("/", "sub"));
    check("fifo.txt", mkfifo("fifo.txt", 0666));
    int fd = open("big.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    check("big.txt", fd >= 0 && ftruncate(fd, 10LL << 30) == 0 ? 0 : -1);
    if (fd >= 0) close(fd);
    check("dir.txt", mkdir("dir.txt", 0755));
    int s = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un a = { .sun_family = AF_UNIX };
    strcpy(a.sun_path, "sock.txt");
    check("sock.txt", s >= 0 && bind(s, (struct sockaddr *)&a, sizeof a) == 0 ? listen(s, 1) : -1);
    fd = open("ok.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    check("ok.txt", fd >= 0 && write(fd, "fine\n", 5) == 5 ? 0 : -1);
    if (fd >= 0) close(fd);
    printf("42\n");
    return 0;
}
