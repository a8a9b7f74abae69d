// newsdex/extract.hpp: find who is quoted, which places and which dates an article mentions.
//
// An Extractor reads an Article's body and returns Annotations whose offsets point into that
// body; the index stores them as the speaker:, place:, country: and mentioned: fields.
//
//   newsdex::Extractor extractor;  // speakers, places and dates, built-in gazetteer
//   newsdex::Annotations notes = extractor.extract(article);
//   for (const auto& speaker : notes.speakers) std::cout << speaker.name << '\n';
//   writer.add(article, notes);     // newsdex/index_writer.hpp: searchable as speaker:, place:
#pragma once

#include <memory>

#include <newsdex/annotations.hpp>
#include <newsdex/article.hpp>
#include <newsdex/export.h>

namespace newsdex {

class Gazetteer;

struct ExtractOptions {
  // Who is quoted or cited, from attributions around reporting verbs ("X said", "said X",
  // "according to X"). Default true.
  bool speakers = true;
  // Places named in the text, looked up in the gazetteer. Default true.
  bool places = true;
  // Dates mentioned in the text; relative ones ("on Thursday", "On Nov. 16") are resolved
  // against Article::date and skipped when the article has no date. Default true.
  bool dates = true;
  // The gazetteer for places (newsdex/gazetteer.hpp); null means Gazetteer::builtin().
  // Default null.
  std::shared_ptr<const Gazetteer> gazetteer = nullptr;
};

// Runs the extractors an ExtractOptions selects. Building one with places on loads the built-in
// gazetteer the first time in the process (some milliseconds; shared afterwards); extract() is
// const and thread-safe, so one Extractor may serve many threads. Move-only; a moved-from
// Extractor may only be assigned to or destroyed. Throws nothing but std::bad_alloc.
class NEWSDEX_EXPORT Extractor {
 public:
  explicit Extractor(ExtractOptions options = {});
  ~Extractor();
  Extractor(Extractor&&) noexcept;
  Extractor& operator=(Extractor&&) noexcept;

  // Speakers in the order they are first cited, places in the order they are first named,
  // dates in text order; every Span is a UTF-8 byte range of article.body. Kinds that the
  // options turn off come back empty. Never throws for any text, including invalid UTF-8.
  Annotations extract(const Article& article) const;

  // The options in use; with places on, `gazetteer` is the one in use (never null). The
  // reference lives as long as the Extractor.
  const ExtractOptions& options() const;

 private:
  struct Impl;
  std::unique_ptr<const Impl> impl_;
};

}  // namespace newsdex
