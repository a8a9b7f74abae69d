// Splits news text into words, numbers and punctuation with byte offsets, marking what the
// extractors need: capitals, possessives, abbreviations, sentence and paragraph starts, and
// whether a token sits inside a quotation. One pass, no regular expressions, one allocation for
// the tokens and one for their lower-case keys.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex::detail {

enum class TokenKind : std::uint8_t {
  word,    // letters, with inner apostrophes and hyphens ("O'Brien", "decades-long", "U.S.")
  number,  // starts with a digit: "2022", "30th", "2022-11-30", "1,000", "3.2", "1990s"
  comma,
  period,  // a full stop; the period of an abbreviation belongs to its word
  colon,
  semicolon,
  question,
  exclamation,
  open_quote,
  close_quote,
  dash,  // "—", "–", "--", or a hyphen with space on both sides
  open_paren,
  close_paren,
  other,
};

namespace token_flag {
inline constexpr std::uint16_t capitalized = 1 << 0;      // first letter is upper case
inline constexpr std::uint16_t all_caps = 1 << 1;         // two or more letters, none lower case
inline constexpr std::uint16_t possessive = 1 << 2;       // ends in 's or s' (left out of the key)
inline constexpr std::uint16_t abbreviation = 1 << 3;     // ends in a period that ends no sentence
inline constexpr std::uint16_t sentence_start = 1 << 4;   // first word or number of a sentence
inline constexpr std::uint16_t paragraph_start = 1 << 5;  // first token after a blank line
inline constexpr std::uint16_t in_quote = 1 << 6;         // between an opening and closing quote
}  // namespace token_flag

struct Token {
  std::size_t start = 0;  // UTF-8 byte offsets into the text, end exclusive
  std::size_t end = 0;
  std::size_t key_start = 0;  // into TokenizedText::keys
  std::uint32_t key_size = 0;
  TokenKind kind = TokenKind::other;
  std::uint16_t flags = 0;

  bool has(std::uint16_t flag) const { return (flags & flag) != 0; }
  bool is_word() const { return kind == TokenKind::word; }
  bool is_capitalized_word() const {
    return kind == TokenKind::word && has(token_flag::capitalized);
  }
};

class TokenizedText {
 public:
  explicit TokenizedText(std::string_view text);

  std::string_view text() const { return text_; }
  const std::vector<Token>& tokens() const { return tokens_; }
  std::size_t size() const { return tokens_.size(); }
  const Token& operator[](std::size_t i) const { return tokens_[i]; }

  // The lower-case form of a word or number, without a possessive ending or a final
  // abbreviation period, with curly apostrophes made straight ("Azerbaijan’s" -> "azerbaijan",
  // "Nov." -> "nov", "U.S." -> "u.s"); empty for punctuation.
  std::string_view key(std::size_t i) const {
    return std::string_view(keys_).substr(tokens_[i].key_start, tokens_[i].key_size);
  }
  // The bytes of the text the token covers.
  std::string_view raw(std::size_t i) const {
    return text_.substr(tokens_[i].start, tokens_[i].end - tokens_[i].start);
  }

 private:
  std::string_view text_;
  std::vector<Token> tokens_;
  std::string keys_;
};

}  // namespace newsdex::detail
