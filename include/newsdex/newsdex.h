/* newsdex/newsdex.h: the C API, for hosts in C and for bindings (Python ctypes or cffi, Go cgo,
 * Rust FFI). It wraps the C++ API over the same library: read articles from files and folders,
 * extract speakers, places and dates, create an index, add and remove articles, commit, search
 * with every request option, read the hits, facets and timelines.
 *
 *   newsdex_index* index = NULL;
 *   if (newsdex_index_open("news.db", &index) != NEWSDEX_OK) {
 *     fprintf(stderr, "%s\n", newsdex_last_error());
 *     return 1;
 *   }
 *   newsdex_request* request = newsdex_request_new("copper date:2022..2024");
 *   newsdex_results* results = NULL;
 *   if (newsdex_index_search(index, request, &results) == NEWSDEX_OK) {
 *     for (size_t i = 0; i < newsdex_results_count(results); ++i) {
 *       const newsdex_hit* hit = newsdex_results_hit(results, i);
 *       printf("%s %s\n", newsdex_hit_get(hit, NEWSDEX_FIELD_DATE),
 *              newsdex_hit_get(hit, NEWSDEX_FIELD_TITLE));
 *     }
 *   }
 *   newsdex_results_free(results);
 *   newsdex_request_free(request);
 *   newsdex_index_close(index);
 *
 * Stability: this header is the stable interface of libnewsdex. Handles are opaque, options are
 * set through functions, and enumerations only gain values, so a host built against one version
 * keeps working with later ones of the same SONAME.
 *
 * Errors: functions that can fail return a newsdex_status. They never throw, abort or exit. Each
 * one sets the calling thread's last error: its message on failure, "" on success.
 *
 * Ownership: every handle a newsdex_*_new or newsdex_*_open function returns is the caller's,
 * released by the matching newsdex_*_free or newsdex_*_close function (all accept NULL). A
 * `const char*` a function returns is borrowed from the handle it came from and stays valid
 * until that handle is changed or released; a `char*` is the caller's, released with
 * newsdex_string_free. Strings passed in are copied and are UTF-8, terminated by NUL.
 *
 * Threads: an index may be searched, and an extractor used, from many threads at once;
 * everything else (writers, readers, options, articles, requests, results, annotations) must be
 * used by one thread at a time, though results, articles and annotations may be read from
 * several threads when nobody changes or frees them.
 */
#ifndef NEWSDEX_NEWSDEX_H
#define NEWSDEX_NEWSDEX_H

#include <stddef.h>

#include <newsdex/export.h>
#include <newsdex/version.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What a call did. New error codes may be added; treat unknown ones as NEWSDEX_ERROR. */
typedef enum newsdex_status {
  NEWSDEX_OK = 0,
  NEWSDEX_ERROR = 1,                  /* a failure none of the codes below describes */
  NEWSDEX_ERROR_INVALID_ARGUMENT = 2, /* a NULL handle, a value out of range, an unknown language,
                                         an article without id or body */
  NEWSDEX_ERROR_QUERY = 3,     /* the query cannot be parsed; see newsdex_last_error_position */
  NEWSDEX_ERROR_INPUT = 4,     /* an article's text cannot be read (newsdex_writer_add_json) */
  NEWSDEX_ERROR_NOT_FOUND = 5, /* no index at the path */
  NEWSDEX_ERROR_LOCKED = 6,    /* another writer holds the index */
  NEWSDEX_ERROR_FORMAT = 7,    /* the path holds something that is not a newsdex index this
                                  version reads */
  NEWSDEX_ERROR_IO = 8,        /* the operating system or Xapian failed (disk full, ...) */
  NEWSDEX_ERROR_NO_MEMORY = 9,
  NEWSDEX_ERROR_SHARD_UNAVAILABLE = 10 /* a remote shard did not answer (README "Shards on
                                          several machines"); an I/O error of its own kind */
} newsdex_status;

/* "MAJOR.MINOR.PATCH" of the library linked at run time; NEWSDEX_VERSION_STRING is that of the
 * headers. Static storage. */
NEWSDEX_EXPORT const char* newsdex_version(void);

/* The message of the calling thread's last call that returned a status: what went wrong, or ""
 * after a success. Valid until the thread's next such call. Never NULL. */
NEWSDEX_EXPORT const char* newsdex_last_error(void);

/* For NEWSDEX_ERROR_QUERY, the byte offset in the query where the problem is; 0 otherwise. */
NEWSDEX_EXPORT size_t newsdex_last_error_position(void);

/* Releases a string a newsdex function returned as `char*`. NULL is ignored. */
NEWSDEX_EXPORT void newsdex_string_free(char* string);

/* ---- Articles ----------------------------------------------------------------------------- */

/* The text fields of an article and of a hit. */
typedef enum newsdex_field {
  NEWSDEX_FIELD_ID = 0,   /* unique key; adding an article with an existing id replaces it */
  NEWSDEX_FIELD_DATE = 1, /* publication date "YYYY-MM-DD"; "" when unknown */
  NEWSDEX_FIELD_TITLE = 2,
  NEWSDEX_FIELD_BODY = 3,   /* UTF-8 text, paragraphs separated by blank lines (articles only) */
  NEWSDEX_FIELD_SOURCE = 4, /* publisher or feed name */
  NEWSDEX_FIELD_URL = 5,
  NEWSDEX_FIELD_LANGUAGE = 6, /* ISO 639-1 code or stemmer name; "" for the index default */
  NEWSDEX_FIELD_SNIPPET = 7,  /* a passage of the body around the matches (hits only) */
  /* Not a field: makes the type as wide as int, so that a value a host passes out of range is
   * refused with NEWSDEX_ERROR_INVALID_ARGUMENT rather than undefined in C++. */
  NEWSDEX_FIELD_FORCE_INT = 0x7FFFFFFF
} newsdex_field;

/* An article to add, or one read back with newsdex_index_get. */
typedef struct newsdex_article newsdex_article;

/* A new article with every field empty, or NULL when memory runs out. */
NEWSDEX_EXPORT newsdex_article* newsdex_article_new(void);
NEWSDEX_EXPORT void newsdex_article_free(newsdex_article* article);

/* Sets a field; NULL means "". NEWSDEX_FIELD_DATE takes "YYYY-MM-DD" and fails with
 * NEWSDEX_ERROR_INVALID_ARGUMENT for anything else (2022-02-30 included), as does
 * NEWSDEX_FIELD_SNIPPET. */
NEWSDEX_EXPORT newsdex_status newsdex_article_set(newsdex_article* article, newsdex_field field,
                                                  const char* value);
/* A field's value ("" when empty), or NULL for a NULL article or NEWSDEX_FIELD_SNIPPET. */
NEWSDEX_EXPORT const char* newsdex_article_get(const newsdex_article* article, newsdex_field field);

/* Speakers (people or bodies quoted) and places the article names, as the host knows them. */
NEWSDEX_EXPORT newsdex_status newsdex_article_add_speaker(newsdex_article* article,
                                                          const char* name);
NEWSDEX_EXPORT newsdex_status newsdex_article_add_place(newsdex_article* article, const char* name);
NEWSDEX_EXPORT size_t newsdex_article_speaker_count(const newsdex_article* article);
/* The index-th speaker, or NULL when index is out of range. */
NEWSDEX_EXPORT const char* newsdex_article_speaker(const newsdex_article* article, size_t index);
NEWSDEX_EXPORT size_t newsdex_article_place_count(const newsdex_article* article);
NEWSDEX_EXPORT const char* newsdex_article_place(const newsdex_article* article, size_t index);

/* The article as one JSON Lines record ({"id","date","title","source","url","lang","speakers",
 * "places","body"}, empty fields left out), which newsdex_writer_add_json reads back. The string
 * is the caller's: release it with newsdex_string_free. */
NEWSDEX_EXPORT newsdex_status newsdex_article_to_json(const newsdex_article* article, char** json);

/* ---- Reading input ------------------------------------------------------------------------ */

/* Reads articles from files, folders and "-" (standard input) as `searchtool index` does (README
 * "Input formats"): folders recursively in name order, *.txt as plain text and *.jsonl /
 * *.ndjson as JSON Lines, each optionally gzip-compressed. Bad articles and unreadable files never
 * stop it: they become problems, and reading goes on. Use from one thread at a time. */
typedef struct newsdex_reader newsdex_reader;

/* A reader over `count` paths. Nothing is opened yet: a missing path is a problem of the
 * newsdex_reader_next call that reaches it. */
NEWSDEX_EXPORT newsdex_status newsdex_reader_open(const char* const* inputs, size_t count,
                                                  newsdex_reader** reader);
NEWSDEX_EXPORT void newsdex_reader_free(newsdex_reader* reader);
/* The next readable article in a new handle the caller frees with newsdex_article_free, or NULL
 * (with NEWSDEX_OK) when every input is exhausted. */
NEWSDEX_EXPORT newsdex_status newsdex_reader_next(newsdex_reader* reader,
                                                  newsdex_article** article);
/* The file the article last returned comes from ("-" for standard input), and its 1-based line
 * (1 for a plain file). "" and 0 before the first article. */
NEWSDEX_EXPORT const char* newsdex_reader_file(const newsdex_reader* reader);
NEWSDEX_EXPORT size_t newsdex_reader_line(const newsdex_reader* reader);
/* Problems found by the last newsdex_reader_next call, oldest first; each is
 * "FILE:LINE: message", with " (skipped)" when the article or file was skipped rather than
 * repaired. Valid until the next call. */
NEWSDEX_EXPORT size_t newsdex_reader_problem_count(const newsdex_reader* reader);
NEWSDEX_EXPORT const char* newsdex_reader_problem(const newsdex_reader* reader, size_t index);
/* 1 when the index-th problem skipped an article or file, 0 for a warning or out of range. */
NEWSDEX_EXPORT int newsdex_reader_problem_skipped(const newsdex_reader* reader, size_t index);

/* ---- Extraction --------------------------------------------------------------------------- */

/* Finds who is quoted, which places and which dates an article's body mentions (README
 * "Extraction"). Thread-safe: one extractor may serve many threads at once. */
typedef struct newsdex_extractor newsdex_extractor;
/* What an extractor found in one article; every mention is a byte range of the body. */
typedef struct newsdex_annotations newsdex_annotations;

/* Flags of newsdex_extractor_new: what to extract. */
#define NEWSDEX_EXTRACT_SPEAKERS 1u
#define NEWSDEX_EXTRACT_PLACES 2u /* loads the built-in gazetteer on first use (some ms) */
#define NEWSDEX_EXTRACT_DATES 4u  /* relative dates need the article's date */
#define NEWSDEX_EXTRACT_ALL 7u

NEWSDEX_EXPORT newsdex_status newsdex_extractor_new(unsigned kinds, newsdex_extractor** extractor);
NEWSDEX_EXPORT void newsdex_extractor_free(newsdex_extractor* extractor);
/* Extracts from the article's body, resolving relative dates ("on Thursday") against its date.
 * The annotations are the caller's, released with newsdex_annotations_free. Never fails for any
 * text, invalid UTF-8 included. */
NEWSDEX_EXPORT newsdex_status newsdex_extract(const newsdex_extractor* extractor,
                                              const newsdex_article* article,
                                              newsdex_annotations** annotations);
NEWSDEX_EXPORT void newsdex_annotations_free(newsdex_annotations* annotations);

/* Speakers in the order first cited: the canonical name ("Leyla Abdullayeva"), the role cut
 * from it ("Ambassador to France"; "" when none), and the mentions that attribute words to it
 * (the name, or a pronoun or surname referring back). Strings are NULL and counts 0 when an
 * index is out of range. */
NEWSDEX_EXPORT size_t newsdex_annotations_speaker_count(const newsdex_annotations* annotations);
NEWSDEX_EXPORT const char* newsdex_annotations_speaker_name(const newsdex_annotations* annotations,
                                                            size_t speaker);
NEWSDEX_EXPORT const char* newsdex_annotations_speaker_role(const newsdex_annotations* annotations,
                                                            size_t speaker);
NEWSDEX_EXPORT size_t
newsdex_annotations_speaker_mention_count(const newsdex_annotations* annotations, size_t speaker);
/* Sets *start and *end of a mention; returns 0 when either index is out of range. */
NEWSDEX_EXPORT int newsdex_annotations_speaker_mention(const newsdex_annotations* annotations,
                                                       size_t speaker, size_t mention,
                                                       size_t* start, size_t* end);

typedef enum newsdex_place_kind {
  NEWSDEX_PLACE_COUNTRY = 0,
  NEWSDEX_PLACE_REGION = 1,
  NEWSDEX_PLACE_CITY = 2,
  NEWSDEX_PLACE_OTHER = 3,
  NEWSDEX_PLACE_FORCE_INT = 0x7FFFFFFF /* not a kind; see NEWSDEX_FIELD_FORCE_INT */
} newsdex_place_kind;

/* Places in the order first named: the canonical name ("Nagorno-Karabakh"), the ISO 3166-1
 * alpha-2 code of its country ("AZ"; "" when unknown), its kind and its mentions. */
NEWSDEX_EXPORT size_t newsdex_annotations_place_count(const newsdex_annotations* annotations);
NEWSDEX_EXPORT const char* newsdex_annotations_place_name(const newsdex_annotations* annotations,
                                                          size_t place);
NEWSDEX_EXPORT const char* newsdex_annotations_place_country(const newsdex_annotations* annotations,
                                                             size_t place);
/* NEWSDEX_PLACE_OTHER when the index is out of range. */
NEWSDEX_EXPORT newsdex_place_kind
newsdex_annotations_place_kind(const newsdex_annotations* annotations, size_t place);
NEWSDEX_EXPORT size_t
newsdex_annotations_place_mention_count(const newsdex_annotations* annotations, size_t place);
NEWSDEX_EXPORT int newsdex_annotations_place_mention(const newsdex_annotations* annotations,
                                                     size_t place, size_t mention, size_t* start,
                                                     size_t* end);

typedef enum newsdex_date_precision {
  NEWSDEX_PRECISION_DAY = 0,   /* "on Nov. 16" */
  NEWSDEX_PRECISION_MONTH = 1, /* "in November 2022": the date is the month's first day */
  NEWSDEX_PRECISION_YEAR = 2,  /* "in 2020": the date is January 1 */
  NEWSDEX_PRECISION_FORCE_INT = 0x7FFFFFFF /* not a precision; see NEWSDEX_FIELD_FORCE_INT */
} newsdex_date_precision;

/* Dates the text mentions, in text order: the resolved date "YYYY-MM-DD", how precise the text
 * is, the words that name it ("On Nov. 16") and their byte range. */
NEWSDEX_EXPORT size_t newsdex_annotations_date_count(const newsdex_annotations* annotations);
NEWSDEX_EXPORT const char* newsdex_annotations_date(const newsdex_annotations* annotations,
                                                    size_t date);
/* NEWSDEX_PRECISION_DAY when the index is out of range. */
NEWSDEX_EXPORT newsdex_date_precision
newsdex_annotations_date_precision(const newsdex_annotations* annotations, size_t date);
NEWSDEX_EXPORT const char* newsdex_annotations_date_text(const newsdex_annotations* annotations,
                                                         size_t date);
NEWSDEX_EXPORT int newsdex_annotations_date_span(const newsdex_annotations* annotations,
                                                 size_t date, size_t* start, size_t* end);

/* ---- Writing ------------------------------------------------------------------------------ */

/* Holds the write lock of one index. Use from one thread at a time. */
typedef struct newsdex_writer newsdex_writer;

/* Flags of newsdex_writer_open. */
#define NEWSDEX_WRITER_CREATE 1u     /* create the index when the path holds none */
#define NEWSDEX_WRITER_NO_EXTRACT 2u /* index only the speakers and places an article lists */

/* What adding an article did. */
typedef enum newsdex_add_outcome {
  NEWSDEX_ADDED = 0,    /* the id was new */
  NEWSDEX_REPLACED = 1, /* an article with the id existed and differed; it was replaced */
  NEWSDEX_UNCHANGED = 2 /* an identical article with the id is indexed; nothing was written */
} newsdex_add_outcome;

/* How a writer works: the settings of WriterOptions (newsdex/index_writer.hpp), set through
 * functions so that new ones can be added. Use from one thread at a time. */
typedef struct newsdex_writer_options newsdex_writer_options;

/* Options with the defaults: create the index when missing, english, a commit every 2000
 * articles or 32 MiB of text, spelling data kept, no waiting for a lock, one thread per core,
 * one shard, extraction on. NULL when memory runs out. */
NEWSDEX_EXPORT newsdex_writer_options* newsdex_writer_options_new(void);
NEWSDEX_EXPORT void newsdex_writer_options_free(newsdex_writer_options* options);
/* Stemming language of a new index ("english", "fr", ...); NULL means english. An unknown one
 * makes newsdex_writer_open_with fail with NEWSDEX_ERROR_INVALID_ARGUMENT. */
NEWSDEX_EXPORT newsdex_status newsdex_writer_options_set_language(newsdex_writer_options* options,
                                                                  const char* language);
/* 1: create the index when the path holds none; 0: fail with NEWSDEX_ERROR_NOT_FOUND. */
NEWSDEX_EXPORT newsdex_status newsdex_writer_options_set_create(newsdex_writer_options* options,
                                                                int create);
/* Commit automatically after this many articles (per shard) or bytes of text, whichever comes
 * first; both must be positive. Smaller batches bound the writer's memory. */
NEWSDEX_EXPORT newsdex_status newsdex_writer_options_set_batch(newsdex_writer_options* options,
                                                               size_t articles, size_t bytes);
/* 1: keep the spelling data of did-you-mean suggestions up to date; 0: save indexing time. */
NEWSDEX_EXPORT newsdex_status newsdex_writer_options_set_spelling(newsdex_writer_options* options,
                                                                  int spelling);
/* How long opening waits for another writer to release the index before failing with
 * NEWSDEX_ERROR_LOCKED. */
NEWSDEX_EXPORT newsdex_status
newsdex_writer_options_set_wait_for_lock(newsdex_writer_options* options, unsigned milliseconds);
/* Threads newsdex_writer_add_batch builds documents on; 0 for one per core. */
NEWSDEX_EXPORT newsdex_status newsdex_writer_options_set_threads(newsdex_writer_options* options,
                                                                 size_t threads);
/* 1 (the default): index the speakers, places and dates found in each article's text too
 * (README "Extraction"); 0: only those an article lists. */
NEWSDEX_EXPORT newsdex_status newsdex_writer_options_set_extract(newsdex_writer_options* options,
                                                                 int extract);
/* Shards of a new index (README "Index layout"); at least 1. An existing index keeps its own. */
NEWSDEX_EXPORT newsdex_status newsdex_writer_options_set_shards(newsdex_writer_options* options,
                                                                size_t shards);

/* Opens the index at `path` for writing with `options` (NULL for the defaults), failing as
 * newsdex_writer_open does. The options may be freed or changed afterwards. */
NEWSDEX_EXPORT newsdex_status newsdex_writer_open_with(const char* path,
                                                       const newsdex_writer_options* options,
                                                       newsdex_writer** writer);

/* Opens the index at `path` for writing; with NEWSDEX_WRITER_CREATE, creates it when missing.
 * `language` is the stemming language of a new index ("english", "fr", ...); NULL for english.
 * Fails with NEWSDEX_ERROR_LOCKED when another writer holds the index, NEWSDEX_ERROR_NOT_FOUND
 * when it is missing and the flag is not given, NEWSDEX_ERROR_FORMAT when the path holds
 * something else. Commits automatically every 2000 articles or 32 MiB of text. Speakers, places
 * and dates found in each article's text are indexed too, unless NEWSDEX_WRITER_NO_EXTRACT is
 * given (README "Extraction"). */
NEWSDEX_EXPORT newsdex_status newsdex_writer_open(const char* path, const char* language,
                                                  unsigned flags, newsdex_writer** writer);
/* Commits pending changes and releases the lock. A failure of that commit cannot be reported:
 * call newsdex_writer_commit first. */
NEWSDEX_EXPORT void newsdex_writer_close(newsdex_writer* writer);

/* Indexes an article, replacing one with the same id, as IndexWriter::add does. Fails with
 * NEWSDEX_ERROR_INVALID_ARGUMENT when it has no id or no body. `outcome` may be NULL. */
NEWSDEX_EXPORT newsdex_status newsdex_writer_add(newsdex_writer* writer,
                                                 const newsdex_article* article,
                                                 newsdex_add_outcome* outcome);
/* Indexes an article with the speakers, places and dates of `annotations` (from newsdex_extract;
 * NULL for none), which join those the article itself lists. */
NEWSDEX_EXPORT newsdex_status newsdex_writer_add_annotated(newsdex_writer* writer,
                                                           const newsdex_article* article,
                                                           const newsdex_annotations* annotations,
                                                           newsdex_add_outcome* outcome);
/* Indexes `count` articles with the effect of newsdex_writer_add on each in turn (a later one
 * with the same id wins), building documents on the writer's threads and writing shards in
 * parallel. `outcomes` (NULL, or room for `count`) receives each one's outcome. Fails with
 * NEWSDEX_ERROR_INVALID_ARGUMENT, before writing anything, when an article is NULL or has no
 * id or no body. */
NEWSDEX_EXPORT newsdex_status newsdex_writer_add_batch(newsdex_writer* writer,
                                                       const newsdex_article* const* articles,
                                                       size_t count, newsdex_add_outcome* outcomes);
/* Indexes an article given as one JSON Lines record (see README "Input formats"): only "body"
 * is required; without "id" the id is a hash of the body. Fails with NEWSDEX_ERROR_INPUT for
 * invalid JSON, wrong field types, an invalid date or an empty body. */
NEWSDEX_EXPORT newsdex_status newsdex_writer_add_json(newsdex_writer* writer, const char* json,
                                                      newsdex_add_outcome* outcome);
/* Removes the article with this id. `removed` (may be NULL) is set to 1, or 0 when there was
 * none. */
NEWSDEX_EXPORT newsdex_status newsdex_writer_remove(newsdex_writer* writer, const char* id,
                                                    int* removed);
/* Makes every change so far durable and visible to readers. */
NEWSDEX_EXPORT newsdex_status newsdex_writer_commit(newsdex_writer* writer);
/* Replaces the index's synonyms with those of a synonyms file's text (README "synonyms": one
 * group of equivalent words or phrases per line, separated by commas; "" removes them all),
 * visible to searches after the next commit. `file` names the text in errors (NULL:
 * "synonyms"). Fails with NEWSDEX_ERROR_INPUT, changing nothing, for a line that cannot be
 * used; the message is "FILE:LINE: message". */
NEWSDEX_EXPORT newsdex_status newsdex_writer_set_synonyms(newsdex_writer* writer, const char* text,
                                                          const char* file);
/* Number of articles, counting uncommitted changes. */
NEWSDEX_EXPORT newsdex_status newsdex_writer_size(const newsdex_writer* writer, size_t* size);

/* Flags of newsdex_compact. */
#define NEWSDEX_COMPACT_MERGE_SHARDS 1u /* make one database of a sharded index */

/* Rewrites the index at `path` smaller, as Xapian's compactor does (`searchtool compact`).
 * Fails with NEWSDEX_ERROR_LOCKED while a writer holds it; needs disk space for a copy. */
NEWSDEX_EXPORT newsdex_status newsdex_compact(const char* path, unsigned flags);

/* ---- Searching ---------------------------------------------------------------------------- */

/* A read-only index. Thread-safe: any number of threads may search one at once. */
typedef struct newsdex_index newsdex_index;

/* Fails with NEWSDEX_ERROR_NOT_FOUND when the path holds no index, NEWSDEX_ERROR_FORMAT when it
 * holds something that is not a newsdex index this version reads, NEWSDEX_ERROR_SHARD_UNAVAILABLE
 * when a remote shard its stub file lists does not answer. Opens with the default options. */
NEWSDEX_EXPORT newsdex_status newsdex_index_open(const char* path, newsdex_index** index);

/* The limits and remote-shard settings of IndexOptions (newsdex/index.hpp), set through
 * functions. Use from one thread at a time. */
typedef struct newsdex_index_options newsdex_index_options;

/* Options with the defaults: queries of at most 8192 bytes and 20 wildcards, each standing for at
 * most 1000 words, at most 10000 hits per page, 3 retries when a commit invalidates a search,
 * 10 s timeouts for remote shards, no partial results. NULL when memory runs out. */
NEWSDEX_EXPORT newsdex_index_options* newsdex_index_options_new(void);
NEWSDEX_EXPORT void newsdex_index_options_free(newsdex_index_options* options);
/* Longest query accepted in bytes, most wildcards in one query, most words one wildcard stands
 * for (the most frequent are kept): a query beyond the first two fails with NEWSDEX_ERROR_QUERY.
 * Each must be positive. */
NEWSDEX_EXPORT newsdex_status newsdex_index_options_set_query_limits(newsdex_index_options* options,
                                                                     size_t max_query_bytes,
                                                                     size_t max_wildcards,
                                                                     size_t max_wildcard_terms);
/* Largest request limit (hits per page) accepted; positive. */
NEWSDEX_EXPORT newsdex_status newsdex_index_options_set_max_limit(newsdex_index_options* options,
                                                                  size_t max_limit);
/* How long to wait for each answer of a remote shard, and for a connection to one; at least 1
 * ms each. */
NEWSDEX_EXPORT newsdex_status newsdex_index_options_set_remote_timeouts(
    newsdex_index_options* options, unsigned answer_milliseconds, unsigned connect_milliseconds);
/* 1: when shards do not answer, search the others and mark the results partial
 * (newsdex_results_partial), leaving a failed shard out for `retry_milliseconds` before trying it
 * again; 0 (the default): fail with NEWSDEX_ERROR_SHARD_UNAVAILABLE. */
NEWSDEX_EXPORT newsdex_status newsdex_index_options_set_partial(newsdex_index_options* options,
                                                                int allow_partial,
                                                                unsigned retry_milliseconds);
/* Opens the index at `path` with `options` (NULL for the defaults), failing as
 * newsdex_index_open does. The options may be freed or changed afterwards. */
NEWSDEX_EXPORT newsdex_status newsdex_index_open_with(const char* path,
                                                      const newsdex_index_options* options,
                                                      newsdex_index** index);
NEWSDEX_EXPORT void newsdex_index_close(newsdex_index* index);

/* Number of articles, as of the last commit. */
NEWSDEX_EXPORT newsdex_status newsdex_index_size(const newsdex_index* index, size_t* size);

/* The stored article with this id, body included, in a new handle the caller frees with
 * newsdex_article_free; *article is NULL (and the status NEWSDEX_OK) when there is none. */
NEWSDEX_EXPORT newsdex_status newsdex_index_get(const newsdex_index* index, const char* id,
                                                newsdex_article** article);

typedef enum newsdex_sort {
  NEWSDEX_SORT_RELEVANCE = 0,         /* BM25, ties broken by newest first (the default) */
  NEWSDEX_SORT_NEWEST = 1,            /* publication date, newest first, then relevance */
  NEWSDEX_SORT_OLDEST = 2,            /* publication date, oldest first, then relevance */
  NEWSDEX_SORT_FORCE_INT = 0x7FFFFFFF /* not an order; see NEWSDEX_FIELD_FORCE_INT */
} newsdex_sort;

typedef enum newsdex_match {
  NEWSDEX_MATCH_ALL = 0,               /* every word must match (the default) */
  NEWSDEX_MATCH_ANY = 1,               /* any word may match; more matching words rank higher */
  NEWSDEX_MATCH_FORCE_INT = 0x7FFFFFFF /* not a mode; see NEWSDEX_FIELD_FORCE_INT */
} newsdex_match;

/* A query and its options (README "Query syntax"). */
typedef struct newsdex_request newsdex_request;

/* A request for `query` (NULL means "", which matches every article) with the defaults: limit
 * 10, offset 0, relevance order, every word must match, snippets of about 300 bytes. NULL when
 * memory runs out. */
NEWSDEX_EXPORT newsdex_request* newsdex_request_new(const char* query);
NEWSDEX_EXPORT void newsdex_request_free(newsdex_request* request);
NEWSDEX_EXPORT newsdex_status newsdex_request_set_query(newsdex_request* request,
                                                        const char* query);
/* Hits to return, 1..10000 (newsdex_index_search checks it). */
NEWSDEX_EXPORT newsdex_status newsdex_request_set_limit(newsdex_request* request, size_t limit);
/* Hits to skip, for paging. */
NEWSDEX_EXPORT newsdex_status newsdex_request_set_offset(newsdex_request* request, size_t offset);
NEWSDEX_EXPORT newsdex_status newsdex_request_set_sort(newsdex_request* request, newsdex_sort sort);
NEWSDEX_EXPORT newsdex_status newsdex_request_set_match(newsdex_request* request,
                                                        newsdex_match match);
/* Target length of each hit's snippet; 0 for none. */
NEWSDEX_EXPORT newsdex_status newsdex_request_set_snippet_bytes(newsdex_request* request,
                                                                size_t bytes);

/* The fields facets count (README "Facets and timelines"). */
typedef enum newsdex_facet_field {
  NEWSDEX_FACET_SPEAKER = 0,           /* who is quoted (every speaker of an article counts) */
  NEWSDEX_FACET_PLACE = 1,             /* places named (every place counts) */
  NEWSDEX_FACET_COUNTRY = 2,           /* ISO 3166-1 alpha-2 codes of the places' countries */
  NEWSDEX_FACET_SOURCE = 3,            /* publisher or feed */
  NEWSDEX_FACET_YEAR = 4,              /* year of publication */
  NEWSDEX_FACET_MONTH = 5,             /* month of publication */
  NEWSDEX_FACET_FORCE_INT = 0x7FFFFFFF /* not a field; see NEWSDEX_FIELD_FORCE_INT */
} newsdex_facet_field;

/* Counts the values of `field` over every matching article (exact counts, at a cost in
 * proportion to the number of matches). Results list the facets in the order they were added;
 * adding a field twice counts it once. */
NEWSDEX_EXPORT newsdex_status newsdex_request_add_facet(newsdex_request* request,
                                                        newsdex_facet_field field);
/* Values returned per facet, most frequent first; 1..10000 (newsdex_index_search checks it).
 * Default 10. */
NEWSDEX_EXPORT newsdex_status newsdex_request_set_facet_limit(newsdex_request* request,
                                                              size_t limit);

typedef enum newsdex_timeline_period {
  NEWSDEX_TIMELINE_NONE = 0, /* no timeline (the default) */
  NEWSDEX_TIMELINE_DAY = 1,
  NEWSDEX_TIMELINE_WEEK = 2, /* ISO 8601 weeks, named "2022-W46" */
  NEWSDEX_TIMELINE_MONTH = 3,
  NEWSDEX_TIMELINE_YEAR = 4,
  NEWSDEX_TIMELINE_FORCE_INT = 0x7FFFFFFF /* not a period; see NEWSDEX_FIELD_FORCE_INT */
} newsdex_timeline_period;

/* Counts the matches per period of publication (newsdex_results_timeline_size). */
NEWSDEX_EXPORT newsdex_status newsdex_request_set_timeline(newsdex_request* request,
                                                           newsdex_timeline_period period);

/* Blends relevance with publication age (README "Sorting and recency"): an article's boost
 * halves every `half_life_days` days and is `weight` times the best score the query allows on
 * the reference date. 0 days turns it off (the default); the usual weight is 0.25. With a date
 * sort order, or a negative half-life or a weight that is not positive, newsdex_index_search
 * fails with NEWSDEX_ERROR_INVALID_ARGUMENT. */
NEWSDEX_EXPORT newsdex_status newsdex_request_set_recency(newsdex_request* request,
                                                          double half_life_days, double weight);
/* The date ages count from, "YYYY-MM-DD"; NULL or "" for the newest publication date in the
 * index (the default). Fails with NEWSDEX_ERROR_INVALID_ARGUMENT for anything else. */
NEWSDEX_EXPORT newsdex_status newsdex_request_set_recency_reference(newsdex_request* request,
                                                                    const char* date);
/* Look for a spelling correction (newsdex_results_suggestion) when fewer articles than this
 * match; 0 never looks. Default 3. */
NEWSDEX_EXPORT newsdex_status newsdex_request_set_suggest_below(newsdex_request* request,
                                                                size_t matches);

/* 1: count every match exactly (newsdex_results_total_exact then returns 1), at the cost of a
 * second pass over the matches when the ranking skipped some; 0 (the default): Xapian's
 * estimate, exact when the ranking saw every match or facets or a timeline counted them. */
NEWSDEX_EXPORT newsdex_status newsdex_request_set_exact_total(newsdex_request* request, int exact);

/* One page of hits, with the number of matches, facets and timeline. */
typedef struct newsdex_results newsdex_results;
/* One hit, borrowed from its results. */
typedef struct newsdex_hit newsdex_hit;
/* The counts of one facet field, borrowed from its results. */
typedef struct newsdex_facet newsdex_facet;

/* Runs a request. Fails with NEWSDEX_ERROR_QUERY for a query that cannot be parsed and
 * NEWSDEX_ERROR_INVALID_ARGUMENT for a limit outside 1..10000. The results are the caller's. */
NEWSDEX_EXPORT newsdex_status newsdex_index_search(const newsdex_index* index,
                                                   const newsdex_request* request,
                                                   newsdex_results** results);
NEWSDEX_EXPORT void newsdex_results_free(newsdex_results* results);

/* Number of matching articles: Xapian's estimate, exact when newsdex_results_total_exact
 * returns 1. */
NEWSDEX_EXPORT size_t newsdex_results_total(const newsdex_results* results);
NEWSDEX_EXPORT int newsdex_results_total_exact(const newsdex_results* results);
/* Hits in this page (at most the request's limit). */
NEWSDEX_EXPORT size_t newsdex_results_count(const newsdex_results* results);
/* The index-th hit of the page, valid until the results are freed; NULL when out of range. */
NEWSDEX_EXPORT const newsdex_hit* newsdex_results_hit(const newsdex_results* results, size_t index);

/* The query with misspelled words corrected, when it matched fewer articles than the
 * request's suggest_below and the correction matches more; NULL otherwise. */
NEWSDEX_EXPORT const char* newsdex_results_suggestion(const newsdex_results* results);

/* 1 when some shards did not answer and the results come from the others alone (the index was
 * opened with partial results allowed); 0 for a complete answer. */
NEWSDEX_EXPORT int newsdex_results_partial(const newsdex_results* results);
/* The shards left out of partial results: each one's name as the stub file gives it
 * ("10.0.0.7:33333") and the error it gave; NULL when out of range. */
NEWSDEX_EXPORT size_t newsdex_results_failed_shard_count(const newsdex_results* results);
NEWSDEX_EXPORT const char* newsdex_results_failed_shard(const newsdex_results* results,
                                                        size_t index);
NEWSDEX_EXPORT const char* newsdex_results_failed_shard_error(const newsdex_results* results,
                                                              size_t index);
/* What the request asked for that the index could not fully give, in words for a person; none
 * for a complete answer. NULL when out of range. */
NEWSDEX_EXPORT size_t newsdex_results_warning_count(const newsdex_results* results);
NEWSDEX_EXPORT const char* newsdex_results_warning(const newsdex_results* results, size_t index);

/* Facets, in the order the request added them. */
NEWSDEX_EXPORT size_t newsdex_results_facet_count(const newsdex_results* results);
/* The index-th facet, valid until the results are freed; NULL when out of range. */
NEWSDEX_EXPORT const newsdex_facet* newsdex_results_facet(const newsdex_results* results,
                                                          size_t index);
NEWSDEX_EXPORT newsdex_facet_field newsdex_facet_get_field(const newsdex_facet* facet);
/* "speaker", "place", "country", "source", "year" or "month"; NULL for a NULL facet. */
NEWSDEX_EXPORT const char* newsdex_facet_name(const newsdex_facet* facet);
/* Number of distinct values among all the matches (more than newsdex_facet_size when the
 * facet limit cut the list). */
NEWSDEX_EXPORT size_t newsdex_facet_distinct(const newsdex_facet* facet);
/* Values returned, most frequent first, ties in order of value. */
NEWSDEX_EXPORT size_t newsdex_facet_size(const newsdex_facet* facet);
/* The index-th value as results show it ("Leyla Abdullayeva", "AZ", "2022", "2022-11"); NULL
 * when out of range. */
NEWSDEX_EXPORT const char* newsdex_facet_value(const newsdex_facet* facet, size_t index);
/* Number of matching articles with the index-th value; 0 when out of range. */
NEWSDEX_EXPORT size_t newsdex_facet_count(const newsdex_facet* facet, size_t index);
/* A query filter selecting the articles with the index-th value (speaker:"Leyla Abdullayeva"),
 * for drilling down; NULL when out of range. */
NEWSDEX_EXPORT const char* newsdex_facet_filter(const newsdex_facet* facet, size_t index);

/* Periods of the timeline: every one from the first to the last with a match, empty ones
 * included, oldest first; 0 when the request asked for none. Undated articles are not
 * counted. */
NEWSDEX_EXPORT size_t newsdex_results_timeline_size(const newsdex_results* results);
/* The index-th period's name: "2022-11-16", "2022-W46", "2022-11" or "2022"; NULL when out of
 * range. */
NEWSDEX_EXPORT const char* newsdex_results_timeline_period(const newsdex_results* results,
                                                           size_t index);
/* The first day of the index-th period, "YYYY-MM-DD"; NULL when out of range. */
NEWSDEX_EXPORT const char* newsdex_results_timeline_start(const newsdex_results* results,
                                                          size_t index);
/* Matches published in the index-th period; 0 when out of range. */
NEWSDEX_EXPORT size_t newsdex_results_timeline_count(const newsdex_results* results, size_t index);

/* 1-based position in the whole result list (offset included). */
NEWSDEX_EXPORT size_t newsdex_hit_rank(const newsdex_hit* hit);
/* BM25 relevance, comparable only within one result list. */
NEWSDEX_EXPORT double newsdex_hit_score(const newsdex_hit* hit);
/* A field's value ("" when empty), or NULL for a NULL hit or NEWSDEX_FIELD_BODY and
 * NEWSDEX_FIELD_LANGUAGE, which hits do not carry (newsdex_index_get returns them). */
NEWSDEX_EXPORT const char* newsdex_hit_get(const newsdex_hit* hit, newsdex_field field);
NEWSDEX_EXPORT size_t newsdex_hit_speaker_count(const newsdex_hit* hit);
NEWSDEX_EXPORT const char* newsdex_hit_speaker(const newsdex_hit* hit, size_t index);
NEWSDEX_EXPORT size_t newsdex_hit_place_count(const newsdex_hit* hit);
NEWSDEX_EXPORT const char* newsdex_hit_place(const newsdex_hit* hit, size_t index);
/* Matched words within the snippet, as [start, end) byte offsets. */
NEWSDEX_EXPORT size_t newsdex_hit_highlight_count(const newsdex_hit* hit);
/* Sets *start and *end of the index-th highlight; returns 0 when index is out of range. */
NEWSDEX_EXPORT int newsdex_hit_highlight(const newsdex_hit* hit, size_t index, size_t* start,
                                         size_t* end);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* NEWSDEX_NEWSDEX_H */
