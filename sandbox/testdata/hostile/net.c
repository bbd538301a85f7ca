/* net.c - reach the host's network. Usage: net MODE [ARG].
 * ifaces:      print IF:<name>:<up|down>:<family> for every interface entry
 *              (getifaddrs), then try to bring lo up (SIOCSIFFLAGS).
 * tcp4 PORT:   connect to 127.0.0.1:PORT.   tcp6 PORT: connect to [::1]:PORT.
 * udp4 PORT:   send a datagram to 127.0.0.1:PORT.
 * abstract NAME: connect to the abstract unix socket @NAME.
 * Prints PWNED:... and exits 66 when a connection (or send) works, else
 * BLOCKED:<mode>:<error>; then 42. */
#include <arpa/inet.h>
#include <errno.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

static int pwned;

static void result(const char *mode, int r) {
    if (r == 0) { printf("PWNED:%s:reached\n", mode); pwned = 1; }
    else printf("BLOCKED:%s:%s\n", mode, strerror(errno));
}

int main(int argc, char **argv) {
    if (argc < 2) return 2;
    const char *mode = argv[1];
    int port = argc > 2 ? atoi(argv[2]) : 0;
    if (!strcmp(mode, "ifaces")) {
        struct ifaddrs *ifa;
        if (getifaddrs(&ifa) != 0) { printf("BLOCKED:getifaddrs:%s\n", strerror(errno)); }
        else {
            for (struct ifaddrs *i = ifa; i; i = i->ifa_next)
                printf("IF:%s:%s:%d\n", i->ifa_name, (i->ifa_flags & IFF_UP) ? "up" : "down",
                       i->ifa_addr ? i->ifa_addr->sa_family : -1);
            freeifaddrs(ifa);
        }
        int s = socket(AF_INET, SOCK_DGRAM, 0);
        struct ifreq r;
        memset(&r, 0, sizeof r);
        strcpy(r.ifr_name, "lo");
        if (s >= 0 && ioctl(s, SIOCGIFFLAGS, &r) == 0) {
            r.ifr_flags |= IFF_UP;
            if (ioctl(s, SIOCSIFFLAGS, &r) == 0) { printf("PWNED:lo-brought-up\n"); pwned = 1; }
            else printf("BLOCKED:lo-up:%s\n", strerror(errno));
        }
    } else if (!strcmp(mode, "tcp4") || !strcmp(mode, "udp4")) {
        int udp = mode[0] == 'u';
        int s = socket(AF_INET, udp ? SOCK_DGRAM : SOCK_STREAM, 0);
        struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port) };
        inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
        if (udp) {
            ssize_t n = sendto(s, "verdict-udp-probe", 17, 0, (struct sockaddr *)&a, sizeof a);
            /* A datagram that left counts only if the host got it: the test checks. */
            if (n >= 0) printf("INFO:udp-sent\n"); else printf("BLOCKED:%s:%s\n", mode, strerror(errno));
        } else result(mode, connect(s, (struct sockaddr *)&a, sizeof a));
    } else if (!strcmp(mode, "tcp6")) {
        int s = socket(AF_INET6, SOCK_STREAM, 0);
        struct sockaddr_in6 a = { .sin6_family = AF_INET6, .sin6_port = htons(port) };
        inet_pton(AF_INET6, "::1", &a.sin6_addr);
        result(mode, connect(s, (struct sockaddr *)&a, sizeof a));
    } else if (!strcmp(mode, "abstract")) {
        int s = socket(AF_UNIX, SOCK_STREAM, 0);
        struct sockaddr_un a = { .sun_family = AF_UNIX };
        size_t n = strlen(argv[2]);
        memcpy(a.sun_path + 1, argv[2], n);
        result(mode, connect(s, (struct sockaddr *)&a, offsetof(struct sockaddr_un, sun_path) + 1 + n));
    } else return 2;
    printf("42\n");
    return pwned ? 66 : 0;
}
