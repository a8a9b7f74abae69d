// The terms of an article's text: the same terms, positions and wdf as Xapian's TermGenerator
// makes with STEM_SOME and STOP_STEMMED (so that Xapian's QueryParser, quest included, finds
// them), in a fraction of its time. Each distinct word is looked up once in the stopword list
// and stemmed once per builder, where TermGenerator does both for every occurrence, and ASCII
// text is split without Unicode table lookups.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include <xapian.h>

namespace newsdex::detail {

// What the index makes of one lower-case word of text.
struct WordAnalysis {
  bool stopword = false;  // indexed in its exact form only
  // Whether it has a stemmed term ("Z" + stem): not a stopword, starting with a letter (so not
  // "1987" nor "_x"), and a stemmer that is not "none" gave a stem.
  bool has_stem_term = false;
  std::string stem;  // empty for stopwords
};

// Remembers the analysis of the words it has been asked about, up to kMaxWords of them (then it
// starts again), so that each is stemmed once: the English Snowball stemmer takes about 180 ns a
// word, a lookup here about 30. Not thread-safe: one per builder.
class WordAnalyzer {
 public:
  static constexpr std::size_t kMaxWords = 1 << 16;

  // `stopper` may be null (no stopwords); it must outlive the analyzer.
  WordAnalyzer(Xapian::Stem stemmer, const Xapian::Stopper* stopper);

  // The analysis of `word` (lower case, as the term generator makes it). The reference is valid
  // until the next call.
  const WordAnalysis& operator()(std::string_view word);

  const Xapian::Stem& stemmer() const { return stemmer_; }
  const Xapian::Stopper* stopper() const { return stopper_; }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept;
  };

  Xapian::Stem stemmer_;
  const Xapian::Stopper* stopper_;
  std::unordered_map<std::string, WordAnalysis, Hash, std::equal_to<>> known_;
};

// Adds the terms of text to a document, as Xapian::TermGenerator::index_text does with STEM_SOME
// and STOP_STEMMED: each word of at most 64 bytes, lower case, at the next position, and the
// stem of each that is not a stopword under "Z" + prefix without positions. When the environment
// asks Xapian for CJK n-grams (XAPIAN_CJK_NGRAM, which Xapian's QueryParser obeys too), it hands
// the text to Xapian's TermGenerator instead, so queries and index still agree. Not thread-safe.
class TextTerms {
 public:
  // `words` must outlive this object.
  explicit TextTerms(WordAnalyzer& words);

  // Starts on `document`, which must outlive the calls that follow; positions start again at 1.
  void set_document(Xapian::Document& document);

  void index_text(std::string_view text, Xapian::termcount wdf_inc = 1,
                  std::string_view prefix = {});

  // Leaves `delta` positions unused, so that phrases do not match across the gap.
  void increase_termpos(Xapian::termpos delta);

 private:
  void add_word(std::string_view prefix, Xapian::termcount wdf_inc);

  WordAnalyzer& words_;
  Xapian::Document* document_ = nullptr;
  Xapian::termpos position_ = 0;
  std::string word_;                                    // the word being read
  std::string term_;                                    // what is added for it
  std::optional<Xapian::TermGenerator> cjk_generator_;  // with XAPIAN_CJK_NGRAM set
};

}  // namespace newsdex::detail
