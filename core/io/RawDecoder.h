#pragma once
// Camera RAW (every format LibRaw supports) → linear Rec.2020 with as-shot white balance recorded.
#include "io/DecodedImage.h"

namespace pictor {

// True when LibRaw recognises the bytes as a camera RAW it can decode (cheap: header only).
// Ordinary TIFFs are not RAWs, including the single-channel 16-bit ones with a Make tag that
// LibRaw itself would open (thermal / multispectral cameras): a non-DNG TIFF container counts
// only when LibRaw has colour data for the camera.
bool isCameraRaw(const std::uint8_t* bytes, std::size_t size);

// Demosaics (or half-size bins when options.rawHalfSize), converts with the camera matrix,
// reconstructs highlights. Missing, truncated or garbage sensor data is an Error, never a black
// or noise image.
//
// Pixels: linear Rec.2020, upright (orientationApplied = true), as-shot white balance applied,
// no gamma, no auto-brightening. Scale: a neutral that reaches the sensor's white level in its
// least-amplified channel is 1.0; highlight reconstruction (LibRaw "blend") may leave clipped
// areas above 1.0. storedWidth × storedHeight is the full-resolution size before orientation,
// also on the half-size path (whose pixels are half that, RawInfo::halfSize).
//
// RawInfo:
// - asShotMultipliers: the white-balance gains applied, R, G, B, G2, normalised to G = 1.
// - asShotTemperatureK / asShotTint: the as-shot light (camera neutral = 1 / multipliers) taken
//   to CIE XYZ through the camera's XYZ → camera matrix (LibRaw's table, or the DNG
//   ColorMatrix1/2 interpolated by temperature as the DNG SDK does), then CCT by Robertson's
//   method. Tint is the DNG SDK's / Lightroom's: the uv (CIE 1960) distance from the Planckian
//   locus along the isotherm × 3000, positive on the green side, i.e. +3000 · Duv with Duv > 0
//   above the locus: D65 ≈ 6500 K / +10, illuminant A ≈ 2856 K / 0, a green fluorescent light
//   positive. Both 0 when the camera has no colour data.
Result<DecodedImage> decodeRaw(const std::uint8_t* bytes, std::size_t size,
                               const LoadOptions& options);

} // namespace pictor
