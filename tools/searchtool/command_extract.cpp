// searchtool extract: read articles as `index` does and print the speakers, places and dates
// found in them, without indexing: text for people or, with --json, one object per article.
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <iostream>
#include <thread>

#include <nlohmann/json.hpp>

#include <newsdex/extract.hpp>
#include <newsdex/ingest.hpp>

#include "cli.hpp"

namespace searchtool {

namespace {

// A mentioned date at its precision: "2022-11-16", "2022-11" or "2020", the forms mentioned:
// takes.
std::string date_text(const newsdex::MentionedDate& mention) {
  const std::string iso = mention.date.iso();
  switch (mention.precision) {
    case newsdex::DatePrecision::year:
      return iso.substr(0, 4);
    case newsdex::DatePrecision::month:
      return iso.substr(0, 7);
    case newsdex::DatePrecision::day:
      break;
  }
  return iso;
}

nlohmann::ordered_json spans_json(const std::vector<newsdex::Span>& spans) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& span : spans)
    out.push_back({{"start", span.start}, {"end", span.end}});
  return out;
}

nlohmann::ordered_json to_json(const newsdex::Article& article, const newsdex::Annotations& found) {
  nlohmann::ordered_json speakers = nlohmann::ordered_json::array();
  for (const auto& speaker : found.speakers) {
    nlohmann::ordered_json entry{{"name", speaker.name}};
    if (!speaker.role.empty()) entry["role"] = speaker.role;
    entry["mentions"] = spans_json(speaker.mentions);
    speakers.push_back(std::move(entry));
  }
  nlohmann::ordered_json places = nlohmann::ordered_json::array();
  for (const auto& place : found.places) {
    nlohmann::ordered_json entry{{"name", place.name}};
    if (!place.country.empty()) entry["country"] = place.country;
    entry["kind"] = newsdex::to_string(place.kind);
    entry["mentions"] = spans_json(place.mentions);
    places.push_back(std::move(entry));
  }
  nlohmann::ordered_json dates = nlohmann::ordered_json::array();
  for (const auto& mention : found.dates) {
    dates.push_back({{"date", date_text(mention)},
                     {"text", mention.text},
                     {"start", mention.span.start},
                     {"end", mention.span.end}});
  }
  return {{"id", article.id},
          {"date", article.date ? nlohmann::ordered_json(article.date->iso()) : nullptr},
          {"speakers", std::move(speakers)},
          {"places", std::move(places)},
          {"dates", std::move(dates)}};
}

std::string mention_count(std::size_t count) {
  return std::to_string(count) + (count == 1 ? " mention" : " mentions");
}

// One block per article: its id and date, then one line per value found.
void print_text(const newsdex::Article& article, const newsdex::Annotations& found) {
  std::cout << article.id << (article.date ? " (" + article.date->iso() + ")" : "") << '\n';
  if (found.speakers.empty() && found.places.empty() && found.dates.empty()) {
    std::cout << "  nothing found\n";
  }
  if (!found.speakers.empty()) std::cout << "  speakers:\n";
  for (const auto& speaker : found.speakers) {
    std::cout << "    " << speaker.name << (speaker.role.empty() ? "" : ", " + speaker.role) << " ("
              << mention_count(speaker.mentions.size()) << ")\n";
  }
  if (!found.places.empty()) std::cout << "  places:\n";
  for (const auto& place : found.places) {
    std::cout << "    " << place.name << " (" << newsdex::to_string(place.kind)
              << (place.country.empty() ? "" : ", " + place.country) << ", "
              << mention_count(place.mentions.size()) << ")\n";
  }
  if (!found.dates.empty()) std::cout << "  dates:\n";
  for (const auto& mention : found.dates)
    std::cout << "    " << date_text(mention) << "  \"" << mention.text << "\"\n";
  std::cout << '\n';
}

// Runs work(i) for i < count on up to `threads` threads.
template <typename Work>
void run_parallel(std::size_t count, std::size_t threads, Work&& work) {
  std::atomic<std::size_t> next{0};
  auto loop = [&] {
    for (std::size_t i; (i = next++) < count;)
      work(i);
  };
  std::vector<std::thread> helpers;
  for (std::size_t t = 1; t < std::min(threads, count); ++t)
    helpers.emplace_back(loop);
  loop();
  for (auto& helper : helpers)
    helper.join();
}

}  // namespace

int run_extract(const std::vector<std::string>& args) {
  po::options_description options("extract options");
  std::string format;
  std::vector<std::string> inputs;
  newsdex::ReadOptions read_options;
  std::size_t max_article_mb = read_options.max_article_bytes >> 20;
  std::size_t threads = 0;
  options.add_options()("format", po::value(&format)->default_value("auto"),
                        "input format: auto, plain or jsonl")(
      "max-article-mb", po::value(&max_article_mb)->default_value(max_article_mb),
      "skip articles (files, JSON lines) larger than this many MiB")(
      "threads", po::value(&threads)->default_value(threads),
      "threads that extract; 0 for one per core (output stays in input order)");
  GazetteerOptions gazetteer;
  gazetteer.add_to(options);
  options.add_options()("json", "print one JSON object per article (JSON Lines)")(
      "input", po::value(&inputs)->multitoken(), "files, folders or - (standard input)");
  po::positional_options_description positional;
  positional.add("input", -1);
  po::variables_map values;
  if (!parse_options("extract", "[OPTIONS] INPUT...", args, options, positional, values)) {
    return kExitOk;
  }
  if (inputs.empty())
    throw UsageError("no input given: name files, folders or - for standard input");
  if (max_article_mb == 0) throw UsageError("--max-article-mb must be at least 1");
  read_options.max_article_bytes = max_article_mb << 20;
  read_options.format = parse_format(format);
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  const bool json = values.count("json") > 0;

  const newsdex::Extractor extractor({.gazetteer = gazetteer.load()});
  newsdex::ArticleReader reader(inputs, read_options);
  std::size_t skipped = 0;
  // Articles are extracted in groups on several threads and printed in input order.
  constexpr std::size_t kGroupArticles = 256;
  std::vector<newsdex::Article> group;
  std::vector<newsdex::Annotations> found;
  auto flush = [&] {
    found.assign(group.size(), {});
    run_parallel(group.size(), threads,
                 [&](std::size_t i) { found[i] = extractor.extract(group[i]); });
    for (std::size_t i = 0; i < group.size(); ++i) {
      if (json) {
        std::cout << to_json(group[i], found[i])
                         .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                  << '\n';
      } else {
        print_text(group[i], found[i]);
      }
    }
    std::cout.flush();
    group.clear();
  };
  while (true) {
    auto article = reader.next();
    for (const auto& problem : reader.take_problems()) {
      print_error(problem.to_string());
      if (problem.skipped) ++skipped;
    }
    if (!article) break;
    group.push_back(std::move(*article));
    if (group.size() >= kGroupArticles) flush();
  }
  flush();
  return skipped > 0 ? kExitSkipped : kExitOk;
}

}  // namespace searchtool
