/* Tests the C API from C: compiled as C11, linked against the shared library, as a C host or a
 * binding would be. Writes a small index in a temporary folder, searches it with the request
 * options and checks every status and error path on the way. */
#define _XOPEN_SOURCE 700

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <newsdex/newsdex.h>

static int failures = 0;

#define CHECK(condition)                                                            \
  do {                                                                              \
    if (!(condition)) {                                                             \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #condition); \
      ++failures;                                                                   \
    }                                                                               \
  } while (0)

#define CHECK_STATUS(call, expected)                                                          \
  do {                                                                                        \
    newsdex_status status_ = (call);                                                          \
    if (status_ != (expected)) {                                                              \
      fprintf(stderr, "%s:%d: %s returned %d (%s), expected %d\n", __FILE__, __LINE__, #call, \
              (int)status_, newsdex_last_error(), (int)(expected));                           \
      ++failures;                                                                             \
    }                                                                                         \
  } while (0)

#define CHECK_STR(actual, expected)                                                          \
  do {                                                                                       \
    const char* actual_ = (actual);                                                          \
    if (actual_ == NULL || strcmp(actual_, (expected)) != 0) {                               \
      fprintf(stderr, "%s:%d: %s is \"%s\", expected \"%s\"\n", __FILE__, __LINE__, #actual, \
              actual_ ? actual_ : "(null)", (expected));                                     \
      ++failures;                                                                            \
    }                                                                                        \
  } while (0)

static int remove_entry(const char* path, const struct stat* info, int type, struct FTW* walk) {
  (void)info;
  (void)type;
  (void)walk;
  return remove(path);
}

static newsdex_article* make_article(const char* id, const char* date, const char* title,
                                     const char* body, const char* speaker) {
  newsdex_article* article = newsdex_article_new();
  CHECK(article != NULL);
  CHECK_STATUS(newsdex_article_set(article, NEWSDEX_FIELD_ID, id), NEWSDEX_OK);
  CHECK_STATUS(newsdex_article_set(article, NEWSDEX_FIELD_DATE, date), NEWSDEX_OK);
  CHECK_STATUS(newsdex_article_set(article, NEWSDEX_FIELD_TITLE, title), NEWSDEX_OK);
  CHECK_STATUS(newsdex_article_set(article, NEWSDEX_FIELD_BODY, body), NEWSDEX_OK);
  CHECK_STATUS(newsdex_article_set(article, NEWSDEX_FIELD_SOURCE, "Test Wire"), NEWSDEX_OK);
  if (speaker != NULL) CHECK_STATUS(newsdex_article_add_speaker(article, speaker), NEWSDEX_OK);
  return article;
}

static void test_version(void) {
  CHECK_STR(newsdex_version(), NEWSDEX_VERSION_STRING);
  CHECK(NEWSDEX_VERSION_NUMBER ==
        NEWSDEX_VERSION_MAJOR * 10000 + NEWSDEX_VERSION_MINOR * 100 + NEWSDEX_VERSION_PATCH);
}

static void test_articles(void) {
  newsdex_article* article = newsdex_article_new();
  CHECK_STR(newsdex_article_get(article, NEWSDEX_FIELD_TITLE), "");
  CHECK_STR(newsdex_article_get(article, NEWSDEX_FIELD_DATE), "");
  CHECK_STATUS(newsdex_article_set(article, NEWSDEX_FIELD_DATE, "2022-02-30"),
               NEWSDEX_ERROR_INVALID_ARGUMENT);
  CHECK(strstr(newsdex_last_error(), "2022-02-30") != NULL);
  CHECK_STR(newsdex_article_get(article, NEWSDEX_FIELD_DATE), "");
  CHECK_STATUS(newsdex_article_set(article, NEWSDEX_FIELD_DATE, "2023-04-05"), NEWSDEX_OK);
  CHECK_STR(newsdex_last_error(), "");
  CHECK_STR(newsdex_article_get(article, NEWSDEX_FIELD_DATE), "2023-04-05");
  CHECK_STATUS(newsdex_article_set(article, NEWSDEX_FIELD_SNIPPET, "x"),
               NEWSDEX_ERROR_INVALID_ARGUMENT);
  CHECK(newsdex_article_get(article, NEWSDEX_FIELD_SNIPPET) == NULL);
  CHECK_STATUS(newsdex_article_set(article, (newsdex_field)99, "x"),
               NEWSDEX_ERROR_INVALID_ARGUMENT);
  CHECK(newsdex_article_get(article, (newsdex_field)99) == NULL);
  CHECK_STATUS(newsdex_article_set(article, NEWSDEX_FIELD_TITLE, NULL), NEWSDEX_OK);
  CHECK_STATUS(newsdex_article_add_place(article, "Tartu"), NEWSDEX_OK);
  CHECK_STATUS(newsdex_article_add_place(article, NULL), NEWSDEX_ERROR_INVALID_ARGUMENT);
  CHECK(newsdex_article_place_count(article) == 1);
  CHECK_STR(newsdex_article_place(article, 0), "Tartu");
  CHECK(newsdex_article_place(article, 1) == NULL);
  CHECK(newsdex_article_speaker_count(article) == 0);
  newsdex_article_free(article);

  CHECK_STATUS(newsdex_article_set(NULL, NEWSDEX_FIELD_ID, "x"), NEWSDEX_ERROR_INVALID_ARGUMENT);
  CHECK(strstr(newsdex_last_error(), "NULL") != NULL);
  CHECK(newsdex_article_get(NULL, NEWSDEX_FIELD_ID) == NULL);
  newsdex_article_free(NULL);
  newsdex_string_free(NULL);
}

/* Writes four articles: three through handles, one as JSON. */
static void write_index(const char* path) {
  newsdex_writer* writer = NULL;
  CHECK_STATUS(newsdex_writer_open(path, NULL, 0, &writer), NEWSDEX_ERROR_NOT_FOUND);
  CHECK(writer == NULL);
  CHECK_STATUS(newsdex_writer_open(path, "klingon", NEWSDEX_WRITER_CREATE, &writer),
               NEWSDEX_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(newsdex_writer_open(path, "english", 0x80, &writer), NEWSDEX_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(newsdex_writer_open(path, "english", NEWSDEX_WRITER_CREATE, &writer), NEWSDEX_OK);
  CHECK(writer != NULL);

  newsdex_writer* second = NULL;
  CHECK_STATUS(newsdex_writer_open(path, NULL, NEWSDEX_WRITER_CREATE, &second),
               NEWSDEX_ERROR_LOCKED);
  CHECK(second == NULL);
  CHECK(strlen(newsdex_last_error()) > 0);

  newsdex_article* ferry = make_article(
      "ferry", "2022-01-14", "Icebreaker frees Tallinn ferries",
      "An icebreaker freed three ferries stuck in the bay on Friday, the port said.", "Mari Kask");
  newsdex_article* tram =
      make_article("tram", "2024-03-02", "Krakow orders new trams",
                   "The city ordered forty trams for its busiest lines, officials said.", NULL);
  newsdex_article* cocoa = make_article(
      "cocoa", "2023-07-09", "Cocoa prices lift Rotterdam traders",
      "Cocoa shipments through the port rose as prices climbed, traders said.", "Jan de Vries");
  newsdex_add_outcome outcome = NEWSDEX_UNCHANGED;
  CHECK_STATUS(newsdex_writer_add(writer, ferry, &outcome), NEWSDEX_OK);
  CHECK(outcome == NEWSDEX_ADDED);
  CHECK_STATUS(newsdex_writer_add(writer, tram, NULL), NEWSDEX_OK);
  CHECK_STATUS(newsdex_writer_add(writer, cocoa, &outcome), NEWSDEX_OK);
  CHECK_STATUS(newsdex_writer_add(writer, cocoa, &outcome), NEWSDEX_OK);
  CHECK(outcome == NEWSDEX_UNCHANGED);
  CHECK_STATUS(newsdex_article_set(cocoa, NEWSDEX_FIELD_TITLE, "Cocoa prices lift port traders"),
               NEWSDEX_OK);
  CHECK_STATUS(newsdex_writer_add(writer, cocoa, &outcome), NEWSDEX_OK);
  CHECK(outcome == NEWSDEX_REPLACED);

  newsdex_article* empty = newsdex_article_new();
  CHECK_STATUS(newsdex_article_set(empty, NEWSDEX_FIELD_ID, "empty"), NEWSDEX_OK);
  CHECK_STATUS(newsdex_writer_add(writer, empty, NULL), NEWSDEX_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(newsdex_writer_add(writer, NULL, NULL), NEWSDEX_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(newsdex_writer_add(NULL, ferry, NULL), NEWSDEX_ERROR_INVALID_ARGUMENT);

  CHECK_STATUS(newsdex_writer_add_json(writer,
                                       "{\"id\": \"sauna\", \"date\": \"2022-12-24\", "
                                       "\"title\": \"Sauna marathon in Tallinn\", \"body\": "
                                       "\"Bathers stayed in the sauna for twelve hours.\", "
                                       "\"places\": [\"Tallinn\"]}",
                                       &outcome),
               NEWSDEX_OK);
  CHECK(outcome == NEWSDEX_ADDED);
  CHECK_STATUS(newsdex_writer_add_json(writer, "{\"id\": \"broken\", \"body\": ", NULL),
               NEWSDEX_ERROR_INPUT);
  CHECK(strlen(newsdex_last_error()) > 0);
  CHECK_STATUS(newsdex_writer_add_json(writer, "{\"body\": \"x\", \"date\": \"2022-13-01\"}", NULL),
               NEWSDEX_ERROR_INPUT);

  int removed = -1;
  CHECK_STATUS(newsdex_writer_remove(writer, "no-such-id", &removed), NEWSDEX_OK);
  CHECK(removed == 0);
  CHECK_STATUS(newsdex_writer_commit(writer), NEWSDEX_OK);
  newsdex_writer_close(writer);
  newsdex_writer_close(NULL);

  newsdex_article_free(ferry);
  newsdex_article_free(tram);
  newsdex_article_free(cocoa);
  newsdex_article_free(empty);
}

static newsdex_results* search(const newsdex_index* index, newsdex_request* request,
                               const char* query) {
  newsdex_results* results = NULL;
  CHECK_STATUS(newsdex_request_set_query(request, query), NEWSDEX_OK);
  CHECK_STATUS(newsdex_index_search(index, request, &results), NEWSDEX_OK);
  CHECK(results != NULL);
  return results;
}

static void test_search(const char* path) {
  newsdex_index* index = NULL;
  CHECK_STATUS(newsdex_index_open(path, &index), NEWSDEX_OK);
  size_t size = 0;
  CHECK_STATUS(newsdex_index_size(index, &size), NEWSDEX_OK);
  CHECK(size == 4);

  newsdex_request* request = newsdex_request_new("port");
  CHECK(request != NULL);
  newsdex_results* results = search(index, request, "ferries speaker:kask");
  CHECK(newsdex_results_count(results) == 1);
  CHECK(newsdex_results_total(results) == 1);
  CHECK(newsdex_results_total_exact(results) == 1);
  const newsdex_hit* hit = newsdex_results_hit(results, 0);
  CHECK(hit != NULL);
  CHECK(newsdex_results_hit(results, 1) == NULL);
  CHECK(newsdex_hit_rank(hit) == 1);
  CHECK(newsdex_hit_score(hit) > 0);
  CHECK_STR(newsdex_hit_get(hit, NEWSDEX_FIELD_ID), "ferry");
  CHECK_STR(newsdex_hit_get(hit, NEWSDEX_FIELD_DATE), "2022-01-14");
  CHECK_STR(newsdex_hit_get(hit, NEWSDEX_FIELD_TITLE), "Icebreaker frees Tallinn ferries");
  CHECK_STR(newsdex_hit_get(hit, NEWSDEX_FIELD_SOURCE), "Test Wire");
  CHECK_STR(newsdex_hit_get(hit, NEWSDEX_FIELD_URL), "");
  CHECK(newsdex_hit_get(hit, NEWSDEX_FIELD_BODY) == NULL);
  CHECK(newsdex_hit_speaker_count(hit) == 1);
  CHECK_STR(newsdex_hit_speaker(hit, 0), "Mari Kask");
  CHECK(newsdex_hit_speaker(hit, 1) == NULL);
  CHECK(newsdex_hit_place_count(hit) == 0);
  const char* snippet = newsdex_hit_get(hit, NEWSDEX_FIELD_SNIPPET);
  CHECK(newsdex_hit_highlight_count(hit) >= 1);
  size_t start = 0;
  size_t end = 0;
  CHECK(newsdex_hit_highlight(hit, 0, &start, &end) == 1);
  CHECK(snippet != NULL && end > start && end <= strlen(snippet) &&
        strncmp(snippet + start, "ferries", end - start) == 0);
  CHECK(newsdex_hit_highlight(hit, 99, &start, &end) == 0);
  newsdex_results_free(results);

  /* Everything, newest first, in pages of two. */
  CHECK_STATUS(newsdex_request_set_sort(request, NEWSDEX_SORT_NEWEST), NEWSDEX_OK);
  CHECK_STATUS(newsdex_request_set_limit(request, 2), NEWSDEX_OK);
  results = search(index, request, "");
  CHECK(newsdex_results_total(results) == 4);
  CHECK(newsdex_results_count(results) == 2);
  CHECK_STR(newsdex_hit_get(newsdex_results_hit(results, 0), NEWSDEX_FIELD_ID), "tram");
  CHECK_STR(newsdex_hit_get(newsdex_results_hit(results, 1), NEWSDEX_FIELD_ID), "cocoa");
  newsdex_results_free(results);
  CHECK_STATUS(newsdex_request_set_offset(request, 2), NEWSDEX_OK);
  CHECK_STATUS(newsdex_request_set_sort(request, NEWSDEX_SORT_OLDEST), NEWSDEX_OK);
  results = search(index, request, "");
  CHECK(newsdex_results_count(results) == 2);
  CHECK(newsdex_hit_rank(newsdex_results_hit(results, 0)) == 3);
  CHECK_STR(newsdex_hit_get(newsdex_results_hit(results, 0), NEWSDEX_FIELD_ID), "cocoa");
  CHECK_STR(newsdex_hit_get(newsdex_results_hit(results, 1), NEWSDEX_FIELD_ID), "tram");
  newsdex_results_free(results);

  /* Every word must match unless the request says any; fields and dates filter. */
  CHECK_STATUS(newsdex_request_set_offset(request, 0), NEWSDEX_OK);
  CHECK_STATUS(newsdex_request_set_limit(request, 10), NEWSDEX_OK);
  CHECK_STATUS(newsdex_request_set_sort(request, NEWSDEX_SORT_RELEVANCE), NEWSDEX_OK);
  results = search(index, request, "trams sauna");
  CHECK(newsdex_results_count(results) == 0);
  newsdex_results_free(results);
  CHECK_STATUS(newsdex_request_set_match(request, NEWSDEX_MATCH_ANY), NEWSDEX_OK);
  results = search(index, request, "trams sauna");
  CHECK(newsdex_results_count(results) == 2);
  newsdex_results_free(results);
  CHECK_STATUS(newsdex_request_set_match(request, NEWSDEX_MATCH_ALL), NEWSDEX_OK);
  CHECK_STATUS(newsdex_request_set_snippet_bytes(request, 0), NEWSDEX_OK);
  results = search(index, request, "place:tallinn date:2022-12");
  CHECK(newsdex_results_count(results) == 1);
  CHECK_STR(newsdex_hit_get(newsdex_results_hit(results, 0), NEWSDEX_FIELD_ID), "sauna");
  CHECK_STR(newsdex_hit_get(newsdex_results_hit(results, 0), NEWSDEX_FIELD_SNIPPET), "");
  CHECK_STR(newsdex_hit_place(newsdex_results_hit(results, 0), 0), "Tallinn");
  newsdex_results_free(results);

  /* Errors leave *results NULL and say what is wrong. */
  results = NULL;
  CHECK_STATUS(newsdex_request_set_query(request, "tram speeker:kask"), NEWSDEX_OK);
  CHECK_STATUS(newsdex_index_search(index, request, &results), NEWSDEX_ERROR_QUERY);
  CHECK(results == NULL);
  CHECK(strstr(newsdex_last_error(), "speeker") != NULL);
  CHECK(newsdex_last_error_position() == 5);
  CHECK_STATUS(newsdex_request_set_query(request, "tram"), NEWSDEX_OK);
  CHECK_STATUS(newsdex_request_set_limit(request, 0), NEWSDEX_OK);
  CHECK_STATUS(newsdex_index_search(index, request, &results), NEWSDEX_ERROR_INVALID_ARGUMENT);
  CHECK(newsdex_last_error_position() == 0);
  CHECK_STATUS(newsdex_request_set_sort(request, (newsdex_sort)7), NEWSDEX_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(newsdex_request_set_match(request, (newsdex_match)7),
               NEWSDEX_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(newsdex_index_search(NULL, request, &results), NEWSDEX_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(newsdex_index_search(index, NULL, &results), NEWSDEX_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(newsdex_index_search(index, request, NULL), NEWSDEX_ERROR_INVALID_ARGUMENT);
  CHECK(newsdex_results_count(NULL) == 0);
  CHECK(newsdex_results_hit(NULL, 0) == NULL);
  CHECK(newsdex_hit_get(NULL, NEWSDEX_FIELD_ID) == NULL);
  newsdex_results_free(NULL);
  newsdex_request_free(request);

  /* The stored article, body included, and its JSON form. */
  newsdex_article* article = NULL;
  CHECK_STATUS(newsdex_index_get(index, "sauna", &article), NEWSDEX_OK);
  CHECK(article != NULL);
  CHECK_STR(newsdex_article_get(article, NEWSDEX_FIELD_BODY),
            "Bathers stayed in the sauna for twelve hours.");
  CHECK_STR(newsdex_article_get(article, NEWSDEX_FIELD_DATE), "2022-12-24");
  CHECK(newsdex_article_place_count(article) == 1);
  char* json = NULL;
  CHECK_STATUS(newsdex_article_to_json(article, &json), NEWSDEX_OK);
  CHECK(json != NULL && strstr(json, "\"id\":\"sauna\"") != NULL &&
        strstr(json, "\"date\":\"2022-12-24\"") != NULL);
  newsdex_string_free(json);
  newsdex_article_free(article);
  article = (newsdex_article*)&size; /* must be reset */
  CHECK_STATUS(newsdex_index_get(index, "no-such-id", &article), NEWSDEX_OK);
  CHECK(article == NULL);
  newsdex_index_close(index);
  newsdex_index_close(NULL);
}

/* Facets, timelines, suggestions and recency over the four articles write_index wrote. */
static void test_facets(const char* path) {
  newsdex_index* index = NULL;
  CHECK_STATUS(newsdex_index_open(path, &index), NEWSDEX_OK);
  newsdex_request* request = newsdex_request_new("");
  CHECK_STATUS(newsdex_request_add_facet(request, NEWSDEX_FACET_YEAR), NEWSDEX_OK);
  CHECK_STATUS(newsdex_request_add_facet(request, NEWSDEX_FACET_SPEAKER), NEWSDEX_OK);
  CHECK_STATUS(newsdex_request_add_facet(request, NEWSDEX_FACET_YEAR), NEWSDEX_OK);
  CHECK_STATUS(newsdex_request_add_facet(request, (newsdex_facet_field)99),
               NEWSDEX_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(newsdex_request_set_facet_limit(request, 2), NEWSDEX_OK);
  CHECK_STATUS(newsdex_request_set_timeline(request, NEWSDEX_TIMELINE_YEAR), NEWSDEX_OK);
  CHECK_STATUS(newsdex_request_set_timeline(request, (newsdex_timeline_period)9),
               NEWSDEX_ERROR_INVALID_ARGUMENT);
  newsdex_results* results = search(index, request, "");

  CHECK(newsdex_results_facet_count(results) == 2); /* year once, then speaker */
  const newsdex_facet* years = newsdex_results_facet(results, 0);
  CHECK(newsdex_facet_get_field(years) == NEWSDEX_FACET_YEAR);
  CHECK_STR(newsdex_facet_name(years), "year");
  CHECK(newsdex_facet_distinct(years) == 3);
  CHECK(newsdex_facet_size(years) == 2); /* the limit */
  CHECK_STR(newsdex_facet_value(years, 0), "2022");
  CHECK(newsdex_facet_count(years, 0) == 2);
  CHECK_STR(newsdex_facet_filter(years, 0), "date:2022");
  CHECK_STR(newsdex_facet_value(years, 1), "2023"); /* ties in order of value */
  CHECK(newsdex_facet_count(years, 1) == 1);
  CHECK(newsdex_facet_value(years, 2) == NULL);
  CHECK(newsdex_facet_count(years, 2) == 0);
  CHECK(newsdex_facet_filter(years, 2) == NULL);
  const newsdex_facet* speakers = newsdex_results_facet(results, 1);
  CHECK_STR(newsdex_facet_name(speakers), "speaker");
  CHECK(newsdex_facet_distinct(speakers) == 2);
  CHECK_STR(newsdex_facet_value(speakers, 0), "Jan de Vries");
  CHECK_STR(newsdex_facet_filter(speakers, 0), "speaker:\"Jan de Vries\"");
  CHECK(newsdex_results_facet(results, 2) == NULL);
  CHECK(newsdex_facet_name(NULL) == NULL && newsdex_facet_size(NULL) == 0);

  CHECK(newsdex_results_timeline_size(results) == 3);
  CHECK_STR(newsdex_results_timeline_period(results, 0), "2022");
  CHECK_STR(newsdex_results_timeline_start(results, 0), "2022-01-01");
  CHECK(newsdex_results_timeline_count(results, 0) == 2);
  CHECK_STR(newsdex_results_timeline_period(results, 2), "2024");
  CHECK(newsdex_results_timeline_count(results, 2) == 1);
  CHECK(newsdex_results_timeline_period(results, 3) == NULL);
  CHECK(newsdex_results_timeline_start(results, 3) == NULL);
  CHECK(newsdex_results_suggestion(results) == NULL);
  newsdex_results_free(results);

  /* A facet value's filter selects its articles. */
  results = search(index, request, "date:2022");
  CHECK(newsdex_results_total(results) == 2);
  newsdex_results_free(results);
  CHECK_STATUS(newsdex_request_set_facet_limit(request, 0), NEWSDEX_OK);
  CHECK_STATUS(newsdex_index_search(index, request, &results), NEWSDEX_ERROR_INVALID_ARGUMENT);
  CHECK(results == NULL);
  newsdex_request_free(request);

  /* Did you mean, and no facets or timeline unless asked for. */
  request = newsdex_request_new(NULL);
  results = search(index, request, "icebraker");
  CHECK(newsdex_results_total(results) == 0);
  CHECK_STR(newsdex_results_suggestion(results), "icebreaker");
  CHECK(newsdex_results_facet_count(results) == 0);
  CHECK(newsdex_results_timeline_size(results) == 0);
  newsdex_results_free(results);
  CHECK_STATUS(newsdex_request_set_suggest_below(request, 0), NEWSDEX_OK);
  results = search(index, request, "icebraker");
  CHECK(newsdex_results_suggestion(results) == NULL);
  newsdex_results_free(results);

  /* Recency adds to the score a boost that halves every 30 days back from the reference date:
   * all of it for the article published then, next to nothing for one two years older. */
  results = search(index, request, "port");
  CHECK(newsdex_results_count(results) == 2);
  double plain[2] = {newsdex_hit_score(newsdex_results_hit(results, 0)),
                     newsdex_hit_score(newsdex_results_hit(results, 1))};
  CHECK_STR(newsdex_hit_get(newsdex_results_hit(results, 0), NEWSDEX_FIELD_ID), "cocoa");
  CHECK_STR(newsdex_hit_get(newsdex_results_hit(results, 1), NEWSDEX_FIELD_ID), "ferry");
  newsdex_results_free(results);
  CHECK_STATUS(newsdex_request_set_recency(request, 30, 0.25), NEWSDEX_OK);
  CHECK_STATUS(newsdex_request_set_recency_reference(request, "2023-07-09"), NEWSDEX_OK);
  results = search(index, request, "port");
  CHECK(newsdex_results_count(results) == 2);
  CHECK_STR(newsdex_hit_get(newsdex_results_hit(results, 0), NEWSDEX_FIELD_ID), "cocoa");
  CHECK(newsdex_hit_score(newsdex_results_hit(results, 0)) > plain[0] + 0.1);
  CHECK(newsdex_hit_score(newsdex_results_hit(results, 1)) < plain[1] + 0.01);
  newsdex_results_free(results);
  CHECK_STATUS(newsdex_request_set_recency_reference(request, "2022-02-30"),
               NEWSDEX_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(newsdex_request_set_recency_reference(request, NULL), NEWSDEX_OK);
  CHECK_STATUS(newsdex_request_set_sort(request, NEWSDEX_SORT_NEWEST), NEWSDEX_OK);
  CHECK_STATUS(newsdex_index_search(index, request, &results), NEWSDEX_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(newsdex_request_set_sort(request, NEWSDEX_SORT_RELEVANCE), NEWSDEX_OK);
  CHECK_STATUS(newsdex_request_set_recency(request, 30, 0), NEWSDEX_OK);
  CHECK_STATUS(newsdex_index_search(index, request, &results), NEWSDEX_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(newsdex_request_add_facet(NULL, NEWSDEX_FACET_YEAR), NEWSDEX_ERROR_INVALID_ARGUMENT);
  newsdex_request_free(request);
  newsdex_index_close(index);
}

/* Extraction, and indexing what it found. */
static void test_extraction(const char* folder) {
  newsdex_extractor* extractor = NULL;
  CHECK_STATUS(newsdex_extractor_new(0x10, &extractor), NEWSDEX_ERROR_INVALID_ARGUMENT);
  CHECK(extractor == NULL);
  CHECK_STATUS(newsdex_extractor_new(NEWSDEX_EXTRACT_ALL, &extractor), NEWSDEX_OK);

  const char* body =
      "Chile and India agreed on Tuesday to expand trade in copper, Finance Minister Ana Ruiz "
      "told reporters in Santiago. \"This is a long-term partnership,\" she said.";
  newsdex_article* article =
      make_article("copper", "2024-04-16", "Chile and India expand copper trade", body, NULL);
  newsdex_annotations* notes = NULL;
  CHECK_STATUS(newsdex_extract(extractor, article, &notes), NEWSDEX_OK);
  CHECK(notes != NULL);

  CHECK(newsdex_annotations_speaker_count(notes) == 1);
  CHECK_STR(newsdex_annotations_speaker_name(notes, 0), "Ana Ruiz");
  CHECK_STR(newsdex_annotations_speaker_role(notes, 0), "Finance Minister");
  CHECK(newsdex_annotations_speaker_mention_count(notes, 0) == 2);
  size_t start = 0;
  size_t end = 0;
  CHECK(newsdex_annotations_speaker_mention(notes, 0, 0, &start, &end) == 1);
  CHECK(end - start == 8 && strncmp(body + start, "Ana Ruiz", 8) == 0);
  CHECK(newsdex_annotations_speaker_mention(notes, 0, 1, &start, &end) == 1);
  CHECK(end - start == 3 && strncmp(body + start, "she", 3) == 0);
  CHECK(newsdex_annotations_speaker_mention(notes, 0, 2, &start, &end) == 0);
  CHECK(newsdex_annotations_speaker_name(notes, 1) == NULL);

  size_t santiago = newsdex_annotations_place_count(notes);
  for (size_t i = 0; i < newsdex_annotations_place_count(notes); ++i) {
    if (strcmp(newsdex_annotations_place_name(notes, i), "Santiago") == 0) santiago = i;
  }
  CHECK(santiago < newsdex_annotations_place_count(notes));
  CHECK_STR(newsdex_annotations_place_country(notes, santiago), "CL");
  CHECK(newsdex_annotations_place_kind(notes, santiago) == NEWSDEX_PLACE_CITY);
  CHECK(newsdex_annotations_place_kind(notes, 99) == NEWSDEX_PLACE_OTHER);
  CHECK(newsdex_annotations_place_mention_count(notes, santiago) == 1);
  CHECK(newsdex_annotations_place_mention(notes, santiago, 0, &start, &end) == 1);
  CHECK(strncmp(body + start, "Santiago", end - start) == 0);
  CHECK_STR(newsdex_annotations_place_name(notes, 0), "Chile");
  CHECK(newsdex_annotations_place_kind(notes, 0) == NEWSDEX_PLACE_COUNTRY);

  CHECK(newsdex_annotations_date_count(notes) == 1);
  CHECK_STR(newsdex_annotations_date(notes, 0), "2024-04-16");
  CHECK(newsdex_annotations_date_precision(notes, 0) == NEWSDEX_PRECISION_DAY);
  CHECK_STR(newsdex_annotations_date_text(notes, 0), "on Tuesday");
  CHECK(newsdex_annotations_date_span(notes, 0, &start, &end) == 1);
  CHECK(strncmp(body + start, "on Tuesday", end - start) == 0);
  CHECK(newsdex_annotations_date(notes, 1) == NULL);
  CHECK(newsdex_annotations_date_span(notes, 1, &start, &end) == 0);

  /* Only what the flags ask for. */
  newsdex_extractor* places_only = NULL;
  CHECK_STATUS(newsdex_extractor_new(NEWSDEX_EXTRACT_PLACES, &places_only), NEWSDEX_OK);
  newsdex_annotations* some = NULL;
  CHECK_STATUS(newsdex_extract(places_only, article, &some), NEWSDEX_OK);
  CHECK(newsdex_annotations_speaker_count(some) == 0);
  CHECK(newsdex_annotations_date_count(some) == 0);
  CHECK(newsdex_annotations_place_count(some) == newsdex_annotations_place_count(notes));
  newsdex_annotations_free(some);
  newsdex_extractor_free(places_only);
  CHECK_STATUS(newsdex_extract(NULL, article, &some), NEWSDEX_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(newsdex_extract(extractor, NULL, &some), NEWSDEX_ERROR_INVALID_ARGUMENT);

  /* The annotations become searchable fields. */
  char path[4096];
  snprintf(path, sizeof path, "%s/annotated", folder);
  newsdex_writer* writer = NULL;
  CHECK_STATUS(newsdex_writer_open(path, NULL, NEWSDEX_WRITER_CREATE, &writer), NEWSDEX_OK);
  newsdex_add_outcome outcome = NEWSDEX_UNCHANGED;
  CHECK_STATUS(newsdex_writer_add_annotated(writer, article, notes, &outcome), NEWSDEX_OK);
  CHECK(outcome == NEWSDEX_ADDED);
  CHECK_STATUS(newsdex_writer_add_annotated(writer, article, NULL, &outcome), NEWSDEX_OK);
  CHECK(outcome == NEWSDEX_REPLACED); /* without the annotations it is another document */
  CHECK_STATUS(newsdex_writer_add_annotated(writer, article, notes, &outcome), NEWSDEX_OK);
  CHECK_STATUS(newsdex_writer_commit(writer), NEWSDEX_OK);
  newsdex_writer_close(writer);

  newsdex_index* index = NULL;
  CHECK_STATUS(newsdex_index_open(path, &index), NEWSDEX_OK);
  newsdex_request* request = newsdex_request_new(NULL);
  newsdex_results* results = search(index, request, "speaker:ruiz place:santiago");
  CHECK(newsdex_results_count(results) == 1);
  CHECK_STR(newsdex_hit_speaker(newsdex_results_hit(results, 0), 0), "Ana Ruiz");
  newsdex_results_free(results);
  results = search(index, request, "mentioned:2024-04-16 country:cl");
  CHECK(newsdex_results_count(results) == 1);
  newsdex_results_free(results);
  newsdex_request_free(request);
  newsdex_index_close(index);

  newsdex_annotations_free(notes);
  newsdex_annotations_free(NULL);
  newsdex_article_free(article);
  newsdex_extractor_free(extractor);
  newsdex_extractor_free(NULL);
}

static void write_file(const char* path, const char* text) {
  FILE* file = fopen(path, "w");
  CHECK(file != NULL);
  if (file == NULL) return;
  fputs(text, file);
  fclose(file);
}

/* Reading a folder, a missing path, and the problems of each call. */
static void test_reader(const char* folder) {
  char articles[2048]; /* folder is at most 1024 bytes */
  char path[4096];
  snprintf(articles, sizeof articles, "%s/articles", folder);
  CHECK(mkdir(articles, 0700) == 0);
  snprintf(path, sizeof path, "%s/a-heat.txt", articles);
  write_file(path, "date 2023-07-20\ntitle Heat record\n\nThe city broke its heat record.\n");
  snprintf(path, sizeof path, "%s/b-more.jsonl", articles);
  write_file(path,
             "{\"id\": \"rain\", \"date\": \"2023-08-01\", \"body\": \"Rain at last.\"}\n"
             "{\"id\": \"broken\", \"date\": \"2023-13-01\", \"body\": \"Bad date.\"}\n");
  char missing[4096];
  snprintf(missing, sizeof missing, "%s/missing", folder);
  const char* inputs[] = {articles, missing};

  newsdex_reader* reader = NULL;
  CHECK_STATUS(newsdex_reader_open(inputs, 2, &reader), NEWSDEX_OK);
  CHECK_STR(newsdex_reader_file(reader), "");
  newsdex_article* article = NULL;
  CHECK_STATUS(newsdex_reader_next(reader, &article), NEWSDEX_OK);
  CHECK(article != NULL);
  CHECK_STR(newsdex_article_get(article, NEWSDEX_FIELD_ID), "a-heat");
  CHECK_STR(newsdex_article_get(article, NEWSDEX_FIELD_DATE), "2023-07-20");
  CHECK_STR(newsdex_article_get(article, NEWSDEX_FIELD_TITLE), "Heat record");
  CHECK(strstr(newsdex_reader_file(reader), "a-heat.txt") != NULL);
  CHECK(newsdex_reader_line(reader) == 1);
  CHECK(newsdex_reader_problem_count(reader) == 0);
  newsdex_article_free(article);

  CHECK_STATUS(newsdex_reader_next(reader, &article), NEWSDEX_OK);
  CHECK_STR(newsdex_article_get(article, NEWSDEX_FIELD_ID), "rain");
  CHECK(newsdex_reader_line(reader) == 1);
  newsdex_article_free(article);

  /* The bad record and the missing path: problems of the call that reaches them. */
  size_t problems = 0;
  int skipped = 0;
  CHECK_STATUS(newsdex_reader_next(reader, &article), NEWSDEX_OK);
  CHECK(article == NULL);
  problems = newsdex_reader_problem_count(reader);
  CHECK(problems == 2);
  for (size_t i = 0; i < problems; ++i)
    skipped += newsdex_reader_problem_skipped(reader, i);
  CHECK(skipped == 2);
  CHECK(newsdex_reader_problem(reader, 0) != NULL &&
        strstr(newsdex_reader_problem(reader, 0), "b-more.jsonl:2: ") != NULL &&
        strstr(newsdex_reader_problem(reader, 0), "(skipped)") != NULL);
  CHECK(newsdex_reader_problem(reader, 1) != NULL &&
        strstr(newsdex_reader_problem(reader, 1), "missing") != NULL);
  CHECK(newsdex_reader_problem(reader, 2) == NULL);
  CHECK(newsdex_reader_problem_skipped(reader, 2) == 0);
  CHECK_STATUS(newsdex_reader_next(reader, &article), NEWSDEX_OK);
  CHECK(article == NULL && newsdex_reader_problem_count(reader) == 0);
  newsdex_reader_free(reader);
  newsdex_reader_free(NULL);

  CHECK_STATUS(newsdex_reader_open(NULL, 1, &reader), NEWSDEX_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(newsdex_reader_open(inputs, 2, NULL), NEWSDEX_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(newsdex_reader_next(NULL, &article), NEWSDEX_ERROR_INVALID_ARGUMENT);
}

/* Writer options, batches, synonyms, sharding and compaction. */
static void test_writer_options(const char* folder) {
  char path[2048];
  snprintf(path, sizeof path, "%s/sharded", folder);
  newsdex_writer_options* options = newsdex_writer_options_new();
  CHECK(options != NULL);
  CHECK_STATUS(newsdex_writer_options_set_create(options, 0), NEWSDEX_OK);
  newsdex_writer* writer = NULL;
  CHECK_STATUS(newsdex_writer_open_with(path, options, &writer), NEWSDEX_ERROR_NOT_FOUND);
  CHECK_STATUS(newsdex_writer_options_set_create(options, 1), NEWSDEX_OK);
  CHECK_STATUS(newsdex_writer_options_set_language(options, "klingon"), NEWSDEX_OK);
  CHECK_STATUS(newsdex_writer_open_with(path, options, &writer), NEWSDEX_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(newsdex_writer_options_set_language(options, NULL), NEWSDEX_OK);
  CHECK_STATUS(newsdex_writer_options_set_shards(options, 0), NEWSDEX_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(newsdex_writer_options_set_shards(options, 2), NEWSDEX_OK);
  CHECK_STATUS(newsdex_writer_options_set_threads(options, 2), NEWSDEX_OK);
  CHECK_STATUS(newsdex_writer_options_set_batch(options, 0, 1), NEWSDEX_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(newsdex_writer_options_set_batch(options, 100, 1 << 20), NEWSDEX_OK);
  CHECK_STATUS(newsdex_writer_options_set_spelling(options, 0), NEWSDEX_OK);
  CHECK_STATUS(newsdex_writer_options_set_wait_for_lock(options, 10), NEWSDEX_OK);
  CHECK_STATUS(newsdex_writer_options_set_extract(NULL, 0), NEWSDEX_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(newsdex_writer_options_set_extract(options, 0), NEWSDEX_OK);
  CHECK_STATUS(newsdex_writer_open_with(path, options, &writer), NEWSDEX_OK);
  newsdex_writer_options_free(options);
  newsdex_writer_options_free(NULL);

  newsdex_article* batch[3];
  batch[0] = make_article("summit", "2024-11-22", "Talks in Baku",
                          "The European Union delegation left the talks in Baku.", NULL);
  batch[1] = make_article("trams", "2024-06-05", "Trams for Krakow",
                          "Krakow ordered trams with money from the city budget.", NULL);
  batch[2] = make_article("summit", "2024-11-23", "Talks in Baku end",
                          "The European Union delegation returned to the talks in Baku.", NULL);
  newsdex_add_outcome outcomes[3];
  CHECK_STATUS(newsdex_writer_add_batch(writer, (const newsdex_article* const*)batch, 3, outcomes),
               NEWSDEX_OK);
  CHECK(outcomes[0] == NEWSDEX_ADDED && outcomes[1] == NEWSDEX_ADDED &&
        outcomes[2] == NEWSDEX_REPLACED);
  size_t size = 0;
  CHECK_STATUS(newsdex_writer_size(writer, &size), NEWSDEX_OK);
  CHECK(size == 2);
  newsdex_article* incomplete = newsdex_article_new();
  const newsdex_article* bad_batch[] = {batch[1], incomplete};
  CHECK_STATUS(newsdex_writer_add_batch(writer, bad_batch, 2, NULL),
               NEWSDEX_ERROR_INVALID_ARGUMENT);
  const newsdex_article* null_batch[] = {batch[1], NULL};
  CHECK_STATUS(newsdex_writer_add_batch(writer, null_batch, 2, NULL),
               NEWSDEX_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(newsdex_writer_add_batch(writer, NULL, 0, NULL), NEWSDEX_OK);

  CHECK_STATUS(newsdex_writer_set_synonyms(writer, "eu, european union\nlonely\n", "syn.txt"),
               NEWSDEX_ERROR_INPUT);
  CHECK(strncmp(newsdex_last_error(), "syn.txt:2: ", 11) == 0);
  CHECK_STATUS(newsdex_writer_set_synonyms(writer, "# groups\neu, european union\n", NULL),
               NEWSDEX_OK);
  CHECK_STATUS(newsdex_writer_commit(writer), NEWSDEX_OK);
  CHECK_STATUS(newsdex_compact(path, 0), NEWSDEX_ERROR_LOCKED);
  newsdex_writer_close(writer);

  CHECK_STATUS(newsdex_compact(path, 0x8), NEWSDEX_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(newsdex_compact(path, NEWSDEX_COMPACT_MERGE_SHARDS), NEWSDEX_OK);
  char stub[4096];
  snprintf(stub, sizeof stub, "%s/XAPIANDB", path);
  CHECK(access(stub, F_OK) != 0); /* one database now */

  newsdex_index* index = NULL;
  CHECK_STATUS(newsdex_index_open(path, &index), NEWSDEX_OK);
  newsdex_request* request = newsdex_request_new(NULL);
  newsdex_results* results = search(index, request, "eu");
  CHECK(newsdex_results_count(results) == 1);
  CHECK_STR(newsdex_hit_get(newsdex_results_hit(results, 0), NEWSDEX_FIELD_TITLE),
            "Talks in Baku end");
  newsdex_results_free(results);
  results = search(index, request, "place:baku"); /* extraction was off */
  CHECK(newsdex_results_count(results) == 0);
  newsdex_results_free(results);
  newsdex_request_free(request);
  newsdex_index_close(index);
  for (int i = 0; i < 3; ++i)
    newsdex_article_free(batch[i]);
  newsdex_article_free(incomplete);
}

/* Query limits, and a sharded index whose remote shard does not answer. */
static void test_index_options(const char* folder, const char* path) {
  newsdex_index_options* options = newsdex_index_options_new();
  CHECK(options != NULL);
  CHECK_STATUS(newsdex_index_options_set_query_limits(options, 0, 1, 1),
               NEWSDEX_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(newsdex_index_options_set_query_limits(options, 24, 1, 10), NEWSDEX_OK);
  CHECK_STATUS(newsdex_index_options_set_max_limit(options, 0), NEWSDEX_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(newsdex_index_options_set_max_limit(options, 3), NEWSDEX_OK);
  newsdex_index* index = NULL;
  CHECK_STATUS(newsdex_index_open_with(path, options, &index), NEWSDEX_OK);
  newsdex_request* request = newsdex_request_new(NULL);
  newsdex_results* results = NULL;
  CHECK_STATUS(newsdex_request_set_limit(request, 3), NEWSDEX_OK);
  results = search(index, request, "ice* OR port");
  CHECK(newsdex_results_total(results) >= 2);
  newsdex_results_free(results);
  results = NULL;
  CHECK_STATUS(newsdex_request_set_query(request, "ice* OR port*"), NEWSDEX_OK);
  CHECK_STATUS(newsdex_index_search(index, request, &results), NEWSDEX_ERROR_QUERY);
  CHECK_STATUS(newsdex_request_set_query(request, "icebreaker OR ferries OR sauna"), NEWSDEX_OK);
  CHECK_STATUS(newsdex_index_search(index, request, &results), NEWSDEX_ERROR_QUERY);
  CHECK_STATUS(newsdex_request_set_query(request, "port"), NEWSDEX_OK);
  CHECK_STATUS(newsdex_request_set_limit(request, 4), NEWSDEX_OK);
  CHECK_STATUS(newsdex_index_search(index, request, &results), NEWSDEX_ERROR_INVALID_ARGUMENT);
  CHECK(results == NULL);
  newsdex_index_close(index);

  /* The index above, and a remote shard where nothing listens (port 1 of this machine). */
  char stub[4096];
  snprintf(stub, sizeof stub, "%s/with-remote.stub", folder);
  FILE* file = fopen(stub, "w");
  CHECK(file != NULL);
  if (file != NULL) {
    fprintf(file, "auto %s\nremote 127.0.0.1:1\n", path);
    fclose(file);
  }
  CHECK_STATUS(newsdex_index_options_set_remote_timeouts(options, 0, 100),
               NEWSDEX_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(newsdex_index_options_set_remote_timeouts(options, 2000, 2000), NEWSDEX_OK);
  CHECK_STATUS(newsdex_index_open_with(stub, options, &index), NEWSDEX_ERROR_SHARD_UNAVAILABLE);
  CHECK(index == NULL);
  CHECK(strstr(newsdex_last_error(), "127.0.0.1:1") != NULL);
  CHECK_STATUS(newsdex_index_options_set_partial(options, 1, 0), NEWSDEX_OK);
  CHECK_STATUS(newsdex_index_open_with(stub, options, &index), NEWSDEX_OK);
  newsdex_index_options_free(options);
  newsdex_index_options_free(NULL);
  CHECK_STATUS(newsdex_request_set_limit(request, 3), NEWSDEX_OK);
  results = search(index, request, "port");
  CHECK(newsdex_results_partial(results) == 1);
  CHECK(newsdex_results_total(results) == 2); /* from the local shard alone */
  CHECK(newsdex_results_failed_shard_count(results) == 1);
  CHECK_STR(newsdex_results_failed_shard(results, 0), "127.0.0.1:1");
  CHECK(newsdex_results_failed_shard_error(results, 0) != NULL &&
        strlen(newsdex_results_failed_shard_error(results, 0)) > 0);
  CHECK(newsdex_results_failed_shard(results, 1) == NULL);
  CHECK(newsdex_results_warning_count(results) >= 1);
  CHECK(newsdex_results_warning(results, 0) != NULL);
  CHECK(newsdex_results_warning(results, newsdex_results_warning_count(results)) == NULL);
  newsdex_results_free(results);
  newsdex_index_close(index);

  /* A complete answer says so. */
  CHECK_STATUS(newsdex_index_open_with(path, NULL, &index), NEWSDEX_OK);
  results = search(index, request, "port");
  CHECK(newsdex_results_partial(results) == 0);
  CHECK(newsdex_results_failed_shard_count(results) == 0);
  CHECK(newsdex_results_warning_count(results) == 0);
  newsdex_results_free(results);
  newsdex_request_free(request);
  newsdex_index_close(index);
}

static void test_remove(const char* path) {
  newsdex_writer* writer = NULL;
  CHECK_STATUS(newsdex_writer_open(path, NULL, 0, &writer), NEWSDEX_OK);
  int removed = 0;
  CHECK_STATUS(newsdex_writer_remove(writer, "tram", &removed), NEWSDEX_OK);
  CHECK(removed == 1);
  CHECK_STATUS(newsdex_writer_commit(writer), NEWSDEX_OK);

  newsdex_index* index = NULL;
  CHECK_STATUS(newsdex_index_open(path, &index), NEWSDEX_OK);
  size_t size = 0;
  CHECK_STATUS(newsdex_index_size(index, &size), NEWSDEX_OK);
  CHECK(size == 3);
  newsdex_index_close(index);
  newsdex_writer_close(writer);
}

/* For a page of one hit, Xapian's matcher stops looking at the articles with one of two words
 * once a few with both outrank them all, and estimates the total. */
static void test_exact_total(const char* folder) {
  char path[4096];
  snprintf(path, sizeof path, "%s/words", folder);
  newsdex_writer* writer = NULL;
  CHECK_STATUS(newsdex_writer_open(path, NULL, NEWSDEX_WRITER_CREATE, &writer), NEWSDEX_OK);
  for (int i = 0; i < 300; ++i) {
    char json[1024];
    int length = snprintf(json, sizeof json, "{\"id\": \"z%d\", \"body\": \"%s", i,
                          i < 10       ? "zeta zeta eta eta"
                          : i % 2 == 0 ? "zeta"
                                       : "eta");
    for (int filler = 0; filler < 10 + i % 7; ++filler)
      length += snprintf(json + length, sizeof json - (size_t)length, " filler%d", i * 13 + filler);
    snprintf(json + length, sizeof json - (size_t)length, "\"}");
    CHECK_STATUS(newsdex_writer_add_json(writer, json, NULL), NEWSDEX_OK);
  }
  CHECK_STATUS(newsdex_writer_commit(writer), NEWSDEX_OK);
  newsdex_writer_close(writer);

  newsdex_index* index = NULL;
  CHECK_STATUS(newsdex_index_open(path, &index), NEWSDEX_OK);
  newsdex_request* request = newsdex_request_new(NULL);
  CHECK_STATUS(newsdex_request_set_limit(request, 1), NEWSDEX_OK);
  newsdex_results* results = search(index, request, "zeta OR eta");
  CHECK(newsdex_results_total_exact(results) == 0);
  newsdex_results_free(results);
  CHECK_STATUS(newsdex_request_set_exact_total(request, 1), NEWSDEX_OK);
  results = search(index, request, "zeta OR eta");
  CHECK(newsdex_results_total_exact(results) == 1);
  CHECK(newsdex_results_total(results) == 300);
  newsdex_results_free(results);
  CHECK_STATUS(newsdex_request_set_exact_total(NULL, 1), NEWSDEX_ERROR_INVALID_ARGUMENT);
  newsdex_request_free(request);
  newsdex_index_close(index);
}

static void test_open_errors(const char* folder) {
  char path[4096];
  newsdex_index* index = NULL;
  snprintf(path, sizeof path, "%s/missing", folder);
  CHECK_STATUS(newsdex_index_open(path, &index), NEWSDEX_ERROR_NOT_FOUND);
  CHECK(index == NULL);
  CHECK(strstr(newsdex_last_error(), "missing") != NULL);

  snprintf(path, sizeof path, "%s/not-an-index", folder);
  FILE* file = fopen(path, "w");
  CHECK(file != NULL);
  if (file != NULL) {
    fputs("hello\n", file);
    fclose(file);
  }
  newsdex_writer* writer = NULL;
  CHECK_STATUS(newsdex_writer_open(path, NULL, NEWSDEX_WRITER_CREATE, &writer),
               NEWSDEX_ERROR_FORMAT);
  CHECK_STATUS(newsdex_index_open(NULL, &index), NEWSDEX_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(newsdex_index_open(path, NULL), NEWSDEX_ERROR_INVALID_ARGUMENT);
}

int main(void) {
  const char* tmp = getenv("TMPDIR");
  char folder[1024];
  snprintf(folder, sizeof folder, "%s/newsdex-c-api-XXXXXX", tmp != NULL ? tmp : "/tmp");
  if (mkdtemp(folder) == NULL) {
    perror("mkdtemp");
    return 1;
  }
  char path[4096];
  snprintf(path, sizeof path, "%s/db", folder);

  test_version();
  test_articles();
  write_index(path);
  test_search(path);
  test_facets(path);
  test_index_options(folder, path);
  test_remove(path);
  test_open_errors(folder);
  test_exact_total(folder);
  test_extraction(folder);
  test_reader(folder);
  test_writer_options(folder);

  nftw(folder, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
  if (failures > 0) {
    fprintf(stderr, "%d checks failed\n", failures);
    return 1;
  }
  printf("all checks passed\n");
  return 0;
}
