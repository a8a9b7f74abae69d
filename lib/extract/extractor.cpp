#include <utility>

#include <newsdex/extract.hpp>

#include "extract/date_extractor.hpp"
#include "extract/speaker_extractor.hpp"

namespace newsdex {

struct Extractor::Impl {
  ExtractOptions options;
  detail::SpeakerExtractor speakers;
  detail::DateExtractor dates;
};

Extractor::Extractor(ExtractOptions options)
    : impl_(std::make_unique<const Impl>(Impl{std::move(options), {}, {}})) {}

Extractor::~Extractor() = default;
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;

const ExtractOptions& Extractor::options() const {
  return impl_->options;
}

Annotations Extractor::extract(const Article& article) const {
  Annotations annotations;
  if (impl_->options.speakers) annotations.speakers = impl_->speakers.extract(article.body);
  if (impl_->options.dates) annotations.dates = impl_->dates.extract(article.body, article.date);
  return annotations;
}

}  // namespace newsdex
