/* index_folder_c: the index_folder example in C: read folders and files and index their
 * articles, with the speakers, places and dates the writer finds in each text.
 *
 *   index_folder_c news.db examples/articles */
#include <stdio.h>

#include <newsdex/newsdex.h>

int main(int argc, char** argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: index_folder_c DB INPUT...\n");
    return 2;
  }
  newsdex_writer* writer = NULL;
  newsdex_reader* reader = NULL;
  newsdex_status status = newsdex_writer_open(argv[1], NULL, NEWSDEX_WRITER_CREATE, &writer);
  if (status == NEWSDEX_OK) {
    status = newsdex_reader_open((const char* const*)argv + 2, (size_t)argc - 2, &reader);
  }

  size_t added = 0, skipped = 0;
  while (status == NEWSDEX_OK) {
    newsdex_article* article = NULL;
    status = newsdex_reader_next(reader, &article);
    for (size_t i = 0; i < newsdex_reader_problem_count(reader); ++i) {
      fprintf(stderr, "%s\n", newsdex_reader_problem(reader, i));
      skipped += (size_t)newsdex_reader_problem_skipped(reader, i);
    }
    if (article == NULL) break; /* every input read, or a failure */
    newsdex_add_outcome outcome = NEWSDEX_UNCHANGED;
    status = newsdex_writer_add(writer, article, &outcome); /* the article stays ours */
    if (status == NEWSDEX_OK && outcome != NEWSDEX_UNCHANGED) ++added;
    newsdex_article_free(article);
  }
  if (status == NEWSDEX_OK) status = newsdex_writer_commit(writer);
  size_t size = 0;
  if (status == NEWSDEX_OK) status = newsdex_writer_size(writer, &size);

  if (status == NEWSDEX_OK) {
    printf("added or replaced %zu, skipped %zu; %zu articles in %s\n", added, skipped, size,
           argv[1]);
  } else {
    fprintf(stderr, "index_folder_c: %s\n", newsdex_last_error());
  }
  newsdex_reader_free(reader);
  newsdex_writer_close(writer);
  if (status != NEWSDEX_OK) return 1;
  return skipped == 0 ? 0 : 3;
}
