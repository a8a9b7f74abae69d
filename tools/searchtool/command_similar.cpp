// searchtool similar: the articles most like one of the index's, for people or, with --json,
// for programs.
#include <iostream>

#include <nlohmann/json.hpp>

#include <newsdex/index.hpp>

#include "cli.hpp"
#include "hits.hpp"

namespace searchtool {

int run_similar(const std::vector<std::string>& args) {
  po::options_description options("similar options");
  std::string db;
  std::string id;
  std::string color;
  newsdex::SimilarRequest request;
  auto option = options.add_options();
  option("db", po::value(&db)->required(), "index folder");
  option("id", po::value(&id)->required(), "the article to find others like");
  option("limit,n", po::value(&request.limit)->default_value(request.limit),
         "hits to show (1-10000)");
  option("offset", po::value(&request.offset)->default_value(0), "hits to skip, for paging");
  option("terms", po::value(&request.terms)->default_value(request.terms),
         "how many of the article's most telling terms to search for (1-100)");
  option("filter", po::value(&request.filter),
         "a query the hits must also match, e.g. 'date:2024 place:chile'");
  option("snippet-bytes", po::value(&request.snippet_bytes)->default_value(request.snippet_bytes),
         "length of each snippet; 0 for none");
  option("no-collapse", "show every copy of a story, not one hit per story");
  option("explain", "show how each hit's score is made up: each term's weight");
  option("json", "print one JSON object instead of text");
  option("color", po::value(&color)->default_value("auto"),
         "bold titles and highlights: auto, always or never");
  po::positional_options_description positional;
  positional.add("id", 1);
  po::variables_map values;
  if (!parse_options("similar", "--db DB [OPTIONS] ID", args, options, positional, values)) {
    return kExitOk;
  }
  if (color != "auto" && color != "always" && color != "never") {
    throw UsageError("unknown --color \"" + color + "\" (use auto, always or never)");
  }
  request.id = id;
  request.collapse_duplicates = values.count("no-collapse") == 0;
  request.explain = values.count("explain") > 0;

  const auto index = newsdex::Index::open(db);
  const auto results = index.similar(request);
  if (!results) {
    print_error("no article with id \"" + id + "\" in " + db);
    return kExitError;
  }
  if (values.count("json")) {
    const nlohmann::ordered_json out{{"query", nullptr},
                                     {"similar_to", results->similar_to},
                                     {"terms", results->terms},
                                     {"total", results->total},
                                     {"total_exact", results->total_exact},
                                     {"suggestion", nullptr},
                                     {"hits", hits_json(results->hits)}};
    std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    return kExitOk;
  }
  if (results->hits.empty()) {
    std::cout << "no articles like " << id;
    if (results->total > 0) std::cout << " beyond the first " << request.offset;
    std::cout << '\n';
    return kExitOk;
  }
  std::cout << (results->total_exact ? "" : "about ") << results->total
            << (results->total == 1 ? " article is" : " articles are") << " like " << id
            << " (showing " << results->hits.front().rank << "-" << results->hits.back().rank
            << ")\nterms: " << join(results->terms, ", ") << '\n';
  const bool bold = color == "always" || (color == "auto" && is_terminal(stdout));
  print_hits(results->hits,
             bold ? Style{"\033[1m", "\033[0m", "\033[1m", "\033[0m"} : Style{"", "", "**", "**"});
  return kExitOk;
}

}  // namespace searchtool
