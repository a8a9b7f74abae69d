#include "extract/tokenizer.hpp"

#include <algorithm>
#include <iterator>

#include "text/fold.hpp"
#include "text/utf8.hpp"

namespace newsdex::detail {

namespace {

// Words whose following period marks an abbreviation, not the end of a sentence: titles,
// months, company suffixes and the AP abbreviations of US states. Titles and months come before
// a name or a number, so a sentence rarely ends on them; for the others a missed sentence end
// costs less than a sentence split inside "Acme Inc. said" or "Cambridge, Mass., said".
constexpr std::string_view kAbbreviations[] = {
    "adm",  "ala", "apr",    "ariz", "ark",  "aug",  "ave", "blvd", "calif", "capt", "cmdr",
    "co",   "col", "colo",   "conn", "corp", "dec",  "del", "dept", "dr",    "esq",  "etc",
    "feb",  "fla", "fr",     "ft",   "ga",   "gen",  "gov", "hon",  "ill",   "inc",  "ind",
    "jan",  "jr",  "jul",    "jun",  "kan",  "ky",   "la",  "lt",   "ltd",   "maj",  "mar",
    "mass", "md",  "messrs", "mich", "minn", "mme",  "mo",  "mont", "mr",    "mrs",  "ms",
    "mt",   "neb", "nev",    "nov",  "oct",  "okla", "ore", "pa",   "pres",  "prof", "rep",
    "reps", "rev", "sen",    "sens", "sep",  "sept", "sgt", "sr",   "st",    "supt", "tenn",
    "va",   "vs",  "vt",     "wash", "wis",  "wyo"};

bool is_ascii_alpha(unsigned char c) {
  return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}
bool is_ascii_digit(unsigned char c) {
  return c >= '0' && c <= '9';
}
bool is_ascii_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool is_unicode_space(char32_t cp) {
  return cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000 || cp == 0xFEFF;
}

// The code point at `pos` without advancing, and its length in bytes.
char32_t peek(std::string_view text, std::size_t pos, std::size_t& length) {
  if (pos >= text.size()) {
    length = 0;
    return 0;
  }
  const auto byte = static_cast<unsigned char>(text[pos]);
  if (byte < 0x80) {
    length = 1;
    return byte;
  }
  std::size_t next = pos;
  const char32_t cp = decode_utf8(text, next);
  length = next - pos;
  return cp;
}

bool is_letter_or_digit(char32_t cp) {
  if (cp < 0x80)
    return is_ascii_alpha(static_cast<unsigned char>(cp)) ||
           is_ascii_digit(static_cast<unsigned char>(cp));
  return !is_unicode_space(cp) && is_word_char(cp);
}

bool is_apostrophe(char32_t cp) {
  return cp == U'\'' || cp == U'\u2019';
}

bool is_upper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return to_lower(cp) != cp;
}

// Caseless letters (most scripts) count as lower case: they make no acronym.
bool is_lower(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return !is_upper(cp);
}

class Tokenizer {
 public:
  Tokenizer(std::string_view text, std::vector<Token>& tokens, std::string& keys)
      : text_(text), tokens_(tokens), keys_(keys) {}

  void run() {
    tokens_.reserve(text_.size() / 5 + 8);
    keys_.reserve(text_.size());
    std::size_t pos = 0;
    while (pos < text_.size()) {
      const auto byte = static_cast<unsigned char>(text_[pos]);
      if (byte < 0x80) {
        if (is_ascii_space(byte)) {
          if (byte == '\n') ++newlines_;
          ++pos;
        } else if (is_ascii_alpha(byte)) {
          pos = scan_word(pos);
        } else if (is_ascii_digit(byte)) {
          pos = scan_number(pos);
        } else {
          pos = scan_ascii_punctuation(pos);
        }
        continue;
      }
      std::size_t length = 0;
      const char32_t cp = peek(text_, pos, length);
      if (is_unicode_space(cp)) {
        pos += length;
      } else if (cp == U'\u201C' || cp == U'\u201E' || cp == U'\u00AB') {
        pos = emit(pos, pos + length, TokenKind::open_quote);
      } else if (cp == U'\u201D' || cp == U'\u00BB') {
        pos = emit(pos, pos + length, TokenKind::close_quote);
      } else if (cp == U'\u2014' || cp == U'\u2013' || cp == U'\u2015') {
        pos = emit(pos, pos + length, TokenKind::dash);
      } else if (is_letter_or_digit(cp)) {
        pos = scan_word(pos);
      } else {
        pos = emit(pos, pos + length, TokenKind::other);
      }
    }
  }

 private:
  std::size_t scan_ascii_punctuation(std::size_t pos) {
    const char c = text_[pos];
    const auto next = [&](std::size_t offset) {
      return pos + offset < text_.size() ? text_[pos + offset] : '\0';
    };
    switch (c) {
      case ',':
        return emit(pos, pos + 1, TokenKind::comma);
      case '.':
        if (next(1) == '.') {  // an ellipsis ends no sentence by itself
          std::size_t end = pos;
          while (end < text_.size() && text_[end] == '.')
            ++end;
          return emit(pos, end, TokenKind::other);
        }
        return emit(pos, pos + 1, TokenKind::period);
      case ':':
        return emit(pos, pos + 1, TokenKind::colon);
      case ';':
        return emit(pos, pos + 1, TokenKind::semicolon);
      case '?':
        return emit(pos, pos + 1, TokenKind::question);
      case '!':
        return emit(pos, pos + 1, TokenKind::exclamation);
      case '(':
      case '[':
        return emit(pos, pos + 1, TokenKind::open_paren);
      case ')':
      case ']':
        return emit(pos, pos + 1, TokenKind::close_paren);
      case '"': {
        const bool opens = pos == 0 || is_ascii_space(static_cast<unsigned char>(text_[pos - 1])) ||
                           text_[pos - 1] == '(' || text_[pos - 1] == '[' ||
                           (!tokens_.empty() && tokens_.back().end == pos &&
                            (tokens_.back().kind == TokenKind::dash ||
                             tokens_.back().kind == TokenKind::open_quote));
        return emit(pos, pos + 1, opens ? TokenKind::open_quote : TokenKind::close_quote);
      }
      case '\'':
      case '`':
        // Some newswire text writes double quotes as two apostrophes or backticks.
        if (next(1) == c && next(2) != c) {
          const bool opens = c == '`' || pos == 0 ||
                             is_ascii_space(static_cast<unsigned char>(text_[pos - 1])) ||
                             text_[pos - 1] == '(' || text_[pos - 1] == '[';
          return emit(pos, pos + 2, opens ? TokenKind::open_quote : TokenKind::close_quote);
        }
        return emit(pos, pos + 1, TokenKind::other);
      case '-':
        if (next(1) == '-') {
          std::size_t end = pos;
          while (end < text_.size() && text_[end] == '-')
            ++end;
          return emit(pos, end, TokenKind::dash);
        }
        if (pos > 0 && is_ascii_space(static_cast<unsigned char>(text_[pos - 1])) &&
            is_ascii_space(static_cast<unsigned char>(next(1)))) {
          return emit(pos, pos + 1, TokenKind::dash);
        }
        return emit(pos, pos + 1, TokenKind::other);
      default:
        return emit(pos, pos + 1, TokenKind::other);
    }
  }

  std::size_t scan_word(std::size_t pos) {
    const std::size_t start = pos;
    const std::size_t key_start = keys_.size();
    std::size_t letters = 0;
    std::size_t upper = 0;
    std::size_t lower = 0;
    std::size_t segment_letters = 0;  // letters since the last inner period ("U.S.")
    bool first_upper = false;
    bool has_inner_period = false;
    while (pos < text_.size()) {
      std::size_t length = 0;
      const char32_t cp = peek(text_, pos, length);
      if (is_letter_or_digit(cp)) {
        if (is_upper(cp)) {
          if (letters == 0) first_upper = true;
          ++upper;
        } else if (is_lower(cp)) {
          ++lower;
        }
        ++letters;
        ++segment_letters;
        append_key(cp);
        pos += length;
        continue;
      }
      std::size_t next_length = 0;
      const char32_t next = peek(text_, pos + length, next_length);
      if ((is_apostrophe(cp) || cp == U'-' || cp == U'\u2010' || cp == U'\u2011') &&
          is_letter_or_digit(next)) {
        keys_.push_back(is_apostrophe(cp) ? '\'' : '-');
        segment_letters = 0;
        pos += length;
        continue;
      }
      // "CNN/ORC", "Reuters/Ipsos": two names joined by a slash are one.
      if (cp == U'/' && first_upper && is_upper(next)) {
        keys_.push_back('/');
        segment_letters = 0;
        pos += length;
        continue;
      }
      // "U.S", "D.C": a single letter, a period, and another letter followed by a period.
      if (cp == U'.' && segment_letters == 1 && next < 0x80 &&
          is_ascii_alpha(static_cast<unsigned char>(next)) && pos + 2 < text_.size() &&
          text_[pos + 2] == '.') {
        keys_.push_back('.');
        has_inner_period = true;
        segment_letters = 0;
        pos += length;
        continue;
      }
      break;
    }
    std::uint16_t flags = 0;
    if (first_upper) flags |= token_flag::capitalized;
    if (upper >= 2 && lower == 0) flags |= token_flag::all_caps;

    std::size_t key_size = keys_.size() - key_start;
    std::string_view key(keys_.data() + key_start, key_size);
    if (key.size() > 2 && key.ends_with("'s")) {
      key_size -= 2;
      flags |= token_flag::possessive;
    } else if (key.size() > 1 && key.back() == 's' && pos < text_.size()) {
      std::size_t length = 0;
      const char32_t cp = peek(text_, pos, length);
      std::size_t next_length = 0;
      const char32_t after = peek(text_, pos + length, next_length);
      if (is_apostrophe(cp) && !is_letter_or_digit(after) && !is_apostrophe(after)) {
        pos += length;  // the plural possessive "ministers'"
        flags |= token_flag::possessive;
      }
    }
    keys_.resize(key_start + key_size);
    key = std::string_view(keys_.data() + key_start, key_size);

    // "R-Ky.": the party before a state's abbreviation.
    const auto is_listed_abbreviation = [&] {
      const std::string_view last_segment = key.substr(key.rfind('-') + 1);
      return std::find(std::begin(kAbbreviations), std::end(kAbbreviations), last_segment) !=
             std::end(kAbbreviations);
    };
    if (pos < text_.size() && text_[pos] == '.' && !(flags & token_flag::possessive) &&
        !ends_company_sentence(key, pos + 1) &&
        (has_inner_period || (letters == 1 && first_upper) || is_listed_abbreviation() ||
         // A sentence never ends in ".,".
         (pos + 1 < text_.size() && text_[pos + 1] == ',') ||
         // "No. 2", not "said no."
         ((key == "no" || key == "nos") && pos + 2 < text_.size() && text_[pos + 1] == ' ' &&
          is_ascii_digit(static_cast<unsigned char>(text_[pos + 2]))))) {
      ++pos;
      flags |= token_flag::abbreviation;
    }
    add_token(start, pos, TokenKind::word, flags, key_start, key_size);
    return pos;
  }

  std::size_t scan_number(std::size_t pos) {
    const std::size_t start = pos;
    const std::size_t key_start = keys_.size();
    const auto at = [&](std::size_t i) {
      return i < text_.size() ? static_cast<unsigned char>(text_[i]) : '\0';
    };
    while (pos < text_.size()) {
      const unsigned char c = at(pos);
      if (is_ascii_digit(c) || is_ascii_alpha(c)) {
        keys_.push_back(static_cast<char>(c | (is_ascii_alpha(c) ? 0x20 : 0)));
        ++pos;
      } else if ((c == '-' || c == '/' || c == '.' || c == ':') && is_ascii_digit(at(pos + 1)) &&
                 is_ascii_digit(at(pos - 1))) {
        keys_.push_back(static_cast<char>(c));
        ++pos;
      } else if (c == ',' && is_ascii_digit(at(pos + 1)) && is_ascii_digit(at(pos + 2)) &&
                 is_ascii_digit(at(pos + 3)) && !is_ascii_digit(at(pos + 4)) &&
                 is_ascii_digit(at(pos - 1))) {
        keys_.push_back(',');
        ++pos;
      } else {
        break;
      }
    }
    add_token(start, pos, TokenKind::number, 0, key_start, keys_.size() - key_start);
    return pos;
  }

  // Whether the period after `key` at `after` - 1 ends a sentence although `key` is a
  // company's suffix: a capitalised word follows that is not another suffix ("Hanson
  // Industries Inc. Henderson said", not "Harlow Co. Ltd.").
  bool ends_company_sentence(std::string_view key, std::size_t after) const {
    if (!is_company_suffix(key)) return false;
    std::size_t next = after;
    while (next < text_.size() &&
           (text_[next] == ' ' || text_[next] == '\n' || text_[next] == '\t'))
      ++next;
    if (next == after || next >= text_.size() || text_[next] < 'A' || text_[next] > 'Z')
      return false;
    std::size_t word_end = next;
    while (word_end < text_.size() && is_ascii_alpha(static_cast<unsigned char>(text_[word_end])))
      ++word_end;
    std::string next_key(text_.substr(next, word_end - next));
    for (auto& c : next_key)
      c = static_cast<char>(c | 0x20);
    return !is_company_suffix(next_key);
  }

  static bool is_company_suffix(std::string_view key) {
    return key == "co" || key == "corp" || key == "inc" || key == "ltd";
  }

  void append_key(char32_t cp) {
    if (cp < 0x80) {
      keys_.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
    } else {
      append_utf8(keys_, to_lower(cp));
    }
  }

  std::size_t emit(std::size_t start, std::size_t end, TokenKind kind) {
    add_token(start, end, kind, 0, keys_.size(), 0);
    return end;
  }

  void add_token(std::size_t start, std::size_t end, TokenKind kind, std::uint16_t flags,
                 std::size_t key_start, std::size_t key_size) {
    if (newlines_ >= 2 || tokens_.empty()) {
      flags |= token_flag::paragraph_start;
      in_quote_ = false;
      sentence_pending_ = true;
      pending_after_stop_ = false;
    }
    newlines_ = 0;
    if (kind == TokenKind::word || kind == TokenKind::number) {
      if (sentence_pending_) {
        // After "?" or "!" inside a quote a lower-case word continues the sentence:
        // "Why?" he asked.
        const bool continues =
            pending_after_stop_ && kind == TokenKind::word && !(flags & token_flag::capitalized);
        if (!continues) flags |= token_flag::sentence_start;
        sentence_pending_ = false;
        pending_after_stop_ = false;
      }
    } else if (kind == TokenKind::period || kind == TokenKind::question ||
               kind == TokenKind::exclamation) {
      sentence_pending_ = true;
      pending_after_stop_ = true;
    }
    if (kind == TokenKind::open_quote) {
      in_quote_ = true;
    } else if (kind == TokenKind::close_quote) {
      in_quote_ = false;
    } else if (in_quote_) {
      flags |= token_flag::in_quote;
    }
    tokens_.push_back(
        Token{start, end, key_start, static_cast<std::uint32_t>(key_size), kind, flags});
  }

  std::string_view text_;
  std::vector<Token>& tokens_;
  std::string& keys_;
  std::size_t newlines_ = 0;
  bool in_quote_ = false;
  bool sentence_pending_ = true;
  bool pending_after_stop_ = false;
};

}  // namespace

TokenizedText::TokenizedText(std::string_view text) : text_(text) {
  Tokenizer(text, tokens_, keys_).run();
}

}  // namespace newsdex::detail
