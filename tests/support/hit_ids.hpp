// The ids of a page of results, best first: what most search tests compare.
#pragma once

#include <string>
#include <vector>

#include <newsdex/index.hpp>

namespace newsdex::testing {

inline std::vector<std::string> hit_ids(const SearchResults& results) {
  std::vector<std::string> ids;
  for (const auto& hit : results.hits)
    ids.push_back(hit.id);
  return ids;
}

}  // namespace newsdex::testing
