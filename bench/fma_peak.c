/*
 * The FMA peak of one core, in GFLOP/s: 12 independent chains of vector FMAs (enough to hide the
 * FMA latency on two pipes), for 256-bit (AVX2) and, when the compiler targets it, 512-bit
 * (AVX-512) vectors. Prints "avx2=G" and "avx512=G" lines for bench/run-e2e.sh.
 * Build: gcc -O2 -march=native -o fma_peak fma_peak.c
 */
#include <immintrin.h>
#include <stdio.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + 1e-9 * t.tv_nsec;
}

#define PEAK(T, SET1, FMA, LANES, NAME) do { \
    double best = 0; \
    for (int rep = 0; rep < 5; rep++) { \
        T a0 = SET1(1.0), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0; \
        T a6 = a0, a7 = a0, a8 = a0, a9 = a0, a10 = a0, a11 = a0; \
        T x = SET1(0.9999999), y = SET1(1e-9); \
        long iters = 50000000; \
        double t = now(); \
        for (long i = 0; i < iters; i++) { \
            a0 = FMA(a0, x, y); a1 = FMA(a1, x, y); a2 = FMA(a2, x, y); a3 = FMA(a3, x, y); \
            a4 = FMA(a4, x, y); a5 = FMA(a5, x, y); a6 = FMA(a6, x, y); a7 = FMA(a7, x, y); \
            a8 = FMA(a8, x, y); a9 = FMA(a9, x, y); a10 = FMA(a10, x, y); a11 = FMA(a11, x, y); \
            __asm__ volatile("" : "+x"(a0), "+x"(a1), "+x"(a2), "+x"(a3), "+x"(a4), "+x"(a5), \
                             "+x"(a6), "+x"(a7), "+x"(a8), "+x"(a9), "+x"(a10), "+x"(a11)); \
        } \
        double s = now() - t; \
        double g = iters * 12.0 * LANES * 2 / s / 1e9; \
        if (g > best) best = g; \
    } \
    printf("%s=%.1f\n", NAME, best); \
} while (0)

int main(void) {
    PEAK(__m256d, _mm256_set1_pd, _mm256_fmadd_pd, 4, "avx2");
#ifdef __AVX512F__
    PEAK(__m512d, _mm512_set1_pd, _mm512_fmadd_pd, 8, "avx512");
#endif
    return 0;
}
