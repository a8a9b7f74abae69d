// newsdex/index.hpp: open an index read-only and search it.
//
// Queries mix free text with fields (speaker:, place:, country:, title:, id:, source:, date:,
// mentioned:); see README "Query syntax". Every word must match unless the request says
// MatchMode::any. Results carry what a result list shows, with a snippet of the body.
//
//   auto index = newsdex::Index::open("news.db");
//   auto results = index.search({.query = "resolution place:karabakh date:2022-11..2022-12"});
//   for (const auto& hit : results.hits) std::cout << hit.rank << ' ' << hit.title << '\n';
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <newsdex/article.hpp>
#include <newsdex/export.h>

namespace newsdex {

enum class SortOrder {
  relevance,  // BM25, ties broken by newest first
  newest,     // publication date, newest first, then relevance
  oldest,     // publication date, oldest first, then relevance
};

enum class MatchMode {
  all,  // every word must match (the default)
  any,  // any word may match; more matching words rank higher
};

struct SearchRequest {
  std::string query;
  std::size_t limit = 10;  // hits to return, 1..10000
  std::size_t offset = 0;  // hits to skip, for paging
  SortOrder sort = SortOrder::relevance;
  MatchMode match = MatchMode::all;
  std::size_t snippet_bytes = 300;  // target length of Hit::snippet; 0 for no snippet
};

struct Hit {
  std::size_t rank = 0;  // 1-based position in the whole result list (offset included)
  std::string id;
  double score = 0;  // BM25 relevance, comparable only within one result list
  std::optional<Date> date;
  std::string title;
  // A passage of the body around the best matches, cut at word boundaries, with "..." where
  // text was left out.
  std::string snippet;
  std::vector<Span> highlights;  // byte ranges of matched words within `snippet`
  std::vector<std::string> speakers;
  std::vector<std::string> places;
  std::string source;
  std::string url;
};

struct SearchResults {
  std::string query;
  std::size_t total = 0;  // number of matching articles (an estimate unless total_exact)
  bool total_exact = false;
  std::vector<Hit> hits;
};

struct IndexOptions {
  // Retries of a search when a writer's commit invalidates the data being read. Default 3.
  int max_retries = 3;
};

// A read-only view of an index. Move-only. Thread-safe: any number of threads may call search()
// and get() on one Index at once (each call borrows its own database handle from a pool).
// A search sees the index as of its last commit when the search starts.
class NEWSDEX_EXPORT Index {
 public:
  // Throws IndexNotFoundError when `path` holds no index, IndexFormatError when it holds
  // something that is not a newsdex index of a format this version reads.
  static Index open(const std::filesystem::path& path, IndexOptions options = {});

  ~Index();
  Index(Index&&) noexcept;
  Index& operator=(Index&&) noexcept;

  // Runs a query. Throws QueryError for a query that cannot be parsed and
  // InvalidArgumentError for a limit outside 1..10000.
  SearchResults search(const SearchRequest& request) const;
  // The stored article with this id (body included), or nullopt when there is none.
  std::optional<Article> get(std::string_view id) const;
  // Number of articles.
  std::size_t size() const;

 private:
  struct Impl;
  explicit Index(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsdex
