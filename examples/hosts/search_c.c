/* search_c: the search example in C, over the C API (newsdex/newsdex.h) that bindings for
 * Python, Go or Rust wrap too. Shows the newest hits of a query and the places its matches
 * name most.
 *
 *   search_c news.db 'speaker:ruiz'
 *
 * Every call that can fail returns a status; newsdex_last_error() says what went wrong. */
#include <stdio.h>

#include <newsdex/newsdex.h>

int main(int argc, char** argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: search_c DB QUERY\n");
    return 2;
  }
  newsdex_index* index = NULL;
  if (newsdex_index_open(argv[1], &index) != NEWSDEX_OK) {
    fprintf(stderr, "search_c: %s\n", newsdex_last_error());
    return 1;
  }
  newsdex_request* request = newsdex_request_new(argv[2]);
  newsdex_results* results = NULL;
  newsdex_status status = request == NULL ? NEWSDEX_ERROR_NO_MEMORY : NEWSDEX_OK;
  if (status == NEWSDEX_OK) status = newsdex_request_set_sort(request, NEWSDEX_SORT_NEWEST);
  if (status == NEWSDEX_OK) status = newsdex_request_set_limit(request, 5);
  if (status == NEWSDEX_OK) status = newsdex_request_add_facet(request, NEWSDEX_FACET_PLACE);
  if (status == NEWSDEX_OK) status = newsdex_request_set_facet_limit(request, 3);
  if (status == NEWSDEX_OK) status = newsdex_index_search(index, request, &results);

  if (status == NEWSDEX_OK) {
    printf("%zu articles match, newest first\n", newsdex_results_total(results));
    for (size_t i = 0; i < newsdex_results_count(results); ++i) {
      const newsdex_hit* hit = newsdex_results_hit(results, i); /* owned by results */
      printf("%zu. %s  %s\n", newsdex_hit_rank(hit), newsdex_hit_get(hit, NEWSDEX_FIELD_DATE),
             newsdex_hit_get(hit, NEWSDEX_FIELD_TITLE));
      for (size_t s = 0; s < newsdex_hit_speaker_count(hit); ++s) {
        printf("%s%s", s == 0 ? "   quoting " : ", ", newsdex_hit_speaker(hit, s));
      }
      if (newsdex_hit_speaker_count(hit) > 0) printf("\n");
    }
    const newsdex_facet* places = newsdex_results_facet(results, 0); /* counts every match */
    printf("%s:", newsdex_facet_name(places));
    for (size_t v = 0; v < newsdex_facet_size(places); ++v) {
      printf(" %s (%zu)", newsdex_facet_value(places, v), newsdex_facet_count(places, v));
    }
    printf("\n");
  } else if (status == NEWSDEX_ERROR_QUERY) {
    fprintf(stderr, "search_c: %s (at byte %zu)\n", newsdex_last_error(),
            newsdex_last_error_position());
  } else {
    fprintf(stderr, "search_c: %s\n", newsdex_last_error());
  }

  newsdex_results_free(results); /* every free and close function accepts NULL */
  newsdex_request_free(request);
  newsdex_index_close(index);
  return status == NEWSDEX_OK ? 0 : status == NEWSDEX_ERROR_QUERY ? 2 : 1;
}
