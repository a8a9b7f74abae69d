// DateExtractor on any text and publication date: never throws, every date is a real one and
// every mention a span of the text whose words it quotes.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "extract/date_extractor.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace newsdex;
  if (size < 2) return 0;
  // The first two bytes pick the publication date (or none), anywhere in years 1..9999, so the
  // edges of the calendar are reached.
  const unsigned pick = data[0] << 8 | data[1];
  std::optional<Date> published;
  if (pick != 0) published = Date::from_days(static_cast<long>(pick * 56u % 3652059u) - 719162);
  const std::string_view text(reinterpret_cast<const char*>(data + 2), size - 2);
  static const detail::DateExtractor extractor;
  for (const auto& mention : extractor.extract(text, published)) {
    fuzz::require(mention.date.valid(), "an impossible mentioned date");
    fuzz::require_span(mention.span, text, "a date mention outside the text");
    fuzz::require(text.substr(mention.span.start, mention.span.end - mention.span.start) ==
                      mention.text,
                  "a mention whose text is not its span");
  }
  return 0;
}
