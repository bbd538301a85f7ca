/* Scores a guess by its distance from the answer: score.txt holds
 * max(0, 10 - |x - answer|); output that is not one integer is rejected. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
	if (argc < 4) return 1;
	FILE *ans = fopen(argv[2], "r");
	long long want, got;
	char extra[2];
	if (!ans || fscanf(ans, "%lld", &want) != 1) return 1;
	char path[4096];
	snprintf(path, sizeof path, "%sjudgemessage.txt", argv[3]);
	FILE *msg = fopen(path, "w");
	if (scanf("%lld", &got) != 1 || scanf("%1s", extra) == 1) {
		if (msg) fprintf(msg, "not one integer\n");
		return 43;
	}
	long long d = llabs(got - want), score = d >= 10 ? 0 : 10 - d;
	snprintf(path, sizeof path, "%sscore.txt", argv[3]);
	FILE *sc = fopen(path, "w");
	if (!sc) return 1;
	fprintf(sc, "%lld\n", score);
	fclose(sc);
	if (msg) fprintf(msg, "off by %lld: score %lld\n", d, score);
	return 42;
}
