#include "text/utf8.hpp"

namespace newsdex::detail {

namespace {

bool is_continuation(unsigned char byte) {
  return (byte & 0xC0) == 0x80;
}

// Length of the well-formed sequence at text[pos], or 0 when it is ill-formed (RFC 3629).
std::size_t sequence_length(std::string_view text, std::size_t pos, char32_t& cp) {
  const auto byte = static_cast<unsigned char>(text[pos]);
  if (byte < 0x80) {
    cp = byte;
    return 1;
  }
  std::size_t length;
  char32_t min;
  if ((byte & 0xE0) == 0xC0) {
    length = 2, cp = byte & 0x1F, min = 0x80;
  } else if ((byte & 0xF0) == 0xE0) {
    length = 3, cp = byte & 0x0F, min = 0x800;
  } else if ((byte & 0xF8) == 0xF0) {
    length = 4, cp = byte & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (pos + length > text.size()) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    const auto next = static_cast<unsigned char>(text[pos + i]);
    if (!is_continuation(next)) return 0;
    cp = (cp << 6) | (next & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return length;
}

}  // namespace

char32_t decode_utf8(std::string_view text, std::size_t& pos) {
  char32_t cp = 0;
  const std::size_t length = sequence_length(text, pos, cp);
  if (length == 0) {
    ++pos;
    return kReplacementChar;
  }
  pos += length;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::size_t find_invalid_utf8(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    // ASCII runs dominate news text; skip them without decoding.
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    char32_t cp;
    const std::size_t length = sequence_length(text, pos, cp);
    if (length == 0) return pos;
    pos += length;
  }
  return std::string_view::npos;
}

std::string repair_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp;
    const std::size_t length = sequence_length(text, pos, cp);
    if (length == 0) {
      append_utf8(out, kReplacementChar);
      ++pos;
    } else {
      out.append(text.substr(pos, length));
      pos += length;
    }
  }
  return out;
}

}  // namespace newsdex::detail
