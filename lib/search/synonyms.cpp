#include "search/synonyms.hpp"

#include <algorithm>

#include "search/query_lexer.hpp"
#include "text/fold.hpp"

namespace newsdex::detail {

namespace {

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  for_each_word(text, [&](const Word& word) { words.push_back(word.text); });
  return words;
}

bool is_proximity(const QueryToken& token, std::string_view query) {
  if (token.kind != QueryToken::Kind::operator_) return false;
  const std::string_view name = query.substr(token.start, token.end - token.start);
  return name.substr(0, 4) == "NEAR" || name.substr(0, 3) == "ADJ";
}

// A member as query text: a word as it is, several words as a phrase.
std::string as_query(const std::string& member) {
  return member.find(' ') == std::string::npos ? member : '"' + member + '"';
}

}  // namespace

SynonymExpander::SynonymExpander(SynonymGroups groups, Xapian::Stem stemmer)
    : groups_(std::move(groups)), stemmer_(std::move(stemmer)) {
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    for (const auto& member : groups_[g]) {
      group_of_.emplace(key_of(member), g);
      longest_ = std::max(longest_, words_of(member).size());
    }
  }
}

std::string SynonymExpander::key_of(std::string_view words) const {
  std::string key;
  std::lock_guard lock(stemmer_mutex_);
  for (const auto& word : words_of(words)) {
    if (!key.empty()) key += ' ';
    key += stemmer_(word);
  }
  return key;
}

std::string SynonymExpander::expand(std::string_view query) const {
  if (groups_.empty()) return std::string(query);
  const auto tokens = lex_query(query);
  // Whether token i is a plain word a synonym may replace.
  auto plain = [&](std::size_t i) {
    const auto& token = tokens[i];
    if (token.kind != QueryToken::Kind::word || token.wildcard || token.sign == '+') return false;
    if (i > 0 && is_proximity(tokens[i - 1], query)) return false;
    if (i + 1 < tokens.size() && is_proximity(tokens[i + 1], query)) return false;
    return true;
  };
  auto text_of = [&](const QueryToken& token) {
    return query.substr(token.text_start, token.text_end - token.text_start);
  };
  auto alternatives = [&](std::size_t group, std::string_view original, const char* separator,
                          const char* each_prefix) {
    std::string out = std::string(each_prefix) + std::string(original);
    const std::string matched = key_of(original);
    for (const auto& member : groups_[group]) {
      if (key_of(member) == matched) continue;
      out += separator;
      out += each_prefix;
      out += as_query(member);
    }
    return out;
  };

  std::string out;
  std::size_t done = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const auto& token = tokens[i];
    if (token.kind == QueryToken::Kind::phrase && token.sign != '+') {
      const auto found = group_of_.find(key_of(text_of(token)));
      if (found == group_of_.end()) continue;
      out.append(query, done, token.start - done);
      const std::string original(query.substr(token.start + (token.sign ? 1 : 0),
                                              token.end - token.start - (token.sign ? 1 : 0)));
      out += token.sign == '-' ? alternatives(found->second, original, " ", "-")
                               : "(" + alternatives(found->second, original, " OR ", "") + ")";
      done = token.end;
      continue;
    }
    if (!plain(i)) continue;
    // The longest run of plain words from here that is a member; a hated word only alone.
    std::size_t best_end = 0;
    std::size_t best_group = 0;
    std::string key;
    for (std::size_t j = i; j < tokens.size() && j - i < longest_ && plain(j); ++j) {
      if (j > i && (tokens[j].sign || token.sign)) break;
      const std::string part = key_of(text_of(tokens[j]));
      if (part.empty()) break;
      key += (key.empty() ? "" : " ") + part;
      if (const auto found = group_of_.find(key); found != group_of_.end()) {
        best_end = j + 1;
        best_group = found->second;
      }
    }
    if (best_end == 0) continue;
    out.append(query, done, token.start - done);
    const std::size_t text_start = token.text_start;
    const std::size_t text_end = tokens[best_end - 1].text_end;
    std::string original(query.substr(text_start, text_end - text_start));
    if (best_end - i > 1 || words_of(original).size() > 1) original = '"' + original + '"';
    out += token.sign == '-' ? alternatives(best_group, original, " ", "-")
                             : "(" + alternatives(best_group, original, " OR ", "") + ")";
    done = tokens[best_end - 1].end;
    i = best_end - 1;
  }
  out.append(query, done);
  return out;
}

}  // namespace newsdex::detail
