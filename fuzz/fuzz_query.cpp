// Index::search with any query string and options over a small index with speakers, places,
// mentioned dates and synonyms: results, or a QueryError pointing into the query, or an
// InvalidArgumentError for options that cannot go together; never another error, never a crash.
// This runs the whole query path: lexer, syntax check, synonym expansion, Xapian's parser with
// our field processors, limits, ranking, facets, timelines, snippets and spelling suggestions.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include <newsdex/error.hpp>
#include <newsdex/index.hpp>
#include <newsdex/index_writer.hpp>

#include "fuzz_check.hpp"

namespace {

std::filesystem::path folder;
std::unique_ptr<newsdex::Index> index;

void remove_index() {
  index.reset();
  std::error_code ignored;
  std::filesystem::remove_all(folder, ignored);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  using namespace newsdex;
  std::string pattern = (std::filesystem::temp_directory_path() / "newsdex-fuzz-XXXXXX").string();
  fuzz::require(::mkdtemp(pattern.data()) != nullptr, "mkdtemp failed");
  folder = pattern;
  std::atexit(remove_index);
  {
    auto writer = IndexWriter::open(folder / "db");
    writer.add({.id = "baku",
                .date = Date{2022, 11, 16},
                .title = "Leaders meet in Baku",
                .body = "Foreign ministers met in Baku on Wednesday. Marta Soto, the mediator, "
                        "said the talks on Nagorno-Karabakh were constructive.",
                .source = "Caspian Wire",
                .speakers = {"Marta Soto"},
                .places = {"Baku", "Nagorno-Karabakh"}},
               {.places = {{.name = "Baku", .country = "AZ", .kind = PlaceKind::city}},
                .dates = {{.date = Date{2020, 11, 10}, .text = "November 10, 2020"}}});
    writer.add({.id = "harbour",
                .date = Date{2023, 3, 14},
                .title = "Harbour strike ends after talks",
                .body = "Dock workers in Valparaíso returned to work after a wage deal. The "
                        "strike had halted copper exports, the port authority said.",
                .source = "Harbor Daily",
                .language = "en",
                .speakers = {"Port Authority"},
                .places = {"Valparaíso", "Chile"}});
    writer.add({.id = "undated",
                .body = "Les délégations se sont réunies à Genève pour des négociations.",
                .language = "fr"});
    writer.set_synonyms({{"talks", "negotiations"}, {"uk", "britain", "united kingdom"}});
    writer.commit();
  }
  index = std::make_unique<Index>(Index::open(folder / "db"));
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace newsdex;
  if (size < 2) return 0;
  // The first two bytes pick the options, the rest is the query.
  const unsigned options = data[0] << 8 | data[1];
  SearchRequest request;
  request.query.assign(reinterpret_cast<const char*>(data + 2), size - 2);
  request.limit = 1 + options % 4;
  request.offset = (options >> 2) % 3;
  request.sort = static_cast<SortOrder>((options >> 4) % 3);
  request.match = (options >> 6) & 1 ? MatchMode::any : MatchMode::all;
  request.snippet_bytes = (options >> 7) & 1 ? 40 : 300;
  if ((options >> 8) & 1) request.facets = {FacetField::speaker, FacetField::place};
  if ((options >> 9) & 1) request.timeline = static_cast<TimelinePeriod>((options >> 10) % 4);
  if ((options >> 12) & 1) request.recency_half_life_days = 30;
  try {
    const SearchResults results = index->search(request);
    fuzz::require(results.hits.size() <= request.limit, "more hits than the limit");
    for (std::size_t i = 0; i < results.hits.size(); ++i) {
      const Hit& hit = results.hits[i];
      fuzz::require(hit.rank == request.offset + i + 1, "hits out of rank");
      for (const auto& span : hit.highlights)
        fuzz::require_span(span, hit.snippet, "a highlight outside the snippet");
    }
  } catch (const QueryError& error) {
    fuzz::require(error.position() <= request.query.size(), "an error position past the query");
  } catch (const InvalidArgumentError&) {
    fuzz::require(request.recency_half_life_days != 0 && request.sort != SortOrder::relevance,
                  "options refused that go together");
  }
  return 0;
}
