#include "image/TransferLut.h"

#include "util/VectorClones.h"

#if defined(PICTOR_AVX2_PATH)
#include <immintrin.h>
#endif

namespace pictor {

TransferLut::TransferLut(const std::function<double(double)>& g, double domainMax)
    : m_inputScale(float(1.0 / domainMax)) {
    const auto f = [&g, domainMax](double x) { return g(x * domainMax); };
    constexpr std::uint32_t kOneIndex = (0x3f800000u >> kFractionBits) - kBase; // 24 octaves × 256
    m_table.resize(kOneIndex + 1);
    for (std::uint32_t i = 0; i <= kOneIndex; ++i) {
        const std::uint32_t bits = (kBase + i) << kFractionBits;
        float x;
        std::memcpy(&x, &bits, sizeof x);
        m_table[i] = float(f(double(x)));
    }
    m_atZero = float(f(0.0));
    m_atOne = float(f(1.0));
    // Below 2^-24 interpolate linearly towards f(0) (curves there are linear or negligible).
    m_belowMin = (m_table[0] - m_atZero) / kMinInput;
}

#if defined(PICTOR_AVX2_PATH)
namespace {

struct TableView {
    const float* table;
    int lastIndex; // the last valid interpolation index (table size − 2)
    float atZero, atOne, belowMin, inputScale;
    float minInput;
    std::uint32_t base;
    int fractionBits;
};

// operator() on 8 values at a time (gathers from the table); returns how many it did.
PICTOR_AVX2_TARGET int evaluateAvx2(const TableView& t, const float* in, float* out, int count) {
    const __m256 scale = _mm256_set1_ps(t.inputScale), minInput = _mm256_set1_ps(t.minInput);
    const __m256 zero = _mm256_setzero_ps(), one = _mm256_set1_ps(1.0f);
    const __m256 atZero = _mm256_set1_ps(t.atZero), atOne = _mm256_set1_ps(t.atOne),
                 belowMin = _mm256_set1_ps(t.belowMin);
    const __m256 fractionUnit = _mm256_set1_ps(1.0f / float(1u << t.fractionBits));
    const __m256i base = _mm256_set1_epi32(int(t.base)), last = _mm256_set1_epi32(t.lastIndex);
    const __m256i mask = _mm256_set1_epi32(int((1u << t.fractionBits) - 1));
    const __m128i shift = _mm_cvtsi32_si128(t.fractionBits);
    int k = 0;
    for (; k + 8 <= count; k += 8) {
        const __m256 x = _mm256_mul_ps(_mm256_loadu_ps(in + k), scale);
        // Below 2^-24, zero, negative or NaN: towards f(0).
        const __m256 low =
            _mm256_blendv_ps(atZero, _mm256_add_ps(atZero, _mm256_mul_ps(belowMin, x)),
                             _mm256_cmp_ps(x, zero, _CMP_GT_OQ));
        const __m256i bits = _mm256_castps_si256(x);
        // (Lanes outside the table's range get a clamped index; their result is not used.)
        const __m256i index =
            _mm256_min_epi32(_mm256_max_epi32(_mm256_sub_epi32(_mm256_srl_epi32(bits, shift), base),
                                              _mm256_setzero_si256()),
                             last);
        const __m256 fraction =
            _mm256_mul_ps(_mm256_cvtepi32_ps(_mm256_and_si256(bits, mask)), fractionUnit);
        const __m256 a = _mm256_i32gather_ps(t.table, index, 4);
        const __m256 b = _mm256_i32gather_ps(t.table + 1, index, 4);
        const __m256 inside = _mm256_add_ps(a, _mm256_mul_ps(fraction, _mm256_sub_ps(b, a)));
        __m256 result = _mm256_blendv_ps(low, inside, _mm256_cmp_ps(x, minInput, _CMP_GT_OQ));
        result = _mm256_blendv_ps(result, atOne, _mm256_cmp_ps(x, one, _CMP_GE_OQ));
        _mm256_storeu_ps(out + k, result);
    }
    return k;
}

} // namespace
#endif

void TransferLut::evaluate(const float* in, float* out, int count) const {
    int k = 0;
#if defined(PICTOR_AVX2_PATH)
    if (cpuHasAvx2() && m_table.size() >= 2)
        k = evaluateAvx2({m_table.data(), int(m_table.size()) - 2, m_atZero, m_atOne, m_belowMin,
                          m_inputScale, kMinInput, kBase, kFractionBits},
                         in, out, count);
#endif
    for (; k < count; ++k)
        out[k] = (*this)(in[k]);
}

} // namespace pictor
