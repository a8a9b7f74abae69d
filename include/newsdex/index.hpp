// newsdex/index.hpp: open an index read-only and search it.
//
// Queries mix free text with fields (speaker:, place:, country:, title:, id:, source:, date:,
// mentioned:); see README "Query syntax". Every word must match unless the request says
// MatchMode::any. Results carry what a result list shows, with a snippet of the body.
//
//   auto index = newsdex::Index::open("news.db");
//   auto results = index.search({.query = "resolution place:karabakh date:2022-11..2022-12",
//                                .facets = {newsdex::FacetField::speaker}});
//   for (const auto& hit : results.hits) std::cout << hit.rank << ' ' << hit.title << '\n';
//   for (const auto& value : results.facets[0].values)  // who is quoted, over every match
//     std::cout << value.value << ' ' << value.count << " (" << value.filter << ")\n";
//
// The request and results are plain values (see newsdex/article.hpp): the results are the
// caller's and refer to nothing inside the Index.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <newsdex/article.hpp>
#include <newsdex/export.h>

namespace newsdex {

class Gazetteer;

enum class SortOrder {
  relevance,  // BM25, ties broken by newest first
  newest,     // publication date, newest first, then relevance
  oldest,     // publication date, oldest first, then relevance
};

enum class MatchMode {
  all,  // every word must match (the default)
  any,  // any word may match; more matching words rank higher
};

// A field whose values facets count.
enum class FacetField {
  speaker,  // who is quoted (every speaker of an article counts)
  place,    // places named (every place counts)
  country,  // ISO 3166-1 alpha-2 codes of the places' countries
  source,   // publisher or feed
  year,     // year of publication
  month,    // month of publication
};

// "speaker", "place", "country", "source", "year", "month".
NEWSDEX_EXPORT std::string_view to_string(FacetField field);
// The field with that name, or nullopt.
NEWSDEX_EXPORT std::optional<FacetField> parse_facet_field(std::string_view name);

// The periods a timeline counts matches in.
enum class TimelinePeriod { day, week, month, year };

// "day", "week", "month", "year".
NEWSDEX_EXPORT std::string_view to_string(TimelinePeriod period);
// The period with that name, or nullopt.
NEWSDEX_EXPORT std::optional<TimelinePeriod> parse_timeline_period(std::string_view name);

struct SearchRequest {
  // The query (README "Query syntax"); empty matches every article.
  std::string query = {};
  std::size_t limit = 10;  // hits to return, 1..IndexOptions::max_limit (10000)
  std::size_t offset = 0;  // hits to skip, for paging
  SortOrder sort = SortOrder::relevance;
  MatchMode match = MatchMode::all;
  std::size_t snippet_bytes = 300;  // target length of Hit::snippet; 0 for no snippet
  // Fields whose values to count over every matching article (exact counts, not a sample).
  // Default none: counting costs time in proportion to the number of matches.
  std::vector<FacetField> facets = {};
  std::size_t facet_limit = 10;  // values to return per facet, most frequent first; 1..10000
  // Count the matches per period of publication. Default none.
  std::optional<TimelinePeriod> timeline = std::nullopt;
  // Blend relevance with publication age (README "Recency"): the number of days after which an
  // article's recency boost halves; 0 (the default) for plain relevance. Relevance order only.
  double recency_half_life_days = 0;
  // The boost of an article published on the reference date, as a fraction of the best score
  // the query allows. Default 0.25.
  double recency_weight = 0.25;
  // The date ages count from. Default: the newest publication date in the index.
  std::optional<Date> recency_reference = std::nullopt;
  // Look for a spelling correction (SearchResults::suggestion) when fewer articles than this
  // match; 0 never looks. Default 3.
  std::size_t suggest_below = 3;
  // Words a query need not match ("the", "of"): left out of it unless they are all it has,
  // and kept inside phrases. Default (nullopt): the stopwords of the index's language (English
  // only so far); an empty list makes every word count. Words the query keeps match in their
  // exact form when the index holds no stem for them (README "Stopwords and field weights").
  std::optional<std::vector<std::string>> stopwords = std::nullopt;
  // Explain each hit's score (Hit::explanation). Default false.
  bool explain = false;
  // Show copies of one story (README "Duplicates") as one hit, the best ranked, which lists the
  // others in Hit::duplicate_ids; totals then count stories. False shows every article.
  // Default true.
  bool collapse_duplicates = true;
  // Count every match (every story, with collapse_duplicates) exactly, so that
  // SearchResults::total_exact holds: a second pass over the matches when the ranking did not see
  // them all. Default false: the estimate of Xapian's matcher, exact when it saw every match, and
  // for stories scaled by the share of copies among the hits it ranked. Facets and timelines
  // count over every match and so make the total exact either way.
  bool exact_total = false;
};

// One query term's part in a hit's score (README "Explain").
struct TermScore {
  std::string term = {};     // the index term: "Zcourt" is the stem of "court" and "courts"
  std::string word = {};     // the term without its prefix: "court"
  std::string field = {};    // "text" (title and body words), "title", ...
  bool stemmed = false;      // whether `word` is a stem, which every word with that stem matches
  std::size_t wdf = 0;       // occurrences in the article, a title word counting the title weight
  std::size_t articles = 0;  // number of articles that have the term
  double weight = 0;         // its part of Hit::score
};

// Why a hit scores what it does: Hit::score is the sum of the terms' weights, `recency` and
// `other`.
struct Explanation {
  std::vector<TermScore> terms = {};  // the query's weighted terms the article has, heaviest first
  double recency = 0;                 // the recency boost (SearchRequest::recency_half_life_days)
  // The part of query parts Xapian weighs as one term (wildcards, OP_SYNONYM); 0 otherwise.
  double other = 0;
  std::size_t length = 0;     // the article's length: all its terms' occurrences
  double average_length = 0;  // the average length of the index's articles
};

// What Index::similar looks for: articles like one in the index (README "More like this").
struct SimilarRequest {
  std::string id = {};     // the article to find others like
  std::size_t limit = 10;  // hits to return, 1..IndexOptions::max_limit
  std::size_t offset = 0;  // hits to skip, for paging
  std::size_t snippet_bytes = 300;
  // How many of the article's most telling terms to search for, 1..100. Default 20.
  std::size_t terms = 20;
  // A query the hits must also match, as a filter: "date:2024 place:chile". Default none.
  std::string filter = {};
  bool collapse_duplicates = true;  // as in SearchRequest
  bool explain = false;             // as in SearchRequest
};

struct Hit {
  std::size_t rank = 0;  // 1-based position in the whole result list (offset included)
  std::string id = {};
  double score = 0;               // BM25 relevance, comparable only within one result list
  std::optional<Date> date = {};  // nullopt for an undated article
  std::string title = {};
  // A passage of the body around the best matches, cut at word boundaries, with "..." where
  // text was left out.
  std::string snippet = {};
  std::vector<Span> highlights = {};  // byte ranges of matched words within `snippet`
  std::vector<std::string> speakers = {};
  std::vector<std::string> places = {};
  std::string source = {};
  std::string url = {};
  // With SearchRequest::collapse_duplicates: how many other matching articles are copies of this
  // one, folded into this hit, and the ids of the first kMaxDuplicateIds of them, best first.
  std::size_t duplicates = 0;
  std::vector<std::string> duplicate_ids = {};
  // With SearchRequest::explain: how the score is made up.
  std::optional<Explanation> explanation = {};

  static constexpr std::size_t kMaxDuplicateIds = 100;
};

// One value of a facet and the number of matching articles that have it.
struct FacetValue {
  std::string value = {};  // as results show it: "Leyla Abdullayeva", "AZ", "2022", "2022-11"
  std::size_t count = 0;
  // A query filter that selects the articles with this value: speaker:"Leyla Abdullayeva".
  std::string filter = {};
};

struct Facet {
  FacetField field = FacetField::speaker;
  std::vector<FacetValue> values = {};  // most frequent first; ties in order of value
  std::size_t distinct = 0;             // number of distinct values among the matches
};

// The matches published in one period. Periods are named "2022-11-16" (day), "2022-W46" (ISO
// 8601 week), "2022-11" (month) and "2022" (year).
struct TimelineBucket {
  std::string period = {};
  Date start = {};  // the first day of the period
  std::size_t count = 0;
};

// A shard of a sharded index that a search had to leave out, and why.
struct ShardFailure {
  std::string shard = {};  // as the stub file names it: "10.0.0.7:33333", or a local path
  std::string error = {};  // "Couldn't connect: Connection refused", "Timeout expired while ..."
};

struct SearchResults {
  std::string query = {};  // as the request gave it
  // Number of matching articles (an estimate unless total_exact); the copies of a story count
  // once when they are collapsed (SearchRequest::collapse_duplicates).
  std::size_t total = 0;
  bool total_exact = false;
  std::vector<Hit> hits = {};  // at most SearchRequest::limit, best first
  // The query with misspelled words corrected ("Abdulayeva" -> "Abdullayeva"), when the query
  // matched fewer than SearchRequest::suggest_below articles and the correction matches more.
  std::optional<std::string> suggestion = {};
  std::vector<Facet> facets = {};  // in the order the request named them, each field once
  // Every period from the first to the last in which an article matches, empty ones included,
  // oldest first; empty when the request asked for no timeline. Undated articles are not counted.
  std::vector<TimelineBucket> timeline = {};
  // True when some shards did not answer and, as IndexOptions::allow_partial permits, the
  // results come from the others alone (totals, ranks and facets included); failed_shards says
  // which were left out.
  bool partial = false;
  std::vector<ShardFailure> failed_shards = {};
  // What the request asked for that the index could not fully give, in words for a person:
  // "spelling suggestions come only from the local shards: ...". Empty for a complete answer.
  std::vector<std::string> warnings = {};
  // Index::similar: the id of the article the hits are like, and the telling terms it searched
  // for (stems, as the index holds them: "dockwork"), most telling first. Empty for search().
  std::string similar_to = {};
  std::vector<std::string> terms = {};
};

// What an index holds (searchtool info).
struct IndexInfo {
  std::size_t articles = 0;
  std::optional<Date> first_date = {};  // the earliest publication date; nullopt when none is dated
  std::optional<Date> last_date = {};   // the latest
  std::size_t undated = 0;              // articles without a publication date
  std::uintmax_t bytes = 0;             // size of the index's files on this machine
  std::size_t shards = 1;               // Xapian databases the index is made of
  std::string language = {};            // stemming language for articles that name none
  unsigned title_weight = 3;            // how many body words a title word counts as
  std::size_t stories_with_copies = 0;  // groups of copies of one story (README "Duplicates")
  std::size_t articles_with_copies = 0;  // the articles in those groups
  // The most frequent values, with the number of articles that have each, most first.
  std::vector<FacetValue> speakers = {};
  std::vector<FacetValue> places = {};
  std::vector<FacetValue> sources = {};
};

// Limits that keep one request from exhausting the host's memory or time.
struct IndexOptions {
  // Retries of a search (or get()) when a writer's commit invalidates the data being read:
  // Xapian keeps the revision a search started on readable until a writer has committed twice
  // more. When the retries are used up, the call throws IoError. Default 3.
  int max_retries = 3;
  // Longest query string accepted, in bytes; search() throws QueryError for a longer one.
  // Default 8 KiB.
  std::size_t max_query_bytes = 8192;
  // Most wildcards (harv*, speaker:abdul*) in one query; search() throws QueryError for more.
  // Default 20.
  std::size_t max_wildcards = 20;
  // Most index terms one wildcard stands for: the most frequent are kept. Default 1000.
  std::size_t max_wildcard_terms = 1000;
  // Largest SearchRequest::limit (hits per page) accepted. Default 10000.
  std::size_t max_limit = 10000;
  // The gazetteer whose aliases place: filters use ("UK" -> "United Kingdom"); null means
  // Gazetteer::builtin(), loaded at the first place: filter. Default null.
  std::shared_ptr<const Gazetteer> gazetteer = nullptr;
  // For the remote shards a stub file lists (README "Shards on several machines"): how long to
  // wait for each answer of a remote, and for a connection to one to be accepted. A shard that
  // takes longer fails the request (ShardUnavailableError) or, with allow_partial, is left out.
  // At least 1 ms each. Default 10 s each.
  std::chrono::milliseconds remote_timeout{10000};
  std::chrono::milliseconds remote_connect_timeout{10000};
  // When shards do not answer, open and search the others and mark the results partial
  // (SearchResults::partial), rather than throwing ShardUnavailableError; get() and size() then
  // see the answering shards only. Default false.
  bool allow_partial = false;
  // With allow_partial, how long a shard that did not answer is left out, untried, before
  // searches try it again (so that a shard that is down does not cost each search a timeout);
  // 0 tries it every time. Default 10 s.
  std::chrono::milliseconds partial_retry_interval{10000};
};

// A read-only view of an index. Move-only; a moved-from Index may only be assigned to or
// destroyed. Thread-safe: any number of threads may call every const method on one Index at
// once (each call borrows its own database handle from a pool). A search sees the index as of
// its last commit when the search starts, so an Index never needs reopening after a writer
// commits. Besides the errors named below, every method that reads the index throws IoError
// when the disk or Xapian fails and IndexFormatError when it finds the index damaged.
class NEWSDEX_EXPORT Index {
 public:
  // Opens the index at `path`: a database folder, a folder with a XAPIANDB stub file, or a stub
  // file (which may list remote shards); readers never block writers nor each other. Throws
  // IndexNotFoundError when `path` holds no index, IndexFormatError when it holds something that
  // is not a newsdex index of a format this version reads, and ShardUnavailableError when a
  // shard its stub file lists does not answer (any shard, or all of them with
  // IndexOptions::allow_partial).
  static Index open(const std::filesystem::path& path, IndexOptions options = {});

  ~Index();
  Index(Index&&) noexcept;
  Index& operator=(Index&&) noexcept;

  // Runs a query: one page of hits, best first (or in the request's date order), with the
  // total, facets and timeline over every match. Throws QueryError (with the byte position of
  // the problem) for a query that cannot be parsed or exceeds the limits of IndexOptions, and
  // InvalidArgumentError for a limit outside 1..IndexOptions::max_limit, a facet limit outside
  // 1..10000, or recency with a date sort order or a half-life or weight that is not positive.
  // Throws ShardUnavailableError as open() does.
  SearchResults search(const SearchRequest& request) const;
  // Articles like the one with `request.id`, best first, never the article itself nor its
  // copies: a search for the article's most telling terms (Xapian's relevance feedback).
  // nullopt when no article has the id. Throws InvalidArgumentError for a limit or a number of
  // terms out of range, QueryError for a filter that cannot be parsed.
  std::optional<SearchResults> similar(const SimilarRequest& request) const;
  // The stored article with this id (body included), or nullopt when there is none.
  std::optional<Article> get(std::string_view id) const;
  // Number of articles, as of the last commit.
  std::size_t size() const;
  // Counts and spans of what the index holds, with its `top` most frequent speakers, places and
  // sources (1..10000; InvalidArgumentError otherwise).
  IndexInfo info(std::size_t top = 10) const;
  // The synonym groups searches use (IndexWriter::set_synonyms), members normalised.
  std::vector<std::vector<std::string>> synonyms() const;

 private:
  struct Impl;
  explicit Index(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsdex
