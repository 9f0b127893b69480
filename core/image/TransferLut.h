#pragma once
// Fast evaluation of a transfer curve on float input: a table indexed by the float's exponent
// and top mantissa bits, linearly interpolated. Relative step 2^-8, so the interpolation error of
// a power curve is ~1e-6 relative — far below 16-bit quantisation — at a few ns a sample.
#include <cstdint>
#include <cstring>
#include <functional>
#include <vector>

namespace pictor {

class TransferLut {
public:
    TransferLut() = default;
    // Tabulates f over [2^-24·domainMax, domainMax]; inputs ≤ 0 map to f(0), inputs ≥ domainMax
    // to f(domainMax).
    explicit TransferLut(const std::function<double(double)>& f, double domainMax = 1.0);

    float operator()(float x) const {
        x *= m_inputScale;
        if (!(x > kMinInput)) return x > 0 ? m_atZero + m_belowMin * x : m_atZero; // NaN → f(0)
        if (x >= 1.0f) return m_atOne;
        std::uint32_t bits;
        std::memcpy(&bits, &x, sizeof bits);
        const std::uint32_t index = (bits >> kFractionBits) - kBase;
        const float frac = float(bits & kFractionMask) * (1.0f / float(1u << kFractionBits));
        const float a = m_table[index];
        return a + frac * (m_table[index + 1] - a);
    }

private:
    static constexpr int kFractionBits = 15; // 23 mantissa bits − 8 table bits
    static constexpr std::uint32_t kFractionMask = (1u << kFractionBits) - 1;
    static constexpr float kMinInput = 1.0f / 16777216.0f; // 2^-24
    static constexpr std::uint32_t kBase = 0x33800000u >> kFractionBits; // bits of 2^-24
    std::vector<float> m_table;
    float m_atZero = 0, m_atOne = 1, m_belowMin = 0;
    float m_inputScale = 1; // 1 / domainMax
};

} // namespace pictor
