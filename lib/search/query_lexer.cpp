#include "search/query_lexer.hpp"

namespace newsdex::detail {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool is_field_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool ends_word(char c) {
  return is_space(c) || c == '(' || c == ')' || c == '"';
}

bool is_operator(std::string_view word) {
  if (word == "AND" || word == "OR" || word == "NOT" || word == "XOR") return true;
  for (const std::string_view name : {"NEAR", "ADJ"}) {
    if (word.substr(0, name.size()) != name) continue;
    const std::string_view rest = word.substr(name.size());
    if (rest.empty()) return true;
    if (rest.size() < 2 || rest[0] != '/') return false;
    return rest.find_first_not_of("0123456789", 1) == std::string_view::npos;
  }
  return false;
}

// The end of a quoted run that opens at `open` (the closing quote's index, or the text's end).
std::size_t closing_quote(std::string_view text, std::size_t open) {
  const std::size_t close = text.find('"', open + 1);
  return close == std::string_view::npos ? text.size() : close;
}

}  // namespace

std::vector<QueryToken> lex_query(std::string_view text) {
  std::vector<QueryToken> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    if (is_space(text[i])) {
      ++i;
      continue;
    }
    QueryToken token;
    token.start = i;
    if (text[i] == '(' || text[i] == ')') {
      token.kind = text[i] == '(' ? QueryToken::Kind::open : QueryToken::Kind::close;
      token.end = token.text_start = token.text_end = ++i;
      tokens.push_back(token);
      continue;
    }
    if ((text[i] == '+' || text[i] == '-') && i + 1 < text.size() && !is_space(text[i + 1])) {
      token.sign = text[i];
      ++i;
    }
    if (i < text.size() && text[i] == '"') {
      token.kind = QueryToken::Kind::phrase;
      const std::size_t close = closing_quote(text, i);
      token.text_start = i + 1;
      token.text_end = close;
      token.end = i = std::min(close + 1, text.size());
      tokens.push_back(token);
      continue;
    }
    std::size_t name_end = i;
    while (name_end < text.size() && is_field_char(text[name_end]))
      ++name_end;
    const bool field = name_end > i && name_end + 1 < text.size() && text[name_end] == ':' &&
                       !is_space(text[name_end + 1]) && text.compare(name_end, 3, "://") != 0;
    if (field) {
      token.kind = QueryToken::Kind::field;
      token.field = std::string(text.substr(i, name_end - i));
      i = name_end + 1;
      if (text[i] == '"') {
        const std::size_t close = closing_quote(text, i);
        token.text_start = i + 1;
        token.text_end = close;
        token.end = i = std::min(close + 1, text.size());
        tokens.push_back(token);
        continue;
      }
    }
    token.text_start = i;
    while (i < text.size() && !is_space(text[i]) && text[i] != ')' &&
           (field || !ends_word(text[i])))
      ++i;
    token.end = token.text_end = i;
    if (token.text_end > token.text_start && text[token.text_end - 1] == '*') {
      token.wildcard = true;
      --token.text_end;
    }
    if (!field && !token.sign && is_operator(text.substr(token.start, token.end - token.start))) {
      token.kind = QueryToken::Kind::operator_;
      token.text_start = token.text_end = token.end;
    }
    if (token.end == token.start) {  // a lone sign or quote-free junk: skip one byte
      ++i;
      continue;
    }
    tokens.push_back(token);
  }
  return tokens;
}

}  // namespace newsdex::detail
