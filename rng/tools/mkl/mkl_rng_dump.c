/*
 * Prints Intel MKL VSL output, one value per line, for rankexec's golden vectors and the
 * MT2203 parameter derivation (rng/tools/mkl/derive-mt2203.sh).
 *
 *   mkl_rng_dump <gen> <substream> <seed> <count> <kind> [a b] [skip]
 *     gen       mt2203 | mt19937 | mrg32k3a   (substream is added to VSL_BRNG_MT2203 only)
 *     kind      bits    viRngUniformBits, unsigned decimal
 *               double  vdRngUniform on [a,b) (default [0,1)), printed as 16 hex digits of the IEEE bits
 *               float   vsRngUniform on [a,b) (default [0,1)), printed as 8 hex digits
 *     skip      values discarded (in bits) before printing, i.e. print values skip..skip+count-1
 *   mkl_rng_dump mt2203-all <seed> <count>
 *     the first <count> bits of each of the 6024 MT2203 substreams: one line per substream,
 *     "<substream> v0 v1 ...", for the derivation.
 *   mkl_rng_dump mt2203-digest <seed> <count>
 *     per substream "<substream> <last value> <h>" with h = fold(h * 1000003 + v) over the first
 *     <count> bits (unsigned 64-bit arithmetic, h starts at 0), printed as 16 hex digits.
 * <seed> is an unsigned 32-bit value (vslNewStream) or a comma-separated key "s0,s1,..."
 * (vslNewStreamEx with that many 32-bit words).
 * Output is generated in blocks of up to 65536 values, the way callers use MKL.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <mkl_vsl.h>

#define BLOCK 65536

static void check(int status, const char *what) {
    if (status != VSL_STATUS_OK) {
        fprintf(stderr, "mkl_rng_dump: %s failed with status %d\n", what, status);
        exit(2);
    }
}

/* seed: one unsigned 32-bit value (vslNewStream) or a comma-separated key "s0,s1,..." (vslNewStreamEx) */
static VSLStreamStatePtr open_stream(const char *gen, long sub, const char *seed) {
    MKL_INT brng;
    if (strcmp(gen, "mt2203") == 0) {
        if (sub < 0 || sub >= 6024) { fprintf(stderr, "mkl_rng_dump: substream must be 0..6023\n"); exit(1); }
        brng = VSL_BRNG_MT2203 + (MKL_INT) sub;
    } else if (strcmp(gen, "mt19937") == 0) {
        brng = VSL_BRNG_MT19937;
    } else if (strcmp(gen, "mrg32k3a") == 0) {
        brng = VSL_BRNG_MRG32K3A;
    } else {
        fprintf(stderr, "mkl_rng_dump: unknown generator '%s'\n", gen);
        exit(1);
    }
    VSLStreamStatePtr s;
    if (strchr(seed, ',') == NULL) {
        check(vslNewStream(&s, brng, (MKL_UINT) strtoul(seed, NULL, 10)), "vslNewStream");
    } else {
        unsigned int key[64];
        int n = 0;
        for (const char *p = seed; *p && n < 64; n++) {
            char *end;
            key[n] = (unsigned int) strtoul(p, &end, 10);
            p = *end == ',' ? end + 1 : end;
        }
        check(vslNewStreamEx(&s, brng, n, key), "vslNewStreamEx");
    }
    return s;
}

static int dump_all(const char *seed, long count, int digest) {
    unsigned int *buf = malloc(sizeof(unsigned int) * (size_t) count);
    for (long sub = 0; sub < 6024; sub++) {
        VSLStreamStatePtr s = open_stream("mt2203", sub, seed);
        check(viRngUniformBits(VSL_RNG_METHOD_UNIFORMBITS_STD, s, (MKL_INT) count, buf), "viRngUniformBits");
        if (digest) {
            uint64_t h = 0;
            for (long i = 0; i < count; i++) h = h * 1000003u + buf[i];
            printf("%ld %u %016llx\n", sub, buf[count - 1], (unsigned long long) h);
        } else {
            printf("%ld", sub);
            for (long i = 0; i < count; i++) printf(" %u", buf[i]);
            putchar('\n');
        }
        vslDeleteStream(&s);
    }
    free(buf);
    return 0;
}

int main(int argc, char **argv) {
    if (argc == 4 && strcmp(argv[1], "mt2203-all") == 0)
        return dump_all(argv[2], strtol(argv[3], NULL, 10), 0);
    if (argc == 4 && strcmp(argv[1], "mt2203-digest") == 0)
        return dump_all(argv[2], strtol(argv[3], NULL, 10), 1);
    if (argc != 6 && argc != 7 && argc != 8 && argc != 9) {
        fprintf(stderr, "usage: mkl_rng_dump <mt2203|mt19937|mrg32k3a> <substream> <seed> <count> <bits|double|float> [a b] [skip]\n"
                        "       mkl_rng_dump mt2203-all|mt2203-digest <seed> <count>\n");
        return 1;
    }
    const char *gen = argv[1];
    long sub = strtol(argv[2], NULL, 10);
    const char *seed = argv[3];
    long count = strtol(argv[4], NULL, 10);
    const char *kind = argv[5];
    double a = 0.0, b = 1.0;
    long skip = 0;
    if (argc >= 8) { a = strtod(argv[6], NULL); b = strtod(argv[7], NULL); }
    if (argc == 7) skip = strtol(argv[6], NULL, 10);
    if (argc == 9) skip = strtol(argv[8], NULL, 10);

    VSLStreamStatePtr s = open_stream(gen, sub, seed);
    if (skip > 0) {
        unsigned int *junk = malloc(sizeof(unsigned int) * BLOCK);
        while (skip > 0) {
            long n = skip < BLOCK ? skip : BLOCK;
            check(viRngUniformBits(VSL_RNG_METHOD_UNIFORMBITS_STD, s, (MKL_INT) n, junk), "viRngUniformBits");
            skip -= n;
        }
        free(junk);
    }
    static unsigned int ubuf[BLOCK];
    static double dbuf[BLOCK];
    static float fbuf[BLOCK];
    while (count > 0) {
        long n = count < BLOCK ? count : BLOCK;
        if (strcmp(kind, "bits") == 0) {
            check(viRngUniformBits(VSL_RNG_METHOD_UNIFORMBITS_STD, s, (MKL_INT) n, ubuf), "viRngUniformBits");
            for (long i = 0; i < n; i++) printf("%u\n", ubuf[i]);
        } else if (strcmp(kind, "double") == 0) {
            check(vdRngUniform(VSL_RNG_METHOD_UNIFORM_STD, s, (MKL_INT) n, dbuf, a, b), "vdRngUniform");
            for (long i = 0; i < n; i++) { uint64_t u; memcpy(&u, &dbuf[i], 8); printf("%016llx\n", (unsigned long long) u); }
        } else if (strcmp(kind, "float") == 0) {
            check(vsRngUniform(VSL_RNG_METHOD_UNIFORM_STD, s, (MKL_INT) n, fbuf, (float) a, (float) b), "vsRngUniform");
            for (long i = 0; i < n; i++) { uint32_t u; memcpy(&u, &fbuf[i], 4); printf("%08x\n", u); }
        } else {
            fprintf(stderr, "mkl_rng_dump: unknown kind '%s' (bits, double, float)\n", kind);
            return 1;
        }
        count -= n;
    }
    vslDeleteStream(&s);
    return 0;
}
