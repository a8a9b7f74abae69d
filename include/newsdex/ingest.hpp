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
//
// The parse_* functions are pure: they read only the text given and are safe to call from many
// threads at once.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <newsdex/article.hpp>
#include <newsdex/export.h>

namespace newsdex {

enum class InputFormat {
  automatic,  // by extension (.txt, .jsonl, .ndjson, with optional .gz), else by content
  plain,      // one article per file, header lines then text
  jsonl,      // one JSON object per line
};

struct ReadOptions {
  InputFormat format = InputFormat::automatic;
  // Articles (plain files, JSON lines) larger than this are skipped with a problem, so that one
  // huge input cannot exhaust the memory of the reader and the indexer (which needs several
  // times an article's size). Default 8 MiB, far above any news story.
  std::size_t max_article_bytes = std::size_t{8} << 20;
};

// Something wrong with one article or one file, found while reading.
struct NEWSDEX_EXPORT InputProblem {
  std::string file = {};     // as given or as found in a folder; "-" for standard input
  std::size_t line = 0;      // 1-based; 0 when it concerns the whole file
  std::string message = {};  // what is wrong, e.g. "invalid date \"2022-13-45\""
  bool skipped = true;       // false for a warning: the article was repaired and returned

  // "FILE:LINE: message" (or "FILE: message" when line is 0), with " (skipped)" when skipped.
  std::string to_string() const;
};

// Where an article came from.
struct SourceLocation {
  std::string file = {};
  std::size_t line = 0;  // 1-based line where the article starts
};

// Parses one plain-format article: optional byte order mark and white space, then header lines (a
// lowercase keyword, a space and the value: `date YYYY-MM-DD` required, `title`, `id`, `source`,
// `url`, `lang` optional, in any order, each at most once), then the text. Text after the date on
// the date line starts the body; so does the first line that is not a header. A blank line ends the
// headers. The body keeps its paragraphs, with CRLF made LF and the ends trimmed. Without a
// `title` header the title is the body's first sentence (at most 200 bytes, cut at a word with
// "…"). `file` names the article in errors; `fallback_id` becomes the id when the text has no
// `id` header, and when it is empty too the id is derive_id(body).
// Throws InputError (with the 1-based line of the problem) for a missing or invalid date line, a
// header given twice, an empty body, or a NUL byte (binary data). Invalid UTF-8 is replaced by
// U+FFFD; when `warnings` is not null, a warning (skipped = false) naming the line of the first
// bad byte is appended to it.
NEWSDEX_EXPORT Article parse_plain_article(std::string_view text, std::string_view file,
                                           std::string_view fallback_id,
                                           std::vector<InputProblem>* warnings = nullptr);

// Parses one JSON Lines record: an object with the string fields "id", "date", "title", "body",
// "source", "url", "lang" and the string arrays "speakers" and "places". Only "body" is required;
// null stands for an absent field, "id" may also be an integer, and other fields are ignored.
// "date" is YYYY-MM-DD or an ISO 8601 timestamp (2022-12-01T09:30:00.5+04:00), whose calendar
// date is taken as written. The body is normalised and the title defaulted as for the plain
// format; an article without "id" gets derive_id(body).
// Throws InputError naming `file` and `line` when the text is not one JSON object (with the
// column of a syntax error), a field has the wrong type, the date is invalid or the body is
// missing or empty. Invalid UTF-8 is repaired and reported as for parse_plain_article.
NEWSDEX_EXPORT Article parse_json_article(std::string_view json, std::string_view file,
                                          std::size_t line,
                                          std::vector<InputProblem>* warnings = nullptr);

// The id given to an article whose input has none and that has no path: "h" followed by 16 hex
// digits of a 64-bit FNV-1a hash of the body, so re-reading the same text yields the same id.
NEWSDEX_EXPORT std::string derive_id(std::string_view body);

// Reads articles from files, folders and "-" (standard input), in the order given. Folders are
// walked recursively in byte order of names, taking *.txt (plain) and *.jsonl / *.ndjson (JSON
// Lines), each optionally .gz, and skipping hidden entries (names starting with '.') and other
// files. A file named directly with another extension, and standard input, are JSON Lines when
// their first non-blank byte is '{' and plain otherwise; gzip data is recognised by its magic
// number whatever the name. ReadOptions::format overrides the detection, not the folder filter.
// Plain files without an `id` header get the path relative to the folder given (or the file name
// for a file given directly), without extensions, as id: "2022/ministry-statement" for
// articles/2022/ministry-statement.txt. That is stable across runs, so indexing the same files
// again replaces them. Plain text from standard input gets derive_id(body).
//
// JSON Lines are streamed: memory holds one line at a time. Bad articles, unreadable or missing
// paths and corrupt gzip data never stop the reader or throw: they are recorded as problems and
// reading goes on with the next article or file. Empty JSON lines are skipped silently.
// Not thread-safe; use one reader per thread. Move-only. Nothing is opened at construction:
// each input is looked at when next() reaches it, so a missing path is a problem of that call.
class NEWSDEX_EXPORT ArticleReader {
 public:
  // `inputs` are paths of files or folders, or "-" for standard input. Throws nothing but
  // std::bad_alloc.
  explicit ArticleReader(std::vector<std::string> inputs, ReadOptions options = {});
  ~ArticleReader();
  ArticleReader(ArticleReader&&) noexcept;
  ArticleReader& operator=(ArticleReader&&) noexcept;

  // The next readable article, or nullopt when every input is exhausted. Never throws but
  // std::bad_alloc: problems go to take_problems().
  std::optional<Article> next();
  // Where the article last returned by next() starts (line 1 for a plain file).
  const SourceLocation& location() const;
  // Problems found since the previous call, oldest first.
  std::vector<InputProblem> take_problems();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsdex
