// The C API (include/newsdex/newsdex.h) over the C++ one. No exception may cross into C, so
// every function that can fail runs its work through guarded(), which turns each exception into
// a status and the thread's last error message.
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <newsdex/error.hpp>
#include <newsdex/extract.hpp>
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

struct newsdex_index_options {
  newsdex::IndexOptions options;
};

struct newsdex_request {
  newsdex::SearchRequest request;
};

struct newsdex_hit {
  newsdex::Hit hit;
  std::string date;
};

struct newsdex_facet {
  newsdex::Facet facet;
};

struct newsdex_results {
  std::size_t total = 0;
  bool total_exact = false;
  std::vector<newsdex_hit> hits;
  std::optional<std::string> suggestion;
  std::vector<newsdex_facet> facets;
  std::vector<newsdex::TimelineBucket> timeline;
  std::vector<std::string> timeline_starts;  // TimelineBucket::start as "YYYY-MM-DD"
  bool partial = false;
  std::vector<newsdex::ShardFailure> failed_shards;
  std::vector<std::string> warnings;
};

struct newsdex_reader {
  newsdex::ArticleReader reader;
  std::vector<std::string> problems;  // InputProblem::to_string() of the last next()
  std::vector<bool> skipped;
};

struct newsdex_extractor {
  newsdex::Extractor extractor;
};

struct newsdex_annotations {
  newsdex::Annotations annotations;
  std::vector<std::string> dates;  // MentionedDate::date as "YYYY-MM-DD"
};

struct newsdex_writer_options {
  newsdex::WriterOptions options;
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
    // "FILE:LINE: message" when the host named the text; the bare message for a JSON record.
    return fail(NEWSDEX_ERROR_INPUT, error.file().empty() ? error.message().c_str() : error.what());
  } catch (const newsdex::InvalidArgumentError& error) {
    return fail(NEWSDEX_ERROR_INVALID_ARGUMENT, error.what());
  } catch (const newsdex::IndexNotFoundError& error) {
    return fail(NEWSDEX_ERROR_NOT_FOUND, error.what());
  } catch (const newsdex::IndexLockedError& error) {
    return fail(NEWSDEX_ERROR_LOCKED, error.what());
  } catch (const newsdex::IndexFormatError& error) {
    return fail(NEWSDEX_ERROR_FORMAT, error.what());
  } catch (const newsdex::ShardUnavailableError& error) {
    return fail(NEWSDEX_ERROR_SHARD_UNAVAILABLE, error.what());
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

template <typename T>
T* required(T* value, const char* name) {
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

// Copies a span into *start and *end; 0 when `index` is out of range.
int span_at(const std::vector<newsdex::Span>& spans, std::size_t index, size_t* start,
            size_t* end) {
  if (index >= spans.size()) return 0;
  if (start != nullptr) *start = spans[index].start;
  if (end != nullptr) *end = spans[index].end;
  return 1;
}

// The index-th element of one kind of annotation, or null.
template <typename Member>
auto annotation_at(const newsdex_annotations* annotations, Member member, std::size_t index)
    -> decltype(&(annotations->annotations.*member)[0]) {
  if (annotations == nullptr) return nullptr;
  const auto& values = annotations->annotations.*member;
  return index < values.size() ? &values[index] : nullptr;
}

std::optional<newsdex::FacetField> facet_field(newsdex_facet_field field) {
  switch (field) {
    case NEWSDEX_FACET_SPEAKER:
      return newsdex::FacetField::speaker;
    case NEWSDEX_FACET_PLACE:
      return newsdex::FacetField::place;
    case NEWSDEX_FACET_COUNTRY:
      return newsdex::FacetField::country;
    case NEWSDEX_FACET_SOURCE:
      return newsdex::FacetField::source;
    case NEWSDEX_FACET_YEAR:
      return newsdex::FacetField::year;
    case NEWSDEX_FACET_MONTH:
      return newsdex::FacetField::month;
    case NEWSDEX_FACET_FORCE_INT:
      break;
  }
  return std::nullopt;
}

newsdex_facet_field c_facet_field(newsdex::FacetField field) {
  switch (field) {
    case newsdex::FacetField::speaker:
      return NEWSDEX_FACET_SPEAKER;
    case newsdex::FacetField::place:
      return NEWSDEX_FACET_PLACE;
    case newsdex::FacetField::country:
      return NEWSDEX_FACET_COUNTRY;
    case newsdex::FacetField::source:
      return NEWSDEX_FACET_SOURCE;
    case newsdex::FacetField::year:
      return NEWSDEX_FACET_YEAR;
    case newsdex::FacetField::month:
      break;
  }
  return NEWSDEX_FACET_MONTH;
}

// "YYYY-MM-DD" as a date; NULL and "" as none. Throws InvalidArgumentError for anything else.
std::optional<newsdex::Date> optional_date(const char* value) {
  const std::string date = text(value);
  if (date.empty()) return std::nullopt;
  const std::optional<newsdex::Date> parsed = newsdex::Date::parse(date);
  if (!parsed) {
    throw newsdex::InvalidArgumentError("invalid date \"" + date + "\": expected YYYY-MM-DD");
  }
  return parsed;
}

newsdex_article* new_article(newsdex::Article article) {
  std::string date = iso_date(article.date);
  return new newsdex_article{std::move(article), std::move(date)};
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
      target.article.date = optional_date(value);
      target.date = text(value);
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

// ---- Reading input

newsdex_status newsdex_reader_open(const char* const* inputs, size_t count,
                                   newsdex_reader** reader) {
  return guarded([&] {
    newsdex_reader*& out = checked(reader, "reader");
    out = nullptr;
    if (count > 0) required(inputs, "inputs");
    std::vector<std::string> paths;
    paths.reserve(count);
    for (std::size_t i = 0; i < count; ++i)
      paths.emplace_back(required(inputs[i], "an input"));
    out = new newsdex_reader{newsdex::ArticleReader(std::move(paths)), {}, {}};
  });
}

void newsdex_reader_free(newsdex_reader* reader) {
  delete reader;
}

newsdex_status newsdex_reader_next(newsdex_reader* reader, newsdex_article** article) {
  return guarded([&] {
    newsdex_article*& out = checked(article, "article");
    out = nullptr;
    newsdex_reader& source = checked(reader, "reader");
    source.problems.clear();
    source.skipped.clear();
    std::optional<newsdex::Article> next = source.reader.next();
    for (const newsdex::InputProblem& problem : source.reader.take_problems()) {
      source.problems.push_back(problem.to_string());
      source.skipped.push_back(problem.skipped);
    }
    if (next) out = new_article(std::move(*next));
  });
}

const char* newsdex_reader_file(const newsdex_reader* reader) {
  return reader == nullptr ? nullptr : reader->reader.location().file.c_str();
}

size_t newsdex_reader_line(const newsdex_reader* reader) {
  return reader == nullptr ? 0 : reader->reader.location().line;
}

size_t newsdex_reader_problem_count(const newsdex_reader* reader) {
  return reader == nullptr ? 0 : reader->problems.size();
}

const char* newsdex_reader_problem(const newsdex_reader* reader, size_t index) {
  return reader == nullptr ? nullptr : element(reader->problems, index);
}

int newsdex_reader_problem_skipped(const newsdex_reader* reader, size_t index) {
  return reader != nullptr && index < reader->skipped.size() && reader->skipped[index] ? 1 : 0;
}

// ---- Extraction

newsdex_status newsdex_extractor_new(unsigned kinds, newsdex_extractor** extractor) {
  return guarded([&] {
    newsdex_extractor*& out = checked(extractor, "extractor");
    out = nullptr;
    if ((kinds & ~NEWSDEX_EXTRACT_ALL) != 0) {
      throw newsdex::InvalidArgumentError("unknown extraction kinds " + std::to_string(kinds));
    }
    out = new newsdex_extractor{newsdex::Extractor({
        .speakers = (kinds & NEWSDEX_EXTRACT_SPEAKERS) != 0,
        .places = (kinds & NEWSDEX_EXTRACT_PLACES) != 0,
        .dates = (kinds & NEWSDEX_EXTRACT_DATES) != 0,
    })};
  });
}

void newsdex_extractor_free(newsdex_extractor* extractor) {
  delete extractor;
}

newsdex_status newsdex_extract(const newsdex_extractor* extractor, const newsdex_article* article,
                               newsdex_annotations** annotations) {
  return guarded([&] {
    newsdex_annotations*& out = checked(annotations, "annotations");
    out = nullptr;
    auto found = std::make_unique<newsdex_annotations>();
    found->annotations =
        checked(extractor, "extractor").extractor.extract(checked(article, "article").article);
    found->dates.reserve(found->annotations.dates.size());
    for (const newsdex::MentionedDate& date : found->annotations.dates) {
      found->dates.push_back(date.date.iso());
    }
    out = found.release();
  });
}

void newsdex_annotations_free(newsdex_annotations* annotations) {
  delete annotations;
}

size_t newsdex_annotations_speaker_count(const newsdex_annotations* annotations) {
  return annotations == nullptr ? 0 : annotations->annotations.speakers.size();
}

const char* newsdex_annotations_speaker_name(const newsdex_annotations* annotations,
                                             size_t speaker) {
  const auto* found = annotation_at(annotations, &newsdex::Annotations::speakers, speaker);
  return found == nullptr ? nullptr : found->name.c_str();
}

const char* newsdex_annotations_speaker_role(const newsdex_annotations* annotations,
                                             size_t speaker) {
  const auto* found = annotation_at(annotations, &newsdex::Annotations::speakers, speaker);
  return found == nullptr ? nullptr : found->role.c_str();
}

size_t newsdex_annotations_speaker_mention_count(const newsdex_annotations* annotations,
                                                 size_t speaker) {
  const auto* found = annotation_at(annotations, &newsdex::Annotations::speakers, speaker);
  return found == nullptr ? 0 : found->mentions.size();
}

int newsdex_annotations_speaker_mention(const newsdex_annotations* annotations, size_t speaker,
                                        size_t mention, size_t* start, size_t* end) {
  const auto* found = annotation_at(annotations, &newsdex::Annotations::speakers, speaker);
  return found == nullptr ? 0 : span_at(found->mentions, mention, start, end);
}

size_t newsdex_annotations_place_count(const newsdex_annotations* annotations) {
  return annotations == nullptr ? 0 : annotations->annotations.places.size();
}

const char* newsdex_annotations_place_name(const newsdex_annotations* annotations, size_t place) {
  const auto* found = annotation_at(annotations, &newsdex::Annotations::places, place);
  return found == nullptr ? nullptr : found->name.c_str();
}

const char* newsdex_annotations_place_country(const newsdex_annotations* annotations,
                                              size_t place) {
  const auto* found = annotation_at(annotations, &newsdex::Annotations::places, place);
  return found == nullptr ? nullptr : found->country.c_str();
}

newsdex_place_kind newsdex_annotations_place_kind(const newsdex_annotations* annotations,
                                                  size_t place) {
  const auto* found = annotation_at(annotations, &newsdex::Annotations::places, place);
  if (found == nullptr) return NEWSDEX_PLACE_OTHER;
  switch (found->kind) {
    case newsdex::PlaceKind::country:
      return NEWSDEX_PLACE_COUNTRY;
    case newsdex::PlaceKind::region:
      return NEWSDEX_PLACE_REGION;
    case newsdex::PlaceKind::city:
      return NEWSDEX_PLACE_CITY;
    case newsdex::PlaceKind::other:
      break;
  }
  return NEWSDEX_PLACE_OTHER;
}

size_t newsdex_annotations_place_mention_count(const newsdex_annotations* annotations,
                                               size_t place) {
  const auto* found = annotation_at(annotations, &newsdex::Annotations::places, place);
  return found == nullptr ? 0 : found->mentions.size();
}

int newsdex_annotations_place_mention(const newsdex_annotations* annotations, size_t place,
                                      size_t mention, size_t* start, size_t* end) {
  const auto* found = annotation_at(annotations, &newsdex::Annotations::places, place);
  return found == nullptr ? 0 : span_at(found->mentions, mention, start, end);
}

size_t newsdex_annotations_date_count(const newsdex_annotations* annotations) {
  return annotations == nullptr ? 0 : annotations->annotations.dates.size();
}

const char* newsdex_annotations_date(const newsdex_annotations* annotations, size_t date) {
  return annotations == nullptr ? nullptr : element(annotations->dates, date);
}

newsdex_date_precision newsdex_annotations_date_precision(const newsdex_annotations* annotations,
                                                          size_t date) {
  const auto* found = annotation_at(annotations, &newsdex::Annotations::dates, date);
  if (found == nullptr) return NEWSDEX_PRECISION_DAY;
  switch (found->precision) {
    case newsdex::DatePrecision::month:
      return NEWSDEX_PRECISION_MONTH;
    case newsdex::DatePrecision::year:
      return NEWSDEX_PRECISION_YEAR;
    case newsdex::DatePrecision::day:
      break;
  }
  return NEWSDEX_PRECISION_DAY;
}

const char* newsdex_annotations_date_text(const newsdex_annotations* annotations, size_t date) {
  const auto* found = annotation_at(annotations, &newsdex::Annotations::dates, date);
  return found == nullptr ? nullptr : found->text.c_str();
}

int newsdex_annotations_date_span(const newsdex_annotations* annotations, size_t date,
                                  size_t* start, size_t* end) {
  const auto* found = annotation_at(annotations, &newsdex::Annotations::dates, date);
  if (found == nullptr) return 0;
  if (start != nullptr) *start = found->span.start;
  if (end != nullptr) *end = found->span.end;
  return 1;
}

// ---- Writing

newsdex_writer_options* newsdex_writer_options_new(void) {
  return new (std::nothrow) newsdex_writer_options{};
}

void newsdex_writer_options_free(newsdex_writer_options* options) {
  delete options;
}

newsdex_status newsdex_writer_options_set_language(newsdex_writer_options* options,
                                                   const char* language) {
  return guarded([&] {
    checked(options, "options").options.language = language == nullptr ? "english" : language;
  });
}

newsdex_status newsdex_writer_options_set_create(newsdex_writer_options* options, int create) {
  return guarded([&] { checked(options, "options").options.create = create != 0; });
}

newsdex_status newsdex_writer_options_set_batch(newsdex_writer_options* options, size_t articles,
                                                size_t bytes) {
  return guarded([&] {
    newsdex::WriterOptions& target = checked(options, "options").options;
    if (articles == 0 || bytes == 0) {
      throw newsdex::InvalidArgumentError("batch sizes must be positive");
    }
    target.batch_articles = articles;
    target.batch_bytes = bytes;
  });
}

newsdex_status newsdex_writer_options_set_spelling(newsdex_writer_options* options, int spelling) {
  return guarded([&] { checked(options, "options").options.spelling = spelling != 0; });
}

newsdex_status newsdex_writer_options_set_extract(newsdex_writer_options* options, int extract) {
  return guarded([&] { checked(options, "options").options.extract = extract != 0; });
}

newsdex_status newsdex_writer_options_set_wait_for_lock(newsdex_writer_options* options,
                                                        unsigned milliseconds) {
  return guarded([&] {
    checked(options, "options").options.wait_for_lock = std::chrono::milliseconds(milliseconds);
  });
}

newsdex_status newsdex_writer_options_set_threads(newsdex_writer_options* options, size_t threads) {
  return guarded([&] { checked(options, "options").options.threads = threads; });
}

newsdex_status newsdex_writer_options_set_shards(newsdex_writer_options* options, size_t shards) {
  return guarded([&] {
    newsdex::WriterOptions& target = checked(options, "options").options;
    if (shards == 0) throw newsdex::InvalidArgumentError("an index has at least one shard");
    target.shards = shards;
  });
}

newsdex_status newsdex_writer_open_with(const char* path, const newsdex_writer_options* options,
                                        newsdex_writer** writer) {
  return guarded([&] {
    newsdex_writer*& out = checked(writer, "writer");
    out = nullptr;
    newsdex::WriterOptions settings =
        options == nullptr ? newsdex::WriterOptions{} : options->options;
    out =
        new newsdex_writer{newsdex::IndexWriter::open(required(path, "path"), std::move(settings))};
  });
}

newsdex_status newsdex_writer_open(const char* path, const char* language, unsigned flags,
                                   newsdex_writer** writer) {
  return guarded([&] {
    newsdex_writer*& out = checked(writer, "writer");
    out = nullptr;
    if ((flags & ~(NEWSDEX_WRITER_CREATE | NEWSDEX_WRITER_NO_EXTRACT)) != 0) {
      throw newsdex::InvalidArgumentError("unknown flags " + std::to_string(flags));
    }
    newsdex::WriterOptions options;
    if (language != nullptr) options.language = language;
    options.create = (flags & NEWSDEX_WRITER_CREATE) != 0;
    options.extract = (flags & NEWSDEX_WRITER_NO_EXTRACT) == 0;
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

newsdex_status newsdex_writer_add_annotated(newsdex_writer* writer, const newsdex_article* article,
                                            const newsdex_annotations* annotations,
                                            newsdex_add_outcome* outcome) {
  return guarded([&] {
    newsdex_writer& target = checked(writer, "writer");
    const newsdex::Article& source = checked(article, "article").article;
    report_outcome(annotations == nullptr ? target.writer.add(source)
                                          : target.writer.add(source, annotations->annotations),
                   outcome);
  });
}

newsdex_status newsdex_writer_add_batch(newsdex_writer* writer,
                                        const newsdex_article* const* articles, size_t count,
                                        newsdex_add_outcome* outcomes) {
  return guarded([&] {
    newsdex_writer& target = checked(writer, "writer");
    if (count > 0) required(articles, "articles");
    // IndexWriter::add_batch takes a span of Articles: the handles' articles are copied.
    std::vector<newsdex::Article> batch;
    batch.reserve(count);
    for (std::size_t i = 0; i < count; ++i)
      batch.push_back(checked(articles[i], "an article").article);
    const std::vector<newsdex::AddOutcome> added = target.writer.add_batch(batch);
    if (outcomes == nullptr) return;
    for (std::size_t i = 0; i < added.size(); ++i)
      report_outcome(added[i], &outcomes[i]);
  });
}

newsdex_status newsdex_writer_add_json(newsdex_writer* writer, const char* json,
                                       newsdex_add_outcome* outcome) {
  return guarded([&] {
    newsdex_writer& target = checked(writer, "writer");
    const newsdex::Article article = newsdex::parse_json_article(required(json, "json"), "", 0);
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

newsdex_status newsdex_writer_set_synonyms(newsdex_writer* writer, const char* text,
                                           const char* file) {
  return guarded([&] {
    newsdex_writer& target = checked(writer, "writer");
    target.writer.set_synonyms(
        newsdex::parse_synonyms(required(text, "text"), file == nullptr ? "synonyms" : file));
  });
}

newsdex_status newsdex_writer_size(const newsdex_writer* writer, size_t* size) {
  return guarded([&] {
    std::size_t& out = checked(size, "size");
    out = checked(writer, "writer").writer.size();
  });
}

newsdex_status newsdex_compact(const char* path, unsigned flags) {
  return guarded([&] {
    if ((flags & ~NEWSDEX_COMPACT_MERGE_SHARDS) != 0) {
      throw newsdex::InvalidArgumentError("unknown flags " + std::to_string(flags));
    }
    newsdex::compact_index(required(path, "path"),
                           {.merge_shards = (flags & NEWSDEX_COMPACT_MERGE_SHARDS) != 0});
  });
}

// ---- Searching

newsdex_status newsdex_index_open(const char* path, newsdex_index** index) {
  return guarded([&] {
    newsdex_index*& out = checked(index, "index");
    out = nullptr;
    out = new newsdex_index{newsdex::Index::open(required(path, "path"))};
  });
}

newsdex_index_options* newsdex_index_options_new(void) {
  return new (std::nothrow) newsdex_index_options{};
}

void newsdex_index_options_free(newsdex_index_options* options) {
  delete options;
}

newsdex_status newsdex_index_options_set_query_limits(newsdex_index_options* options,
                                                      size_t max_query_bytes, size_t max_wildcards,
                                                      size_t max_wildcard_terms) {
  return guarded([&] {
    newsdex::IndexOptions& target = checked(options, "options").options;
    if (max_query_bytes == 0 || max_wildcards == 0 || max_wildcard_terms == 0) {
      throw newsdex::InvalidArgumentError("query limits must be positive");
    }
    target.max_query_bytes = max_query_bytes;
    target.max_wildcards = max_wildcards;
    target.max_wildcard_terms = max_wildcard_terms;
  });
}

newsdex_status newsdex_index_options_set_max_limit(newsdex_index_options* options,
                                                   size_t max_limit) {
  return guarded([&] {
    newsdex::IndexOptions& target = checked(options, "options").options;
    if (max_limit == 0) throw newsdex::InvalidArgumentError("the largest limit must be positive");
    target.max_limit = max_limit;
  });
}

newsdex_status newsdex_index_options_set_remote_timeouts(newsdex_index_options* options,
                                                         unsigned answer_milliseconds,
                                                         unsigned connect_milliseconds) {
  return guarded([&] {
    newsdex::IndexOptions& target = checked(options, "options").options;
    if (answer_milliseconds == 0 || connect_milliseconds == 0) {
      throw newsdex::InvalidArgumentError("remote timeouts must be at least 1 ms");
    }
    target.remote_timeout = std::chrono::milliseconds(answer_milliseconds);
    target.remote_connect_timeout = std::chrono::milliseconds(connect_milliseconds);
  });
}

newsdex_status newsdex_index_options_set_partial(newsdex_index_options* options, int allow_partial,
                                                 unsigned retry_milliseconds) {
  return guarded([&] {
    newsdex::IndexOptions& target = checked(options, "options").options;
    target.allow_partial = allow_partial != 0;
    target.partial_retry_interval = std::chrono::milliseconds(retry_milliseconds);
  });
}

newsdex_status newsdex_index_open_with(const char* path, const newsdex_index_options* options,
                                       newsdex_index** index) {
  return guarded([&] {
    newsdex_index*& out = checked(index, "index");
    out = nullptr;
    newsdex::IndexOptions settings =
        options == nullptr ? newsdex::IndexOptions{} : options->options;
    out = new newsdex_index{newsdex::Index::open(required(path, "path"), std::move(settings))};
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
    if (found) out = new_article(std::move(*found));
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

newsdex_status newsdex_request_add_facet(newsdex_request* request, newsdex_facet_field field) {
  return guarded([&] {
    newsdex::SearchRequest& target = checked(request, "request").request;
    const std::optional<newsdex::FacetField> facet = facet_field(field);
    if (!facet) throw newsdex::InvalidArgumentError("unknown facet field " + std::to_string(field));
    target.facets.push_back(*facet);
  });
}

newsdex_status newsdex_request_set_facet_limit(newsdex_request* request, size_t limit) {
  return guarded([&] { checked(request, "request").request.facet_limit = limit; });
}

newsdex_status newsdex_request_set_timeline(newsdex_request* request,
                                            newsdex_timeline_period period) {
  return guarded([&] {
    newsdex::SearchRequest& target = checked(request, "request").request;
    switch (period) {
      case NEWSDEX_TIMELINE_NONE:
        target.timeline.reset();
        return;
      case NEWSDEX_TIMELINE_DAY:
        target.timeline = newsdex::TimelinePeriod::day;
        return;
      case NEWSDEX_TIMELINE_WEEK:
        target.timeline = newsdex::TimelinePeriod::week;
        return;
      case NEWSDEX_TIMELINE_MONTH:
        target.timeline = newsdex::TimelinePeriod::month;
        return;
      case NEWSDEX_TIMELINE_YEAR:
        target.timeline = newsdex::TimelinePeriod::year;
        return;
      case NEWSDEX_TIMELINE_FORCE_INT:
        break;
    }
    throw newsdex::InvalidArgumentError("unknown timeline period " + std::to_string(period));
  });
}

newsdex_status newsdex_request_set_recency(newsdex_request* request, double half_life_days,
                                           double weight) {
  return guarded([&] {
    newsdex::SearchRequest& target = checked(request, "request").request;
    target.recency_half_life_days = half_life_days;
    target.recency_weight = weight;
  });
}

newsdex_status newsdex_request_set_recency_reference(newsdex_request* request, const char* date) {
  return guarded([&] {
    newsdex::SearchRequest& target = checked(request, "request").request;
    target.recency_reference = optional_date(date);
  });
}

newsdex_status newsdex_request_set_suggest_below(newsdex_request* request, size_t matches) {
  return guarded([&] { checked(request, "request").request.suggest_below = matches; });
}

newsdex_status newsdex_request_set_exact_total(newsdex_request* request, int exact) {
  return guarded([&] { checked(request, "request").request.exact_total = exact != 0; });
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
    page->suggestion = std::move(found.suggestion);
    page->facets.reserve(found.facets.size());
    for (newsdex::Facet& facet : found.facets)
      page->facets.push_back({std::move(facet)});
    page->timeline = std::move(found.timeline);
    page->timeline_starts.reserve(page->timeline.size());
    for (const newsdex::TimelineBucket& bucket : page->timeline) {
      page->timeline_starts.push_back(bucket.start.iso());
    }
    page->partial = found.partial;
    page->failed_shards = std::move(found.failed_shards);
    page->warnings = std::move(found.warnings);
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

const char* newsdex_results_suggestion(const newsdex_results* results) {
  return results == nullptr || !results->suggestion ? nullptr : results->suggestion->c_str();
}

int newsdex_results_partial(const newsdex_results* results) {
  return results != nullptr && results->partial ? 1 : 0;
}

size_t newsdex_results_failed_shard_count(const newsdex_results* results) {
  return results == nullptr ? 0 : results->failed_shards.size();
}

const char* newsdex_results_failed_shard(const newsdex_results* results, size_t index) {
  if (results == nullptr || index >= results->failed_shards.size()) return nullptr;
  return results->failed_shards[index].shard.c_str();
}

const char* newsdex_results_failed_shard_error(const newsdex_results* results, size_t index) {
  if (results == nullptr || index >= results->failed_shards.size()) return nullptr;
  return results->failed_shards[index].error.c_str();
}

size_t newsdex_results_warning_count(const newsdex_results* results) {
  return results == nullptr ? 0 : results->warnings.size();
}

const char* newsdex_results_warning(const newsdex_results* results, size_t index) {
  return results == nullptr ? nullptr : element(results->warnings, index);
}

size_t newsdex_results_facet_count(const newsdex_results* results) {
  return results == nullptr ? 0 : results->facets.size();
}

const newsdex_facet* newsdex_results_facet(const newsdex_results* results, size_t index) {
  if (results == nullptr || index >= results->facets.size()) return nullptr;
  return &results->facets[index];
}

newsdex_facet_field newsdex_facet_get_field(const newsdex_facet* facet) {
  return facet == nullptr ? NEWSDEX_FACET_SPEAKER : c_facet_field(facet->facet.field);
}

const char* newsdex_facet_name(const newsdex_facet* facet) {
  return facet == nullptr ? nullptr : newsdex::to_string(facet->facet.field).data();
}

size_t newsdex_facet_distinct(const newsdex_facet* facet) {
  return facet == nullptr ? 0 : facet->facet.distinct;
}

size_t newsdex_facet_size(const newsdex_facet* facet) {
  return facet == nullptr ? 0 : facet->facet.values.size();
}

const char* newsdex_facet_value(const newsdex_facet* facet, size_t index) {
  if (facet == nullptr || index >= facet->facet.values.size()) return nullptr;
  return facet->facet.values[index].value.c_str();
}

size_t newsdex_facet_count(const newsdex_facet* facet, size_t index) {
  if (facet == nullptr || index >= facet->facet.values.size()) return 0;
  return facet->facet.values[index].count;
}

const char* newsdex_facet_filter(const newsdex_facet* facet, size_t index) {
  if (facet == nullptr || index >= facet->facet.values.size()) return nullptr;
  return facet->facet.values[index].filter.c_str();
}

size_t newsdex_results_timeline_size(const newsdex_results* results) {
  return results == nullptr ? 0 : results->timeline.size();
}

const char* newsdex_results_timeline_period(const newsdex_results* results, size_t index) {
  if (results == nullptr || index >= results->timeline.size()) return nullptr;
  return results->timeline[index].period.c_str();
}

const char* newsdex_results_timeline_start(const newsdex_results* results, size_t index) {
  return results == nullptr ? nullptr : element(results->timeline_starts, index);
}

size_t newsdex_results_timeline_count(const newsdex_results* results, size_t index) {
  if (results == nullptr || index >= results->timeline.size()) return 0;
  return results->timeline[index].count;
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
  return hit == nullptr ? 0 : span_at(hit->hit.highlights, index, start, end);
}

}  // extern "C"
