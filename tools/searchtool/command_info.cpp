// searchtool info: what an index holds, for people or, with --json, for programs.
#include <cstdio>
#include <iostream>

#include <nlohmann/json.hpp>

#include <newsdex/index.hpp>

#include "cli.hpp"
#include "hits.hpp"

namespace searchtool {

namespace {

// "412 KiB", "3.2 MiB".
std::string size_text(std::uintmax_t bytes) {
  if (bytes < 1024) return std::to_string(bytes) + " bytes";
  const char* const units[] = {"KiB", "MiB", "GiB", "TiB"};
  double value = static_cast<double>(bytes) / 1024;
  std::size_t unit = 0;
  while (value >= 1024 && unit + 1 < std::size(units)) {
    value /= 1024;
    ++unit;
  }
  char text[32];
  std::snprintf(text, sizeof text, value < 10 ? "%.1f %s" : "%.0f %s", value, units[unit]);
  return text;
}

std::string values_text(const std::vector<newsdex::FacetValue>& values) {
  if (values.empty()) return "(none)";
  std::vector<std::string> parts;
  for (const auto& value : values)
    parts.push_back(value.value + " (" + std::to_string(value.count) + ")");
  return join(parts, ", ");
}

nlohmann::ordered_json values_json(const std::vector<newsdex::FacetValue>& values) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& value : values)
    out.push_back({{"value", value.value}, {"count", value.count}, {"filter", value.filter}});
  return out;
}

nlohmann::ordered_json date_json(const std::optional<newsdex::Date>& date) {
  return date ? nlohmann::ordered_json(date->iso()) : nlohmann::ordered_json(nullptr);
}

}  // namespace

int run_info(const std::vector<std::string>& args) {
  po::options_description options("info options");
  std::string db;
  std::size_t top = 10;
  auto option = options.add_options();
  option("db", po::value(&db)->required(), "index folder");
  option("top", po::value(&top)->default_value(top), "speakers, places and sources to list");
  option("json", "print one JSON object instead of text");
  po::positional_options_description positional;
  po::variables_map values;
  if (!parse_options("info", "--db DB [OPTIONS]", args, options, positional, values)) {
    return kExitOk;
  }
  const auto info = newsdex::Index::open(db).info(top);
  if (values.count("json")) {
    const nlohmann::ordered_json out{{"db", db},
                                     {"articles", info.articles},
                                     {"first_date", date_json(info.first_date)},
                                     {"last_date", date_json(info.last_date)},
                                     {"undated", info.undated},
                                     {"bytes", info.bytes},
                                     {"shards", info.shards},
                                     {"language", info.language},
                                     {"title_weight", info.title_weight},
                                     {"stories_with_copies", info.stories_with_copies},
                                     {"articles_with_copies", info.articles_with_copies},
                                     {"speakers", values_json(info.speakers)},
                                     {"places", values_json(info.places)},
                                     {"sources", values_json(info.sources)}};
    std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    return kExitOk;
  }
  std::cout << db << ": " << info.articles << (info.articles == 1 ? " article" : " articles");
  if (info.first_date) {
    std::cout << " published " << info.first_date->iso() << " to " << info.last_date->iso();
  }
  if (info.undated > 0) std::cout << ", " << info.undated << " undated";
  std::cout << "; " << size_text(info.bytes) << " on disk\n";
  std::cout << "language " << info.language << ", title weight " << info.title_weight << ", "
            << info.shards << (info.shards == 1 ? " shard\n" : " shards\n");
  std::cout << "copies: " << info.stories_with_copies
            << (info.stories_with_copies == 1 ? " story has" : " stories have") << " copies ("
            << info.articles_with_copies << " articles)\n";
  std::cout << "speakers: " << values_text(info.speakers) << '\n';
  std::cout << "places: " << values_text(info.places) << '\n';
  std::cout << "sources: " << values_text(info.sources) << '\n';
  return kExitOk;
}

}  // namespace searchtool
