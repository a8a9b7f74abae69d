// parse_plain_article on any bytes: an article or an InputError naming a line of the input.
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
  std::size_t lines = 1;
  for (const char c : text)
    lines += c == '\n';
  std::vector<InputProblem> warnings;
  try {
    const Article article = parse_plain_article(text, "fuzz.txt", "fuzz", &warnings);
    fuzz::require_readable(article);
  } catch (const InputError& error) {
    fuzz::require(error.file() == "fuzz.txt", "an error naming another file");
    fuzz::require(error.line() >= 1 && error.line() <= lines, "an error on a line not there");
  }
  for (const auto& warning : warnings)
    fuzz::require(!warning.skipped && warning.line >= 1 && warning.line <= lines,
                  "a warning on a line not there");
  return 0;
}
