// Scores the place extractor against annotated news corpora (README "Evaluation"):
//
//   evaluate_places [--data DIR] [--gazetteer cities15000.txt|.zip] [--country-info FILE]
//                   [--admin1 FILE] [--errors N] [--show PHRASE] [--inexact]
//
// DIR (default: ../shared/data beside the source tree) may hold
// - toponyms-lgl/lgl.xml: 588 local news articles with 5,088 toponym spans. A predicted mention
//   is correct when its span equals a gold span exactly ("exact"), or, more leniently, when it
//   overlaps a gold span not matched yet ("overlap"); P/R/F1 are micro-averaged over mentions.
// - reuters21578/reuters.jsonl.gz: Reuters' country labels ("places"). The text scored is the
//   dateline followed by the body, as the wire printed it; the predicted countries of an article
//   are the countries of all places found. Reuters names map to ISO 3166-1 alpha-2 codes
//   (former states to their ISO 3166-3 codes: ussr -> SU, east-germany -> DD; in an article so
//   labelled, a place in a successor state, such as Moscow in RU, counts as the former state's).
//   Articles with an empty body or no label are left out (Reuters leaves many stories
//   unlabelled, so a missing label is no evidence of absence). P/R/F1 are micro-averaged over
//   (article, country) pairs, once for the article's main countries
//   (PlaceExtractor::main_countries: named in the lead or often) and once for every country named.
// A corpus that is not there is reported as "skipped: <path> not found".
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <zlib.h>

#include <newsdex/gazetteer.hpp>

#include "extract/place_extractor.hpp"
#include "extract/speaker_extractor.hpp"
#include "text/utf8.hpp"

namespace {

namespace fs = std::filesystem;
using newsdex::Span;

struct Score {
  std::size_t true_positives = 0;
  std::size_t predicted = 0;
  std::size_t gold = 0;

  double precision() const { return predicted ? double(true_positives) / predicted : 0; }
  double recall() const { return gold ? double(true_positives) / gold : 0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

void print(const char* label, const Score& score) {
  std::printf("  %-28s P %.3f  R %.3f  F1 %.3f   (%zu correct, %zu predicted, %zu gold)\n", label,
              score.precision(), score.recall(), score.f1(), score.true_positives, score.predicted,
              score.gold);
}

// The names of the persons `text` quotes, which the place extractor is given as
// newsdex::Extractor gives them.
std::vector<std::string> people_in(std::string_view text) {
  std::vector<std::string> people;
  newsdex::detail::SpeakerExtractor().extract(text, &people);
  return people;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return std::move(bytes).str();
}

// Byte offset of each code point index of `text` (LGL counts offsets in code points).
std::vector<std::size_t> code_point_offsets(std::string_view text) {
  std::vector<std::size_t> offsets;
  std::size_t pos = 0;
  while (pos < text.size()) {
    offsets.push_back(pos);
    newsdex::detail::decode_utf8(text, pos);
  }
  offsets.push_back(text.size());
  return offsets;
}

std::string element(std::string_view xml, std::string_view name, std::size_t& pos) {
  std::string open = "<";
  open.append(name).push_back('>');
  std::string close = "</";
  close.append(name).push_back('>');
  const auto start = xml.find(open, pos);
  if (start == std::string_view::npos) return {};
  const auto end = xml.find(close, start);
  pos = end + close.size();
  auto value = xml.substr(start + open.size(), end - start - open.size());
  if (value.starts_with("<![CDATA[")) value = value.substr(9, value.size() - 12);
  return std::string(value);
}

std::string context(const std::string& text, Span span) {
  const auto from = span.start > 60 ? span.start - 60 : 0;
  std::string out = text.substr(from, span.start - from) + "[[" +
                    text.substr(span.start, span.end - span.start) + "]]" +
                    text.substr(span.end, 60);
  std::replace(out.begin(), out.end(), '\n', ' ');
  return out;
}

void evaluate_lgl(const fs::path& path, const newsdex::detail::PlaceExtractor& extractor,
                  int errors, const std::string& show, bool show_inexact) {
  if (!fs::exists(path)) {
    std::printf("LGL toponyms: skipped: %s not found\n", path.c_str());
    return;
  }
  const std::string xml = read_file(path);
  Score exact, overlap;
  std::size_t articles = 0, bytes = 0;
  double seconds = 0;
  std::map<std::string, int> missed, spurious;
  std::size_t pos = 0;
  while (true) {
    const auto article_start = xml.find("<article ", pos);
    if (article_start == std::string::npos) break;
    const auto article_end = xml.find("</article>", article_start);
    const std::string_view article(xml.data() + article_start, article_end - article_start);
    pos = article_end;
    std::size_t at = 0;
    const std::string text = element(article, "text", at);
    const auto offsets = code_point_offsets(text);
    std::vector<Span> gold;
    std::size_t toponym = at;
    while (true) {
      const std::string start = element(article, "start", toponym);
      if (start.empty()) break;
      const std::string end = element(article, "end", toponym);
      const auto s = std::stoul(start), e = std::stoul(end);
      if (e < offsets.size()) gold.push_back({offsets[s], offsets[e]});
    }
    const auto people = people_in(text);
    const auto begin = std::chrono::steady_clock::now();
    const auto places = extractor.extract(text, people);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
    ++articles;
    bytes += text.size();
    std::vector<Span> predicted;
    for (const auto& place : places) {
      predicted.insert(predicted.end(), place.mentions.begin(), place.mentions.end());
    }
    exact.gold += gold.size();
    overlap.gold += gold.size();
    exact.predicted += predicted.size();
    overlap.predicted += predicted.size();
    std::vector<bool> used(gold.size(), false);
    std::vector<bool> hit(predicted.size(), false);
    for (std::size_t p = 0; p < predicted.size(); ++p) {
      if (std::find(gold.begin(), gold.end(), predicted[p]) != gold.end()) ++exact.true_positives;
    }
    for (std::size_t p = 0; p < predicted.size(); ++p) {
      for (std::size_t g = 0; g < gold.size(); ++g) {
        if (used[g] || predicted[p].end <= gold[g].start || gold[g].end <= predicted[p].start) {
          continue;
        }
        used[g] = true;
        hit[p] = true;
        ++overlap.true_positives;
        if (show_inexact && !(predicted[p] == gold[g])) {
          std::printf(
              "inexact: gold [[%s]] found [[%s]]\n",
              text.substr(gold[g].start, gold[g].end - gold[g].start).c_str(),
              text.substr(predicted[p].start, predicted[p].end - predicted[p].start).c_str());
        }
        break;
      }
    }
    for (std::size_t g = 0; g < gold.size(); ++g) {
      if (used[g]) continue;
      const auto phrase = text.substr(gold[g].start, gold[g].end - gold[g].start);
      ++missed[phrase];
      if (phrase == show) std::printf("missed: %s\n", context(text, gold[g]).c_str());
    }
    for (std::size_t p = 0; p < predicted.size(); ++p) {
      if (hit[p]) continue;
      const auto phrase = text.substr(predicted[p].start, predicted[p].end - predicted[p].start);
      ++spurious[phrase];
      if (phrase == show) std::printf("spurious: %s\n", context(text, predicted[p]).c_str());
    }
  }
  std::printf("LGL toponyms (%s): %zu articles, %.1f MB/s\n", path.c_str(), articles,
              bytes / seconds / 1e6);
  print("mentions, exact span", exact);
  print("mentions, overlapping span", overlap);
  auto top = [&](const char* label, const std::map<std::string, int>& counts) {
    std::vector<std::pair<int, std::string>> sorted;
    for (const auto& [name, count] : counts)
      sorted.emplace_back(count, name);
    std::sort(sorted.rbegin(), sorted.rend());
    std::printf("  %s:", label);
    for (int i = 0; i < errors && i < static_cast<int>(sorted.size()); ++i) {
      std::printf(" %s(%d)", sorted[i].second.c_str(), sorted[i].first);
    }
    std::printf("\n");
  };
  if (errors > 0) {
    top("most missed", missed);
    top("most spurious", spurious);
  }
}

// Reuters' own country names that are not ordinary names of a country.
const std::map<std::string, std::string> kReutersCodes = {{"usa", "US"},
                                                          {"uk", "GB"},
                                                          {"ussr", "SU"},
                                                          {"west-germany", "DE"},
                                                          {"east-germany", "DD"},
                                                          {"czechoslovakia", "CS"},
                                                          {"yugoslavia", "YU"},
                                                          {"yemen-arab-republic", "YE"},
                                                          {"yemen-demo-republic", "YE"},
                                                          {"netherlands-antilles", "AN"},
                                                          {"trinidad-tobago", "TT"}};

// States of 1987 that have split since, with the present countries on their territory. The
// extractor names places by their present country (Moscow is in RU), so in an article labelled
// with such a state a successor's code counts as the state's.
const std::map<std::string, std::set<std::string>> kFormerStates = {
    {"SU",
     {"RU", "UA", "BY", "MD", "EE", "LV", "LT", "GE", "AM", "AZ", "KZ", "KG", "TJ", "TM", "UZ"}},
    {"YU", {"RS", "HR", "SI", "BA", "MK", "ME", "XK"}},
    {"CS", {"CZ", "SK"}},
    {"DD", {"DE"}},
    {"AN", {"CW", "SX", "BQ"}}};

// `predicted` with each successor of a former state that `gold` holds read as that state.
std::set<std::string> as_labelled(const std::set<std::string>& predicted,
                                  const std::set<std::string>& gold) {
  std::set<std::string> out;
  for (const auto& code : predicted) {
    std::string labelled = code;
    if (!gold.contains(code)) {
      for (const auto& [state, successors] : kFormerStates) {
        if (gold.contains(state) && successors.contains(code)) labelled = state;
      }
    }
    out.insert(labelled);
  }
  return out;
}

void evaluate_reuters(const fs::path& path, const newsdex::detail::PlaceExtractor& extractor,
                      const newsdex::Gazetteer& gazetteer, int errors) {
  if (!fs::exists(path)) {
    std::printf("Reuters countries: skipped: %s not found\n", path.c_str());
    return;
  }
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) {
    std::printf("Reuters countries: cannot open %s\n", path.c_str());
    return;
  }
  Score score, all;
  std::size_t articles = 0;
  std::set<std::string> unmapped;
  std::map<std::string, int> missed, spurious, spurious_names;
  std::string line;
  std::vector<char> buffer(1 << 16);
  auto code_of = [&](const std::string& label) -> std::string {
    if (const auto it = kReutersCodes.find(label); it != kReutersCodes.end()) return it->second;
    std::string name = label;
    std::replace(name.begin(), name.end(), '-', ' ');
    const auto code = gazetteer.country_code(name);
    if (!code) unmapped.insert(label);
    return code.value_or("?" + label);
  };
  while (true) {
    line.clear();
    bool got = false;
    while (gzgets(file, buffer.data(), static_cast<int>(buffer.size())) != nullptr) {
      got = true;
      line.append(buffer.data());
      if (!line.empty() && line.back() == '\n') break;
    }
    if (!got) break;
    const auto json = nlohmann::json::parse(line, nullptr, false);
    if (json.is_discarded()) continue;
    const std::string body = json.value("body", "");
    const auto labels = json.value("places", std::vector<std::string>{});
    if (body.empty() || labels.empty()) continue;
    std::set<std::string> gold;
    for (const auto& label : labels)
      gold.insert(code_of(label));
    const std::string text = json.value("dateline", "") + "\n" + body;
    std::set<std::string> predicted, all_predicted;
    const auto places = extractor.extract(text, people_in(text));
    for (const auto& place : places) {
      if (!place.country.empty()) all_predicted.insert(place.country);
    }
    for (const auto& code : newsdex::detail::PlaceExtractor::main_countries(places)) {
      predicted.insert(code);
    }
    predicted = as_labelled(predicted, gold);
    all_predicted = as_labelled(all_predicted, gold);
    ++articles;
    all.gold += gold.size();
    all.predicted += all_predicted.size();
    for (const auto& code : all_predicted)
      all.true_positives += gold.contains(code) ? 1 : 0;
    score.gold += gold.size();
    score.predicted += predicted.size();
    for (const auto& code : predicted) {
      if (gold.contains(code)) {
        ++score.true_positives;
      } else {
        ++spurious[code];
        for (const auto& place : places) {
          if (place.country != code) continue;
          const auto& mention = place.mentions.front();
          ++spurious_names[code + ":" + text.substr(mention.start, mention.end - mention.start)];
        }
      }
    }
    for (const auto& code : gold) {
      if (!predicted.contains(code)) ++missed[code];
    }
  }
  gzclose(file);
  std::printf("Reuters countries (%s): %zu articles\n", path.c_str(), articles);
  print("main countries", score);
  print("all countries named", all);
  if (!unmapped.empty()) {
    std::printf("  Reuters names without an ISO code:");
    for (const auto& label : unmapped)
      std::printf(" %s", label.c_str());
    std::printf("\n");
  }
  if (errors > 0) {
    for (const auto* counts : {&missed, &spurious, &spurious_names}) {
      std::vector<std::pair<int, std::string>> sorted;
      for (const auto& [name, count] : *counts)
        sorted.emplace_back(count, name);
      std::sort(sorted.rbegin(), sorted.rend());
      std::printf("  %s:", counts == &missed     ? "most missed"
                           : counts == &spurious ? "most spurious"
                                                 : "names behind them");
      for (int i = 0; i < errors && i < static_cast<int>(sorted.size()); ++i) {
        std::printf(" %s(%d)", sorted[i].second.c_str(), sorted[i].first);
      }
      std::printf("\n");
    }
  }
}

int usage() {
  std::cerr << "usage: evaluate_places [--data DIR] [--gazetteer cities15000.txt] "
               "[--country-info countryInfo.txt] [--admin1 admin1CodesASCII.txt] [--errors N] "
               "[--show PHRASE] [--inexact]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path data = fs::path(NEWSDEX_SOURCE_DIR) / ".." / "shared" / "data";
  newsdex::GeoNamesFiles geonames;
  int errors = 0;
  std::string show;
  bool show_inexact = false;
  for (int i = 1; i < argc; ++i) {
    const std::string option = argv[i];
    if (option == "--inexact") {
      show_inexact = true;
      continue;
    }
    if (i + 1 >= argc) return usage();
    const std::string value = argv[++i];
    if (option == "--data") {
      data = value;
    } else if (option == "--gazetteer") {
      geonames.cities = value;
    } else if (option == "--country-info") {
      geonames.country_info = value;
    } else if (option == "--admin1") {
      geonames.admin1_codes = value;
    } else if (option == "--show") {
      show = value;
    } else if (option == "--errors") {
      errors = std::stoi(value);
    } else {
      return usage();
    }
  }
  try {
    const auto begin = std::chrono::steady_clock::now();
    auto gazetteer = newsdex::Gazetteer::builtin();
    if (!geonames.cities.empty()) gazetteer = newsdex::Gazetteer::with_geonames(geonames);
    const double load_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin).count();
    std::printf("gazetteer: %zu places, %zu names, loaded in %.1f ms%s\n", gazetteer->place_count(),
                gazetteer->name_count(), load_ms,
                geonames.cities.empty() ? " (built in)" : " (built in + GeoNames)");
    const newsdex::detail::PlaceExtractor extractor(gazetteer);
    evaluate_lgl(data / "toponyms-lgl" / "lgl.xml", extractor, errors, show, show_inexact);
    evaluate_reuters(data / "reuters21578" / "reuters.jsonl.gz", extractor, *gazetteer, errors);
  } catch (const std::exception& e) {
    std::cerr << "evaluate_places: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
