#include "search/snippet.hpp"

#include <algorithm>
#include <unordered_map>

#include "schema/schema.hpp"
#include "text/fold.hpp"

namespace newsdex::detail {

namespace {

constexpr std::string_view kEllipsis = "\u2026";

bool is_upper_ascii(char c) {
  return c >= 'A' && c <= 'Z';
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string_view strip_prefix(std::string_view term) {
  std::size_t i = 0;
  while (i < term.size() && is_upper_ascii(term[i]))
    ++i;
  return term.substr(i);
}

// Whether a term under this prefix holds words that appear in the body text.
bool is_text_prefix(std::string_view prefix) {
  return prefix.empty() || prefix == schema::kTitle || prefix == schema::kSpeakerWord ||
         prefix == schema::kPlaceWord;
}

struct Located {
  std::size_t start;
  std::size_t end;
  std::size_t term;  // index into the distinct matched words, for scoring variety
};

}  // namespace

SnippetMaker::SnippetMaker(const Xapian::Query& query, Xapian::Stem stemmer)
    : stemmer_(std::move(stemmer)) {
  for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
    const std::string term = *it;
    const bool stemmed = term.size() > 1 && term[0] == schema::kStemmed[0];
    const std::string_view body =
        stemmed ? std::string_view(term).substr(1) : std::string_view(term);
    const std::string_view value = strip_prefix(body);
    const std::string_view prefix = body.substr(0, body.size() - value.size());
    if (value.empty() || !is_text_prefix(prefix)) continue;
    (stemmed ? stems_ : words_).emplace(value);
  }
}

bool SnippetMaker::matches(const std::string& word) {
  if (words_.count(word)) return true;
  if (stems_.empty()) return false;
  // Stemming every word of every body is the costly part; a stem shares its first letters
  // with the word, so only words that start like some stem are stemmed.
  bool candidate = false;
  for (const auto& stem : stems_) {
    const std::size_t n = std::min<std::size_t>(stem.size(), 3);
    if (word.compare(0, n, stem, 0, n) == 0) {
      candidate = true;
      break;
    }
  }
  return candidate && stems_.count(stemmer_(word));
}

Snippet SnippetMaker::make(std::string_view body, std::size_t target_bytes) {
  Snippet snippet;
  if (target_bytes == 0 || body.empty()) return snippet;

  std::vector<Located> located;
  std::unordered_map<std::string, std::size_t> term_ids;
  for_each_word(body, [&](const Word& word) {
    if (!matches(word.text)) return;
    const auto id = term_ids.emplace(word.text, term_ids.size()).first->second;
    located.push_back({word.start, word.end, id});
  });

  // The window of about target_bytes that holds the most distinct matched words, then the most
  // matches; the earliest such window wins ties.
  std::size_t best_start = 0;
  std::size_t best_end = 0;
  if (!located.empty()) {
    std::vector<std::size_t> counts(term_ids.size(), 0);
    std::size_t distinct = 0;
    std::size_t best_score = 0;
    std::size_t right = 0;
    for (std::size_t left = 0; left < located.size(); ++left) {
      while (right < located.size() && located[right].end - located[left].start <= target_bytes) {
        if (counts[located[right].term]++ == 0) ++distinct;
        ++right;
      }
      const std::size_t score = distinct * 1000 + (right - left);
      if (score > best_score) {
        best_score = score;
        best_start = located[left].start;
        best_end = located[right - 1].end;
      }
      if (--counts[located[left].term] == 0) --distinct;
    }
    // Centre the matches in the window, but prefer starting at a nearby sentence start.
    const std::size_t spare =
        target_bytes > best_end - best_start ? target_bytes - (best_end - best_start) : 0;
    std::size_t start = best_start > spare / 3 ? best_start - spare / 3 : 0;
    for (std::size_t i = best_start; i > start; --i) {
      if (i >= 2 && is_space(body[i - 1]) &&
          (body[i - 2] == '.' || body[i - 2] == '!' || body[i - 2] == '?' || body[i - 2] == '\n')) {
        start = i;
        break;
      }
    }
    best_start = start;
  }
  // Snap the start back to a word boundary and the end forward to one (within reason: text
  // without spaces is cut at a character boundary instead).
  while (best_start > 0 && !is_space(body[best_start - 1]))
    --best_start;
  std::size_t end = std::max(best_end, std::min(body.size(), best_start + target_bytes));
  const std::size_t end_limit = std::min(body.size(), end + 40);
  while (end < end_limit && !is_space(body[end]))
    ++end;
  while (end < body.size() && (static_cast<unsigned char>(body[end]) & 0xC0) == 0x80)
    ++end;
  while (end > best_start && is_space(body[end - 1]))
    --end;
  while (best_start < end && is_space(body[best_start]))
    ++best_start;

  std::string& out = snippet.text;
  if (best_start > 0) out.append(kEllipsis).push_back(' ');
  auto next = std::lower_bound(located.begin(), located.end(), best_start,
                               [](const Located& l, std::size_t pos) { return l.start < pos; });
  bool pending_space = false;
  for (std::size_t i = best_start; i < end; ++i) {
    if (is_space(body[i])) {
      pending_space = true;
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    if (next != located.end() && next->start == i && next->end <= end) {
      snippet.highlights.push_back({out.size(), out.size() + (next->end - next->start)});
      out.append(body.substr(next->start, next->end - next->start));
      i = next->end - 1;
      ++next;
      continue;
    }
    out.push_back(body[i]);
  }
  if (end < body.size() && body.find_first_not_of(" \t\r\n", end) != std::string_view::npos) {
    out.push_back(' ');
    out.append(kEllipsis);
  }
  return snippet;
}

}  // namespace newsdex::detail
