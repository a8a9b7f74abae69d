#include "text/fold.hpp"

#include <algorithm>
#include <array>
#include <iterator>

#include <xapian.h>

#include "text/utf8.hpp"

namespace newsdex::detail {

namespace {

struct FoldEntry {
  char32_t code_point;
  const char* base;
};

constexpr FoldEntry kFoldTable[] = {
#include "text/fold_table.inc"
};

bool is_combining_mark(char32_t cp) {
  return cp >= 0x0300 && cp <= 0x036F;
}

bool is_apostrophe(char32_t cp) {
  return cp == U'\'' || cp == U'\u2019';
}

// Appends the folded form of `cp` to `out`.
void append_folded(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
    return;
  }
  if (is_combining_mark(cp)) return;
  const auto* entry =
      std::lower_bound(std::begin(kFoldTable), std::end(kFoldTable), cp,
                       [](const FoldEntry& e, char32_t value) { return e.code_point < value; });
  if (entry != std::end(kFoldTable) && entry->code_point == cp) {
    out.append(entry->base);
  } else {
    append_utf8(out, cp);
  }
}

}  // namespace

bool is_word_char(char32_t cp) {
  // Xapian's word characters among ASCII, read once from its tables: most text is ASCII, and a
  // table lookup is much cheaper than Xapian's general one.
  static const std::array<bool, 128> ascii_word_chars = [] {
    std::array<bool, 128> word_chars{};
    for (unsigned c = 0; c < word_chars.size(); ++c)
      word_chars[c] = Xapian::Unicode::is_wordchar(c);
    return word_chars;
  }();
  if (cp < 0x80) return ascii_word_chars[cp];
  return Xapian::Unicode::is_wordchar(static_cast<unsigned>(cp));
}

char32_t to_lower(char32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  return static_cast<char32_t>(Xapian::Unicode::tolower(static_cast<unsigned>(cp)));
}

std::string fold_diacritics(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      out.push_back(static_cast<char>(byte));
      ++pos;
      continue;
    }
    append_folded(out, decode_utf8(text, pos));
  }
  return out;
}

std::string normalize_value(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = decode_utf8(text, pos);
    if (Xapian::Unicode::is_whitespace(static_cast<unsigned>(cp))) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    if (cp == U'\u2019') cp = U'\'';
    append_folded(out, to_lower(cp));
  }
  return out;
}

void for_each_word(std::string_view text, const std::function<void(const Word&)>& visit) {
  Word word{{}, 0, 0};
  bool in_word = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    const auto byte = static_cast<unsigned char>(text[pos]);
    const char32_t cp = byte < 0x80 ? text[pos++] : decode_utf8(text, pos);
    if (is_word_char(cp)) {
      if (!in_word) {
        word.text.clear();
        word.start = start;
        in_word = true;
      }
      append_folded(word.text, to_lower(cp));
      word.end = pos;
      continue;
    }
    if (in_word && is_apostrophe(cp) && pos < text.size()) {
      std::size_t next = pos;
      if (is_word_char(decode_utf8(text, next))) {
        word.text.push_back('\'');
        continue;
      }
    }
    if (in_word) visit(word);
    in_word = false;
  }
  if (in_word) visit(word);
}

}  // namespace newsdex::detail
