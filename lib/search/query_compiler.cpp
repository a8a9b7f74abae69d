#include "search/query_compiler.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <optional>
#include <variant>
#include <vector>

#include <newsdex/annotations.hpp>
#include <newsdex/error.hpp>

#include "analysis/analysis.hpp"
#include "schema/schema.hpp"
#include "search/query_lexer.hpp"
#include "search/synonyms.hpp"
#include "text/fold.hpp"

namespace newsdex::detail {

namespace {

constexpr std::array<std::string_view, 9> kFields{"speaker", "place", "country",   "title", "id",
                                                  "source",  "date",  "mentioned", "lang"};

bool is_field_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// The first error a field processor met; Xapian's parser cannot carry our exceptions, so the
// processors record the problem and return a query that matches nothing.
struct FieldErrors {
  std::optional<std::string> field;
  std::string value;  // as the processor got it: unquoted, diacritics folded
  std::string message;

  Xapian::Query fail(std::string_view field_name, std::string_view field_value, std::string text) {
    if (!field) {
      field = std::string(field_name);
      value = std::string(field_value);
      message = std::move(text);
    }
    // A new empty query rather than the shared Query::MatchNothing: Xapian counts references
    // to a query without atomics, so copying one object on several threads is a data race.
    return Xapian::Query();
  }
};

// The range of days a date value names: 2022 -> 2022-01-01..2022-12-31.
struct DayRange {
  Date first;
  Date last;
  DatePrecision precision;
};

std::optional<DayRange> parse_date_value(std::string_view text) {
  auto number = [](std::string_view digits, std::size_t count) -> std::optional<int> {
    if (digits.size() != count) return std::nullopt;
    int value = 0;
    for (char c : digits) {
      if (c < '0' || c > '9') return std::nullopt;
      value = value * 10 + (c - '0');
    }
    return value;
  };
  if (text.size() == 4) {
    const auto year = number(text, 4);
    if (!year || *year < 1) return std::nullopt;
    return DayRange{{*year, 1, 1}, {*year, 12, 31}, DatePrecision::year};
  }
  if (text.size() == 7 && text[4] == '-') {
    const auto year = number(text.substr(0, 4), 4);
    const auto month = number(text.substr(5), 2);
    if (!year || !month || *year < 1 || *month < 1 || *month > 12) return std::nullopt;
    const Date first{*year, *month, 1};
    const Date next = *month == 12 ? Date{*year + 1, 1, 1} : Date{*year, *month + 1, 1};
    return DayRange{first, Date::from_days(next.days() - 1), DatePrecision::month};
  }
  const auto day = Date::parse(text);
  if (!day) return std::nullopt;
  return DayRange{*day, *day, DatePrecision::day};
}

struct DateBounds {
  std::optional<Date> low;
  std::optional<Date> high;
  std::optional<DayRange> single;  // set when the value is one date, not a range
};

// Parses "2022", "2022-11", "2022-11-16", "A..B", "A..", "..B"; returns an error message on
// failure.
std::variant<DateBounds, std::string> parse_date_filter(std::string_view value) {
  static const std::string kExpected =
      " (expected YYYY, YYYY-MM, YYYY-MM-DD or a range FROM..TO with either end optional)";
  const auto dots = value.find("..");
  DateBounds bounds;
  if (dots == std::string_view::npos) {
    bounds.single = parse_date_value(value);
    if (!bounds.single) return "invalid date \"" + std::string(value) + "\"" + kExpected;
    return bounds;
  }
  const std::string_view from = value.substr(0, dots);
  const std::string_view to = value.substr(dots + 2);
  if (from.empty() && to.empty()) return "date range \"..\" has no ends" + kExpected;
  if (!from.empty()) {
    const auto range = parse_date_value(from);
    if (!range) return "invalid date \"" + std::string(from) + "\"" + kExpected;
    bounds.low = range->first;
  }
  if (!to.empty()) {
    const auto range = parse_date_value(to);
    if (!range) return "invalid date \"" + std::string(to) + "\"" + kExpected;
    bounds.high = range->last;
  }
  if (bounds.low && bounds.high && *bounds.high < *bounds.low) {
    return "date range \"" + std::string(value) + "\" ends before it starts";
  }
  return bounds;
}

std::string date_term(const DayRange& range, std::string_view day, std::string_view month,
                      std::string_view year) {
  switch (range.precision) {
    case DatePrecision::year:
      return schema::year_term(year, range.first);
    case DatePrecision::month:
      return schema::month_term(month, range.first);
    case DatePrecision::day:
      break;
  }
  return schema::day_term(day, range.first);
}

// The day, month and year term prefixes of one date field.
struct DateTermPrefixes {
  std::string_view day;
  std::string_view month;
  std::string_view year;
};

// date: (publication) and mentioned: (dates the text mentions). A range becomes the OR of the
// day, month and year terms that lie wholly inside it, rather than a range over the publication
// date's value slot: the matcher then skips through a few posting lists instead of checking the
// value of every candidate, 4-5 times faster for a month's range filtering a common word.
class DateProcessor : public Xapian::FieldProcessor {
 public:
  DateProcessor(std::string field, DateTermPrefixes prefixes, const Xapian::Database& database,
                FieldErrors& errors)
      : field_(std::move(field)), prefixes_(prefixes), database_(database), errors_(errors) {}

  Xapian::Query operator()(const std::string& value) override {
    auto parsed = parse_date_filter(value);
    if (auto* message = std::get_if<std::string>(&parsed))
      return errors_.fail(field_, value, *message);
    const auto& bounds = std::get<DateBounds>(parsed);
    if (bounds.single) {
      return Xapian::Query(
          date_term(*bounds.single, prefixes_.day, prefixes_.month, prefixes_.year));
    }
    const Date low = bounds.low.value_or(Date{1, 1, 1});
    const Date high = bounds.high.value_or(Date{9999, 12, 31});
    // A month or year term counts only when the range covers all of it. An article with a
    // day's term also has the terms of its month and year, so whole years are matched by
    // year terms and whole months by month terms, and days are looked up only in the partial
    // months at the ends: the query stays small however long the range.
    const Date month_low = low.day == 1 ? low : next_month(low);
    const Date month_high =
        is_month_end(high) ? high : Date::from_days(Date{high.year, high.month, 1}.days() - 1);
    const int year_low = (low.month == 1 && low.day == 1) ? low.year : low.year + 1;
    const int year_high = (high.month == 12 && high.day == 31) ? high.year : high.year - 1;
    std::vector<Xapian::Query> terms;
    auto days = [&](const Date& from, const Date& to) {
      if (from <= to) collect(prefixes_.day, from.compact(), to.compact(), terms);
    };
    auto months = [&](const Date& from, const Date& to) {
      if (from <= to) {
        collect(prefixes_.month, from.compact().substr(0, 6), to.compact().substr(0, 6), terms);
      }
    };
    if (month_low <= month_high) {
      days(low, Date::from_days(month_low.days() - 1));
      days(Date::from_days(month_high.days() + 1), high);
      if (year_low <= year_high) {
        months(month_low, Date{year_low - 1, 12, 31});
        months(Date{year_high + 1, 1, 1}, month_high);
        collect(prefixes_.year, Date{year_low, 1, 1}.compact().substr(0, 4),
                Date{year_high, 1, 1}.compact().substr(0, 4), terms);
      } else {
        months(month_low, month_high);
      }
    } else {
      days(low, high);
    }
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
  }

 private:
  static Date next_month(const Date& date) {
    return date.month == 12 ? Date{date.year + 1, 1, 1} : Date{date.year, date.month + 1, 1};
  }
  static bool is_month_end(const Date& date) { return Date::from_days(date.days() + 1).day == 1; }

  // Adds every term prefix+X with low <= X <= high (same-length digit strings sort as numbers).
  void collect(std::string_view prefix, const std::string& low, const std::string& high,
               std::vector<Xapian::Query>& terms) const {
    const std::string first = std::string(prefix) + low;
    const std::string last = std::string(prefix) + high;
    // allterms_begin(x) lists the terms that start with x, so start at the prefix and skip.
    const std::string prefix_text(prefix);
    auto it = database_.allterms_begin(prefix_text);
    it.skip_to(first);
    for (; it != database_.allterms_end(prefix_text); ++it) {
      const std::string term = *it;
      if (term.size() != last.size() || term > last) break;
      terms.emplace_back(term);
    }
  }

  std::string field_;
  DateTermPrefixes prefixes_;
  const Xapian::Database& database_;
  FieldErrors& errors_;
};

// speaker: and place: match words of the names, as a phrase when several are given, with a
// trailing * for a prefix ("speaker:abdul*"). With `canonical_names`, a name also matches the
// exact term of each canonical name it may stand for (place:UK finds "United Kingdom").
class NameProcessor : public Xapian::FieldProcessor {
 public:
  NameProcessor(std::string field, std::string_view word_prefix, unsigned max_expansion,
                FieldErrors& errors,
                std::function<std::vector<std::string>(std::string_view)> canonical_names = {},
                std::string_view exact_prefix = {})
      : field_(std::move(field)),
        prefix_(word_prefix),
        max_expansion_(max_expansion),
        errors_(errors),
        canonical_names_(std::move(canonical_names)),
        exact_prefix_(exact_prefix) {}

  Xapian::Query operator()(const std::string& value) override {
    Xapian::Query words = match_words(value);
    if (!canonical_names_ || words.empty() || value.back() == '*') return words;
    const std::string own = normalize_value(value);
    std::vector<Xapian::Query> alternatives{words};
    for (const auto& name : canonical_names_(value)) {
      if (normalize_value(name) == own) continue;
      alternatives.emplace_back(schema::value_term(exact_prefix_, name));
    }
    if (alternatives.size() == 1) return words;
    return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
  }

 private:
  Xapian::Query match_words(const std::string& value) {
    std::vector<std::string> words;
    for_each_word(value, [&](const Word& word) { words.push_back(prefix_ + word.text); });
    if (words.empty()) return errors_.fail(field_, value, field_ + ": needs a name");
    const bool wildcard = !value.empty() && value.back() == '*';
    std::vector<Xapian::Query> parts;
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (wildcard && i + 1 == words.size()) {
        parts.emplace_back(Xapian::Query::OP_WILDCARD, words[i], max_expansion_,
                           Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
      } else {
        parts.emplace_back(words[i]);
      }
    }
    if (parts.size() == 1) return parts.front();
    if (!wildcard) {
      return Xapian::Query(Xapian::Query::OP_PHRASE, parts.begin(), parts.end(), parts.size());
    }
    // Xapian's phrases take terms only, so "marta so*" is the phrase of the whole words and the
    // wildcard anywhere in the same field.
    const Xapian::Query last = parts.back();
    parts.pop_back();
    const Xapian::Query exact =
        parts.size() == 1
            ? parts.front()
            : Xapian::Query(Xapian::Query::OP_PHRASE, parts.begin(), parts.end(), parts.size());
    return Xapian::Query(Xapian::Query::OP_AND, exact, last);
  }

  std::string field_;
  std::string prefix_;
  unsigned max_expansion_;
  FieldErrors& errors_;
  std::function<std::vector<std::string>(std::string_view)> canonical_names_;
  std::string_view exact_prefix_;
};

// A field matched by one exact term: prefix + the value normalised (or as given, for ids).
class ExactProcessor : public Xapian::FieldProcessor {
 public:
  ExactProcessor(std::string field, std::string_view prefix, bool normalize, FieldErrors& errors)
      : field_(std::move(field)), prefix_(prefix), normalize_(normalize), errors_(errors) {}

  Xapian::Query operator()(const std::string& value) override {
    const std::string term =
        normalize_ ? schema::value_term(prefix_, value) : schema::raw_term(prefix_, value);
    if (term.empty() || value.empty())
      return errors_.fail(field_, value, field_ + ": needs a value");
    return Xapian::Query(term);
  }

 private:
  std::string field_;
  std::string prefix_;
  bool normalize_;
  FieldErrors& errors_;
};

// country: an ISO 3166-1 alpha-2 code, or a country's name, short name or demonym when
// `country_code` knows it ("country:azerbaijan", "country:uk").
class CountryProcessor : public Xapian::FieldProcessor {
 public:
  CountryProcessor(FieldErrors& errors, std::function<std::string(std::string_view)> country_code)
      : errors_(errors), country_code_(std::move(country_code)) {}

  Xapian::Query operator()(const std::string& value) override {
    std::string code = country_code_ ? country_code_(value) : std::string();
    if (code.empty()) {
      code = normalize_value(value);
      if (code.size() != 2 || !is_field_char(code[0]) || !is_field_char(code[1])) {
        return errors_.fail("country", value,
                            "unknown country \"" + value +
                                "\" (use a country's name or ISO 3166-1 code, such as "
                                "france or FR)");
      }
    }
    return Xapian::Query(schema::value_term(schema::kCountry, code));
  }

 private:
  FieldErrors& errors_;
  std::function<std::string(std::string_view)> country_code_;
};

// lang: a language code or name.
class LanguageProcessor : public Xapian::FieldProcessor {
 public:
  explicit LanguageProcessor(FieldErrors& errors) : errors_(errors) {}

  Xapian::Query operator()(const std::string& value) override {
    const std::string code = language_code(stemmer_name(value));
    if (code.empty()) {
      return errors_.fail(
          "lang", value,
          "unknown language \"" + value + "\" (known: " + available_languages() + ")");
    }
    return Xapian::Query(std::string(schema::kLanguage) + code);
  }

 private:
  FieldErrors& errors_;
};

// How many OP_WILDCARD leaves `query` holds; walked without recursion, since a parsed query
// may nest deeply.
std::size_t count_wildcards(const Xapian::Query& query) {
  std::size_t count = 0;
  std::vector<Xapian::Query> pending{query};
  while (!pending.empty()) {
    const Xapian::Query next = std::move(pending.back());
    pending.pop_back();
    if (next.get_type() == Xapian::Query::OP_WILDCARD) ++count;
    for (std::size_t i = 0; i < next.get_num_subqueries(); ++i)
      pending.push_back(next.get_subquery(i));
  }
  return count;
}

// The byte offset of the n-th (0-based) '*' that ends a word in `text`, or 0.
std::size_t wildcard_position(std::string_view text, std::size_t n) {
  for (std::size_t i = 1; i < text.size(); ++i) {
    if (text[i] == '*' && !is_space(text[i - 1]) && n-- == 0) return i;
  }
  return 0;
}

// The byte offset in `text` of the `field:` filter whose value is `value` (as a field processor
// got it), else of the first `field:` filter, else 0.
std::size_t field_position(std::string_view text, const std::string& field,
                           const std::string& value) {
  std::optional<std::size_t> first;
  for (const auto& token : lex_query(text)) {
    if (token.kind != QueryToken::Kind::field || token.field != field) continue;
    const std::size_t start = token.start + (token.sign ? 1 : 0);
    if (!first) first = start;
    const auto typed = text.substr(token.text_start, token.text_end - token.text_start);
    if (fold_diacritics(typed) == value) return start;
  }
  return first.value_or(0);
}

// Where Xapian's parser gave up on `text`: the first operator with nothing to combine on one
// side ("AND", "a OR OR b", "(NEAR b)"), or 0 when there is none.
std::size_t operator_error_position(std::string_view text) {
  using Kind = QueryToken::Kind;
  const auto tokens = lex_query(text);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind != Kind::operator_) continue;
    const bool is_not = text.substr(tokens[i].start, tokens[i].end - tokens[i].start) == "NOT";
    const bool nothing_before =
        i == 0 || tokens[i - 1].kind == Kind::open || tokens[i - 1].kind == Kind::operator_;
    const bool nothing_after =
        i + 1 == tokens.size() || tokens[i + 1].kind == Kind::close ||
        (tokens[i + 1].kind == Kind::operator_ && text.substr(tokens[i + 1].start, 3) != "NOT");
    // "NOT x" alone is allowed: it matches the articles without x.
    if ((nothing_before && !is_not) || nothing_after) return tokens[i].start;
  }
  return 0;
}

// `query` with each stemmed term of a word `unstemmed` says has no stem in the index
// (Zthe, ZSthe) replaced by the word's exact term (the, Sthe). Walks only the operators whose
// parameters Xapian lets us read back; the parser puts stemmed terms nowhere else (phrases and
// NEAR hold exact terms).
Xapian::Query exact_stopwords(const Xapian::Query& query, const Xapian::Stopper& unstemmed,
                              bool& changed) {
  const auto type = query.get_type();
  if (type == Xapian::Query::LEAF_TERM) {
    const std::string term = *query.get_terms_begin();
    if (term.empty() || term[0] != schema::kStemmed[0]) return query;
    std::size_t word = 1;
    while (word < term.size() && term[word] >= 'A' && term[word] <= 'Z')
      ++word;
    if (!unstemmed(term.substr(word))) return query;
    changed = true;
    return Xapian::Query(term.substr(1));
  }
  switch (type) {
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_XOR:
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_MAX:
      break;
    default:
      return query;
  }
  std::vector<Xapian::Query> parts;
  bool any = false;
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
    parts.push_back(exact_stopwords(query.get_subquery(i), unstemmed, any));
  if (!any) return query;
  changed = true;
  return Xapian::Query(type, parts.begin(), parts.end());
}

}  // namespace

std::string_view known_fields() {
  return "speaker place country title id source date mentioned lang";
}

void check_query_syntax(std::string_view text) {
  bool in_quote = false;
  std::size_t quote_start = 0;
  std::vector<std::size_t> open_parens;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      in_quote = !in_quote;
      quote_start = i;
      continue;
    }
    if (in_quote) continue;
    if (c == '(') {
      open_parens.push_back(i);
    } else if (c == ')') {
      if (open_parens.empty()) {
        throw QueryError("unmatched ')' at position " + std::to_string(i), i);
      }
      open_parens.pop_back();
    } else if (is_field_char(c) && (i == 0 || !is_field_char(text[i - 1]))) {
      // A field is a name at the start of a word followed by ':' and a value.
      if (i > 0 && !is_space(text[i - 1]) && text[i - 1] != '(' && text[i - 1] != '-' &&
          text[i - 1] != '+') {
        continue;
      }
      std::size_t end = i;
      while (end < text.size() && is_field_char(text[end]))
        ++end;
      if (end >= text.size() || text[end] != ':') continue;
      const std::string name(text.substr(i, end - i));
      const auto is_field = [](std::string_view candidate) {
        return std::find(kFields.begin(), kFields.end(), candidate) != kFields.end();
      };
      const bool known = is_field(name);
      if (end + 1 == text.size() || is_space(text[end + 1])) {
        // "speaker: baker" would search for the words "speaker" and "baker".
        if (!known) continue;
        throw QueryError("\"" + name + ":\" has no value: write it right after the colon (" + name +
                             ":word or " + name + ":\"two words\") at position " +
                             std::to_string(i),
                         i);
      }
      if (text.compare(end, 3, "://") == 0) continue;  // a URL, not a field
      if (known) continue;
      std::string lower = name;
      for (auto& ch : lower)
        ch = static_cast<char>(ch | 0x20);
      const std::string where = " at position " + std::to_string(i);
      if (is_field(lower)) {
        throw QueryError("field names are lower case: write \"" + lower + ":\"" + where, i);
      }
      throw QueryError("unknown field \"" + name + ":\"" + where +
                           " (known fields: " + std::string(known_fields()) + ")",
                       i);
    }
  }
  if (in_quote) {
    throw QueryError("unclosed quote at position " + std::to_string(quote_start), quote_start);
  }
  if (!open_parens.empty()) {
    throw QueryError("unclosed '(' at position " + std::to_string(open_parens.back()),
                     open_parens.back());
  }
}

Xapian::Query compile_query(std::string_view text, MatchMode mode, const Xapian::Database& database,
                            const std::string& language, const QueryLimits& limits,
                            const QueryExpansions& expansions) {
  if (text.size() > limits.max_query_bytes) {
    throw QueryError("query is " + std::to_string(text.size()) +
                         " bytes, longer than the limit of " +
                         std::to_string(limits.max_query_bytes),
                     limits.max_query_bytes);
  }
  check_query_syntax(text);
  // The empty term matches every document: Query::MatchAll itself, a shared object whose
  // reference count Xapian updates without atomics, must not be copied on several threads.
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
    return Xapian::Query(std::string());

  FieldErrors errors;
  Xapian::QueryParser parser;
  parser.set_database(database);
  parser.set_stemmer(make_stemmer(language));
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser.set_stopper(expansions.stopwords);
  parser.set_default_op(mode == MatchMode::all ? Xapian::Query::OP_AND : Xapian::Query::OP_OR);
  // Xapian reads 0 as "no limit"; Index::open refuses 0.
  const auto max_expansion = static_cast<Xapian::termcount>(std::min<std::size_t>(
      limits.max_wildcard_terms, std::numeric_limits<Xapian::termcount>::max()));
  parser.set_max_expansion(max_expansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT,
                           Xapian::QueryParser::FLAG_WILDCARD | Xapian::QueryParser::FLAG_PARTIAL);

  parser.add_prefix("title", std::string(schema::kTitle));
  // Filters on many-valued fields combine with AND (place:paris place:moscow wants both);
  // single-valued ones with OR (date:2021 date:2022 wants either).
  parser.add_boolean_prefix(
      "speaker",
      (new NameProcessor("speaker", schema::kSpeakerWord, max_expansion, errors))->release(),
      false);
  parser.add_boolean_prefix("place",
                            (new NameProcessor("place", schema::kPlaceWord, max_expansion, errors,
                                               expansions.place_names, schema::kPlace))
                                ->release(),
                            false);
  parser.add_boolean_prefix(
      "country", (new CountryProcessor(errors, expansions.country_code))->release(), false);
  parser.add_boolean_prefix(
      "mentioned",
      (new DateProcessor("mentioned",
                         {schema::kMentionedDay, schema::kMentionedMonth, schema::kMentionedYear},
                         database, errors))
          ->release(),
      false);
  parser.add_boolean_prefix(
      "date",
      (new DateProcessor("date", {schema::kDay, schema::kMonth, schema::kYear}, database, errors))
          ->release(),
      true);
  parser.add_boolean_prefix("id", (new ExactProcessor("id", schema::kId, false, errors))->release(),
                            true);
  parser.add_boolean_prefix(
      "source", (new ExactProcessor("source", schema::kSource, true, errors))->release(), true);
  parser.add_boolean_prefix("lang", (new LanguageProcessor(errors))->release(), true);

  constexpr unsigned kFlags = Xapian::QueryParser::FLAG_DEFAULT |
                              Xapian::QueryParser::FLAG_WILDCARD |
                              Xapian::QueryParser::FLAG_PURE_NOT;
  Xapian::Query query;
  try {
    const std::string expanded =
        expansions.synonyms ? expansions.synonyms->expand(text) : std::string(text);
    query = parser.parse_query(fold_diacritics(expanded), kFlags);
  } catch (const Xapian::QueryParserError& error) {
    const std::size_t position = operator_error_position(text);
    throw QueryError(
        "cannot parse query at position " + std::to_string(position) + ": " + error.get_msg(),
        position);
  }
  if (errors.field) {
    const std::size_t position = field_position(text, *errors.field, errors.value);
    throw QueryError(errors.message + " at position " + std::to_string(position), position);
  }
  // The index keeps stopwords in their exact form only; a stopword the query kept (the user's
  // list has others, or the query is all stopwords: "the who") matches in that form.
  if (const Xapian::Stopper* unstemmed = stopper_for(language)) {
    bool changed = false;
    query = exact_stopwords(query, *unstemmed, changed);
  }
  // Each wildcard may stand for max_wildcard_terms terms, so their number bounds the memory and
  // time a query takes.
  if (const std::size_t wildcards = count_wildcards(query); wildcards > limits.max_wildcards) {
    const std::size_t position = wildcard_position(text, limits.max_wildcards);
    throw QueryError("query has " + std::to_string(wildcards) +
                         " wildcards, more than the limit of " +
                         std::to_string(limits.max_wildcards) +
                         " (the first one over it is at position " + std::to_string(position) + ")",
                     position);
  }
  return query;
}

}  // namespace newsdex::detail
