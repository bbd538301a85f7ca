/* Included with every C submission: reads the input and the bonus file,
 * calls the submission's add and prints. */
#include <stdio.h>
#include "solve.h"

int main(void) {
	long long a, b, k = 0;
	if (scanf("%lld %lld", &a, &b) != 2) return 1;
	FILE *f = fopen("{{bonus_file}}", "r");
	if (f) {
		if (fscanf(f, "%lld", &k) != 1) k = 0;
		fclose(f);
	}
	printf("%lld\n", add(a, b) + k);
	return 0;
}
