#include "extract/date_extractor.hpp"

#include <array>
#include <cstdint>
#include <string_view>

#include "extract/tokenizer.hpp"

namespace newsdex::detail {

namespace {

constexpr int kUpcomingDays = 31;

// 1..12 for a month name or its abbreviation, 0 otherwise.
int month_of(std::string_view key) {
  static constexpr std::array<std::string_view, 12> kNames = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  for (int m = 0; m < 12; ++m) {
    const std::string_view name = kNames[static_cast<std::size_t>(m)];
    if (key == name) return m + 1;
    // "jan", "feb", ..., "sept": three or four letters of the name, never "may"/"june"/"july"
    // abbreviated since they are short already.
    if ((key.size() == 3 || (key.size() == 4 && m == 8)) && name.starts_with(key) && m != 4 &&
        m != 5 && m != 6) {
      return m + 1;
    }
  }
  return 0;
}

// 0 = Sunday ... 6 = Saturday, -1 when not a weekday name.
int weekday_of(std::string_view key) {
  static constexpr std::array<std::string_view, 7> kNames = {
      "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
  for (int d = 0; d < 7; ++d) {
    if (key == kNames[static_cast<std::size_t>(d)]) return d;
  }
  return -1;
}

bool is_season(std::string_view key) {
  return key == "fall" || key == "autumn" || key == "spring" || key == "summer" || key == "winter";
}

// Words that, right before a date, belong to its mention.
bool is_date_preposition(std::string_view key) {
  return key == "on" || key == "in" || key == "since" || key == "until" || key == "till" ||
         key == "by" || key == "from" || key == "before" || key == "after" || key == "during" ||
         key == "through" || key == "throughout" || key == "early" || key == "late" || key == "mid";
}

// Words after which a bare four-digit number is a year: "in 2020", "since 1991".
bool is_strong_year_context(std::string_view key) {
  return key == "in" || key == "since" || key == "until" || key == "till" || key == "by" ||
         key == "before" || key == "after" || key == "during" || key == "through" ||
         key == "throughout" || key == "circa" || key == "between" || key == "from" ||
         key == "early" || key == "late" || key == "mid" || key == "year" || key == "fiscal" ||
         is_season(key);
}

// Words after which a four-digit number is a year unless a count follows ("the 2020 election"
// but "to 2000 troops").
bool is_weak_year_context(std::string_view key) {
  return key == "the" || key == "of" || key == "to" || key == "and" || key == "or";
}

// Nouns that a year commonly qualifies: "the 2020 election", "the 2014 war".
bool is_event_noun(std::string_view key) {
  static constexpr std::string_view kNouns[] = {
      "agreement",    "attack",     "attacks",    "budget",    "campaign",   "ceasefire", "census",
      "championship", "conflict",   "convention", "coup",      "crisis",     "cycle",     "deal",
      "debate",       "earthquake", "election",   "elections", "flood",      "floods",    "games",
      "invasion",     "law",        "midterms",   "olympics",  "poll",       "primaries", "primary",
      "protests",     "race",       "referendum", "report",    "revolution", "season",    "study",
      "summit",       "survey",     "tournament", "uprising",  "vote",       "war"};
  for (const std::string_view noun : kNouns) {
    if (key == noun) return true;
  }
  return false;
}

// Parses a day of the month: "16", "30th", "1st", "16-17" (the first day of a range).
int day_of(std::string_view key) {
  int day = 0;
  std::size_t i = 0;
  while (i < key.size() && key[i] >= '0' && key[i] <= '9' && i < 2) {
    day = day * 10 + (key[i] - '0');
    ++i;
  }
  if (i == 0 || day < 1 || day > 31) return 0;
  const std::string_view rest = key.substr(i);
  if (rest.empty() || rest == "st" || rest == "nd" || rest == "rd" || rest == "th" ||
      (rest.size() >= 2 && rest[0] == '-' && rest[1] >= '0' && rest[1] <= '9')) {
    return day;
  }
  return 0;
}

// Parses a four-digit year between 1000 and 2999.
int year_of(std::string_view key) {
  if (key.size() != 4) return 0;
  int year = 0;
  for (const char c : key) {
    if (c < '0' || c > '9') return 0;
    year = year * 10 + (c - '0');
  }
  return year >= 1000 && year <= 2999 ? year : 0;
}

Date add_days(const Date& date, long days) {
  return Date::from_days(date.days() + days);
}

class Scanner {
 public:
  Scanner(const TokenizedText& tokens, std::optional<Date> published)
      : text_(tokens.text()), tokens_(tokens), published_(published) {}

  std::vector<MentionedDate> run() {
    for (std::size_t i = 0; i < tokens_.size();)
      i = scan(i);
    return std::move(dates_);
  }

 private:
  std::string_view key(std::size_t i) const {
    return i < tokens_.size() ? tokens_.key(i) : std::string_view();
  }
  bool is_word(std::size_t i) const { return i < tokens_.size() && tokens_[i].is_word(); }
  bool is_number(std::size_t i) const {
    return i < tokens_.size() && tokens_[i].kind == TokenKind::number;
  }
  bool is_capitalized(std::size_t i) const {
    return i < tokens_.size() && tokens_[i].is_capitalized_word();
  }
  bool is_comma(std::size_t i) const {
    return i < tokens_.size() && tokens_[i].kind == TokenKind::comma;
  }

  // A capitalised month name; abbreviations need their period or a number after them, so
  // "Jan" the name and "Mar" the verb stay out.
  int month_at(std::size_t i) const {
    if (!is_capitalized(i)) return 0;
    const std::string_view k = key(i);
    const int month = month_of(k);
    if (month == 0) return 0;
    const bool abbreviated = k.size() <= 4 && k != "june" && k != "july" && k != "may";
    if (abbreviated && !tokens_[i].has(token_flag::abbreviation) && !is_number(i + 1)) return 0;
    return month;
  }

  int weekday_at(std::size_t i) const { return is_capitalized(i) ? weekday_of(key(i)) : -1; }

  // Where a mention that starts at `first` really starts: a weekday ("Thursday, Nov. 16") and
  // a preposition right before it join the mention.
  std::size_t extend_left(std::size_t first) const {
    std::size_t b = first;
    if (b >= 2 && is_comma(b - 1) && weekday_at(b - 2) >= 0) {
      b -= 2;
    } else if (b >= 1 && weekday_at(b - 1) >= 0) {
      b -= 1;
    }
    if (b >= 1 && is_word(b - 1) && is_date_preposition(key(b - 1))) --b;
    return b;
  }

  void add(std::size_t first, std::size_t last_excl, const Date& date, DatePrecision precision) {
    push(Span{tokens_[extend_left(first)].start, tokens_[last_excl - 1].end}, date, precision);
  }

  // Every mention goes through here: a date outside years 1..9999 ("tomorrow" said on
  // 9999-12-31, "May 31" or "last year" near year 1) names no day and is dropped.
  void push(const Span& span, const Date& date, DatePrecision precision) {
    if (!date.valid()) return;
    dates_.push_back(MentionedDate{
        date, precision, std::string(text_.substr(span.start, span.end - span.start)), span});
  }

  // The day named by a month and day without a year.
  std::optional<Date> resolve_month_day(int month, int day) const {
    if (!published_) return std::nullopt;
    const Date& p = *published_;
    Date date{p.year, month, day};
    if (!date.valid()) return std::nullopt;
    if (date > p) {
      if (date.days() - p.days() <= kUpcomingDays) return date;
      date.year -= 1;
      if (!date.valid()) return std::nullopt;
    }
    return date;
  }

  // Returns the index after what was recognised at `i`, or i + 1.
  std::size_t scan(std::size_t i) {
    const Token& t = tokens_[i];
    if (t.kind == TokenKind::number) return scan_number(i);
    if (t.kind != TokenKind::word) return i + 1;
    if (const int month = month_at(i)) return scan_month(i, month);
    if (const int weekday = weekday_at(i); weekday >= 0) return scan_weekday(i, weekday);
    return scan_relative_word(i);
  }

  // "November 30, 2022", "Nov. 16", "November 2022", "in November".
  std::size_t scan_month(std::size_t i, int month) {
    if (is_number(i + 1)) {
      if (const int day = day_of(key(i + 1))) {
        std::size_t y = i + 2;
        if (is_comma(y)) ++y;
        if (is_number(y) && year_of(key(y)) != 0) {
          add(i, y + 1, Date{year_of(key(y)), month, day}, DatePrecision::day);
          return y + 1;
        }
        if (const auto date = resolve_month_day(month, day)) {
          add(i, i + 2, *date, DatePrecision::day);
        }
        return i + 2;
      }
      if (const int year = year_of(key(i + 1))) {
        add(i, i + 2, Date{year, month, 1}, DatePrecision::month);
        return i + 2;
      }
    }
    // "November of 2022"
    if (key(i + 1) == "of" && is_number(i + 2) && year_of(key(i + 2)) != 0) {
      add(i, i + 3, Date{year_of(key(i + 2)), month, 1}, DatePrecision::month);
      return i + 3;
    }
    // A month alone is a date only after a word that makes it one: "in May", "last November".
    if (i == 0 || !is_word(i - 1) || !published_) return i + 1;
    const std::string_view before = key(i - 1);
    const Date& p = *published_;
    int year = 0;
    if (before == "last") {
      year = month < p.month ? p.year : p.year - 1;
    } else if (before == "next") {
      year = month > p.month ? p.year : p.year + 1;
    } else if (before == "this") {
      year = p.year;
    } else if (is_date_preposition(before) && before != "of") {
      year = month <= p.month ? p.year : p.year - 1;
    } else {
      return i + 1;
    }
    const std::size_t first =
        (before == "last" || before == "next" || before == "this") ? i - 1 : i;
    add(first, i + 1, Date{year, month, 1}, DatePrecision::month);
    return i + 1;
  }

  // "30 Nov 2022", "30 November", "2022-11-30", "in 2020", "since 1991".
  std::size_t scan_number(std::size_t i) {
    const std::string_view k = key(i);
    if (k.size() >= 10 && (k.size() == 10 || k[10] == 't')) {
      if (const auto date = Date::parse(k.substr(0, 10))) {
        add(i, i + 1, *date, DatePrecision::day);
        return i + 1;
      }
    }
    if (const int day = day_of(k)) {
      std::size_t m = i + 1;
      if (key(m) == "of") ++m;
      if (const int month = month_at(m)) {
        if (is_number(m + 1) && year_of(key(m + 1)) != 0) {
          add(i, m + 2, Date{year_of(key(m + 1)), month, day}, DatePrecision::day);
          return m + 2;
        }
        if (const auto date = resolve_month_day(month, day))
          add(i, m + 1, *date, DatePrecision::day);
        return m + 1;
      }
    }
    if (const int year = year_of(k)) {
      if (is_year_mention(i)) add(year_start(i), i + 1, Date{year, 1, 1}, DatePrecision::year);
    }
    return i + 1;
  }

  bool is_year_mention(std::size_t i) const {
    if (i == 0 || !is_word(i - 1)) return false;
    // "$2020", "2020%" and parts of longer numbers are amounts.
    if (i + 1 < tokens_.size() && tokens_[i + 1].start == tokens_[i].end &&
        tokens_[i + 1].kind == TokenKind::other) {
      return false;
    }
    const std::string_view before = key(i - 1);
    if (is_strong_year_context(before)) return true;
    if (!is_weak_year_context(before)) return false;
    // "the 2020 election", "of 2020.", but not "to 2000 troops" or "and 2019 people".
    return !is_word(i + 1) || is_capitalized(i + 1) || is_event_noun(key(i + 1));
  }

  // "fall 2020", "in the fall of 2020", "in 2020".
  std::size_t year_start(std::size_t i) const {
    std::size_t b = i;
    if (b >= 2 && key(b - 1) == "of" && is_season(key(b - 2))) {
      b -= 2;
      if (b >= 1 && key(b - 1) == "the") --b;
    } else if (b >= 1 && (is_season(key(b - 1)) || key(b - 1) == "early" || key(b - 1) == "late" ||
                          key(b - 1) == "mid")) {
      --b;
    }
    return b;
  }

  // "on Thursday", "last Thursday", "Thursday, Nov. 16" (the month and day decide).
  std::size_t scan_weekday(std::size_t i, int weekday) {
    std::size_t next = i + 1;
    if (is_comma(next)) ++next;
    if (month_at(next) != 0 || (is_number(next) && day_of(key(next)) != 0 && month_at(next + 1))) {
      return i + 1;
    }
    if (!published_) return i + 1;
    const Date& p = *published_;
    const std::string_view before = i > 0 && is_word(i - 1) ? key(i - 1) : std::string_view();
    const int back = (p.weekday() - weekday + 7) % 7;
    const int ahead = (weekday - p.weekday() + 7) % 7;
    long offset = -back;
    std::size_t first = i;
    if (before == "last") {
      offset = back == 0 ? -7 : -back;
      first = i - 1;
    } else if (before == "next") {
      offset = ahead == 0 ? 7 : ahead;
      first = i - 1;
    } else if (before == "this") {
      offset = ahead;
      first = i - 1;
    }
    push(Span{tokens_[extend_left_plain(first)].start, tokens_[i].end}, add_days(p, offset),
         DatePrecision::day);
    return i + 1;
  }

  std::size_t extend_left_plain(std::size_t first) const {
    return first >= 1 && is_word(first - 1) && is_date_preposition(key(first - 1)) ? first - 1
                                                                                   : first;
  }

  // "yesterday", "today", "last night", "last month", "next year".
  std::size_t scan_relative_word(std::size_t i) {
    if (!published_) return i + 1;
    const Date& p = *published_;
    const std::string_view k = key(i);
    const auto add_plain = [&](std::size_t first, std::size_t last_excl, const Date& date,
                               DatePrecision precision) {
      push(Span{tokens_[first].start, tokens_[last_excl - 1].end}, date, precision);
    };
    if (k == "today" || k == "tonight") {
      add_plain(i, i + 1, p, DatePrecision::day);
      return i + 1;
    }
    if (k == "yesterday") {
      add_plain(i, i + 1, add_days(p, -1), DatePrecision::day);
      return i + 1;
    }
    if (k == "tomorrow") {
      add_plain(i, i + 1, add_days(p, 1), DatePrecision::day);
      return i + 1;
    }
    if (k != "last" && k != "this" && k != "next") return i + 1;
    const int step = k == "last" ? -1 : k == "next" ? 1 : 0;
    const std::string_view unit = key(i + 1);
    if (unit == "night" && step == -1) {
      add_plain(i, i + 2, add_days(p, -1), DatePrecision::day);
    } else if (unit == "month") {
      int month = p.month + step;
      int year = p.year;
      if (month < 1) {
        month = 12;
        --year;
      } else if (month > 12) {
        month = 1;
        ++year;
      }
      add_plain(i, i + 2, Date{year, month, 1}, DatePrecision::month);
    } else if (unit == "year") {
      add_plain(i, i + 2, Date{p.year + step, 1, 1}, DatePrecision::year);
    } else {
      return i + 1;
    }
    return i + 2;
  }

  std::string_view text_;
  const TokenizedText& tokens_;
  std::optional<Date> published_;
  std::vector<MentionedDate> dates_;
};

}  // namespace

std::vector<MentionedDate> DateExtractor::extract(std::string_view text,
                                                  std::optional<Date> published) const {
  return extract(TokenizedText(text), published);
}

std::vector<MentionedDate> DateExtractor::extract(const TokenizedText& tokens,
                                                  std::optional<Date> published) const {
  return Scanner(tokens, published).run();
}

}  // namespace newsdex::detail
