// newsdex/ingest.hpp: turn files, folders and streams into Articles.
//
// Two formats are understood. The plain format is one article per file: optional header lines
// (`date YYYY-MM-DD`, `title ...`, `id ...`, `source ...`, `url ...`, `lang ...`), then the
// text; the date line may carry the first words of the text after the date. JSON Lines holds one
// article per line: {"id","date","title","body","source","url","lang","speakers","places"},
// of which only "body" is required. Both may be gzip-compressed (`.gz`).
//
//   newsdex::ArticleReader reader({"articles/", "extra.jsonl.gz"});
//   while (auto article = reader.next()) index_it(*article);
//   for (const auto& problem : reader.take_problems()) std::cerr << problem.to_string() << '\n';
#pragma once

#include <newsdex/article.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

enum class InputFormat {
  automatic,  // by extension (.txt, .jsonl, .ndjson, with optional .gz), else by content
  plain,      // one article per file, header lines then text
  jsonl,      // one JSON object per line
};

struct ReadOptions {
  InputFormat format = InputFormat::automatic;
  // Articles (plain files, JSON lines) larger than this are skipped with a problem. Default 64 MiB.
  std::size_t max_article_bytes = std::size_t{64} << 20;
};

// Something wrong with one article or one file, found while reading.
struct InputProblem {
  std::string file;       // as given or as found in a folder; "-" for standard input
  std::size_t line = 0;   // 1-based; 0 when it concerns the whole file
  std::string message;    // what is wrong, e.g. "invalid date \"2022-13-45\""
  bool skipped = true;    // false for a warning: the article was repaired and returned

  // "FILE:LINE: message" (or "FILE: message" when line is 0), with " (skipped)" when skipped.
  std::string to_string() const;
};

// Where an article came from.
struct SourceLocation {
  std::string file;
  std::size_t line = 0;  // 1-based line where the article starts
};

// Parses one plain-format article. `file` names it in errors; `fallback_id` becomes the id when
// the text has no `id` header. Throws InputError (with the line of the problem) when the text
// has no valid date line or no text.
Article parse_plain_article(std::string_view text, std::string_view file,
                            std::string_view fallback_id);

// Parses one JSON Lines record. Throws InputError naming `file` and `line` when the line is not
// a JSON object, a field has the wrong type, the date is invalid or the body is missing. An
// article without "id" gets one derived from its body (see derive_id).
Article parse_json_article(std::string_view json, std::string_view file, std::size_t line);

// The id given to an article whose input has none and that has no path: "h" followed by 16 hex
// digits of a 64-bit FNV-1a hash of the body, so re-reading the same text yields the same id.
std::string derive_id(std::string_view body);

// Reads articles from files, folders (walked recursively, in name order, taking *.txt, *.jsonl,
// *.ndjson and their .gz) and "-" (standard input). Plain files without an `id` header get the
// path relative to the folder given (or the file name for a file given directly), without the
// extension, as id: stable across runs, so indexing the same files again replaces them.
//
// Bad articles never stop the reader: they are skipped and recorded as problems.
// Not thread-safe; use one reader per thread.
class ArticleReader {
 public:
  explicit ArticleReader(std::vector<std::string> inputs, ReadOptions options = {});
  ~ArticleReader();
  ArticleReader(ArticleReader&&) noexcept;
  ArticleReader& operator=(ArticleReader&&) noexcept;

  // The next readable article, or nullopt when every input is exhausted.
  std::optional<Article> next();
  // Where the article last returned by next() starts.
  const SourceLocation& location() const;
  // Problems found since the previous call, oldest first.
  std::vector<InputProblem> take_problems();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsdex
