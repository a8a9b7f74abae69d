// Stable hashing for ids and fingerprints stored in indexes: the values must not change across
// platforms or releases, so std::hash is not an option.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace newsdex::detail {

// 64-bit FNV-1a.
std::uint64_t fnv1a64(std::string_view bytes);

// 16 lower-case hex digits.
std::string hex64(std::uint64_t value);

}  // namespace newsdex::detail
