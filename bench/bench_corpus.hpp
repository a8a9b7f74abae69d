// Corpora for the benchmarks: a deterministic generator of news-like articles of any number,
// and a source that streams a JSON Lines corpus (optionally repeated with new ids and shifted
// dates) or the generator's articles, so that every engine indexes exactly the same articles.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <newsdex/article.hpp>

namespace newsdex::bench {

// Article `index` of an endless generated corpus: the same index always gives the same article.
// Words follow a Zipf distribution over a vocabulary of made-up words (two or three syllables),
// sentences are grouped in paragraphs, some are quotes attributed to a speaker ("..., said Rin
// Tavo."), and place names from a fixed list appear in the text. The speakers and places are
// also listed in Article::speakers and ::places, so fielded searches work with or without
// extraction. Bodies are `mean_body_bytes` long on average (between half and one and a half
// times that).
Article generated_article(std::uint64_t index, std::size_t mean_body_bytes = 1500);

// The vocabulary word of rank `rank` (0 is the most frequent).
std::string generated_word(std::size_t rank);
// Number of words in the generated vocabulary.
std::size_t generated_vocabulary_size();
// The place names the generator uses.
const std::vector<std::string>& generated_places();

struct CorpusOptions {
  std::string input;                   // JSON Lines file (.gz allowed); empty: use the generator
  std::size_t copies = 1;              // repeat the input this many times (copy k: id "<id>~k",
                                       // date shifted by k*365 days)
  std::size_t generate = 0;            // with no input: number of generated articles
  std::size_t limit = 0;               // stop after this many articles (0: no limit)
  std::size_t mean_body_bytes = 1500;  // of generated articles
};

// What is wrong with `options` as a corpus to index (no such input file, or nothing to read),
// for a usage message; empty when nothing is.
std::string corpus_problem(const CorpusOptions& options);

// Streams the articles CorpusOptions describe; input articles the reader skips (no body, bad
// date) are skipped here too, so every consumer sees the same sequence.
class CorpusSource {
 public:
  explicit CorpusSource(CorpusOptions options);
  ~CorpusSource();
  CorpusSource(CorpusSource&&) noexcept;
  CorpusSource& operator=(CorpusSource&&) noexcept;

  std::optional<Article> next();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsdex::bench
