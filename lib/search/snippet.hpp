// Snippets: the passage of a body that best shows why an article matched, with the matched
// words located. Our own rather than Xapian's MSet::snippet, which escapes HTML and does not
// know that newsdex folds diacritics ("Ağdam" matches "agdam").
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include <newsdex/article.hpp>

namespace newsdex::detail {

struct Snippet {
  std::string text;
  std::vector<Span> highlights;  // byte ranges within text
};

// Not thread-safe (it stems through one stemmer); make one per search.
class SnippetMaker {
 public:
  // Highlights the words of `query`'s terms, in the forms `stemmer` gives them.
  SnippetMaker(const Xapian::Query& query, Xapian::Stem stemmer);

  // About `target_bytes` of `body` around the best matches, cut at word boundaries, white space
  // collapsed, "…" where text was left out. Without matches, the start of the body.
  Snippet make(std::string_view body, std::size_t target_bytes);

 private:
  bool matches(const std::string& word);

  Xapian::Stem stemmer_;
  std::unordered_set<std::string> words_;
  std::unordered_set<std::string> stems_;
};

}  // namespace newsdex::detail
