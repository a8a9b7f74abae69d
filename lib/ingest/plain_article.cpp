// The plain format: header lines, then the text.
#include <cstring>
#include <iterator>
#include <string>

#include <newsdex/error.hpp>
#include <newsdex/ingest.hpp>

#include "ingest/article_text.hpp"
#include "text/utf8.hpp"

namespace newsdex {

namespace {

using detail::trim;

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

std::string quoted(std::string_view text) {
  return '"' + std::string(text) + '"';
}

enum class Header { date, title, id, source, url, lang, none };

constexpr std::string_view kKeywords[] = {"date", "title", "id", "source", "url", "lang"};

// The header a line starts with ("title Baku rejects…"), and the value after the keyword.
Header header_of(std::string_view line, std::string_view& value) {
  for (std::size_t i = 0; i < std::size(kKeywords); ++i) {
    const std::string_view keyword = kKeywords[i];
    if (line.size() > keyword.size() && line.starts_with(keyword) &&
        is_blank(line[keyword.size()])) {
      value = line.substr(keyword.size() + 1);
      return static_cast<Header>(i);
    }
  }
  return Header::none;
}

}  // namespace

Article parse_plain_article(std::string_view text, std::string_view file,
                            std::string_view fallback_id, std::vector<InputProblem>* warnings) {
  const std::string file_name(file);
  if (const void* nul = std::memchr(text.data(), '\0', text.size())) {
    const auto offset = static_cast<std::size_t>(static_cast<const char*>(nul) - text.data());
    throw InputError(file_name, detail::line_at(text, offset),
                     "NUL byte: binary data, not a text article");
  }
  std::string repaired;
  if (const std::size_t bad = detail::find_invalid_utf8(text); bad != std::string_view::npos) {
    // Repair keeps every line break, so line numbers stay those of the input.
    if (warnings != nullptr) {
      warnings->push_back(
          {file_name, detail::line_at(text, bad), "invalid UTF-8 replaced with U+FFFD", false});
    }
    repaired = detail::repair_utf8(text);
    text = repaired;
  }

  Article article;
  bool seen[std::size(kKeywords)] = {};
  // Editors on Windows start UTF-8 files with a byte order mark; it is not part of the text.
  std::size_t pos = text.starts_with(detail::kByteOrderMark) ? detail::kByteOrderMark.size() : 0;
  std::size_t line_number = 1;
  while (pos < text.size() && (text[pos] == ' ' || (text[pos] >= '\t' && text[pos] <= '\r'))) {
    if (text[pos] == '\n') ++line_number;
    ++pos;
  }
  const std::size_t first_header_line = line_number;
  std::string_view id_header;
  std::size_t body_start = text.size();
  std::size_t body_line = line_number;
  while (pos < text.size()) {
    std::size_t line_end = text.find('\n', pos);
    if (line_end == std::string_view::npos) line_end = text.size();
    std::string_view line = text.substr(pos, line_end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::string_view value;
    const Header header = header_of(line, value);
    if (header == Header::none) {
      // A blank line ends the headers (the text follows it); any other line is the text.
      body_start = trim(line).empty() ? line_end : pos;
      body_line = line_number;
      break;
    }
    auto& already = seen[static_cast<int>(header)];
    if (already) {
      throw InputError(file_name, line_number,
                       quoted(kKeywords[static_cast<int>(header)]) + " header given twice");
    }
    already = true;
    if (header == Header::date) {
      value = trim(value);
      std::size_t token_end = 0;
      while (token_end < value.size() && !is_blank(value[token_end]))
        ++token_end;
      const std::string_view token = value.substr(0, token_end);
      article.date = Date::parse(token);
      if (!article.date) {
        throw InputError(file_name, line_number,
                         "invalid date " + quoted(token) + " (expected YYYY-MM-DD)");
      }
      const std::string_view rest = trim(value.substr(token_end));
      if (!rest.empty()) {
        body_start = static_cast<std::size_t>(rest.data() - text.data());
        body_line = line_number;
        break;
      }
    } else {
      value = trim(value);
      switch (header) {
        case Header::title:
          article.title = value;
          break;
        case Header::id:
          id_header = value;
          break;
        case Header::source:
          article.source = value;
          break;
        case Header::url:
          article.url = value;
          break;
        case Header::lang:
          article.language = value;
          break;
        case Header::date:
        case Header::none:
          break;
      }
    }
    // The last line without a line break: no next line for an error to name.
    if (line_end == text.size()) break;
    pos = line_end + 1;
    ++line_number;
    body_line = line_number;
  }

  if (!article.date) {
    throw InputError(file_name, first_header_line, "missing \"date YYYY-MM-DD\" line");
  }
  article.body = detail::normalize_body(text.substr(std::min(body_start, text.size())));
  if (article.body.empty()) throw InputError(file_name, body_line, "empty body");
  if (article.title.empty()) article.title = detail::first_sentence(article.body);
  article.id = !id_header.empty()     ? std::string(id_header)
               : !fallback_id.empty() ? std::string(fallback_id)
                                      : derive_id(article.body);
  return article;
}

}  // namespace newsdex
