#pragma once
// PICTOR_AVX2_CLONES before a function: GCC compiles it twice, for baseline x86-64 (the build's
// target) and for AVX2, and the loader picks the AVX2 body on processors that have it (an
// ifunc). For the hot per-pixel loops, which run about twice as fast 8 wide. AVX2 without FMA: a
// fused multiply-add rounds differently, and a result must not depend on the processor (both
// bodies do the same operations in the same order).
// Plain functions only (not around an OpenMP region: call a cloned row function from inside it).
// Off for other compilers and under AddressSanitizer (sanitised builds keep one code path).
//
// Where the compiler does not vectorise a loop by itself, PICTOR_AVX2_PATH is defined: a function
// marked PICTOR_AVX2_TARGET may use AVX2 intrinsics, and is called when cpuHasAvx2().
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) &&                             \
    !defined(__SANITIZE_ADDRESS__)
#define PICTOR_AVX2_CLONES __attribute__((target_clones("avx2", "default")))
#define PICTOR_AVX2_PATH 1
#define PICTOR_AVX2_TARGET __attribute__((target("avx2")))
namespace pictor {
inline bool cpuHasAvx2() {
    static const bool yes = __builtin_cpu_supports("avx2");
    return yes;
}
} // namespace pictor
#else
#define PICTOR_AVX2_CLONES
#endif
