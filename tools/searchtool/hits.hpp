// How searchtool shows hits, the same for every command that finds articles (query, similar):
// as text for people and as the "hits" array of the JSON shape README "JSON output" describes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include <newsdex/index.hpp>

namespace searchtool {

// Terminal escapes (or plain marks) for titles and highlighted words.
struct Style {
  std::string_view bold_on;
  std::string_view bold_off;
  std::string_view mark_on;
  std::string_view mark_off;
};

std::string join(const std::vector<std::string>& values, std::string_view separator);

// `value` with `precision` significant digits: 2.68.
std::string number(double value, int precision = 3);

// Each hit: rank, title, date, source, id, score, names, url, copies, explanation, snippet.
void print_hits(const std::vector<newsdex::Hit>& hits, const Style& style);

// [{"rank", "id", "score", "date", "title", "snippet", "highlights", "speakers", "places",
//   "source", "url", "duplicates", "duplicate_ids"[, "explanation"]}, ...]
nlohmann::ordered_json hits_json(const std::vector<newsdex::Hit>& hits);

}  // namespace searchtool
