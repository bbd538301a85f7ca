#include <stdio.h>
#include <string.h>

int main(void) {
	char cmd[16], w[64];
	if (scanf("%15s %63s", cmd, w) != 2) return 1;
	int shift = strcmp(cmd, "encode") == 0 ? 1 : 25;
	for (char *p = w; *p; p++) *p = (char)((*p - 'a' + shift) % 26 + 'a');
	puts(w);
	return 0;
}
