#include <optional>
#include <utility>

#include <newsdex/extract.hpp>
#include <newsdex/gazetteer.hpp>

#include "extract/date_extractor.hpp"
#include "extract/place_extractor.hpp"
#include "extract/speaker_extractor.hpp"

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
  if (impl_->options.speakers) annotations.speakers = impl_->speakers.extract(article.body);
  if (impl_->places) annotations.places = impl_->places->extract(article.body);
  if (impl_->options.dates) annotations.dates = impl_->dates.extract(article.body, article.date);
  return annotations;
}

}  // namespace newsdex
