// search: run a query with filters, count how its matches spread over speakers, places and
// years (facets), then narrow it to the most frequent place.
//
//   search news.db 'court OR courts date:2023..2024'
//
// Query syntax: README "Query syntax" (speaker:, place:, country:, date:, source:, ...).
#include <iostream>
#include <string>
#include <vector>

#include <newsdex/newsdex.hpp>

namespace {

std::string join(const std::vector<std::string>& values) {
  std::string joined;
  for (const std::string& value : values)
    joined += (joined.empty() ? "" : ", ") + value;
  return joined;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: search DB QUERY\n";
    return 2;
  }
  try {
    const auto index = newsdex::Index::open(argv[1]);  // read-only; safe to share among threads
    newsdex::SearchRequest request{
        .query = argv[2],
        .limit = 5,
        .snippet_bytes = 0,
        .facets = {newsdex::FacetField::speaker, newsdex::FacetField::place,
                   newsdex::FacetField::year},
        .facet_limit = 3,
    };
    const newsdex::SearchResults results = index.search(request);

    std::cout << results.total << " articles match \"" << results.query << "\"\n";
    if (results.suggestion) std::cout << "did you mean \"" << *results.suggestion << "\"?\n";
    for (const newsdex::Hit& hit : results.hits) {
      std::cout << hit.rank << ". " << (hit.date ? hit.date->iso() : "undated") << "  " << hit.title
                << '\n';
      if (!hit.speakers.empty()) std::cout << "   quoting " << join(hit.speakers) << '\n';
    }
    // Facets count every match, not only the hits shown.
    for (const newsdex::Facet& facet : results.facets) {
      std::cout << newsdex::to_string(facet.field) << " (" << facet.distinct << " distinct):";
      for (const newsdex::FacetValue& value : facet.values) {
        std::cout << ' ' << value.value << " (" << value.count << ')';
      }
      std::cout << '\n';
    }

    // Each facet value carries the filter that selects its articles: add it to drill down.
    const std::vector<newsdex::FacetValue>& places = results.facets[1].values;
    if (!places.empty()) {
      request.query = "(" + request.query + ") " + places.front().filter;
      request.facets.clear();
      const newsdex::SearchResults narrowed = index.search(request);
      std::cout << narrowed.total << " of them name " << places.front().value << ": "
                << request.query << '\n';
    }
    return 0;
  } catch (const newsdex::QueryError& error) {
    std::cerr << "search: " << error.what() << " (at byte " << error.position() << ")\n";
    return 2;
  } catch (const newsdex::Error& error) {
    std::cerr << "search: " << error.what() << '\n';
    return 1;
  }
}
