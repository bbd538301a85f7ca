/* The function a submission writes. */
long long add(long long a, long long b);
