/* Spins in the second pass. */
#include <stdio.h>
#include <string.h>

int main(void) {
	char cmd[16], w[64];
	if (scanf("%15s %63s", cmd, w) != 2) return 1;
	if (strcmp(cmd, "decode") == 0) {
		volatile unsigned long x = 0;
		for (;;) x++;
	}
	for (char *p = w; *p; p++) *p = (char)((*p - 'a' + 1) % 26 + 'a');
	puts(w);
	return 0;
}
