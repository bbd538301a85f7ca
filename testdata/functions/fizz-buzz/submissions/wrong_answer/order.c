// Tests 3 before 15: never says FizzBuzz.
char** fizzBuzz(int n, int* returnSize) {
    char** res = malloc(sizeof(char*) * n);
    for (int i = 1; i <= n; i++) {
        res[i - 1] = malloc(9);
        if (i % 3 == 0) strcpy(res[i - 1], "Fizz");
        else if (i % 5 == 0) strcpy(res[i - 1], "Buzz");
        else if (i % 15 == 0) strcpy(res[i - 1], "FizzBuzz");
        else sprintf(res[i - 1], "%d", i);
    }
    *returnSize = n;
    return res;
}
