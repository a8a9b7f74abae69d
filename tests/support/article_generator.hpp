// Made-up articles, the same for a given number and seed on every run and machine, for tests
// that need tens of thousands of them (crash, resume and concurrency tests) without shipping a
// corpus. Article n has the id "gen-" and n in 7 digits, so ids sort in the order they were made.
//
//   auto article = newsdex::testing::generated_article(41);
//   newsdex::testing::write_generated_corpus(dir / "corpus", 50000, 10);
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include <newsdex/article.hpp>

namespace newsdex::testing {

// Every generated article's body has this word, so a query for it counts the articles.
inline constexpr std::string_view kGeneratedMarker = "dispatch";
// Sources are drawn from this many names, so source facets have several values.
inline constexpr std::size_t kGeneratedSources = 5;

// A step of the SplitMix64 generator: good enough mixing for test data, and fully specified,
// unlike the distributions of <random>.
inline std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

inline std::string generated_id(std::size_t number) {
  std::string digits = std::to_string(number);
  if (digits.size() < 7) digits.insert(0, 7 - digits.size(), '0');
  return "gen-" + digits;
}

inline Article generated_article(std::size_t number, std::uint64_t seed = 1) {
  static constexpr std::array<std::string_view, 48> kWords{
      "harbour", "ferry",   "minister", "court",   "strike",  "copper",   "exports",  "wheat",
      "talks",   "climate", "finance",  "vaccine", "council", "river",    "bridge",   "election",
      "recount", "budget",  "tariff",   "storm",   "drought", "festival", "museum",   "railway",
      "station", "tram",    "contract", "union",   "wages",   "grain",    "shipping", "port",
      "energy",  "solar",   "turbine",  "housing", "rents",   "schools",  "teachers", "hospital",
      "nurses",  "police",  "protest",  "mayor",   "airport", "runway",   "fishing",  "quota"};
  static constexpr std::array<std::string_view, kGeneratedSources> kSources{
      "Harbour Daily", "Capital Wire", "Northern Courier", "Valley Times", "Coast Herald"};
  static constexpr std::array<std::string_view, 6> kSpeakers{
      "Ana Ruiz", "Lars Eide", "Mari Kask", "Grace Wambui", "Tomasz Nowak", "Leyla Abdullayeva"};
  std::uint64_t state = seed * 0x100000001b3ULL + number;
  auto pick = [&](auto& list) { return std::string(list[splitmix64(state) % list.size()]); };

  Article article;
  article.id = generated_id(number);
  article.date = Date::from_days(10957 + static_cast<long>(splitmix64(state) % 9000));  // 2000..
  for (int i = 0; i < 5; ++i)
    article.title += (i == 0 ? "" : " ") + pick(kWords);
  article.title[0] = static_cast<char>(article.title[0] - 'a' + 'A');
  const int sentences = 2 + static_cast<int>(splitmix64(state) % 4);
  for (int s = 0; s < sentences; ++s) {
    std::string sentence = s == 0 ? std::string(kGeneratedMarker) : pick(kWords);
    sentence[0] = static_cast<char>(sentence[0] - 'a' + 'A');
    const int words = 8 + static_cast<int>(splitmix64(state) % 16);
    for (int w = 0; w < words; ++w)
      sentence += " " + pick(kWords);
    article.body += (s == 0 ? "" : " ") + sentence + " (item " + std::to_string(number) + ").";
  }
  article.source = pick(kSources);
  if (number % 3 == 0) article.speakers.push_back(pick(kSpeakers));
  return article;
}

inline std::string to_json_line(const Article& article) {
  nlohmann::json record{{"id", article.id},
                        {"date", article.date ? article.date->iso() : ""},
                        {"title", article.title},
                        {"body", article.body},
                        {"source", article.source}};
  if (!article.speakers.empty()) record["speakers"] = article.speakers;
  return record.dump();
}

// Writes articles 0 .. count-1 as JSON Lines into `files` files part-000.jsonl, part-001.jsonl,
// ... in `folder`, in order, so that reading the folder meets them in the order of their ids.
inline void write_generated_corpus(const std::filesystem::path& folder, std::size_t count,
                                   std::size_t files, std::uint64_t seed = 1) {
  std::filesystem::create_directories(folder);
  const std::size_t per_file = (count + files - 1) / files;
  for (std::size_t file = 0; file * per_file < count; ++file) {
    std::string name = std::to_string(file);
    if (name.size() < 3) name.insert(0, 3 - name.size(), '0');
    name = "part-" + name + ".jsonl";
    std::ofstream out(folder / name, std::ios::binary);
    for (std::size_t n = file * per_file; n < count && n < (file + 1) * per_file; ++n)
      out << to_json_line(generated_article(n, seed)) << '\n';
    if (!out) throw std::runtime_error("cannot write " + (folder / name).string());
  }
}

}  // namespace newsdex::testing
