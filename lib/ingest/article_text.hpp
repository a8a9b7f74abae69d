// Text rules both readers share: how a body is normalised, where its first sentence ends (the
// title of an article that has none) and how the lines of an error are counted.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace newsdex::detail {

// U+FEFF as some editors write it at the start of UTF-8 files.
inline constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// Longest title made from a first sentence, in bytes, "…" included.
inline constexpr std::size_t kMaxFallbackTitleBytes = 200;

// `text` without ASCII white space at either end.
std::string_view trim(std::string_view text);

// The body as stored: ends trimmed, CRLF and lone CR made LF; paragraphs are kept.
std::string normalize_body(std::string_view text);

// The first sentence of `body`, for an article without a title. It ends after '.', '?' or '!'
// (and any closing quotes or brackets) followed by white space, or at the end of the first line,
// but not after abbreviations such as "Nov.", "Mr.", "U.S." or an initial ("J. Smith"). Runs of
// white space become one space. Longer than kMaxFallbackTitleBytes, it is cut at a word and
// ends with "…".
std::string first_sentence(std::string_view body);

// The 1-based line of byte `offset` in `text`, counting from `first_line`.
std::size_t line_at(std::string_view text, std::size_t offset, std::size_t first_line = 1);

}  // namespace newsdex::detail
