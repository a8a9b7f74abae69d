// Turns an Article and its annotations into the Xapian document the index stores, following
// lib/schema. Pure: no database access, so it can run on any thread and be tested alone.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>

#include <xapian.h>

#include <newsdex/annotations.hpp>
#include <newsdex/article.hpp>
#include <newsdex/gazetteer.hpp>

#include "analysis/text_terms.hpp"
#include "index/duplicates.hpp"
#include "schema/schema.hpp"

namespace newsdex::detail {

struct BuiltDocument {
  Xapian::Document document;
  std::string id_term;
  std::string fingerprint;  // also in kFingerprintSlot: equal fingerprints, equal documents
  std::optional<Date> date;
  std::optional<TextSignature> signature;  // also in kSignatureSlot (and band terms if undated)
};

// Not thread-safe (it caches stemmers and stems); use one builder per thread.
class DocumentBuilder {
 public:
  // `default_language`: stemmer name for articles that name no language. With `place_names`,
  // the places an article lists are filed under that gazetteer's canonical names, with their
  // countries, as extraction files the places it finds; names it does not know stay as given.
  // `title_weight`: how many times a title word counts in the body terms, so that it outranks a
  // body word in BM25.
  explicit DocumentBuilder(std::string default_language,
                           std::shared_ptr<const Gazetteer> place_names = nullptr,
                           unsigned title_weight = schema::kDefaultTitleWeight);

  // Throws InvalidArgumentError when the article has no id or an empty body.
  BuiltDocument build(const Article& article, const Annotations& annotations);

 private:
  struct Analyzer {
    Analyzer(Xapian::Stem stemmer, const Xapian::Stopper* stopper)
        : words(std::move(stemmer), stopper), terms(words) {}
    WordAnalyzer words;
    TextTerms terms;
  };
  Analyzer& analyzer_for(const std::string& language);

  std::string default_language_;
  std::shared_ptr<const Gazetteer> place_names_;
  unsigned title_weight_;
  std::map<std::string, Analyzer> analyzers_;
};

}  // namespace newsdex::detail
