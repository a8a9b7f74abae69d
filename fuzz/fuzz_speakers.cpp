// SpeakerExtractor on any text: never throws, and every mention is a span of the text.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/speaker_extractor.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace newsdex;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  static const detail::SpeakerExtractor extractor;
  for (const auto& speaker : extractor.extract(text)) {
    fuzz::require(!speaker.name.empty(), "a speaker without a name");
    for (const auto& mention : speaker.mentions)
      fuzz::require_span(mention, text, "a speaker mention outside the text");
  }
  return 0;
}
