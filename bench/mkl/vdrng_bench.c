/*
 * Times Intel MKL's vdRngUniform on [0,1) for VSL_BRNG_MT2203 (substream 0) and VSL_BRNG_MRG32K3A:
 * 10^6 doubles per call into one reused buffer, repeated; prints the best and median ns per double
 * over several rounds, also as key=value lines for bench/mkl/run.sh. Run single-threaded
 * (run.sh sets MKL_THREADING_LAYER=sequential).
 *   vdrng_bench [rounds] [calls-per-round]
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <mkl_vsl.h>

#define N 1000000

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + 1e-9 * t.tv_nsec;
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return x < y ? -1 : x > y;
}

static void bench(const char *name, const char *key, MKL_INT brng, int rounds, int calls, double *buf) {
    VSLStreamStatePtr s;
    if (vslNewStream(&s, brng, 777) != VSL_STATUS_OK) { fprintf(stderr, "vslNewStream failed\n"); exit(2); }
    double *ns = malloc(sizeof(double) * rounds), sink = 0;
    for (int w = 0; w < 20; w++) vdRngUniform(VSL_RNG_METHOD_UNIFORM_STD, s, N, buf, 0.0, 1.0);  /* warm-up */
    for (int r = 0; r < rounds; r++) {
        double t0 = now();
        for (int c = 0; c < calls; c++) {
            vdRngUniform(VSL_RNG_METHOD_UNIFORM_STD, s, N, buf, 0.0, 1.0);
            sink += buf[c % N];
        }
        ns[r] = (now() - t0) * 1e9 / ((double) calls * N);
    }
    qsort(ns, rounds, sizeof(double), cmp);
    printf("mkl %-9s vdRngUniform  best %.3f ns/double  median %.3f ns/double  (%d rounds x %d calls x 10^6; sink %.1f)\n",
           name, ns[0], ns[rounds / 2], rounds, calls, sink);
    printf("mkl_%s_best_ns=%.4f\nmkl_%s_median_ns=%.4f\n", key, ns[0], key, ns[rounds / 2]);
    free(ns);
    vslDeleteStream(&s);
}

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 10;
    int calls = argc > 2 ? atoi(argv[2]) : 50;
    double *buf = malloc(sizeof(double) * N);
    bench("MT2203", "mt2203", VSL_BRNG_MT2203, rounds, calls, buf);
    bench("MRG32K3A", "mrg32k3a", VSL_BRNG_MRG32K3A, rounds, calls, buf);
    free(buf);
    return 0;
}
