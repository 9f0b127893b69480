#pragma once
// Colour spaces: the linear Rec.2020 working space, the output spaces with their ICC profiles
// (made with lcms2), and the transforms from encoded file samples into the working space.
#include "image/Image.h"
#include "image/Matrix3.h"
#include "util/Result.h"

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pictor {


// CIE XYZ (D65-relative) ↔ linear Rec.2020 (ITU-R BT.2020 primaries, D65 white).
Matrix3 xyzToRec2020();
Matrix3 rec2020ToXyz();

enum class OutputColorSpace { SRgb, DisplayP3, AdobeRgb, Rec2020 };

std::string colorSpaceName(OutputColorSpace space); // "sRGB", "Display P3", …
std::string colorSpaceKey(OutputColorSpace space);  // "srgb", "p3", "adobergb", "rec2020"
std::optional<OutputColorSpace> parseColorSpace(std::string_view key);

// The ICC profile embedded in files written in that space (v4 matrix/TRC, D50 PCS).
const std::vector<std::uint8_t>& iccProfile(OutputColorSpace space);

// Human-readable description stored in an ICC profile ("Display P3", "Adobe RGB (1998)" …).
std::string iccDescription(const std::vector<std::uint8_t>& icc);

// Encoded RGB samples → linear Rec.2020. Matrix/TRC profiles (nearly every photo) take a fast
// table path derived from lcms2's own curves; other profiles go through an lcms2 transform.
class InputTransform {
public:
    // sRGB when `icc` is empty; an error when the profile is unusable (not RGB, corrupt).
    static Result<InputTransform> fromIcc(const std::vector<std::uint8_t>& icc);
    static InputTransform srgb();
    static InputTransform linearRec2020();
    // For containers that describe colour by code points instead of ICC (HEIF/AVIF "nclx"):
    // primaries as CIE xy (R, G, B, white) and an electro-optical curve, unbounded above 1 for
    // HDR curves (PQ/HLG scaled so that diffuse white is 1).
    static InputTransform fromPrimariesAndCurve(const std::array<double, 8>& xyPrimariesAndWhite,
                                                const std::function<double(double)>& toLinear,
                                                const std::string& description);

    InputTransform(InputTransform&&) noexcept;
    InputTransform& operator=(InputTransform&&) noexcept;
    ~InputTransform();

    std::string description() const;

    // `channels` is 1 (grey), 3 (RGB) or 4 (RGBA, alpha ignored); `stride` is in samples.
    void apply(const std::uint8_t* src, int channels, std::size_t stride, Image& dst) const;
    void apply(const std::uint16_t* src, int channels, std::size_t stride, Image& dst) const;
    void apply(const float* src, int channels, std::size_t stride, Image& dst) const;
    // Rows [firstRow, firstRow + rows) of `dst` from `src` (which holds just those rows), on the
    // calling thread only: for codecs that pipeline decoding and conversion strip by strip.
    void applyRows(const std::uint8_t* src, int channels, std::size_t stride, Image& dst,
                   int firstRow, int rows) const;

    struct Impl;

private:
    explicit InputTransform(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

// Linear Rec.2020 → encoded output samples (interleaved RGB), with rounding, clipping to the
// output gamut's [0, 1] and the space's transfer curve.
class OutputTransform {
public:
    explicit OutputTransform(OutputColorSpace space);
    OutputTransform(OutputTransform&&) noexcept;
    ~OutputTransform();

    void toU8(const Image& src, std::uint8_t* dst) const;
    void toU16(const Image& src, std::uint16_t* dst) const;
    // Rows [firstRow, firstRow + rows) into `dst` (just those rows), on the calling thread only.
    void toU8Rows(const Image& src, int firstRow, int rows, std::uint8_t* dst) const;

    struct Impl;

private:
    void encodeU8(const Image& src, int firstRow, int rows, std::uint8_t* dst, bool parallel) const;
    std::unique_ptr<Impl> m_impl;
};

} // namespace pictor
