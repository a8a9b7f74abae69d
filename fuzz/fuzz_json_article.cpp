// parse_json_article on any bytes: an article or an InputError for the line given.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include <newsdex/error.hpp>
#include <newsdex/ingest.hpp>

#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace newsdex;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<InputProblem> warnings;
  try {
    const Article article = parse_json_article(text, "fuzz.jsonl", 7, &warnings);
    fuzz::require_readable(article);
    for (const auto& list : {article.speakers, article.places}) {
      for (const auto& name : list)
        fuzz::require(!name.empty() && fuzz::valid_utf8(name), "an empty or invalid name");
    }
  } catch (const InputError& error) {
    fuzz::require(error.file() == "fuzz.jsonl" && error.line() == 7, "an error elsewhere");
    fuzz::require(!error.message().empty(), "an error without a message");
  }
  for (const auto& warning : warnings)
    fuzz::require(!warning.skipped && warning.line == 7, "a warning elsewhere");
  return 0;
}
