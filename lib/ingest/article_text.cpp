#include "ingest/article_text.hpp"

#include <algorithm>
#include <cstring>
#include <iterator>

#include <newsdex/ingest.hpp>

#include "text/hash.hpp"

namespace newsdex::detail {

namespace {

bool is_ascii_space(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}
bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_lower(char c) {
  return c >= 'a' && c <= 'z';
}

// Words that end with a period without ending the sentence in news copy: titles before names,
// months before days, and the usual company and address abbreviations. "etc." is left out on
// purpose: it ends sentences more often than not.
constexpr std::string_view kAbbreviations[] = {
    "Adm",  "Apr", "Aug",  "Ave", "Blvd", "Brig", "Capt", "Cmdr",   "Co",  "Col",
    "Corp", "Dec", "Dept", "Dr",  "Feb",  "Fig",  "Ft",   "Gen",    "Gov", "Hon",
    "Inc",  "Jan", "Jr",   "Jul", "Jun",  "Lt",   "Ltd",  "Maj",    "Mar", "Mr",
    "Mrs",  "Ms",  "Mt",   "No",  "Nos",  "Nov",  "Oct",  "Prof",   "Rep", "Rev",
    "Sen",  "Sep", "Sept", "Sgt", "Sr",   "St",   "Supt", "approx", "vs"};

// Whether the word before a period is an abbreviation or an initial rather than a sentence's end.
bool is_abbreviation(std::string_view word) {
  if (word.size() == 1 && is_upper(word[0])) return true;     // an initial: "J. Smith"
  if (word.find('.') != std::string_view::npos) return true;  // "U.S", "a.m", "e.g"
  return std::find(std::begin(kAbbreviations), std::end(kAbbreviations), word) !=
         std::end(kAbbreviations);
}

// Length of the closing quote or bracket at text[pos], or 0.
std::size_t closing_mark_length(std::string_view text, std::size_t pos) {
  const char c = text[pos];
  if (c == '"' || c == '\'' || c == ')' || c == ']') return 1;
  // U+201D ” and U+2019 ’ are E2 80 9D and E2 80 99.
  if (text.substr(pos, 2) == "\xE2\x80" && pos + 2 < text.size() &&
      (text[pos + 2] == '\x9D' || text[pos + 2] == '\x99')) {
    return 3;
  }
  return 0;
}

// The word that ends just before `end`: back to white space or an opening quote or bracket.
std::string_view word_before(std::string_view text, std::size_t end) {
  std::size_t start = end;
  while (start > 0 && !is_ascii_space(text[start - 1]) && text[start - 1] != '"' &&
         text[start - 1] != '(' && text[start - 1] != '[' &&
         static_cast<unsigned char>(text[start - 1]) < 0x80) {
    --start;
  }
  return text.substr(start, end - start);
}

bool is_terminal(char c) {
  return c == '.' || c == '?' || c == '!';
}

// Where the first sentence of `line` ends (one past its last byte).
std::size_t sentence_end(std::string_view line) {
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (!is_terminal(line[i])) continue;
    std::size_t run_end = i + 1;  // "?!" and "..." count as one mark
    while (run_end < line.size() && is_terminal(line[run_end]))
      ++run_end;
    std::size_t end = run_end;
    while (end < line.size()) {
      const std::size_t mark = closing_mark_length(line, end);
      if (mark == 0) break;
      end += mark;
    }
    if (end == line.size()) return end;
    if (!is_ascii_space(line[end])) {  // "3.5", "U.S.-based"
      i = end - 1;
      continue;
    }
    if (line[i] == '.' && run_end == i + 1) {
      // A lone period may close an abbreviation; a lowercase word after it says it did.
      std::size_t next = end;
      while (next < line.size() && is_ascii_space(line[next]))
        ++next;
      if (is_abbreviation(word_before(line, i)) || (next < line.size() && is_lower(line[next]))) {
        i = end - 1;
        continue;
      }
    }
    return end;
  }
  return line.size();
}

}  // namespace

std::string_view trim(std::string_view text) {
  std::size_t start = 0;
  std::size_t end = text.size();
  while (start < end && is_ascii_space(text[start]))
    ++start;
  while (end > start && is_ascii_space(text[end - 1]))
    --end;
  return text.substr(start, end - start);
}

std::string normalize_body(std::string_view text) {
  text = trim(text);
  if (std::memchr(text.data(), '\r', text.size()) == nullptr) return std::string(text);
  std::string body;
  body.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') {
      body.push_back(text[i]);
    } else if (i + 1 >= text.size() || text[i + 1] != '\n') {
      body.push_back('\n');
    }
  }
  return body;
}

std::string first_sentence(std::string_view body) {
  body = trim(body);
  std::string_view line = body.substr(0, std::min(body.find('\n'), body.size()));
  line = trim(line.substr(0, sentence_end(line)));

  std::string title;
  title.reserve(std::min(line.size(), kMaxFallbackTitleBytes));
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (!is_ascii_space(line[i])) {
      title.push_back(line[i]);
    } else if (!title.empty() && title.back() != ' ') {
      title.push_back(' ');
    }
    if (title.size() > kMaxFallbackTitleBytes) break;
  }
  if (title.size() <= kMaxFallbackTitleBytes) return title;

  static constexpr std::string_view kEllipsis = "\u2026";
  std::size_t cut = kMaxFallbackTitleBytes - kEllipsis.size();
  const std::size_t space = title.rfind(' ', cut);
  if (space != std::string::npos && space > 0) {
    cut = space;
  } else {
    while (cut > 0 && (static_cast<unsigned char>(title[cut]) & 0xC0) == 0x80)
      --cut;
  }
  title.resize(cut);
  while (!title.empty() && std::strchr(" ,;:-", title.back()) != nullptr)
    title.pop_back();
  return title + std::string(kEllipsis);
}

std::size_t line_at(std::string_view text, std::size_t offset, std::size_t first_line) {
  offset = std::min(offset, text.size());
  return first_line +
         static_cast<std::size_t>(std::count(text.begin(), text.begin() + offset, '\n'));
}

}  // namespace newsdex::detail

namespace newsdex {

std::string derive_id(std::string_view body) {
  return 'h' + detail::hex64(detail::fnv1a64(body));
}

std::string InputProblem::to_string() const {
  std::string text = file;
  if (line > 0) text += ':' + std::to_string(line);
  text += ": " + message;
  if (skipped) text += " (skipped)";
  return text;
}

}  // namespace newsdex
