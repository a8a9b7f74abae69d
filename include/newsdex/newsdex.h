/* newsdex/newsdex.h: the C API, for hosts in C and for bindings (Python ctypes or cffi, Go cgo,
 * Rust FFI). It wraps the C++ API over the same library: create an index, add and remove
 * articles, commit, search with every request option, read the hits.
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
 * Threads: an index may be searched from many threads at once; everything else (writers,
 * articles, requests, results) must be used by one thread at a time, though results and articles
 * may be read from several threads when nobody changes or frees them.
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
  NEWSDEX_ERROR_NO_MEMORY = 9
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

/* ---- Writing ------------------------------------------------------------------------------ */

/* Holds the write lock of one index. Use from one thread at a time. */
typedef struct newsdex_writer newsdex_writer;

/* Flags of newsdex_writer_open. */
#define NEWSDEX_WRITER_CREATE 1u /* create the index when the path holds none */

/* What adding an article did. */
typedef enum newsdex_add_outcome {
  NEWSDEX_ADDED = 0,    /* the id was new */
  NEWSDEX_REPLACED = 1, /* an article with the id existed and differed; it was replaced */
  NEWSDEX_UNCHANGED = 2 /* an identical article with the id is indexed; nothing was written */
} newsdex_add_outcome;

/* Opens the index at `path` for writing; with NEWSDEX_WRITER_CREATE, creates it when missing.
 * `language` is the stemming language of a new index ("english", "fr", ...); NULL for english.
 * Fails with NEWSDEX_ERROR_LOCKED when another writer holds the index, NEWSDEX_ERROR_NOT_FOUND
 * when it is missing and the flag is not given, NEWSDEX_ERROR_FORMAT when the path holds
 * something else. Commits automatically every 2000 articles or 32 MiB of text. */
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

/* ---- Searching ---------------------------------------------------------------------------- */

/* A read-only index. Thread-safe: any number of threads may search one at once. */
typedef struct newsdex_index newsdex_index;

/* Fails with NEWSDEX_ERROR_NOT_FOUND when the path holds no index, NEWSDEX_ERROR_FORMAT when it
 * holds something that is not a newsdex index this version reads. */
NEWSDEX_EXPORT newsdex_status newsdex_index_open(const char* path, newsdex_index** index);
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

/* One page of hits, with the number of matches. */
typedef struct newsdex_results newsdex_results;
/* One hit, borrowed from its results. */
typedef struct newsdex_hit newsdex_hit;

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
