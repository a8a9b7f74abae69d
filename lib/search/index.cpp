#include <algorithm>
#include <mutex>
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
#include "search/facets.hpp"
#include "search/query_compiler.hpp"
#include "search/ranked_page.hpp"
#include "search/recency.hpp"
#include "search/snippet.hpp"
#include "search/spelling.hpp"
#include "search/synonyms.hpp"

namespace newsdex {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kMaxFacetLimit = 10000;

Xapian::Database open_database(const std::string& path) {
  try {
    return Xapian::Database(path);
  } catch (const Xapian::Error& error) {
    detail::rethrow_xapian_error(error, path);
  }
}

}  // namespace

// Xapian::Database objects are not safe to share between threads, so each call borrows one
// from a pool and gives it back; the pool grows to the number of concurrent callers.
struct [[gnu::visibility("hidden")]] Index::Impl {
  std::string path;
  IndexOptions options;
  std::string language;
  std::mutex mutex;
  std::vector<std::unique_ptr<Xapian::Database>> idle;
  mutable detail::DisplayNames display_names;
  mutable std::mutex expansions_mutex;
  mutable std::string synonyms_stored;
  mutable std::shared_ptr<const detail::SynonymExpander> synonyms;
  mutable std::shared_ptr<const Gazetteer> gazetteer;

  // The synonyms stored in the index as of `database`'s revision, parsed once per change.
  std::shared_ptr<const detail::SynonymExpander> synonyms_of(const Xapian::Database& database)
      const {
    std::string stored = database.get_metadata(std::string(detail::schema::kSynonymsKey));
    std::lock_guard lock(expansions_mutex);
    if (!synonyms || stored != synonyms_stored) {
      synonyms = std::make_shared<const detail::SynonymExpander>(detail::decode_synonyms(stored),
                                                                 detail::make_stemmer(language));
      synonyms_stored = std::move(stored);
    }
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
  Xapian::Query compile(std::string_view text, MatchMode match, const Xapian::Database& database,
                        std::shared_ptr<const detail::SynonymExpander>& expander) const {
    expander = synonyms_of(database);
    detail::QueryExpansions expansions;
    expansions.synonyms = expander->empty() ? nullptr : expander.get();
    expansions.place_names = [this](std::string_view name) { return canonical_place_names(name); };
    expansions.country_code = [this](std::string_view name) { return country_code(name); };
    const detail::QueryLimits limits{.max_query_bytes = options.max_query_bytes,
                                     .max_wildcards = options.max_wildcards,
                                     .max_wildcard_terms = options.max_wildcard_terms};
    return detail::compile_query(text, match, database, language, limits, expansions);
  }

  class Lease {
   public:
    explicit Lease(Impl& owner) : owner_(owner) {
      {
        std::lock_guard lock(owner_.mutex);
        if (!owner_.idle.empty()) {
          database_ = std::move(owner_.idle.back());
          owner_.idle.pop_back();
        }
      }
      if (database_) {
        database_->reopen();  // see the latest commit
      } else {
        database_ = std::make_unique<Xapian::Database>(open_database(owner_.path));
      }
    }
    ~Lease() {
      std::lock_guard lock(owner_.mutex);
      owner_.idle.push_back(std::move(database_));
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Xapian::Database& operator*() { return *database_; }

   private:
    Impl& owner_;
    std::unique_ptr<Xapian::Database> database_;
  };

  // Runs `work` with a database, reopening and retrying when a writer's commit invalidated what
  // it was reading (Xapian keeps only two revisions readable).
  template <typename Work>
  auto with_database(Work && work) {
    for (int attempt = 0;; ++attempt) {
      try {
        Lease lease(*this);
        return work(*lease);
      } catch (const Xapian::DatabaseModifiedError& error) {
        if (attempt >= options.max_retries) detail::rethrow_xapian_error(error, path);
      } catch (const Xapian::WildcardError& error) {
        throw QueryError("wildcard matches too many terms: " + error.get_msg(), 0);
      } catch (const Xapian::Error& error) {
        detail::rethrow_xapian_error(error, path);
      }
    }
  }

  SearchResults search(const SearchRequest& request, Xapian::Database& database) const;
  std::optional<std::string> suggest(const SearchRequest& request, std::size_t total,
                                     Xapian::Database& database) const;
};

Index Index::open(const fs::path& path, IndexOptions options) {
  if (options.max_retries < 0 || options.max_query_bytes == 0 || options.max_wildcard_terms == 0 ||
      options.max_limit == 0) {
    throw InvalidArgumentError(
        "IndexOptions: max_retries must not be negative, the other limits must be at least 1");
  }
  if (!detail::looks_like_database(path.string())) {
    throw IndexNotFoundError("no index at " + path.string());
  }
  Xapian::Database database = open_database(path.string());
  std::string format;
  std::string language;
  try {
    format = database.get_metadata(std::string(detail::schema::kFormatKey));
    language = database.get_metadata(std::string(detail::schema::kLanguageKey));
  } catch (const Xapian::Error& error) {
    detail::rethrow_xapian_error(error, path.string());
  }
  if (format.empty()) {
    throw IndexFormatError(path.string() + " is a Xapian database but not a newsdex index");
  }
  detail::schema::check_format(format, path.string());
  auto impl = std::make_unique<Impl>();
  impl->path = path.string();
  impl->options = options;
  impl->language = detail::stemmer_name(language).empty() ? "english" : language;
  impl->gazetteer = impl->options.gazetteer;
  impl->idle.push_back(std::make_unique<Xapian::Database>(std::move(database)));
  return Index(std::move(impl));
}

Index::Index(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Index::~Index() = default;
Index::Index(Index&&) noexcept = default;
Index& Index::operator=(Index&&) noexcept = default;

SearchResults Index::Impl::search(const SearchRequest& request, Xapian::Database& database) const {
  std::shared_ptr<const detail::SynonymExpander> expander;
  const Xapian::Query query = compile(request.query, request.match, database, expander);
  Xapian::Enquire enquire(database);
  std::optional<detail::RecencyBoost> recency;
  if (request.recency_half_life_days != 0) {
    recency = detail::make_recency_boost(query, database, request.recency_half_life_days,
                                         request.recency_weight, request.recency_reference);
  }
  enquire.set_query(recency ? recency->apply(query, database) : query);
  detail::FacetCounter counter(database, request.facets, request.timeline);
  counter.attach(enquire);
  // Exact counts need every match considered, which Xapian otherwise avoids.
  const Xapian::doccount check_at_least =
      counter.empty() ? 0 : std::max<Xapian::doccount>(database.get_doccount(), 1);
  const auto offset = static_cast<Xapian::doccount>(request.offset);
  const auto limit = static_cast<Xapian::doccount>(request.limit);
  detail::RankedPage page;
  // relevance_then_newest may run the match twice, which a facet counter would count twice.
  if (request.sort == SortOrder::relevance && counter.empty()) {
    page = detail::relevance_then_newest(enquire, detail::schema::kDateSlot, offset, limit);
  } else {
    if (request.sort == SortOrder::relevance) {
      enquire.set_sort_by_relevance_then_value(detail::schema::kDateSlot, true);
    } else {
      enquire.set_sort_by_value_then_relevance(detail::schema::kDateSlot,
                                               request.sort == SortOrder::newest);
    }
    page.mset = enquire.get_mset(offset, limit, check_at_least);
    for (auto it = page.mset.begin(); it != page.mset.end(); ++it)
      page.hits.push_back(it);
  }
  const Xapian::MSet& mset = page.mset;
  SearchResults results;
  results.query = request.query;
  results.total = mset.get_matches_estimated();
  results.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
  if (results.total < request.suggest_below) {
    results.suggestion = suggest(request, results.total, database);
  }
  results.facets = counter.facets(database, request.facet_limit, display_names);
  results.timeline = counter.timeline();

  detail::SnippetMaker snippets(query, detail::make_stemmer(language));
  for (std::size_t i = 0; i < page.hits.size(); ++i) {
    const Xapian::MSetIterator& it = page.hits[i];
    Article article = detail::decode_document_data(it.get_document().get_data());
    Hit hit;
    hit.rank = request.offset + i + 1;
    hit.id = std::move(article.id);
    hit.score = it.get_weight();
    hit.date = article.date;
    hit.title = std::move(article.title);
    auto snippet = snippets.make(article.body, request.snippet_bytes);
    hit.snippet = std::move(snippet.text);
    hit.highlights = std::move(snippet.highlights);
    hit.speakers = std::move(article.speakers);
    hit.places = std::move(article.places);
    hit.source = std::move(article.source);
    hit.url = std::move(article.url);
    results.hits.push_back(std::move(hit));
  }
  return results;
}

// A spelling correction of the request's query, kept only when it matches more articles.
std::optional<std::string> Index::Impl::suggest(const SearchRequest& request, std::size_t total,
                                                Xapian::Database& database) const {
  auto corrected =
      detail::correct_spelling(request.query, database, detail::make_stemmer(language));
  if (!corrected) return std::nullopt;
  Xapian::Enquire enquire(database);
  std::shared_ptr<const detail::SynonymExpander> expander;
  try {
    enquire.set_query(compile(*corrected, request.match, database, expander));
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
  return impl_->with_database(
      [&](Xapian::Database& database) { return impl_->search(request, database); });
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

std::size_t Index::size() const {
  return impl_->with_database(
      [](Xapian::Database& database) -> std::size_t { return database.get_doccount(); });
}

}  // namespace newsdex
