/* fds.c - use every descriptor inherited beyond 0, 1 and 2: print where it leads
 * and up to 256 bytes read from it (FD:<n>:<target>:<data>), and PWNED for each.
 * Prints 42. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(void) {
    int pwned = 0;
    for (int fd = 3; fd < 1024; fd++) {
        if (fcntl(fd, F_GETFD) < 0) continue;
        char lp[64], tgt[512], buf[257];
        snprintf(lp, sizeof lp, "/proc/self/fd/%d", fd);
        ssize_t n = readlink(lp, tgt, sizeof tgt - 1);
        tgt[n > 0 ? n : 0] = 0;
        fcntl(fd, F_SETFL, O_NONBLOCK);
        ssize_t m = pread(fd, buf, sizeof buf - 1, 0);
        if (m < 0) m = read(fd, buf, sizeof buf - 1);
        buf[m > 0 ? m : 0] = 0;
        printf("PWNED:inherited-fd:%d:%s:%s\n", fd, tgt, buf);
        pwned = 1;
    }
    printf("42\n");
    return pwned ? 66 : 0;
}
