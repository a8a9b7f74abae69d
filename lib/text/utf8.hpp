// UTF-8 decoding, validation and repair shared by the readers, extractors and the index.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace newsdex::detail {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes the code point starting at text[pos] and advances pos past it. An ill-formed sequence
// (overlong, surrogate, truncated, above U+10FFFF) yields kReplacementChar and advances one byte.
char32_t decode_utf8(std::string_view text, std::size_t& pos);

// Appends the UTF-8 encoding of `cp` to `out`.
void append_utf8(std::string& out, char32_t cp);

// Byte offset of the first ill-formed sequence, or npos when `text` is valid UTF-8.
std::size_t find_invalid_utf8(std::string_view text);

// `text` with every ill-formed sequence replaced by U+FFFD.
std::string repair_utf8(std::string_view text);

}  // namespace newsdex::detail
