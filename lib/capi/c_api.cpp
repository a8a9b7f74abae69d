// The C API (include/newsdex/newsdex.h) over the C++ one. No exception may cross into C, so
// every function that can fail runs its work through guarded(), which turns each exception into
// a status and the thread's last error message.
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <newsdex/error.hpp>
#include <newsdex/index.hpp>
#include <newsdex/index_writer.hpp>
#include <newsdex/ingest.hpp>
#include <newsdex/newsdex.h>
#include <newsdex/version.hpp>

#include "schema/document_data.hpp"

struct newsdex_article {
  newsdex::Article article;
  std::string date;  // article.date as "YYYY-MM-DD", so newsdex_article_get can lend it
};

struct newsdex_writer {
  newsdex::IndexWriter writer;
};

struct newsdex_index {
  newsdex::Index index;
};

struct newsdex_request {
  newsdex::SearchRequest request;
};

struct newsdex_hit {
  newsdex::Hit hit;
  std::string date;
};

struct newsdex_results {
  std::size_t total = 0;
  bool total_exact = false;
  std::vector<newsdex_hit> hits;
};

namespace {

thread_local std::string last_error;
thread_local std::size_t last_error_position = 0;

newsdex_status fail(newsdex_status status, const char* message) noexcept {
  try {
    last_error = message;
  } catch (...) {  // no memory for the message: the status still tells what happened
    last_error.clear();
  }
  last_error_position = 0;
  return status;
}

// Runs `work` and reports how it ended; the only place exceptions are caught.
template <typename Work>
newsdex_status guarded(Work&& work) noexcept {
  try {
    work();
    last_error.clear();
    last_error_position = 0;
    return NEWSDEX_OK;
  } catch (const newsdex::QueryError& error) {
    const newsdex_status status = fail(NEWSDEX_ERROR_QUERY, error.what());
    last_error_position = error.position();
    return status;
  } catch (const newsdex::InputError& error) {
    return fail(NEWSDEX_ERROR_INPUT, error.message().c_str());
  } catch (const newsdex::InvalidArgumentError& error) {
    return fail(NEWSDEX_ERROR_INVALID_ARGUMENT, error.what());
  } catch (const newsdex::IndexNotFoundError& error) {
    return fail(NEWSDEX_ERROR_NOT_FOUND, error.what());
  } catch (const newsdex::IndexLockedError& error) {
    return fail(NEWSDEX_ERROR_LOCKED, error.what());
  } catch (const newsdex::IndexFormatError& error) {
    return fail(NEWSDEX_ERROR_FORMAT, error.what());
  } catch (const newsdex::IoError& error) {
    return fail(NEWSDEX_ERROR_IO, error.what());
  } catch (const std::bad_alloc&) {
    return fail(NEWSDEX_ERROR_NO_MEMORY, "out of memory");
  } catch (const std::exception& error) {
    return fail(NEWSDEX_ERROR, error.what());
  } catch (...) {
    return fail(NEWSDEX_ERROR, "unknown error");
  }
}

template <typename T>
T& checked(T* handle, const char* name) {
  if (handle == nullptr) throw newsdex::InvalidArgumentError(std::string(name) + " is NULL");
  return *handle;
}

const char* required(const char* value, const char* name) {
  if (value == nullptr) throw newsdex::InvalidArgumentError(std::string(name) + " is NULL");
  return value;
}

std::string text(const char* value) {
  return value == nullptr ? std::string() : std::string(value);
}

std::string iso_date(const std::optional<newsdex::Date>& date) {
  return date ? date->iso() : std::string();
}

// The string member of an Article (const or not) that holds `field`; null for the date, which
// is not a string, and for fields articles lack.
template <typename ArticleType>
auto article_field(ArticleType& article, newsdex_field field) -> decltype(&article.id) {
  switch (field) {
    case NEWSDEX_FIELD_ID:
      return &article.id;
    case NEWSDEX_FIELD_TITLE:
      return &article.title;
    case NEWSDEX_FIELD_BODY:
      return &article.body;
    case NEWSDEX_FIELD_SOURCE:
      return &article.source;
    case NEWSDEX_FIELD_URL:
      return &article.url;
    case NEWSDEX_FIELD_LANGUAGE:
      return &article.language;
    case NEWSDEX_FIELD_DATE:
    case NEWSDEX_FIELD_SNIPPET:
    case NEWSDEX_FIELD_FORCE_INT:
      break;
  }
  return nullptr;
}

const char* element(const std::vector<std::string>& values, std::size_t index) {
  return index < values.size() ? values[index].c_str() : nullptr;
}

}  // namespace

extern "C" {

const char* newsdex_version(void) {
  return newsdex::version().data();
}

const char* newsdex_last_error(void) {
  return last_error.c_str();
}

size_t newsdex_last_error_position(void) {
  return last_error_position;
}

void newsdex_string_free(char* string) {
  std::free(string);
}

// ---- Articles

newsdex_article* newsdex_article_new(void) {
  return new (std::nothrow) newsdex_article{};
}

void newsdex_article_free(newsdex_article* article) {
  delete article;
}

newsdex_status newsdex_article_set(newsdex_article* article, newsdex_field field,
                                   const char* value) {
  return guarded([&] {
    newsdex_article& target = checked(article, "article");
    if (field == NEWSDEX_FIELD_DATE) {
      std::string date = text(value);
      if (date.empty()) {
        target.article.date.reset();
      } else {
        const auto parsed = newsdex::Date::parse(date);
        if (!parsed) {
          throw newsdex::InvalidArgumentError("invalid date \"" + date + "\": expected YYYY-MM-DD");
        }
        target.article.date = parsed;
      }
      target.date = std::move(date);
      return;
    }
    std::string* slot = article_field(target.article, field);
    if (slot == nullptr) throw newsdex::InvalidArgumentError("articles have no such field");
    *slot = text(value);
  });
}

const char* newsdex_article_get(const newsdex_article* article, newsdex_field field) {
  if (article == nullptr) return nullptr;
  if (field == NEWSDEX_FIELD_DATE) return article->date.c_str();
  const std::string* slot = article_field(article->article, field);
  return slot == nullptr ? nullptr : slot->c_str();
}

newsdex_status newsdex_article_add_speaker(newsdex_article* article, const char* name) {
  return guarded(
      [&] { checked(article, "article").article.speakers.push_back(required(name, "name")); });
}

newsdex_status newsdex_article_add_place(newsdex_article* article, const char* name) {
  return guarded(
      [&] { checked(article, "article").article.places.push_back(required(name, "name")); });
}

size_t newsdex_article_speaker_count(const newsdex_article* article) {
  return article == nullptr ? 0 : article->article.speakers.size();
}

const char* newsdex_article_speaker(const newsdex_article* article, size_t index) {
  return article == nullptr ? nullptr : element(article->article.speakers, index);
}

size_t newsdex_article_place_count(const newsdex_article* article) {
  return article == nullptr ? 0 : article->article.places.size();
}

const char* newsdex_article_place(const newsdex_article* article, size_t index) {
  return article == nullptr ? nullptr : element(article->article.places, index);
}

newsdex_status newsdex_article_to_json(const newsdex_article* article, char** json) {
  return guarded([&] {
    char*& out = checked(json, "json");
    out = nullptr;
    const std::string encoded =
        newsdex::detail::encode_document_data(checked(article, "article").article);
    out = static_cast<char*>(std::malloc(encoded.size() + 1));
    if (out == nullptr) throw std::bad_alloc();
    std::memcpy(out, encoded.c_str(), encoded.size() + 1);
  });
}

// ---- Writing

newsdex_status newsdex_writer_open(const char* path, const char* language, unsigned flags,
                                   newsdex_writer** writer) {
  return guarded([&] {
    newsdex_writer*& out = checked(writer, "writer");
    out = nullptr;
    if ((flags & ~NEWSDEX_WRITER_CREATE) != 0) {
      throw newsdex::InvalidArgumentError("unknown flags " + std::to_string(flags));
    }
    newsdex::WriterOptions options;
    if (language != nullptr) options.language = language;
    options.create = (flags & NEWSDEX_WRITER_CREATE) != 0;
    out =
        new newsdex_writer{newsdex::IndexWriter::open(required(path, "path"), std::move(options))};
  });
}

void newsdex_writer_close(newsdex_writer* writer) {
  delete writer;  // ~IndexWriter commits and never throws
}

namespace {

void report_outcome(newsdex::AddOutcome added, newsdex_add_outcome* outcome) {
  if (outcome == nullptr) return;
  switch (added) {
    case newsdex::AddOutcome::added:
      *outcome = NEWSDEX_ADDED;
      break;
    case newsdex::AddOutcome::replaced:
      *outcome = NEWSDEX_REPLACED;
      break;
    case newsdex::AddOutcome::unchanged:
      *outcome = NEWSDEX_UNCHANGED;
      break;
  }
}

}  // namespace

newsdex_status newsdex_writer_add(newsdex_writer* writer, const newsdex_article* article,
                                  newsdex_add_outcome* outcome) {
  return guarded([&] {
    newsdex_writer& target = checked(writer, "writer");
    report_outcome(target.writer.add(checked(article, "article").article), outcome);
  });
}

newsdex_status newsdex_writer_add_json(newsdex_writer* writer, const char* json,
                                       newsdex_add_outcome* outcome) {
  return guarded([&] {
    newsdex_writer& target = checked(writer, "writer");
    const newsdex::Article article = newsdex::parse_json_article(required(json, "json"), "json", 1);
    report_outcome(target.writer.add(article), outcome);
  });
}

newsdex_status newsdex_writer_remove(newsdex_writer* writer, const char* id, int* removed) {
  return guarded([&] {
    const bool done = checked(writer, "writer").writer.remove(required(id, "id"));
    if (removed != nullptr) *removed = done ? 1 : 0;
  });
}

newsdex_status newsdex_writer_commit(newsdex_writer* writer) {
  return guarded([&] { checked(writer, "writer").writer.commit(); });
}

// ---- Searching

newsdex_status newsdex_index_open(const char* path, newsdex_index** index) {
  return guarded([&] {
    newsdex_index*& out = checked(index, "index");
    out = nullptr;
    out = new newsdex_index{newsdex::Index::open(required(path, "path"))};
  });
}

void newsdex_index_close(newsdex_index* index) {
  delete index;
}

newsdex_status newsdex_index_size(const newsdex_index* index, size_t* size) {
  return guarded([&] {
    std::size_t& out = checked(size, "size");
    out = checked(index, "index").index.size();
  });
}

newsdex_status newsdex_index_get(const newsdex_index* index, const char* id,
                                 newsdex_article** article) {
  return guarded([&] {
    newsdex_article*& out = checked(article, "article");
    out = nullptr;
    std::optional<newsdex::Article> found = checked(index, "index").index.get(required(id, "id"));
    if (!found) return;
    std::string date = iso_date(found->date);
    out = new newsdex_article{std::move(*found), std::move(date)};
  });
}

newsdex_request* newsdex_request_new(const char* query) {
  newsdex_request* request = new (std::nothrow) newsdex_request{};
  if (request != nullptr && newsdex_request_set_query(request, query) != NEWSDEX_OK) {
    delete request;
    return nullptr;
  }
  return request;
}

void newsdex_request_free(newsdex_request* request) {
  delete request;
}

newsdex_status newsdex_request_set_query(newsdex_request* request, const char* query) {
  return guarded([&] { checked(request, "request").request.query = text(query); });
}

newsdex_status newsdex_request_set_limit(newsdex_request* request, size_t limit) {
  return guarded([&] { checked(request, "request").request.limit = limit; });
}

newsdex_status newsdex_request_set_offset(newsdex_request* request, size_t offset) {
  return guarded([&] { checked(request, "request").request.offset = offset; });
}

newsdex_status newsdex_request_set_sort(newsdex_request* request, newsdex_sort sort) {
  return guarded([&] {
    newsdex::SearchRequest& target = checked(request, "request").request;
    switch (sort) {
      case NEWSDEX_SORT_RELEVANCE:
        target.sort = newsdex::SortOrder::relevance;
        return;
      case NEWSDEX_SORT_NEWEST:
        target.sort = newsdex::SortOrder::newest;
        return;
      case NEWSDEX_SORT_OLDEST:
        target.sort = newsdex::SortOrder::oldest;
        return;
      case NEWSDEX_SORT_FORCE_INT:
        break;
    }
    throw newsdex::InvalidArgumentError("unknown sort order " + std::to_string(sort));
  });
}

newsdex_status newsdex_request_set_match(newsdex_request* request, newsdex_match match) {
  return guarded([&] {
    newsdex::SearchRequest& target = checked(request, "request").request;
    switch (match) {
      case NEWSDEX_MATCH_ALL:
        target.match = newsdex::MatchMode::all;
        return;
      case NEWSDEX_MATCH_ANY:
        target.match = newsdex::MatchMode::any;
        return;
      case NEWSDEX_MATCH_FORCE_INT:
        break;
    }
    throw newsdex::InvalidArgumentError("unknown match mode " + std::to_string(match));
  });
}

newsdex_status newsdex_request_set_snippet_bytes(newsdex_request* request, size_t bytes) {
  return guarded([&] { checked(request, "request").request.snippet_bytes = bytes; });
}

newsdex_status newsdex_index_search(const newsdex_index* index, const newsdex_request* request,
                                    newsdex_results** results) {
  return guarded([&] {
    newsdex_results*& out = checked(results, "results");
    out = nullptr;
    newsdex::SearchResults found =
        checked(index, "index").index.search(checked(request, "request").request);
    auto page = std::make_unique<newsdex_results>();
    page->total = found.total;
    page->total_exact = found.total_exact;
    page->hits.reserve(found.hits.size());
    for (newsdex::Hit& hit : found.hits) {
      std::string date = iso_date(hit.date);
      page->hits.push_back({std::move(hit), std::move(date)});
    }
    out = page.release();
  });
}

void newsdex_results_free(newsdex_results* results) {
  delete results;
}

size_t newsdex_results_total(const newsdex_results* results) {
  return results == nullptr ? 0 : results->total;
}

int newsdex_results_total_exact(const newsdex_results* results) {
  return results != nullptr && results->total_exact ? 1 : 0;
}

size_t newsdex_results_count(const newsdex_results* results) {
  return results == nullptr ? 0 : results->hits.size();
}

const newsdex_hit* newsdex_results_hit(const newsdex_results* results, size_t index) {
  if (results == nullptr || index >= results->hits.size()) return nullptr;
  return &results->hits[index];
}

size_t newsdex_hit_rank(const newsdex_hit* hit) {
  return hit == nullptr ? 0 : hit->hit.rank;
}

double newsdex_hit_score(const newsdex_hit* hit) {
  return hit == nullptr ? 0 : hit->hit.score;
}

const char* newsdex_hit_get(const newsdex_hit* hit, newsdex_field field) {
  if (hit == nullptr) return nullptr;
  switch (field) {
    case NEWSDEX_FIELD_ID:
      return hit->hit.id.c_str();
    case NEWSDEX_FIELD_DATE:
      return hit->date.c_str();
    case NEWSDEX_FIELD_TITLE:
      return hit->hit.title.c_str();
    case NEWSDEX_FIELD_SOURCE:
      return hit->hit.source.c_str();
    case NEWSDEX_FIELD_URL:
      return hit->hit.url.c_str();
    case NEWSDEX_FIELD_SNIPPET:
      return hit->hit.snippet.c_str();
    case NEWSDEX_FIELD_BODY:
    case NEWSDEX_FIELD_LANGUAGE:
    case NEWSDEX_FIELD_FORCE_INT:
      break;
  }
  return nullptr;
}

size_t newsdex_hit_speaker_count(const newsdex_hit* hit) {
  return hit == nullptr ? 0 : hit->hit.speakers.size();
}

const char* newsdex_hit_speaker(const newsdex_hit* hit, size_t index) {
  return hit == nullptr ? nullptr : element(hit->hit.speakers, index);
}

size_t newsdex_hit_place_count(const newsdex_hit* hit) {
  return hit == nullptr ? 0 : hit->hit.places.size();
}

const char* newsdex_hit_place(const newsdex_hit* hit, size_t index) {
  return hit == nullptr ? nullptr : element(hit->hit.places, index);
}

size_t newsdex_hit_highlight_count(const newsdex_hit* hit) {
  return hit == nullptr ? 0 : hit->hit.highlights.size();
}

int newsdex_hit_highlight(const newsdex_hit* hit, size_t index, size_t* start, size_t* end) {
  if (hit == nullptr || index >= hit->hit.highlights.size()) return 0;
  const newsdex::Span& span = hit->hit.highlights[index];
  if (start != nullptr) *start = span.start;
  if (end != nullptr) *end = span.end;
  return 1;
}

}  // extern "C"
