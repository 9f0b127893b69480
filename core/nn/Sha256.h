#pragma once
// SHA-256 (FIPS 180-4) of a byte string, as 64 lowercase hex digits. Used to check that a model's
// weights file is the one its checksum file names (core/nn/CriticModel). Plain C++, no deps.
#include <cstddef>
#include <cstdint>
#include <string>

namespace pictor::nn {

std::string sha256Hex(const std::uint8_t* data, std::size_t size);
inline std::string sha256Hex(const std::string& bytes) {
    return sha256Hex(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
}

} // namespace pictor::nn
