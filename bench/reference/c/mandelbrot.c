/*
 * Reference Mandelbrot for the side-by-side benchmark (bench/compare/mandelbrot.sh).
 *
 * Same computation as the seed's R function (rxExec "Plotting the Mandelbrot Set"):
 *
 *   mandelbrot <- function(x0, y0, lim) {
 *     x <- x0; y <- y0; iter <- 0
 *     while (x^2 + y^2 < 4 && iter < lim) {
 *       xtemp <- x^2 - y^2 + x0; y <- 2 * x * y + y0; x <- xtemp; iter <- iter + 1
 *     }
 *     iter
 *   }
 *
 * on x in seq(-2.0, 0.6, length.out = width), y in seq(-1.3, 1.3, length.out = height).
 * The grid is built as R's seq() builds it (from + i * by, last point exactly `to`) so the
 * checksum (sum of all iteration counts) can be compared with rankexec's bit for bit.
 *
 * Build: gcc -O3 -o mandelbrot mandelbrot.c     (no -march, no -ffast-math: plain -O3)
 * Usage: mandelbrot WIDTH HEIGHT LIM REPEATS
 * Prints: checksum=<sum> best_seconds=<min over repeats> ns_per_iteration=<...>
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* R's seq(from, to, length.out = n) for n > 2: c(from, from + (1:(n-2)) * by, to). */
static void r_seq(double from, double to, int n, double *out) {
    double by = (to - from) / (double) (n - 1);
    out[0] = from;
    for (int i = 1; i < n - 1; i++) out[i] = from + (double) i * by;
    out[n - 1] = to;
}

static int escape_count(double x0, double y0, int lim) {
    double x = x0, y = y0;
    int iter = 0;
    while (x * x + y * y < 4.0 && iter < lim) {
        double xtemp = x * x - y * y + x0;
        y = 2.0 * x * y + y0;
        x = xtemp;
        iter++;
    }
    return iter;
}

/* Fills counts row by row (one row per y value, as the seed's vmandelbrot) and returns the sum. */
static long long render(const double *xs, int width, const double *ys, int height, int lim, int *counts) {
    long long sum = 0;
    for (int r = 0; r < height; r++) {
        for (int c = 0; c < width; c++) {
            int n = escape_count(xs[c], ys[r], lim);
            counts[(size_t) r * width + c] = n;
            sum += n;
        }
    }
    return sum;
}

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double) ts.tv_sec + ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: %s WIDTH HEIGHT LIM REPEATS\n", argv[0]);
        return 2;
    }
    int width = atoi(argv[1]), height = atoi(argv[2]), lim = atoi(argv[3]), repeats = atoi(argv[4]);
    if (width < 3 || height < 3 || lim < 1 || repeats < 1) {
        fprintf(stderr, "mandelbrot: WIDTH and HEIGHT must be >= 3, LIM and REPEATS >= 1\n");
        return 2;
    }
    double *xs = malloc(sizeof(double) * width), *ys = malloc(sizeof(double) * height);
    int *counts = malloc(sizeof(int) * (size_t) width * height);
    if (!xs || !ys || !counts) {
        fprintf(stderr, "mandelbrot: out of memory\n");
        return 1;
    }
    r_seq(-2.0, 0.6, width, xs);
    r_seq(-1.3, 1.3, height, ys);

    double best = 1e300;
    long long checksum = 0;
    for (int k = 0; k < repeats; k++) {
        double t0 = now_seconds();
        checksum = render(xs, width, ys, height, lim, counts);
        double t = now_seconds() - t0;
        if (t < best) best = t;
    }
    /* Every count is one loop iteration, so the checksum is also the number of iterations. */
    printf("checksum=%lld best_seconds=%.6f ns_per_iteration=%.4f\n",
           checksum, best, best * 1e9 / (double) checksum);
    free(xs); free(ys); free(counts);
    return 0;
}
