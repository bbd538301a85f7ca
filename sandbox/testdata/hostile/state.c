/* state.c - leave state behind in a box, or look for state an earlier run of
 * the same box left. Usage: state plant KIND | state check KIND.
 * KIND: tmp-file, shm-file, work-file, sysv-shm, sysv-sem, sysv-msg, posix-mq,
 * process (a daemon that sleeps; check looks for any process but itself and init),
 * tmp-mtime, shm-mtime (a file made and removed again in /tmp or /dev/shm leaves
 * the directory empty but its modification time set: a few bits chosen by the
 * run; plant prints MTIME:<sec.nsec>, and check KIND MTIME finds it again).
 * plant prints PLANTED:KIND (or NOT-PLANTED:KIND:why) and 42.
 * check prints PWNED:state-kept:KIND:what and exits 66 when it finds any of it,
 * else GONE:KIND and 42. */
#define _GNU_SOURCE
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

#define KEY 0x5eed4242
#define MQ "/verdict_state"

static int found;

static void seen(const char *kind, const char *what) {
    printf("PWNED:state-kept:%s:%s\n", kind, what);
    found = 1;
}

static int plant_file(const char *path) {
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0666);
    if (fd < 0) return -1;
    int r = write(fd, "state\n", 6) == 6 ? 0 : -1;
    close(fd);
    return r;
}

static void check_file(const char *kind, const char *path) {
    if (access(path, F_OK) == 0) seen(kind, path);
}

/* Any object listed in /proc/sysvipc/<file> (the first line names the columns). */
static void check_sysvipc(const char *kind, const char *file) {
    char path[64], line[512];
    snprintf(path, sizeof path, "/proc/sysvipc/%s", file);
    FILE *f = fopen(path, "r");
    if (!f) { printf("INFO:%s:%s\n", path, strerror(errno)); return; }
    int n = 0;
    while (fgets(line, sizeof line, f))
        if (n++ > 0) { line[strcspn(line, "\n")] = 0; seen(kind, line); }
    fclose(f);
}

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: state plant|check KIND [MTIME]\n"); return 2; }
    int plant = strcmp(argv[1], "plant") == 0;
    const char *kind = argv[2];
    int ok = 0;

    if (!strcmp(kind, "tmp-file") || !strcmp(kind, "shm-file") || !strcmp(kind, "work-file")) {
        const char *path = !strcmp(kind, "tmp-file") ? "/tmp/verdict_state"
                         : !strcmp(kind, "shm-file") ? "/dev/shm/verdict_state" : "verdict_state";
        if (plant) ok = plant_file(path) == 0;
        else check_file(kind, path);
    } else if (!strcmp(kind, "sysv-shm")) {
        if (plant) {
            int a = shmget(KEY, 4096, IPC_CREAT | 0666), b = shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
            ok = a >= 0 && b >= 0;
            if (a >= 0) { char *p = shmat(a, NULL, 0); if (p != (void *)-1) { strcpy(p, "state"); shmdt(p); } }
        } else {
            if (shmget(KEY, 0, 0) >= 0) seen(kind, "key");
            check_sysvipc(kind, "shm");
        }
    } else if (!strcmp(kind, "sysv-sem")) {
        if (plant) ok = semget(KEY, 1, IPC_CREAT | 0666) >= 0 && semget(IPC_PRIVATE, 1, IPC_CREAT | 0600) >= 0;
        else {
            if (semget(KEY, 0, 0) >= 0) seen(kind, "key");
            check_sysvipc(kind, "sem");
        }
    } else if (!strcmp(kind, "sysv-msg")) {
        if (plant) {
            int q = msgget(KEY, IPC_CREAT | 0666);
            struct { long type; char text[8]; } m = { 1, "state" };
            ok = q >= 0 && msgsnd(q, &m, sizeof m.text, IPC_NOWAIT) == 0 && msgget(IPC_PRIVATE, IPC_CREAT | 0600) >= 0;
        } else {
            if (msgget(KEY, 0) >= 0) seen(kind, "key");
            check_sysvipc(kind, "msg");
        }
    } else if (!strcmp(kind, "posix-mq")) {
        if (plant) {
            struct mq_attr attr = { .mq_maxmsg = 2, .mq_msgsize = 64 };
            mqd_t q = mq_open(MQ, O_CREAT | O_RDWR, 0666, &attr);
            ok = q != (mqd_t)-1 && mq_send(q, "state", 6, 0) == 0;
        } else {
            mqd_t q = mq_open(MQ, O_RDONLY | O_NONBLOCK);
            if (q != (mqd_t)-1) {
                char buf[64];
                ssize_t n = mq_receive(q, buf, sizeof buf, NULL);
                seen(kind, n > 0 ? "queue with a message" : "queue");
            }
        }
    } else if (!strcmp(kind, "tmp-mtime") || !strcmp(kind, "shm-mtime")) {
        const char *dir = kind[0] == 't' ? "/tmp" : "/dev/shm";
        char path[64], now[64];
        struct stat st;
        if (plant) {
            snprintf(path, sizeof path, "%s/verdict_state", dir);
            ok = plant_file(path) == 0 && unlink(path) == 0;
            /* Outlive the coarse clock tick: the box's fresh mount after this
             * run must not share the timestamp by mere coincidence. */
            usleep(30000);
        }
        if (stat(dir, &st) == 0) {
            snprintf(now, sizeof now, "%lld.%09ld", (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
            printf("MTIME:%s\n", now);
            if (!plant && argc > 3 && !strcmp(argv[3], now)) seen(kind, now);
        }
    } else if (!strcmp(kind, "process")) {
        if (plant) {
            pid_t p = fork();
            if (p == 0) {
                setsid();
                if (fork() == 0) {
                    prctl(PR_SET_NAME, "verdict_state", 0, 0, 0);
                    for (;;) sleep(1);
                }
                _exit(0);
            }
            ok = p > 0;
        } else {
            DIR *d = opendir("/proc");
            struct dirent *e;
            char what[300];
            while (d && (e = readdir(d))) {
                if (!isdigit((unsigned char)e->d_name[0])) continue;
                int pid = atoi(e->d_name);
                if (pid == 1 || pid == getpid()) continue;
                snprintf(what, sizeof what, "pid %d", pid);
                seen(kind, what);
            }
            if (d) closedir(d);
        }
    } else {
        fprintf(stderr, "unknown kind %s\n", kind);
        return 2;
    }

    if (plant) {
        if (ok) printf("PLANTED:%s\n", kind);
        else printf("NOT-PLANTED:%s:%s\n", kind, strerror(errno));
    } else if (!found) printf("GONE:%s\n", kind);
    printf("42\n");
    return found ? 66 : 0;
}
