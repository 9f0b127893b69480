#pragma once
// log2 and exp2 as plain float arithmetic — no table, no library call — so that the per-pixel
// loops that use them vectorise: glibc's log2f/exp2f are calls, and table lookups need gathers,
// which were no faster than scalar loads on the processors measured (a 2 MP slider update spent
// ~4 ms in them). About one float ulp: log2Fast within 2.2e-7 relative (1.1e-6 absolute near
// 2^±27), exp2Fast within 8.6e-8 relative (tests/compute/tst_fast_path.cpp checks both).
// Only multiplies, adds, a division and conversions, in a fixed order: the same result from any
// instruction set the compiler vectorises for.
#include <cstdint>
#include <cstring>

namespace pictor {

// log2(x) for a normal, finite x > 0 (callers add an offset ≥ 2^-12 to what they measure).
inline float log2Fast(float x) {
    std::uint32_t bits;
    std::memcpy(&bits, &x, sizeof bits);
    int exponent = int((bits >> 23) & 0xffu) - 127;
    const std::uint32_t mantissaBits = (bits & 0x7fffffu) | 0x3f800000u;
    float m; // in [1, 2)
    std::memcpy(&m, &mantissaBits, sizeof m);
    // Centred on 1, in [√½, √2), where the series below converges fastest.
    const bool high = m > 1.41421356f;
    m = high ? m * 0.5f : m;
    exponent += high ? 1 : 0;
    // log2(m) = 2/ln 2 · atanh(s) = 2/ln 2 · (s + s³/3 + s⁵/5 + …), s = (m − 1)/(m + 1), |s| ≤
    // 0.172.
    const float s = (m - 1.0f) / (m + 1.0f), s2 = s * s;
    const float series =
        (((0.3205989f * s2 + 0.41219857f) * s2 + 0.57707804f) * s2 + 0.9617967f) * s2 + 2.88539004f;
    return float(exponent) + s * series;
}

// 2^x, x clamped into [−126, 127] (NaN gives 2^−126).
inline float exp2Fast(float x) {
    x = x > -126.0f ? x : -126.0f;
    x = x < 127.0f ? x : 127.0f;
    const int truncated = int(x);
    const int whole = truncated - (float(truncated) > x ? 1 : 0); // floor
    const float f = x - float(whole);                             // in [0, 1)
    // 2^f by a degree-6 polynomial fitted on [0, 1) (relative error 8.6e-8 in float).
    const float p =
        (((((0.00021690609f * f + 0.0012443082f) * f + 0.0096784728f) * f + 0.055483524f) * f +
          0.2402298f) *
             f +
         0.693147f) *
            f +
        1.0f;
    const std::uint32_t scaleBits = std::uint32_t(whole + 127) << 23;
    float scale;
    std::memcpy(&scale, &scaleBits, sizeof scale);
    return p * scale;
}

} // namespace pictor
