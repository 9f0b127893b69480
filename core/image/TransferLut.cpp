#include "image/TransferLut.h"

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

} // namespace pictor
