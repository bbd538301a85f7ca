/* env.c - print the whole environment, one ENV:<entry> line each, then 42. */
#include <stdio.h>
extern char **environ;
int main(void) {
    for (char **e = environ; *e; e++) printf("ENV:%s\n", *e);
    printf("42\n");
    return 0;
}
