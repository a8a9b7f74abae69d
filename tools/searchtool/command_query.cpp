// searchtool query: run a query and print the hits for people or, with --json, for programs.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include <newsdex/error.hpp>
#include <newsdex/index.hpp>

#include "cli.hpp"
#include "hits.hpp"

namespace searchtool {

namespace {

newsdex::SortOrder parse_sort(const std::string& name) {
  if (name == "relevance") return newsdex::SortOrder::relevance;
  if (name == "newest") return newsdex::SortOrder::newest;
  if (name == "oldest") return newsdex::SortOrder::oldest;
  throw UsageError("unknown sort order \"" + name + "\" (use relevance, newest or oldest)");
}

newsdex::MatchMode parse_match(const std::string& name) {
  if (name == "all") return newsdex::MatchMode::all;
  if (name == "any") return newsdex::MatchMode::any;
  throw UsageError("unknown match mode \"" + name + "\" (use all or any)");
}

std::vector<newsdex::FacetField> parse_facets(const std::vector<std::string>& lists) {
  std::vector<newsdex::FacetField> fields;
  for (const auto& list : lists) {
    std::size_t start = 0;
    while (start <= list.size()) {
      const std::size_t comma = std::min(list.find(',', start), list.size());
      const std::string name = list.substr(start, comma - start);
      start = comma + 1;
      if (name.empty()) continue;
      const auto field = newsdex::parse_facet_field(name);
      if (!field) {
        throw UsageError("unknown facet \"" + name +
                         "\" (use speaker, place, country, source, year or month)");
      }
      fields.push_back(*field);
    }
  }
  return fields;
}

// "30", "30d", "2w", "6m", "1y" -> days (a month counts 30 days, a year 365).
double parse_half_life(const std::string& text) {
  std::size_t used = 0;
  double number = 0;
  try {
    number = std::stod(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  const std::string unit = text.substr(used);
  double days = 0;
  if (unit.empty() || unit == "d") {
    days = 1;
  } else if (unit == "w") {
    days = 7;
  } else if (unit == "m") {
    days = 30;
  } else if (unit == "y") {
    days = 365;
  }
  if (used == 0 || days == 0 || !(number > 0) || !std::isfinite(number)) {
    throw UsageError("bad --recency \"" + text +
                     "\" (use a positive number of days, or N followed by d, w, m or y)");
  }
  return number * days;
}

// A --remote-timeout or --connect-timeout in seconds, at least a millisecond, at most an hour.
std::chrono::milliseconds timeout_option(std::string_view name, double seconds) {
  if (!(seconds >= 0.001 && seconds <= 3600)) {
    throw UsageError("--" + std::string(name) + " must be between 0.001 and 3600 seconds");
  }
  return std::chrono::milliseconds(static_cast<long long>(seconds * 1000 + 0.5));
}

// "none" -> no stopwords; "a,the,of" -> those words.
std::vector<std::string> parse_stopwords(const std::string& list) {
  std::vector<std::string> words;
  if (list == "none") return words;
  std::size_t start = 0;
  while (start <= list.size()) {
    const std::size_t comma = std::min(list.find(',', start), list.size());
    std::string word = list.substr(start, comma - start);
    start = comma + 1;
    word.erase(0, word.find_first_not_of(' '));
    word.erase(word.find_last_not_of(' ') + 1);
    if (!word.empty()) words.push_back(std::move(word));
  }
  if (words.empty()) throw UsageError("--stopwords needs none or a comma-separated list of words");
  return words;
}

void print_facets(const newsdex::SearchResults& results) {
  if (results.facets.empty()) return;
  std::cout << "\nfacets:\n";
  for (const auto& facet : results.facets) {
    std::cout << "  " << newsdex::to_string(facet.field) << ':';
    if (facet.values.empty()) std::cout << " (none)";
    for (std::size_t i = 0; i < facet.values.size(); ++i) {
      std::cout << (i == 0 ? " " : ", ") << facet.values[i].value << " (" << facet.values[i].count
                << ')';
    }
    if (facet.distinct > facet.values.size()) {
      std::cout << ", ... (" << facet.distinct << " values)";
    }
    std::cout << '\n';
  }
}

// The timeline as a bar chart (for a terminal) or as a table of tab-separated period and count.
void print_timeline(const newsdex::SearchResults& results, newsdex::TimelinePeriod period,
                    bool bars) {
  std::cout << "\ntimeline (" << newsdex::to_string(period) << "):\n";
  if (results.timeline.empty()) {
    std::cout << "  (no dated articles)\n";
    return;
  }
  std::size_t most = 0;
  std::size_t width = 0;
  for (const auto& bucket : results.timeline) {
    most = std::max(most, bucket.count);
    width = std::max(width, bucket.period.size());
  }
  constexpr std::size_t kBarWidth = 50;
  for (const auto& bucket : results.timeline) {
    if (!bars) {
      std::cout << bucket.period << '\t' << bucket.count << '\n';
      continue;
    }
    // Any non-zero count gets at least one block, so it never looks like an empty period.
    const std::size_t blocks =
        bucket.count == 0 ? 0 : std::max<std::size_t>(1, bucket.count * kBarWidth / most);
    std::cout << "  " << bucket.period << std::string(width - bucket.period.size(), ' ') << ' ';
    for (std::size_t i = 0; i < blocks; ++i)
      std::cout << "\u2588";
    std::cout << ' ' << bucket.count << '\n';
  }
}

void print_text(const newsdex::SearchResults& results, const newsdex::SearchRequest& request,
                const Style& style) {
  const auto print_suggestion = [&] {
    if (results.suggestion) std::cout << "did you mean \"" << *results.suggestion << "\"?\n";
  };
  if (results.hits.empty()) {
    std::cout << "no articles match \"" << results.query << "\"";
    if (results.total > 0) std::cout << " beyond the first " << request.offset;
    std::cout << '\n';
    print_suggestion();
    return;
  }
  std::cout << (results.total_exact ? "" : "about ") << results.total
            << (results.total == 1 ? " article matches" : " articles match") << " \""
            << results.query << "\" (showing " << results.hits.front().rank << "-"
            << results.hits.back().rank << ")\n";
  print_suggestion();
  print_hits(results.hits, style);
}

nlohmann::ordered_json to_json(const newsdex::SearchResults& results,
                               const newsdex::SearchRequest& request) {
  nlohmann::ordered_json out{
      {"query", results.query},
      {"total", results.total},
      {"total_exact", results.total_exact},
      {"suggestion", results.suggestion ? nlohmann::ordered_json(*results.suggestion)
                                        : nlohmann::ordered_json(nullptr)},
      {"hits", hits_json(results.hits)},
      {"partial", results.partial}};
  if (results.partial) {
    nlohmann::ordered_json failed = nlohmann::ordered_json::array();
    for (const auto& failure : results.failed_shards)
      failed.push_back({{"shard", failure.shard}, {"error", failure.error}});
    out["failed_shards"] = failed;
  }
  if (!results.warnings.empty()) out["warnings"] = results.warnings;
  if (!request.facets.empty()) {
    nlohmann::ordered_json facets = nlohmann::ordered_json::object();
    for (const auto& facet : results.facets) {
      nlohmann::ordered_json values = nlohmann::ordered_json::array();
      for (const auto& value : facet.values) {
        values.push_back(
            {{"value", value.value}, {"count", value.count}, {"filter", value.filter}});
      }
      facets[std::string(newsdex::to_string(facet.field))] = {{"values", values},
                                                              {"distinct", facet.distinct}};
    }
    out["facets"] = facets;
  }
  if (request.timeline) {
    nlohmann::ordered_json buckets = nlohmann::ordered_json::array();
    for (const auto& bucket : results.timeline) {
      buckets.push_back(
          {{"period", bucket.period}, {"start", bucket.start.iso()}, {"count", bucket.count}});
    }
    out["timeline"] = {{"period", newsdex::to_string(*request.timeline)}, {"buckets", buckets}};
  }
  return out;
}

}  // namespace

int run_query(const std::vector<std::string>& args) {
  po::options_description options("query options");
  std::string db;
  std::string sort;
  std::string match;
  std::string color;
  std::string chart;
  std::string timeline;
  std::string recency;
  std::vector<std::string> facets;
  std::vector<std::string> words;
  std::string stopwords;
  newsdex::SearchRequest request;
  newsdex::IndexOptions index_options;
  double remote_timeout = 10;
  double connect_timeout = 10;
  po::options_description shards("shards on other machines");
  auto shard = shards.add_options();
  shard("remote-timeout", po::value(&remote_timeout)->default_value(remote_timeout),
        "seconds to wait for each answer of a remote shard");
  shard("connect-timeout", po::value(&connect_timeout)->default_value(connect_timeout),
        "seconds to wait for a remote shard to accept a connection");
  shard("allow-partial",
        "search the shards that answer when others do not, and mark the results partial");
  po::options_description limits("limits");
  auto limit = limits.add_options();
  limit("max-query-bytes",
        po::value(&index_options.max_query_bytes)->default_value(index_options.max_query_bytes),
        "refuse longer queries");
  limit("max-wildcards",
        po::value(&index_options.max_wildcards)->default_value(index_options.max_wildcards),
        "refuse queries with more wildcards");
  limit(
      "max-wildcard-terms",
      po::value(&index_options.max_wildcard_terms)->default_value(index_options.max_wildcard_terms),
      "words one wildcard stands for (the most frequent)");
  auto option = options.add_options();
  option("db", po::value(&db)->required(), "index folder");
  option("limit,n", po::value(&request.limit)->default_value(request.limit),
         "hits to show (1-10000)");
  option("offset", po::value(&request.offset)->default_value(0), "hits to skip, for paging");
  option("sort", po::value(&sort)->default_value("relevance"), "relevance, newest or oldest");
  option("match", po::value(&match)->default_value("all"),
         "all: every word must match; any: any word");
  option("snippet-bytes", po::value(&request.snippet_bytes)->default_value(request.snippet_bytes),
         "length of each snippet; 0 for none");
  option("json", "print one JSON object instead of text");
  option("no-collapse", "show every copy of a story, not one hit per story");
  option("exact-total", "count every match exactly, not \"about N\" (slower on common words)");
  option("explain", "show how each hit's score is made up: each term's weight");
  option("stopwords", po::value(&stopwords),
         "words a query need not match: none, or a comma-separated list (default: English)");
  option("color", po::value(&color)->default_value("auto"),
         "bold highlights: auto, always or never");
  option("facets", po::value(&facets)->composing(),
         "count values over all matches: speaker,place,country,source,year,month");
  option("facet-limit", po::value(&request.facet_limit)->default_value(request.facet_limit),
         "values to show per facet");
  option("timeline", po::value(&timeline), "count matches per day, week, month or year");
  option("chart", po::value(&chart)->default_value("auto"),
         "draw the timeline as bars: auto (on a terminal), always or never");
  option("recency", po::value(&recency),
         "blend relevance with age: the half-life of the boost, e.g. 30d, 2w, 6m, 1y");
  option("recency-weight", po::value(&request.recency_weight)->default_value(0.25, "0.25"),
         "boost of the newest articles, as a fraction of the best possible score");
  option("query", po::value(&words)->multitoken(),
         "the query (several arguments are joined by spaces)");
  options.add(limits);
  options.add(shards);
  po::positional_options_description positional;
  positional.add("query", -1);
  po::variables_map values;
  if (!parse_options("query", "--db DB [OPTIONS] QUERY", args, options, positional, values)) {
    return kExitOk;
  }
  request.query = join(words, " ");
  request.collapse_duplicates = values.count("no-collapse") == 0;
  request.exact_total = values.count("exact-total") > 0;
  request.explain = values.count("explain") > 0;
  if (values.count("stopwords")) request.stopwords = parse_stopwords(stopwords);
  request.sort = parse_sort(sort);
  request.match = parse_match(match);
  for (const auto& [name, value] : {std::pair{"color", &color}, std::pair{"chart", &chart}}) {
    if (*value != "auto" && *value != "always" && *value != "never") {
      throw UsageError("unknown --" + std::string(name) + " \"" + *value +
                       "\" (use auto, always or never)");
    }
  }
  if (index_options.max_query_bytes == 0) throw UsageError("--max-query-bytes must be at least 1");
  if (index_options.max_wildcard_terms == 0) {
    throw UsageError("--max-wildcard-terms must be at least 1");
  }
  request.facets = parse_facets(facets);
  if (!recency.empty()) request.recency_half_life_days = parse_half_life(recency);
  if (!timeline.empty()) {
    request.timeline = newsdex::parse_timeline_period(timeline);
    if (!request.timeline) {
      throw UsageError("unknown --timeline \"" + timeline + "\" (use day, week, month or year)");
    }
  }

  index_options.remote_timeout = timeout_option("remote-timeout", remote_timeout);
  index_options.remote_connect_timeout = timeout_option("connect-timeout", connect_timeout);
  index_options.allow_partial = values.count("allow-partial") > 0;

  newsdex::SearchResults results;
  try {
    const auto index = newsdex::Index::open(db, index_options);
    results = index.search(request);
  } catch (const newsdex::ShardUnavailableError& error) {
    if (index_options.allow_partial) throw;
    throw newsdex::ShardUnavailableError(
        std::string(error.what()) + "; --allow-partial searches the others", error.shards());
  }
  for (const auto& warning : results.warnings)
    print_warning(warning);
  // Partial results are an answer, but not the whole one: as for skipped inputs.
  const int exit_code = results.partial ? kExitSkipped : kExitOk;
  if (values.count("json")) {
    std::cout
        << to_json(results, request).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
        << '\n';
    return exit_code;
  }
  const bool bold = color == "always" || (color == "auto" && is_terminal(stdout));
  const Style style =
      bold ? Style{"\033[1m", "\033[0m", "\033[1m", "\033[0m"} : Style{"", "", "**", "**"};
  print_text(results, request, style);
  print_facets(results);
  if (request.timeline) {
    print_timeline(results, *request.timeline,
                   chart == "always" || (chart == "auto" && is_terminal(stdout)));
  }
  return exit_code;
}

}  // namespace searchtool
