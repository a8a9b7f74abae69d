/* Tests the C API from C: compiled as C11, linked against the shared library, as a C host or a
 * binding would be. Writes a small index in a temporary folder, searches it with the request
 * options and checks every status and error path on the way. */
#define _XOPEN_SOURCE 700

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
  test_remove(path);
  test_open_errors(folder);

  nftw(folder, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
  if (failures > 0) {
    fprintf(stderr, "%d checks failed\n", failures);
    return 1;
  }
  printf("all checks passed\n");
  return 0;
}
