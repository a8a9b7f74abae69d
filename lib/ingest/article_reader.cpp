// ArticleReader: walks the inputs lazily, one file open at a time, and turns every failure into
// an InputProblem so that one bad article or file never stops a run.
#include <algorithm>
#include <cstring>
#include <filesystem>
#include <set>
#include <system_error>
#include <utility>

#include <sys/stat.h>

#include <newsdex/error.hpp>
#include <newsdex/ingest.hpp>

#include "ingest/article_text.hpp"
#include "ingest/input_file.hpp"
#include "ingest/line_reader.hpp"

namespace newsdex {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kStandardInput = "-";

// `name` in lower case, for extension checks ("STORY.TXT" is a .txt file).
std::string ascii_lower(std::string_view name) {
  std::string lower(name);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

// `name` without a trailing ".gz" (any case).
std::string_view without_gz(std::string_view name) {
  if (name.size() > 3 && ascii_lower(name.substr(name.size() - 3)) == ".gz") {
    name.remove_suffix(3);
  }
  return name;
}

// The format an extension promises, or automatic when it promises none.
InputFormat format_of_name(std::string_view name) {
  const std::string lower = ascii_lower(without_gz(name));
  if (lower.ends_with(".txt")) return InputFormat::plain;
  if (lower.ends_with(".jsonl") || lower.ends_with(".ndjson")) return InputFormat::jsonl;
  return InputFormat::automatic;
}

// `path` (with '/' separators) without ".gz" and then its last extension:
// "2022/strike.txt.gz" -> "2022/strike". A leading dot is a name, not an extension.
std::string without_extensions(std::string_view path) {
  path = without_gz(path);
  const std::size_t slash = path.rfind('/');
  const std::size_t name_start = slash == std::string_view::npos ? 0 : slash + 1;
  const std::size_t dot = path.rfind('.');
  if (dot != std::string_view::npos && dot > name_start) path = path.substr(0, dot);
  return std::string(path);
}

std::string error_reason(const std::error_code& error) {
  return error.default_error_condition().message();
}

}  // namespace

struct [[gnu::visibility("hidden")]] ArticleReader::Impl {
  // An input still to read: a path given by the caller (file or folder, not yet looked at), a file
  // or folder found in a folder, or standard input.
  struct Entry {
    fs::path path;
    std::string name;     // as given or as found in a folder: "articles/2022/strike.txt"
    std::string id_stem;  // id of a plain article without an `id` header; empty: derived
    bool given = false;   // named by the caller, so it may be missing or be a folder
    bool is_folder = false;
    bool standard_input = false;
  };

  // The JSON Lines file being streamed.
  struct OpenLines {
    std::string name;
    detail::InputFile file;
    detail::LineReader lines;
    bool had_records = false;  // whether any line held more than white space
    OpenLines(const Entry& entry, std::vector<char>& buffer, std::size_t max_line)
        : name(entry.name),
          file(entry.standard_input ? std::string(kStandardInput) : entry.path.string()),
          lines(file, buffer, max_line) {}
  };

  ReadOptions options;
  std::vector<Entry> pending;  // a stack: the next entry to read is at the back
  std::unique_ptr<OpenLines> open_lines;
  std::vector<char> buffer;  // shared by every file, so small files cost no allocation
  // Folders walked for the current input: a folder reached again through a symbolic link (a
  // cycle, or two links to one folder) is not read twice.
  std::set<std::pair<dev_t, ino_t>> folders_walked;
  std::vector<InputProblem> problems;
  SourceLocation location;

  void problem(std::string file, std::size_t line, std::string message) {
    problems.push_back({std::move(file), line, std::move(message), true});
  }

  void add_input(std::string input) {
    Entry entry;
    entry.standard_input = input == kStandardInput;
    entry.path = input;
    entry.name = std::move(input);
    entry.given = true;
    pending.push_back(std::move(entry));
  }

  // Finds out what a path the caller gave is; false (with a problem) when it cannot be read.
  bool inspect(Entry& entry) {
    if (entry.standard_input) return true;
    std::error_code error;
    const fs::file_status status = fs::status(entry.path, error);
    if (error) {
      problem(entry.name, 0, error_reason(error));
      return false;
    }
    entry.is_folder = fs::is_directory(status);
    folders_walked.clear();
    if (!entry.is_folder) entry.id_stem = without_extensions(entry.path.filename().string());
    return true;
  }

  // Queues the folder's articles and subfolders in name order. `folder.id_stem` is its path
  // relative to the folder given ("" for that one).
  void walk(const Entry& folder) {
    struct stat info {};
    if (::stat(folder.path.c_str(), &info) == 0 &&
        !folders_walked.emplace(info.st_dev, info.st_ino).second) {
      return;  // reached again through a symbolic link
    }
    std::error_code error;
    fs::directory_iterator it(folder.path, error);
    std::vector<Entry> children;
    for (; !error && it != fs::directory_iterator(); it.increment(error)) {
      const std::string file_name = it->path().filename().string();
      if (file_name.starts_with('.')) continue;
      std::error_code type_error;
      const bool is_folder = it->is_directory(type_error);
      if (!is_folder && format_of_name(file_name) == InputFormat::automatic) continue;
      const std::string child_name = (fs::path(folder.name) / file_name).string();
      if (!is_folder && it->exists(type_error) && !it->is_regular_file(type_error)) {
        // A named pipe would block the reader forever, a device could be endless.
        problem(child_name, 0, "not a regular file");
        continue;
      }
      Entry child;
      child.path = it->path();
      child.name = child_name;
      const std::string relative =
          folder.id_stem.empty() ? file_name : folder.id_stem + '/' + file_name;
      child.id_stem = is_folder ? relative : without_extensions(relative);
      child.is_folder = is_folder;
      children.push_back(std::move(child));
    }
    if (error) problem(folder.name, 0, "cannot read folder: " + error_reason(error));
    std::sort(children.begin(), children.end(), [](const Entry& a, const Entry& b) {
      return a.path.filename().native() > b.path.filename().native();
    });
    for (Entry& child : children)
      pending.push_back(std::move(child));
  }

  // Reads a file: returns its article when it is a plain one, or starts streaming its lines.
  std::optional<Article> open_file(const Entry& entry) {
    auto opened = std::make_unique<OpenLines>(entry, buffer, options.max_article_bytes);
    detail::LineReader& lines = opened->lines;
    InputFormat format = options.format;
    if (format == InputFormat::automatic) format = format_of_name(entry.name);
    const int first = lines.first_non_space_byte();  // also tells whether the data is gzip
    if (format == InputFormat::automatic) {
      format = first == '{' ? InputFormat::jsonl : InputFormat::plain;
    }
    if (format == InputFormat::jsonl) {
      const std::string_view head = lines.buffered();
      if (const void* nul = std::memchr(head.data(), '\0', head.size())) {
        const auto offset = static_cast<std::size_t>(static_cast<const char*>(nul) - head.data());
        problem(entry.name, detail::line_at(head, offset), "NUL byte: binary data, not JSON Lines");
        return std::nullopt;
      }
      open_lines = std::move(opened);
      return std::nullopt;
    }
    std::string text;
    if ((!opened->file.gzip() && opened->file.stored_size() > options.max_article_bytes) ||
        !lines.read_rest(text, options.max_article_bytes)) {
      problem(entry.name, 0, too_large());
      return std::nullopt;
    }
    if (detail::trim(text).empty()) {
      problem(entry.name, 0, "empty file");
      return std::nullopt;
    }
    std::vector<InputProblem> warnings;
    Article article = parse_plain_article(text, entry.name, entry.id_stem, &warnings);
    for (InputProblem& warning : warnings)
      problems.push_back(std::move(warning));
    location = {entry.name, 1};
    return article;
  }

  std::string too_large() const {
    return "larger than the limit of " + std::to_string(options.max_article_bytes) + " bytes";
  }

  // The next article of the JSON Lines file being streamed, or nullopt at its end.
  std::optional<Article> next_record() {
    detail::LineReader::Line line;
    while (open_lines->lines.next(line)) {
      if (line.too_long) {
        open_lines->had_records = true;
        problem(open_lines->name, line.number, "line " + too_large());
        continue;
      }
      if (detail::trim(line.text).empty()) continue;
      open_lines->had_records = true;
      try {
        std::vector<InputProblem> warnings;
        Article article = parse_json_article(line.text, open_lines->name, line.number, &warnings);
        for (InputProblem& warning : warnings)
          problems.push_back(std::move(warning));
        location = {open_lines->name, line.number};
        return article;
      } catch (const InputError& error) {
        problem(error.file(), error.line(), error.message());
      }
    }
    if (!open_lines->had_records) problem(open_lines->name, 0, "empty file");
    return std::nullopt;
  }

  std::optional<Article> next() {
    for (;;) {
      if (open_lines) {
        try {
          if (auto article = next_record()) return article;
        } catch (const std::exception& error) {
          // The file failed mid-way (a read error, corrupt gzip): report where, go on with the
          // next.
          problem(open_lines->name, open_lines->lines.lines_returned() + 1, error.what());
        }
        open_lines.reset();
        continue;
      }
      if (pending.empty()) return std::nullopt;
      Entry entry = std::move(pending.back());
      pending.pop_back();
      if (entry.given && !inspect(entry)) continue;
      if (entry.is_folder) {
        walk(entry);
        continue;
      }
      try {
        if (auto article = open_file(entry)) return article;
      } catch (const InputError& error) {
        problem(error.file(), error.line(), error.message());
      } catch (const std::exception& error) {
        problem(entry.name, 0, error.what());
      }
    }
  }
};

ArticleReader::ArticleReader(std::vector<std::string> inputs, ReadOptions options)
    : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
  // Queued last first, so that the stack yields them in the order given.
  std::reverse(inputs.begin(), inputs.end());
  for (std::string& input : inputs)
    impl_->add_input(std::move(input));
}

ArticleReader::~ArticleReader() = default;
ArticleReader::ArticleReader(ArticleReader&&) noexcept = default;
ArticleReader& ArticleReader::operator=(ArticleReader&&) noexcept = default;

std::optional<Article> ArticleReader::next() {
  return impl_->next();
}

const SourceLocation& ArticleReader::location() const {
  return impl_->location;
}

std::vector<InputProblem> ArticleReader::take_problems() {
  return std::exchange(impl_->problems, {});
}

}  // namespace newsdex
