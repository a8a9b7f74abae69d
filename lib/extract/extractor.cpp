#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <newsdex/extract.hpp>
#include <newsdex/gazetteer.hpp>

#include "extract/date_extractor.hpp"
#include "extract/place_extractor.hpp"
#include "extract/speaker_extractor.hpp"
#include "extract/tokenizer.hpp"

namespace newsdex {

struct [[gnu::visibility("hidden")]] Extractor::Impl {
  explicit Impl(ExtractOptions chosen) : options(std::move(chosen)) {
    if (options.places) {
      if (!options.gazetteer) options.gazetteer = Gazetteer::builtin();
      places.emplace(options.gazetteer);
    }
  }

  ExtractOptions options;
  detail::SpeakerExtractor speakers;
  std::optional<detail::PlaceExtractor> places;  // only when options.places
  detail::DateExtractor dates;
};

Extractor::Extractor(ExtractOptions options)
    : impl_(std::make_unique<const Impl>(std::move(options))) {}

Extractor::~Extractor() = default;
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;

const ExtractOptions& Extractor::options() const {
  return impl_->options;
}

Annotations Extractor::extract(const Article& article) const {
  Annotations annotations;
  // The speaker and date extractors read the same words: the text is split once.
  std::optional<detail::TokenizedText> tokens;
  if (impl_->options.speakers || impl_->options.dates) tokens.emplace(article.body);
  // The persons quoted tell the place extractor which capitalised words are their names.
  std::vector<std::string> people;
  if (impl_->options.speakers) {
    annotations.speakers = impl_->speakers.extract(*tokens, impl_->places ? &people : nullptr);
  }
  if (impl_->places) annotations.places = impl_->places->extract(article.body, people);
  if (impl_->options.dates) annotations.dates = impl_->dates.extract(*tokens, article.date);
  return annotations;
}

}  // namespace newsdex
