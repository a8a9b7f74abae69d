#include "analysis/text_terms.hpp"

#include <cstdlib>
#include <functional>
#include <utility>

#include <xapian/unicode.h>

#include "text/fold.hpp"

namespace newsdex::detail {

namespace {

// TermGenerator's default max_word_length: longer words are left out, without a position.
constexpr std::size_t kMaxWordBytes = 64;

// What check_infix() and check_infix_digit() below return for a character a word skips over.
constexpr unsigned kSkipped = 0xFFFFFFFF;

// The lower-case form of a word character (Xapian's), 0 for anything else.
unsigned word_char(unsigned ch) {
  return is_word_char(ch) ? static_cast<unsigned>(to_lower(ch)) : 0;
}

bool is_ascii_upper(unsigned ch) {
  return ch >= 'A' && ch <= 'Z';
}

bool is_digit(unsigned ch) {
  if (ch < 128) return ch >= '0' && ch <= '9';
  return Xapian::Unicode::get_category(ch) == Xapian::Unicode::DECIMAL_DIGIT_NUMBER;
}

bool is_ignorable(unsigned ch) {
  return ch >= 0x200b && (ch <= 0x200d || ch == 0x2060 || ch == 0xfeff);
}

// Characters that join the letters on either side into one word ("AT&T", "O'Brien"): as Xapian.
unsigned check_infix(unsigned ch) {
  if (ch == '\'' || ch == '&' || ch == 0xb7 || ch == 0x5f4 || ch == 0x2027) return ch;
  if (ch == 0x2019 || ch == 0x201b) return '\'';
  return is_ignorable(ch) ? kSkipped : 0;
}

// Characters that join the digits on either side into one number ("1,000.5"): as Xapian.
unsigned check_infix_digit(unsigned ch) {
  switch (ch) {
    case ',':
    case '.':
    case ';':
    case 0x037e:
    case 0x0589:
    case 0x060d:
    case 0x07f8:
    case 0x2044:
    case 0xfe10:
    case 0xfe13:
    case 0xfe14:
      return ch;
    default:
      return is_ignorable(ch) ? kSkipped : 0;
  }
}

bool is_suffix(unsigned ch) {
  return ch == '+' || ch == '#';
}

void append_utf8(std::string& out, unsigned ch) {
  if (ch < 128) {
    out.push_back(static_cast<char>(ch));
  } else {
    Xapian::Unicode::append_utf8(out, ch);
  }
}

// A position in the text and the character there, decoded as Xapian's Utf8Iterator decodes it
// (so that even bytes that are not UTF-8 split as TermGenerator splits them).
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) { decode(); }
  bool at_end() const { return pos_ >= text_.size(); }
  unsigned operator*() const { return ch_; }
  void advance() {
    pos_ = next_;
    decode();
  }
  Cursor following() const {
    Cursor next = *this;
    next.advance();
    return next;
  }

 private:
  void decode() {
    if (pos_ >= text_.size()) {
      ch_ = 0;
      next_ = pos_;
      return;
    }
    const auto byte = static_cast<unsigned char>(text_[pos_]);
    if (byte < 0x80) {
      ch_ = byte;
      next_ = pos_ + 1;
      return;
    }
    Xapian::Utf8Iterator it(text_.data() + pos_, text_.size() - pos_);
    ch_ = *it;
    ++it;
    next_ = static_cast<std::size_t>(it.raw() - text_.data());
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t next_ = 0;
  unsigned ch_ = 0;
};

// Reads the word that starts at `at` (a word character) into `word`, as TermGenerator reads
// one, and leaves `at` just past it: initials ("U.S.A." -> "usa"), words joined by an infix
// ("AT&T", "don't", "1,000.5") and up to three trailing '+' or '#' ("C++", "C#").
void read_word(Cursor& at, unsigned ch, std::string& word) {
  word.clear();
  if (is_ascii_upper(*at)) {
    Cursor p = at;
    do {
      word.push_back(static_cast<char>(*p - 'A' + 'a'));
      p.advance();
    } while (!p.at_end() && *p == '.' && (p.advance(), !p.at_end()) && is_ascii_upper(*p));
    // One letter is no acronym; nor is one followed by more of the word ("U.Sx").
    if (word.size() > 1 && (p.at_end() || !is_word_char(*p))) {
      at = p;
      return;
    }
    word.clear();
  }
  for (;;) {
    unsigned previous;
    do {
      append_utf8(word, ch);
      previous = ch;
      at.advance();
      if (at.at_end()) return;
      ch = word_char(*at);
    } while (ch != 0);
    const Cursor next = at.following();
    if (next.at_end()) break;
    const unsigned next_ch = word_char(*next);
    if (next_ch == 0) break;
    const unsigned infix =
        is_digit(previous) && is_digit(*next) ? check_infix_digit(*at) : check_infix(*at);
    if (infix == 0) break;
    if (infix != kSkipped) append_utf8(word, infix);
    ch = next_ch;
    at = next;
  }
  const std::size_t length = word.size();
  for (unsigned count = 1; is_suffix(*at); ++count) {
    if (count > 3) {
      word.resize(length);
      return;
    }
    append_utf8(word, *at);
    at.advance();
    if (at.at_end()) return;
  }
  // "fish+chips" is two words, not "fish+" and "chips".
  if (is_word_char(*at)) word.resize(length);
}

// TermGenerator stems only words that start with a letter.
bool starts_with_letter(std::string_view word) {
  const unsigned first = *Xapian::Utf8Iterator(word.data(), word.size());
  switch (Xapian::Unicode::get_category(first)) {
    case Xapian::Unicode::LOWERCASE_LETTER:
    case Xapian::Unicode::TITLECASE_LETTER:
    case Xapian::Unicode::MODIFIER_LETTER:
    case Xapian::Unicode::OTHER_LETTER:
      return true;
    default:
      return false;
  }
}

bool cjk_ngram_enabled() {
  const char* value = std::getenv("XAPIAN_CJK_NGRAM");
  return value != nullptr && *value != '\0';
}

}  // namespace

std::size_t WordAnalyzer::Hash::operator()(std::string_view text) const noexcept {
  return std::hash<std::string_view>{}(text);
}

WordAnalyzer::WordAnalyzer(Xapian::Stem stemmer, const Xapian::Stopper* stopper)
    : stemmer_(std::move(stemmer)), stopper_(stopper) {}

const WordAnalysis& WordAnalyzer::operator()(std::string_view word) {
  if (auto it = known_.find(word); it != known_.end()) return it->second;
  if (known_.size() >= kMaxWords) known_.clear();
  std::string key(word);
  WordAnalysis analysis;
  analysis.stopword = stopper_ != nullptr && (*stopper_)(key);
  if (!analysis.stopword) {
    analysis.stem = stemmer_(key);
    analysis.has_stem_term =
        !stemmer_.is_none() && !analysis.stem.empty() && starts_with_letter(key);
  }
  return known_.emplace(std::move(key), std::move(analysis)).first->second;
}

TextTerms::TextTerms(WordAnalyzer& words) : words_(words) {
  if (!cjk_ngram_enabled()) return;
  cjk_generator_.emplace();
  cjk_generator_->set_stemmer(words_.stemmer());
  cjk_generator_->set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  if (const Xapian::Stopper* stopper = words_.stopper()) {
    cjk_generator_->set_stopper(stopper);
    cjk_generator_->set_stopper_strategy(Xapian::TermGenerator::STOP_STEMMED);
  }
}

void TextTerms::set_document(Xapian::Document& document) {
  document_ = &document;
  position_ = 0;
  if (cjk_generator_) cjk_generator_->set_document(document);
}

void TextTerms::increase_termpos(Xapian::termpos delta) {
  if (cjk_generator_) {
    cjk_generator_->increase_termpos(delta);
    return;
  }
  position_ += delta;
}

void TextTerms::index_text(std::string_view text, Xapian::termcount wdf_inc,
                           std::string_view prefix) {
  if (cjk_generator_) {
    cjk_generator_->index_text(std::string(text), wdf_inc, std::string(prefix));
    return;
  }
  Cursor at(text);
  while (!at.at_end()) {
    const unsigned ch = word_char(*at);
    if (ch == 0) {
      at.advance();
      continue;
    }
    read_word(at, ch, word_);
    add_word(prefix, wdf_inc);
  }
}

void TextTerms::add_word(std::string_view prefix, Xapian::termcount wdf_inc) {
  if (word_.size() > kMaxWordBytes) return;
  term_.assign(prefix);
  term_ += word_;
  document_->add_posting(term_, ++position_, wdf_inc);
  const WordAnalysis& analysis = words_(word_);
  if (!analysis.has_stem_term) return;
  term_.assign("Z");
  term_ += prefix;
  term_ += analysis.stem;
  document_->add_term(term_, wdf_inc);
}

}  // namespace newsdex::detail
