#include <algorithm>
#include <future>
#include <limits>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include <newsdex/error.hpp>
#include <newsdex/gazetteer.hpp>
#include <newsdex/index.hpp>

#include "analysis/analysis.hpp"
#include "index/database_errors.hpp"
#include "schema/document_data.hpp"
#include "schema/schema.hpp"
#include "schema/synonym_data.hpp"
#include "search/explain.hpp"
#include "search/facets.hpp"
#include "search/query_compiler.hpp"
#include "search/ranked_page.hpp"
#include "search/recency.hpp"
#include "search/shards.hpp"
#include "search/snippet.hpp"
#include "search/spelling.hpp"
#include "search/synonyms.hpp"
#include "text/fold.hpp"

namespace newsdex {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kMaxFacetLimit = 10000;
constexpr std::size_t kMaxSimilarTerms = 100;

// What a remote's failure says, without Xapian's type name and context: "Couldn't connect:
// Connection refused", "Timeout expired while trying to read".
std::string describe(const Xapian::Error& error) {
  std::string text = error.get_msg();
  if (const char* why = error.get_error_string()) text += std::string(": ") + why;
  return text;
}

// A match of `query` that ranks nothing and considers up to `matches` articles, as counting
// needs; `spy`, when given, watches it.
Xapian::MSet count_all(Xapian::Database& database, const Xapian::Query& query,
                       Xapian::doccount matches, Xapian::MatchSpy* spy = nullptr) {
  Xapian::Enquire counting(database);
  counting.set_query(query);
  counting.set_weighting_scheme(Xapian::BoolWeight());
  if (spy) counting.add_matchspy(spy);
  return counting.get_mset(0, 0, matches);
}

// The number of stories among the matches a spy on the group slot has seen: the articles with
// no group, and one for each group.
std::size_t count_stories(const Xapian::ValueCountMatchSpy& groups) {
  std::size_t grouped = 0;
  std::size_t stories = 0;
  for (auto it = groups.values_begin(); it != groups.values_end(); ++it) {
    grouped += it.get_termfreq();
    ++stories;
  }
  return groups.get_total() - grouped + stories;
}

// One handle on each shard of an index (empty for a shard not open) and their union, which
// searches run on; used by one call at a time.
struct ShardHandles {
  std::vector<std::optional<Xapian::Database>> shards;
  Xapian::Database all;
  bool reused = false;  // open before this call, so to be reopened for the latest commit
  // The synonyms stored as of the revision `all` reads, empty until read: a reopen that finds
  // no new commit keeps them, and saves the search a metadata lookup.
  std::shared_ptr<const detail::SynonymExpander> synonyms;
};

}  // namespace

// Xapian::Database objects are not safe to share between threads, so each call borrows a set
// of handles from a pool and gives it back; the pool grows to the number of concurrent callers.
struct [[gnu::visibility("hidden")]] Index::Impl {
  std::string path;
  std::vector<detail::StubEntry> shards;
  bool any_remote = false;
  detail::RemoteTimeouts timeouts;
  detail::ValueReads value_reads() const {
    return any_remote ? detail::ValueReads::per_document : detail::ValueReads::streamed;
  }
  IndexOptions options;
  std::string language;
  std::mutex mutex;
  std::vector<std::unique_ptr<ShardHandles>> idle;
  mutable std::mutex failed_mutex;
  // When each shard last failed and why; empty for those that answered since.
  mutable std::vector<std::optional<std::pair<std::chrono::steady_clock::time_point, std::string>>>
      recent_failures;
  mutable detail::DisplayNames display_names;
  mutable std::mutex expansions_mutex;
  mutable std::string synonyms_stored;
  mutable std::shared_ptr<const detail::SynonymExpander> synonyms;
  mutable std::shared_ptr<const Gazetteer> gazetteer;

  // The synonyms stored in the index as of the revision `handles` read, parsed once per change.
  std::shared_ptr<const detail::SynonymExpander> synonyms_of(ShardHandles & handles) const {
    if (handles.synonyms) return handles.synonyms;
    std::string stored = handles.all.get_metadata(std::string(detail::schema::kSynonymsKey));
    std::lock_guard lock(expansions_mutex);
    if (!synonyms || stored != synonyms_stored) {
      synonyms = std::make_shared<const detail::SynonymExpander>(detail::decode_synonyms(stored),
                                                                 detail::make_stemmer(language));
      synonyms_stored = std::move(stored);
    }
    handles.synonyms = synonyms;
    return synonyms;
  }

  std::shared_ptr<const Gazetteer> place_names() const {
    std::lock_guard lock(expansions_mutex);
    if (!gazetteer) gazetteer = Gazetteer::builtin();
    return gazetteer;
  }

  std::vector<std::string> canonical_place_names(std::string_view name) const {
    return place_names()->canonical_names(name);
  }

  // A two-letter code the gazetteer knows stands for itself ("az"); other text is looked up
  // as a country's name ("azerbaijan", "uk" -> "gb").
  std::string country_code(std::string_view name) const {
    const auto places = place_names();
    if (name.size() == 2 && !places->country_name(name).empty()) return std::string(name);
    return places->country_code(name).value_or("");
  }

  // Compiles `text` with the index's synonyms and place aliases. `synonyms` keeps the expander
  // alive while the query is compiled.
  Xapian::Query compile(std::string_view text, MatchMode match, ShardHandles & handles,
                        std::shared_ptr<const detail::SynonymExpander> & expander,
                        const Xapian::Stopper* stopwords) const {
    expander = synonyms_of(handles);
    detail::QueryExpansions expansions;
    expansions.stopwords = stopwords;
    expansions.synonyms = expander->empty() ? nullptr : expander.get();
    expansions.place_names = [this](std::string_view name) { return canonical_place_names(name); };
    expansions.country_code = [this](std::string_view name) { return country_code(name); };
    const detail::QueryLimits limits{.max_query_bytes = options.max_query_bytes,
                                     .max_wildcards = options.max_wildcards,
                                     .max_wildcard_terms = options.max_wildcard_terms};
    return detail::compile_query(text, match, handles.all, language, limits, expansions);
  }

  std::unique_ptr<ShardHandles> take_handles() {
    {
      std::lock_guard lock(mutex);
      if (!idle.empty()) {
        auto handles = std::move(idle.back());
        idle.pop_back();
        handles->reused = true;
        return handles;
      }
    }
    auto handles = std::make_unique<ShardHandles>();
    handles->shards.resize(shards.size());
    return handles;
  }

  void give_back(std::unique_ptr<ShardHandles> handles) {
    std::lock_guard lock(mutex);
    idle.push_back(std::move(handles));
  }

  // Opens the shards of `handles` that are not open, except those `failures` already names, and
  // makes their union. A remote that does not answer gets its reason in `failures`; the remotes
  // are opened in parallel, so that several slow ones cost one timeout.
  void open_missing(ShardHandles & handles, std::vector<std::string> & failures) const {
    std::vector<std::size_t> missing;
    bool closed = false;
    for (std::size_t i = 0; i < shards.size(); ++i) {
      if (!failures[i].empty() && handles.shards[i]) {
        handles.shards[i].reset();
        closed = true;
      }
      if (!handles.shards[i] && failures[i].empty()) missing.push_back(i);
    }
    if (missing.empty() && !closed) return;
    const auto open_one = [&](std::size_t i) -> std::string {
      try {
        handles.shards[i] = detail::open_shard(shards[i], timeouts);
        return {};
      } catch (const Xapian::DatabaseModifiedError&) {
        throw;  // a writer committed twice while the shard opened: with_handles() tries again
      } catch (const Xapian::Error& error) {
        if (shards[i].kind == detail::StubEntry::Kind::local || !detail::is_network_error(error)) {
          detail::rethrow_xapian_error(error, shards[i].name());
        }
        return describe(error);
      }
    };
    std::vector<std::future<std::string>> remote;
    for (const std::size_t i : missing) {
      if (shards[i].kind == detail::StubEntry::Kind::local) {
        open_one(i);
      } else {
        remote.push_back(std::async(std::launch::async, open_one, i));
      }
    }
    std::size_t next = 0;
    for (const std::size_t i : missing) {
      if (shards[i].kind == detail::StubEntry::Kind::local) continue;
      failures[i] = remote[next++].get();
      remember(i, failures[i]);
    }
    handles.all = Xapian::Database();
    handles.synonyms.reset();
    for (const auto& shard : handles.shards) {
      if (shard) handles.all.add_database(*shard);
    }
  }

  // With IndexOptions::allow_partial, the shards that did not answer lately, and why: they are
  // left out untried until partial_retry_interval has passed, so that a shard that is down
  // does not cost every search a timeout.
  void recall(std::vector<std::string> & failures) const {
    if (!options.allow_partial) return;
    const auto now = std::chrono::steady_clock::now();
    std::lock_guard lock(failed_mutex);
    for (std::size_t i = 0; i < shards.size(); ++i) {
      if (recent_failures[i] && now - recent_failures[i]->first < options.partial_retry_interval) {
        failures[i] = recent_failures[i]->second;
      }
    }
  }

  // Notes how shard `i` answered when it was last tried: `failure` is empty when it did.
  void remember(std::size_t i, const std::string& failure) const {
    std::lock_guard lock(failed_mutex);
    if (failure.empty()) {
      recent_failures[i].reset();
    } else {
      recent_failures[i] = {std::chrono::steady_clock::now(), failure};
    }
  }

  // Throws ShardUnavailableError when `failures` names shards and partial results are not
  // allowed, or when it names them all.
  void check_failures(const std::vector<std::string>& failures) const {
    std::vector<std::string> names;
    std::string reasons;
    for (std::size_t i = 0; i < shards.size(); ++i) {
      if (failures[i].empty()) continue;
      names.push_back(shards[i].name());
      reasons += (reasons.empty() ? "" : "; ") + shards[i].name() + ": " + failures[i];
    }
    if (names.empty()) return;
    if (names.size() == shards.size()) {
      throw ShardUnavailableError(
          "no shard of the index at " + path + " answered (" + reasons + ")", names);
    }
    if (!options.allow_partial) {
      throw ShardUnavailableError(std::string(names.size() == 1 ? "a shard" : "shards") +
                                      " of the index at " + path + " did not answer (" + reasons +
                                      ")",
                                  names);
    }
  }

  // The shards that the network error `error` came from: the one Xapian names in its context,
  // or else those that no longer accept a connection (Xapian names no shard when a connection
  // is closed under it). Empty when every shard answers again.
  std::vector<std::size_t> failed_by(const Xapian::Error& error, std::vector<std::string>& failures)
      const {
    if (const auto shard = detail::shard_of_context(shards, error.get_context());
        shard && failures[*shard].empty()) {
      failures[*shard] = describe(error);
      remember(*shard, failures[*shard]);
      return {*shard};
    }
    std::vector<std::size_t> probed;
    std::vector<std::future<std::string>> probes;
    for (std::size_t i = 0; i < shards.size(); ++i) {
      if (shards[i].kind == detail::StubEntry::Kind::local || !failures[i].empty()) continue;
      probed.push_back(i);
      probes.push_back(std::async(std::launch::async, [this, i]() -> std::string {
        try {
          detail::open_shard(shards[i], timeouts).keep_alive();
          return {};
        } catch (const Xapian::Error& probe_error) {
          return describe(probe_error);
        }
      }));
    }
    std::vector<std::size_t> failed;
    for (std::size_t k = 0; k < probed.size(); ++k) {
      std::string reason = probes[k].get();
      if (reason.empty()) continue;
      failures[probed[k]] = describe(error) + " (then: " + reason + ")";
      remember(probed[k], failures[probed[k]]);
      failed.push_back(probed[k]);
    }
    return failed;
  }

  // Runs `work` with the handles of the shards that answer, reopened for the latest commit.
  // Retries when a writer's commit invalidated what it was reading (Xapian keeps only two
  // revisions readable), and without the shards that stop answering while it runs, as far as
  // IndexOptions::allow_partial permits. `left_out` receives the shards the answer lacks.
  template <typename Work>
  auto with_handles(Work && work, std::vector<ShardFailure> * left_out = nullptr) {
    std::vector<std::string> failures(shards.size());
    recall(failures);
    int modified = 0;
    bool unexplained = false;
    for (;;) {
      std::unique_ptr<ShardHandles> handles = take_handles();
      try {
        open_missing(*handles, failures);
        check_failures(failures);
        if (handles->reused && handles->all.reopen()) handles->synonyms.reset();
        auto result = work(*handles);
        give_back(std::move(handles));
        if (left_out) {
          left_out->clear();
          for (std::size_t i = 0; i < shards.size(); ++i) {
            if (!failures[i].empty()) left_out->push_back({shards[i].name(), failures[i]});
          }
        }
        return result;
      } catch (const Xapian::DatabaseModifiedError&) {
        handles->synonyms.reset();  // a reopen that failed part way may have moved on
        give_back(std::move(handles));
        // Each attempt reads the latest commit, so only a writer that commits twice within every
        // attempt of one search uses the retries up.
        if (modified++ >= options.max_retries) {
          throw IoError("index at " + path + " was changed by a writer under the search " +
                        std::to_string(modified) + " times in a row; try again");
        }
      } catch (const Xapian::WildcardError& error) {
        give_back(std::move(handles));
        throw QueryError("wildcard matches too many terms: " + error.get_msg(), 0);
      } catch (const Xapian::Error& error) {
        // The handles are dropped, not given back: a remote may still owe answers to requests
        // of this call, which the next call would misread.
        if (!any_remote || !detail::is_network_error(error)) {
          detail::rethrow_xapian_error(error, path);
        }
        // A network error the server itself reports (Xapian marks it "REMOTE:") means that the
        // server is there but closed the connection, as it does to those idle longer than its
        // --idle-timeout; otherwise find the shard that failed.
        const bool server_closed = error.get_msg().rfind("REMOTE:", 0) == 0;
        if (server_closed || failed_by(error, failures).empty()) {
          // The connection broke while every shard answers. The pooled ones may be as old: all
          // are dropped, and the call runs once more on new connections.
          if (unexplained) detail::rethrow_xapian_error(error, path);
          unexplained = true;
          std::lock_guard lock(mutex);
          idle.clear();
        }
      }
    }
  }

  // with_handles() for work on the union of the shards.
  template <typename Work>
  auto with_database(Work && work, std::vector<ShardFailure> * left_out = nullptr) {
    return with_handles([&](ShardHandles& handles) { return work(handles.all); }, left_out);
  }

  // The stopper for SearchRequest::stopwords: the language's, none, or `custom` filled with
  // the request's words.
  const Xapian::Stopper* stopper(const std::optional<std::vector<std::string>>& words,
                                 Xapian::SimpleStopper& custom) const {
    if (!words) return detail::stopper_for(language);
    if (words->empty()) return nullptr;
    for (const auto& word : *words) {
      detail::for_each_word(word, [&](const detail::Word& folded) { custom.add(folded.text); });
    }
    return &custom;
  }

  // What make_hits() needs of a request.
  struct PageOptions {
    std::size_t offset = 0;
    std::size_t snippet_bytes = 0;
    bool collapse_duplicates = false;
    bool explain = false;
    const detail::RecencyBoost* recency = nullptr;
  };

  SearchResults search(const SearchRequest& request, ShardHandles& handles) const;
  std::optional<SearchResults> similar(const SimilarRequest& request, ShardHandles& handles) const;
  static void count_matches(const Xapian::MSet& mset, bool collapsed, bool counted_all, bool exact,
                            const detail::StoryPage* stories, const Xapian::Query& query,
                            Xapian::Database& database, Xapian::ValueCountMatchSpy& groups,
                            SearchResults& results);
  // The hits of `page`, which `query` found: snippets, copies and explanations as asked.
  std::vector<Hit> make_hits(const detail::RankedPage& page, const Xapian::Query& query,
                             const PageOptions& options, Xapian::Database& database) const;
  void find_duplicates(const Xapian::Query& query, const detail::RankedPage& page,
                       std::vector<Hit>& hits, Xapian::Database& database) const;
  std::optional<std::string> suggest(const SearchRequest& request, std::size_t total,
                                     ShardHandles& handles) const;
};

Index Index::open(const fs::path& path, IndexOptions options) {
  if (options.max_retries < 0) {
    throw InvalidArgumentError("IndexOptions::max_retries must not be negative");
  }
  for (const auto& [name, value] : {std::pair{"max_query_bytes", options.max_query_bytes},
                                    std::pair{"max_wildcard_terms", options.max_wildcard_terms},
                                    std::pair{"max_limit", options.max_limit}}) {
    if (value == 0) {
      throw InvalidArgumentError("IndexOptions::" + std::string(name) + " must be at least 1");
    }
  }
  if (options.remote_timeout.count() < 1 || options.remote_connect_timeout.count() < 1 ||
      options.remote_timeout.count() > std::numeric_limits<unsigned>::max() ||
      options.remote_connect_timeout.count() > std::numeric_limits<unsigned>::max()) {
    throw InvalidArgumentError("IndexOptions: the remote timeouts must be at least 1 ms");
  }
  if (options.partial_retry_interval.count() < 0) {
    throw InvalidArgumentError("IndexOptions: partial_retry_interval must not be negative");
  }
  if (!detail::looks_like_database(path.string())) {
    throw IndexNotFoundError("no index at " + path.string());
  }
  auto impl = std::make_unique<Impl>();
  impl->path = path.string();
  impl->shards = detail::list_shards(path);
  impl->any_remote = std::any_of(
      impl->shards.begin(), impl->shards.end(),
      [](const detail::StubEntry& shard) { return shard.kind != detail::StubEntry::Kind::local; });
  impl->timeouts = {.read = options.remote_timeout, .connect = options.remote_connect_timeout};
  impl->options = options;
  impl->recent_failures.resize(impl->shards.size());
  impl->gazetteer = impl->options.gazetteer;
  // Every shard must hold a newsdex index of this format; the first that answers says the
  // language, as Xapian reads metadata from the first database of a union.
  const std::string language = impl->with_handles([&](ShardHandles& handles) {
    std::optional<std::string> first_language;
    for (std::size_t i = 0; i < handles.shards.size(); ++i) {
      if (!handles.shards[i]) continue;
      const Xapian::Database& shard = *handles.shards[i];
      const std::string name = impl->shards.size() == 1 ? impl->path : impl->shards[i].name();
      const std::string format = shard.get_metadata(std::string(detail::schema::kFormatKey));
      if (format.empty()) {
        throw IndexFormatError(name + " is a Xapian database but not a newsdex index");
      }
      detail::schema::check_format(format, name);
      if (!first_language) {
        first_language = shard.get_metadata(std::string(detail::schema::kLanguageKey));
      }
    }
    return first_language.value_or("");
  });
  impl->language = detail::stemmer_name(language).empty() ? "english" : language;
  return Index(std::move(impl));
}

Index::Index(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Index::~Index() = default;
Index::Index(Index&&) noexcept = default;
Index& Index::operator=(Index&&) noexcept = default;

SearchResults Index::Impl::search(const SearchRequest& request, ShardHandles& handles) const {
  Xapian::Database& database = handles.all;
  std::shared_ptr<const detail::SynonymExpander> expander;
  Xapian::SimpleStopper custom_stopwords;
  const Xapian::Stopper* stopwords = stopper(request.stopwords, custom_stopwords);
  const Xapian::Query query = compile(request.query, request.match, handles, expander, stopwords);
  Xapian::Enquire enquire(database);
  std::optional<detail::RecencyBoost> recency;
  if (request.recency_half_life_days != 0) {
    recency = detail::make_recency_boost(query, database, request.recency_half_life_days,
                                         request.recency_weight, request.recency_reference);
  }
  enquire.set_query(recency ? recency->apply(query, database) : query);
  detail::FacetCounter counter(database, request.facets, request.timeline, any_remote);
  // Exact counts need every match considered, which Xapian otherwise avoids.
  const Xapian::doccount check_at_least =
      counter.empty() ? 0 : std::max<Xapian::doccount>(database.get_doccount(), 1);
  // Over several remote databases, Xapian 1.4 counts some matches twice in the match spies when
  // it also ranks a page in an order that involves a value (and ours always breaks ties by
  // date), so remote shards count in a match of their own that ranks nothing.
  // A spy on the group slot beside the counter counts the stories exactly.
  Xapian::ValueCountMatchSpy groups(detail::schema::kDuplicateGroupSlot);
  const bool count_stories_with_counter = request.collapse_duplicates && !counter.empty();
  std::optional<Xapian::MSet> counted;
  if (!counter.empty() && any_remote) {
    Xapian::Enquire counting(database);
    counting.set_query(enquire.get_query());
    counter.attach(counting);
    if (count_stories_with_counter) counting.add_matchspy(&groups);
    counted = counting.get_mset(0, 0, check_at_least);
  } else {
    counter.attach(enquire);
    if (count_stories_with_counter) enquire.add_matchspy(&groups);
  }
  bool counting_in_page = !counter.empty() && !counted;
  // Past the last article every offset gives the same empty page; clamped, a huge one cannot
  // wrap around Xapian's 32-bit counts (nor can offset + limit).
  const auto offset =
      static_cast<Xapian::doccount>(std::min<std::size_t>(request.offset, database.get_doccount()));
  const auto limit = static_cast<Xapian::doccount>(std::min<std::size_t>(request.limit, 1u << 30));
  // Hits [first, first + count) of the ranking. The match spies count in the first match only,
  // which considers every article; later ones rank.
  std::optional<Xapian::MSet> counting_match;
  bool xapian_collapses = false;
  auto rank = [&](Xapian::doccount first, Xapian::doccount count) {
    detail::RankedPage page;
    // relevance_then_newest may run the match twice, which a facet counter would count twice.
    if (request.sort == SortOrder::relevance && !counting_in_page) {
      return detail::relevance_then_newest(enquire, detail::schema::kDateSlot, first, count,
                                           xapian_collapses);
    }
    if (request.sort == SortOrder::relevance) {
      enquire.set_sort_by_relevance_then_value(detail::schema::kDateSlot, true);
    } else {
      enquire.set_sort_by_value_then_relevance(detail::schema::kDateSlot,
                                               request.sort == SortOrder::newest);
    }
    page.mset = enquire.get_mset(first, count, counting_in_page ? check_at_least : 0);
    for (auto it = page.mset.begin(); it != page.mset.end(); ++it)
      page.hits.push_back(it);
    if (counting_in_page) {
      counting_match = page.mset;
      enquire.clear_matchspies();
      counting_in_page = false;
    }
    return page;
  };
  detail::RankedPage page;
  std::optional<detail::StoryPage> stories;
  // Remote shards collapse with Xapian, on the servers: ranking a window there and reading its
  // groups here would cost round trips that a local database does not pay.
  if (request.collapse_duplicates && !any_remote) {
    stories = detail::collapse_after_ranking([&](Xapian::doccount count) { return rank(0, count); },
                                             database, detail::schema::kDuplicateGroupSlot, offset,
                                             limit);
  }
  if (stories) {
    page = stories->page;
  } else {
    if (request.collapse_duplicates) {
      enquire.set_collapse_key(detail::schema::kDuplicateGroupSlot);
      xapian_collapses = true;
    }
    page = rank(offset, limit);
  }
  // The match that considered every article knows the exact total.
  const Xapian::MSet& mset = counted ? *counted : counting_match ? *counting_match : page.mset;
  SearchResults results;
  results.query = request.query;
  count_matches(mset, request.collapse_duplicates, count_stories_with_counter, request.exact_total,
                stories ? &*stories : nullptr, enquire.get_query(), database, groups, results);
  if (results.total < request.suggest_below) {
    results.suggestion = suggest(request, results.total, handles);
    if (any_remote) {
      const bool all_remote =
          std::none_of(shards.begin(), shards.end(), [](const detail::StubEntry& shard) {
            return shard.kind == detail::StubEntry::Kind::local;
          });
      // Xapian's remote protocol serves no spelling data: a remote shard's words are unknown.
      results.warnings.push_back(
          all_remote ? "no spelling suggestions: remote shards do not serve their dictionaries"
                     : "spelling suggestions come only from the local shards: remote shards do "
                       "not serve their dictionaries");
    }
  }
  results.facets = counter.facets(database, request.facet_limit, display_names);
  results.timeline = counter.timeline();

  results.hits = make_hits(page, query,
                           {.offset = request.offset,
                            .snippet_bytes = request.snippet_bytes,
                            .collapse_duplicates = request.collapse_duplicates,
                            .explain = request.explain,
                            .recency = recency ? &*recency : nullptr},
                           database);
  return results;
}

// Totals from `mset`, and when copies are collapsed the number of stories: exactly from
// `groups` when it watched a match that considered every article (`counted_all`) or from
// `stories` when its window held every match; else, when `exact` asks for it, from a second pass
// over the matches of `query` in a match that ranks nothing; else an estimate, from the share of
// copies among the ranked window or Xapian's own after its collapse.
void Index::Impl::count_matches(const Xapian::MSet& mset, bool collapsed, bool counted_all,
                                bool exact, const detail::StoryPage* stories,
                                const Xapian::Query& query, Xapian::Database& database,
                                Xapian::ValueCountMatchSpy& groups, SearchResults& results) {
  results.total = mset.get_matches_estimated();
  results.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
  if (!collapsed) {
    if (exact && !results.total_exact) {
      results.total =
          count_all(database, query, mset.get_matches_upper_bound()).get_matches_lower_bound();
      results.total_exact = true;
    }
    return;
  }
  if (counted_all) {
    results.total = count_stories(groups);
    results.total_exact = true;
    return;
  }
  if (stories && stories->whole_match) {
    results.total = stories->window_stories;
    results.total_exact = true;
    return;
  }
  if (!stories && results.total_exact) return;
  if (!exact) {
    if (stories && stories->window_articles > 0) {
      results.total = static_cast<std::size_t>(static_cast<double>(results.total) *
                                                   static_cast<double>(stories->window_stories) /
                                                   static_cast<double>(stories->window_articles) +
                                               0.5);
      results.total_exact = false;
    }
    return;
  }
  count_all(database, query, mset.get_uncollapsed_matches_upper_bound(), &groups);
  results.total = count_stories(groups);
  results.total_exact = true;
}

std::vector<Hit> Index::Impl::make_hits(const detail::RankedPage& page, const Xapian::Query& query,
                                        const PageOptions& options,
                                        Xapian::Database& database) const {
  std::vector<Hit> hits;
  // Gathering the query's words costs a walk of the query, wasted on a page without snippets.
  std::optional<detail::SnippetMaker> snippets;
  if (options.snippet_bytes > 0 && !page.hits.empty()) {
    snippets.emplace(query, detail::make_stemmer(language));
  }
  const std::vector<detail::WeightedTerm> weighted =
      options.explain ? detail::weighted_terms(query) : std::vector<detail::WeightedTerm>{};
  for (std::size_t i = 0; i < page.hits.size(); ++i) {
    const Xapian::MSetIterator& it = page.hits[i];
    Article article = detail::decode_document_data(
        it.get_document().get_data(),
        options.snippet_bytes > 0 ? detail::StoredBody::read : detail::StoredBody::skip);
    Hit hit;
    hit.rank = options.offset + i + 1;
    hit.id = std::move(article.id);
    hit.score = it.get_weight();
    hit.date = article.date;
    hit.title = std::move(article.title);
    if (snippets) {
      auto snippet = snippets->make(article.body, options.snippet_bytes);
      hit.snippet = std::move(snippet.text);
      hit.highlights = std::move(snippet.highlights);
    }
    hit.speakers = std::move(article.speakers);
    hit.places = std::move(article.places);
    hit.source = std::move(article.source);
    hit.url = std::move(article.url);
    if (options.explain) {
      const double boost = options.recency && hit.date ? options.recency->boost(*hit.date) : 0;
      hit.explanation = detail::explain_score(database, *it, weighted, hit.score, boost);
    }
    hits.push_back(std::move(hit));
  }
  if (options.collapse_duplicates) find_duplicates(query, page, hits, database);
  return hits;
}

// For each hit of `page`, the other articles matching `query` in its group of copies. Xapian's
// collapse count is only a lower bound (the matcher skips what cannot reach the page), and a
// collapse after ranking sees only its window, so they are looked up, in one match over the
// groups' terms, which hold few articles.
void Index::Impl::find_duplicates(const Xapian::Query& query, const detail::RankedPage& page,
                                  std::vector<Hit>& hits, Xapian::Database& database) const {
  std::unordered_map<std::string, std::size_t> hit_of_group;
  std::vector<Xapian::Query> group_terms;
  std::vector<Xapian::Query> page_ids;
  Xapian::doccount grouped_articles = 0;
  std::vector<std::string> read_keys;
  if (page.group_keys.size() != page.hits.size()) {
    read_keys = detail::values_in_slot(database, detail::schema::kDuplicateGroupSlot, page.hits,
                                       value_reads());
  }
  const std::vector<std::string>& keys = read_keys.empty() ? page.group_keys : read_keys;
  for (std::size_t i = 0; i < page.hits.size(); ++i) {
    const std::string& key = keys[i];
    if (key.empty()) continue;
    const std::string group = std::string(detail::schema::kDuplicateGroup) + key;
    const Xapian::doccount size = database.get_termfreq(group);
    if (size < 2 || !hit_of_group.emplace(key, i).second) continue;
    group_terms.emplace_back(group);
    page_ids.emplace_back(detail::schema::id_term(hits[i].id));
    grouped_articles += size;
  }
  if (group_terms.empty()) return;
  Xapian::Enquire enquire(database);
  enquire.set_query(Xapian::Query(
      Xapian::Query::OP_AND_NOT,
      Xapian::Query(Xapian::Query::OP_FILTER, query,
                    Xapian::Query(Xapian::Query::OP_OR, group_terms.begin(), group_terms.end())),
      Xapian::Query(Xapian::Query::OP_OR, page_ids.begin(), page_ids.end())));
  const Xapian::MSet copies = enquire.get_mset(0, grouped_articles);
  std::vector<Xapian::MSetIterator> copy_hits;
  for (auto it = copies.begin(); it != copies.end(); ++it)
    copy_hits.push_back(it);
  const std::vector<std::string> copy_keys = detail::values_in_slot(
      database, detail::schema::kDuplicateGroupSlot, copy_hits, value_reads());
  std::size_t position = 0;
  for (auto it = copies.begin(); it != copies.end(); ++it, ++position) {
    const auto found = hit_of_group.find(copy_keys[position]);
    if (found == hit_of_group.end()) continue;
    Hit& hit = hits[found->second];
    ++hit.duplicates;
    if (hit.duplicate_ids.size() < Hit::kMaxDuplicateIds) {
      hit.duplicate_ids.push_back(
          detail::decode_document_data(it.get_document().get_data(), detail::StoredBody::skip).id);
    }
  }
}

namespace {

// The terms relevance feedback may pick from an article: stems of its title and body words
// (not of names, nor exact forms, which the stems cover), with a letter, and in more articles
// than the article and its copies, since a term only they have finds nothing.
class TellingTerms : public Xapian::ExpandDecider {
 public:
  TellingTerms(const Xapian::Database& database, Xapian::doccount own_articles)
      : database_(database), own_articles_(own_articles) {}

  bool operator()(const std::string& term) const override {
    if (term.size() < 2 || term[0] != detail::schema::kStemmed[0]) return false;
    if (term[1] >= 'A' && term[1] <= 'Z') return false;  // ZS: the title's own stems
    const bool has_letter = std::any_of(term.begin() + 1, term.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80;
    });
    return has_letter && database_.get_termfreq(term) > own_articles_;
  }

 private:
  const Xapian::Database& database_;
  Xapian::doccount own_articles_;
};

}  // namespace

// More like this: the article's most telling terms by Xapian's relevance feedback (an RSet of
// the article, Enquire::get_eset), searched for with OR, the article and its copies left out.
std::optional<SearchResults> Index::Impl::similar(const SimilarRequest& request,
                                                  ShardHandles& handles) const {
  Xapian::Database& database = handles.all;
  const std::string id_term = detail::schema::id_term(request.id);
  const Xapian::PostingIterator found = database.postlist_begin(id_term);
  if (found == database.postlist_end(id_term)) return std::nullopt;
  const Xapian::docid docid = *found;
  SearchResults results;
  results.similar_to = request.id;

  const std::string group =
      database.get_document(docid).get_value(detail::schema::kDuplicateGroupSlot);
  const std::string group_term = std::string(detail::schema::kDuplicateGroup) + group;
  Xapian::Enquire enquire(database);
  Xapian::RSet relevant;
  relevant.add_document(docid);
  const TellingTerms decider(database, group.empty() ? 1 : database.get_termfreq(group_term));
  const Xapian::ESet telling =
      enquire.get_eset(static_cast<Xapian::termcount>(request.terms), relevant, &decider);
  std::vector<Xapian::Query> terms;
  for (auto it = telling.begin(); it != telling.end(); ++it) {
    terms.emplace_back(*it);
    results.terms.push_back((*it).substr(1));
  }
  if (terms.empty()) return results;

  std::vector<Xapian::Query> excluded{Xapian::Query(id_term)};
  if (!group.empty()) excluded.emplace_back(group_term);
  Xapian::Query query(Xapian::Query::OP_AND_NOT,
                      Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()),
                      Xapian::Query(Xapian::Query::OP_OR, excluded.begin(), excluded.end()));
  if (request.filter.find_first_not_of(" \t\r\n") != std::string::npos) {
    std::shared_ptr<const detail::SynonymExpander> expander;
    const Xapian::Query filter =
        compile(request.filter, MatchMode::all, handles, expander, detail::stopper_for(language));
    query = Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
  }
  enquire.set_query(query);
  const auto offset =
      static_cast<Xapian::doccount>(std::min<std::size_t>(request.offset, database.get_doccount()));
  const auto limit = static_cast<Xapian::doccount>(std::min<std::size_t>(request.limit, 1u << 30));
  std::optional<detail::StoryPage> stories;
  // Remote shards collapse with Xapian, on the servers, as in search().
  if (request.collapse_duplicates && !any_remote) {
    stories = detail::collapse_after_ranking(
        [&](Xapian::doccount count) {
          return detail::relevance_then_newest(enquire, detail::schema::kDateSlot, 0, count);
        },
        database, detail::schema::kDuplicateGroupSlot, offset, limit);
  }
  detail::RankedPage page;
  if (stories) {
    page = stories->page;
  } else {
    if (request.collapse_duplicates) enquire.set_collapse_key(detail::schema::kDuplicateGroupSlot);
    page = detail::relevance_then_newest(enquire, detail::schema::kDateSlot, offset, limit,
                                         request.collapse_duplicates);
  }
  Xapian::ValueCountMatchSpy groups(detail::schema::kDuplicateGroupSlot);
  count_matches(page.mset, request.collapse_duplicates, false, false, stories ? &*stories : nullptr,
                query, database, groups, results);
  results.hits = make_hits(page, query,
                           {.offset = request.offset,
                            .snippet_bytes = request.snippet_bytes,
                            .collapse_duplicates = request.collapse_duplicates,
                            .explain = request.explain},
                           database);
  return results;
}

// A spelling correction of the request's query, kept only when it matches more articles.
std::optional<std::string> Index::Impl::suggest(const SearchRequest& request, std::size_t total,
                                                ShardHandles& handles) const {
  Xapian::Database& database = handles.all;
  auto corrected =
      detail::correct_spelling(request.query, database, detail::make_stemmer(language));
  if (!corrected) return std::nullopt;
  Xapian::Enquire enquire(database);
  std::shared_ptr<const detail::SynonymExpander> expander;
  try {
    Xapian::SimpleStopper custom_stopwords;
    enquire.set_query(compile(*corrected, request.match, handles, expander,
                              stopper(request.stopwords, custom_stopwords)));
  } catch (const QueryError&) {
    return std::nullopt;
  }
  const auto count = enquire.get_mset(0, 0, static_cast<Xapian::doccount>(total + 1));
  if (count.get_matches_lower_bound() <= total) return std::nullopt;
  return corrected;
}

SearchResults Index::search(const SearchRequest& request) const {
  const std::size_t max_limit = impl_->options.max_limit;
  if (request.limit < 1 || request.limit > max_limit) {
    throw InvalidArgumentError("limit must be between 1 and " + std::to_string(max_limit));
  }
  if (request.facet_limit < 1 || request.facet_limit > kMaxFacetLimit) {
    throw InvalidArgumentError("facet limit must be between 1 and " +
                               std::to_string(kMaxFacetLimit));
  }
  if (request.recency_half_life_days != 0 && request.sort != SortOrder::relevance) {
    throw InvalidArgumentError("recency blends with relevance; it does not apply to date order");
  }
  std::vector<ShardFailure> left_out;
  SearchResults results = impl_->with_handles(
      [&](ShardHandles& handles) { return impl_->search(request, handles); }, &left_out);
  if (!left_out.empty()) {
    results.partial = true;
    std::string names;
    for (const auto& failure : left_out)
      names += (names.empty() ? "" : ", ") + failure.shard;
    results.warnings.insert(results.warnings.begin(),
                            "partial results: left out " + names + ", which did not answer");
    results.failed_shards = std::move(left_out);
  }
  return results;
}

std::optional<SearchResults> Index::similar(const SimilarRequest& request) const {
  const std::size_t max_limit = impl_->options.max_limit;
  if (request.limit < 1 || request.limit > max_limit) {
    throw InvalidArgumentError("limit must be between 1 and " + std::to_string(max_limit));
  }
  if (request.terms < 1 || request.terms > kMaxSimilarTerms) {
    throw InvalidArgumentError("terms must be between 1 and " + std::to_string(kMaxSimilarTerms));
  }
  return impl_->with_handles(
      [&](ShardHandles& handles) { return impl_->similar(request, handles); });
}

std::optional<Article> Index::get(std::string_view id) const {
  return impl_->with_database([&](Xapian::Database& database) -> std::optional<Article> {
    const std::string term = detail::schema::id_term(id);
    Xapian::PostingIterator posting = database.postlist_begin(term);
    if (posting == database.postlist_end(term)) return std::nullopt;
    return detail::decode_document_data(database.get_document(*posting).get_data());
  });
}

std::vector<std::vector<std::string>> Index::synonyms() const {
  return impl_->with_database([](Xapian::Database& database) {
    return detail::decode_synonyms(
        database.get_metadata(std::string(detail::schema::kSynonymsKey)));
  });
}

namespace {

// The `top` most frequent values of a boolean field, from the term frequencies of its terms.
std::vector<FacetValue> top_values(const Xapian::Database& database, FacetField field,
                                   std::string_view prefix, std::size_t top,
                                   detail::DisplayNames& names) {
  std::vector<std::pair<std::string, std::size_t>> counts;
  const std::string start(prefix);
  for (auto it = database.allterms_begin(start); it != database.allterms_end(start); ++it) {
    counts.emplace_back((*it).substr(prefix.size()), it.get_termfreq());
  }
  const auto more = [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  };
  const std::size_t kept = std::min(top, counts.size());
  std::partial_sort(counts.begin(), counts.begin() + static_cast<std::ptrdiff_t>(kept),
                    counts.end(), more);
  std::vector<FacetValue> values;
  for (std::size_t i = 0; i < kept; ++i) {
    FacetValue value;
    value.value = names.lookup(database, field, counts[i].first);
    value.count = counts[i].second;
    value.filter = detail::facet_filter(field, value.value);
    values.push_back(std::move(value));
  }
  return values;
}

std::optional<Date> compact_date(const std::string& value) {
  if (value.size() != 8) return std::nullopt;
  return Date::parse(value.substr(0, 4) + '-' + value.substr(4, 2) + '-' + value.substr(6));
}

// The size of the files at `path` (a folder is walked); what cannot be read counts nothing.
std::uintmax_t disk_bytes(const fs::path& path) {
  std::error_code error;
  if (!fs::is_directory(path, error)) {
    const auto size = fs::file_size(path, error);
    return error ? 0 : size;
  }
  std::uintmax_t total = 0;
  for (fs::recursive_directory_iterator it(path, error), end; !error && it != end;
       it.increment(error)) {
    std::error_code ignored;
    if (it->is_regular_file(ignored)) total += it->file_size(ignored);
  }
  return total;
}

}  // namespace

IndexInfo Index::info(std::size_t top) const {
  if (top < 1 || top > kMaxFacetLimit) {
    throw InvalidArgumentError("top must be between 1 and " + std::to_string(kMaxFacetLimit));
  }
  IndexInfo info = impl_->with_database([&](Xapian::Database& database) {
    IndexInfo found;
    found.articles = database.get_doccount();
    found.first_date = compact_date(database.get_value_lower_bound(detail::schema::kDateSlot));
    found.last_date = compact_date(database.get_value_upper_bound(detail::schema::kDateSlot));
    found.undated = found.articles - database.get_value_freq(detail::schema::kDateSlot);
    found.shards = database.size();
    found.language = impl_->language;
    found.title_weight = detail::schema::stored_title_weight(
        database.get_metadata(std::string(detail::schema::kTitleWeightKey)));
    const std::string groups(detail::schema::kDuplicateGroup);
    for (auto it = database.allterms_begin(groups); it != database.allterms_end(groups); ++it) {
      if (it.get_termfreq() < 2) continue;  // the rest of a group whose copies were removed
      ++found.stories_with_copies;
      found.articles_with_copies += it.get_termfreq();
    }
    found.speakers = top_values(database, FacetField::speaker, detail::schema::kSpeaker, top,
                                impl_->display_names);
    found.places =
        top_values(database, FacetField::place, detail::schema::kPlace, top, impl_->display_names);
    found.sources = top_values(database, FacetField::source, detail::schema::kSource, top,
                               impl_->display_names);
    return found;
  });
  info.bytes = disk_bytes(impl_->path);
  return info;
}

std::size_t Index::size() const {
  return impl_->with_database(
      [](Xapian::Database& database) -> std::size_t { return database.get_doccount(); });
}

}  // namespace newsdex
