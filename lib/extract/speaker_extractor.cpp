#include "extract/speaker_extractor.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/speaker_lexicon.hpp"
#include "extract/tokenizer.hpp"
#include "text/fold.hpp"

namespace newsdex::detail {

namespace {

using namespace speaker_lexicon;

constexpr std::size_t kNone = static_cast<std::size_t>(-1);
constexpr std::size_t kMaxPhraseTokens = 12;
constexpr std::size_t kMaxAppositionTokens = 16;
constexpr std::size_t kMaxSkippedWords = 3;
constexpr std::size_t kRecentSpeakers = 32;  // candidates for "he", "the ministry"
constexpr std::size_t kMaxLookBack = 5000;   // tokens searched for a full name before a surname

enum class Gender : std::uint8_t { unknown, male, female };

// A subject the parser recognised in a window of tokens.
struct Phrase {
  enum class Kind : std::uint8_t { none, name, pronoun, reference };
  Kind kind = Kind::none;
  std::size_t begin = 0;  // tokens of the mention: the name, the pronoun or "the ministry"
  std::size_t end = 0;
  std::string name;  // for names: display form, titles and possessives stripped
  std::string role;  // for names: the title or apposition, may be empty
  bool organisation = false;
  Gender gender = Gender::unknown;
  std::string_view head;           // for references: "ministry", "statement", "ambassador"
  std::string_view communication;  // "statement" in "an X statement said"
  bool thing = false;              // the pronoun "it"
};

// One speaker while the text is read.
struct Entity {
  std::string name;
  std::string role;
  std::string key;      // normalize_value(name)
  std::string surname;  // last word of key, for persons
  bool organisation = false;
  bool single_word = false;
  Gender gender = Gender::unknown;
  std::vector<std::string> referents;  // lower-case nouns that refer back: "ministry"
  std::vector<Span> mentions;
};

bool ends_with_any(std::string_view word, std::initializer_list<std::string_view> endings) {
  return std::any_of(endings.begin(), endings.end(),
                     [&](std::string_view ending) { return word.ends_with(ending); });
}

// The last word of a normalised name, generational suffixes left out: "biden" for
// "joseph r. biden jr.".
std::string surname_of(std::string_view key) {
  while (true) {
    const auto space = key.rfind(' ');
    if (space == std::string_view::npos) return std::string(key);
    const std::string_view last = key.substr(space + 1);
    if (last != "jr." && last != "jr" && last != "sr." && last != "sr" && last != "ii" &&
        last != "iii" && last != "iv") {
      return std::string(last);
    }
    key = key.substr(0, space);
  }
}

class Reader {
 public:
  explicit Reader(const TokenizedText& tokens) : text_(tokens.text()), tokens_(tokens) {
    classes_.resize(tokens_.size());
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
      if (tokens_[i].is_word()) classes_[i] = classes_of(tokens_.key(i));
    }
  }

  std::vector<Speaker> run(std::vector<std::string>* people) {
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
      if (!tokens_[i].is_word()) continue;
      const std::uint32_t cls = classes_[i];
      if (!(cls & (kReportingVerb | kParticiple | kAccording))) continue;
      if (tokens_[i].has(token_flag::capitalized) && !(cls & kAccording)) continue;
      // "Kenya will add 300 megawatts", "sales added 4 percent": adding a quantity says nothing.
      if (tokens_.key(i).starts_with("add") && is_kind(i + 1, TokenKind::number)) continue;
      if (cls & kAccording) {
        according_to(i);
      } else if (cls & kParticiple) {
        participle(i);
      } else {
        reporting_verb(i);
      }
    }
    return finish(people);
  }

 private:
  // ---- token tests ----

  std::uint32_t cls(std::size_t i) const { return i < classes_.size() ? classes_[i] : 0; }
  const Token& tok(std::size_t i) const { return tokens_[i]; }
  bool is_kind(std::size_t i, TokenKind kind) const {
    return i < tokens_.size() && tokens_[i].kind == kind;
  }
  bool is_lower_word(std::size_t i) const {
    return i < tokens_.size() && tokens_[i].is_word() && !tokens_[i].has(token_flag::capitalized);
  }

  // A capitalised word that can be part of a name or title. At the start of a sentence a
  // capital says nothing, so function words and pronouns there are not names.
  bool is_name_word(std::size_t i) const {
    if (i >= tokens_.size() || !tokens_[i].is_capitalized_word()) return false;
    const std::uint32_t c = classes_[i];
    if (c & (kPronounPerson | kPronounThing | kPronounOther | kDeterminer | kRelative))
      return false;
    if (tokens_[i].has(token_flag::sentence_start) && (c & (kFunction | kGeneric))) return false;
    if (c & kReportingVerb && !(c & (kTitle | kOrgHead))) return false;
    return true;
  }

  bool is_role_word(std::size_t i) const {
    return is_lower_word(i) &&
           (cls(i) & (kRoleNoun | kRoleModifier | kTitle | kOrgNoun | kOrgHead | kCommunication));
  }

  bool is_adjective_like(std::size_t i) const {
    if (!is_lower_word(i) || (cls(i) & (kFunction | kReportingVerb | kParticiple))) return false;
    return ends_with_any(tokens_.key(i),
                         {"al", "ic", "ive", "ary", "ian", "ior", "ent", "ant", "ern", "ist"});
  }

  bool is_one_of_keys(std::size_t i, std::initializer_list<std::string_view> keys) const {
    return std::find(keys.begin(), keys.end(), tokens_.key(i)) != keys.end();
  }

  // "everybody in Washington said": a phrase after a preposition is no subject.
  bool follows_preposition(std::size_t b) const {
    return b > 0 && is_lower_word(b - 1) && (cls(b - 1) & kPreposition);
  }

  // "Republican", "Western", "Ukrainian": a capitalised adjective, when a noun follows it.
  bool is_capitalised_adjective(std::size_t i) const {
    return is_name_word(i) && ends_with_any(tokens_.key(i), {"ic", "an", "ern", "ese", "ish"}) &&
           is_lower_word(i + 1) && !(cls(i + 1) & (kReportingVerb | kSkippable));
  }

  bool has_role_word(std::size_t b, std::size_t e) const {
    for (std::size_t i = b; i < e; ++i) {
      if (cls(i) & (kRoleNoun | kTitle)) return true;
    }
    return false;
  }

  bool is_possessive_pronoun(std::size_t i) const {
    if (!is_lower_word(i)) return false;
    const std::string_view key = tokens_.key(i);
    return key == "his" || key == "her" || key == "their" || key == "its";
  }

  bool is_quote_end(std::size_t i) const { return is_kind(i, TokenKind::close_quote); }

  bool is_clause_break(std::size_t i) const {
    if (i >= tokens_.size()) return true;
    switch (tokens_[i].kind) {
      case TokenKind::period:
      case TokenKind::question:
      case TokenKind::exclamation:
      case TokenKind::semicolon:
      case TokenKind::colon:
      case TokenKind::open_quote:
      case TokenKind::close_quote:
      case TokenKind::open_paren:
      case TokenKind::close_paren:
      case TokenKind::dash:
        return true;
      default:
        return false;
    }
  }

  // The text of a token without a possessive ending.
  std::string_view bare(std::size_t i) const {
    std::string_view raw = tokens_.raw(i);
    if (!tokens_[i].has(token_flag::possessive)) return raw;
    if (raw.ends_with("'s") || raw.ends_with("'S")) return raw.substr(0, raw.size() - 2);
    if (raw.ends_with("\u2019s") || raw.ends_with("\u2019S")) return raw.substr(0, raw.size() - 4);
    if (raw.ends_with("'")) return raw.substr(0, raw.size() - 1);
    if (raw.ends_with("\u2019")) return raw.substr(0, raw.size() - 3);
    return raw;
  }

  std::size_t bare_end(std::size_t i) const { return tokens_[i].start + bare(i).size(); }

  // Words of tokens [b, e) joined by single spaces, possessive endings kept inside.
  std::string join(std::size_t b, std::size_t e, bool strip_last_possessive = true) const {
    std::string out;
    for (std::size_t i = b; i < e; ++i) {
      if (!tokens_[i].is_word() && !is_kind(i, TokenKind::number)) continue;
      if (!out.empty()) out.push_back(' ');
      out.append(i + 1 == e && strip_last_possessive ? bare(i) : tokens_.raw(i));
    }
    return out;
  }

  // [b, e) as written, for names with commas or a parenthesis inside ("Sears, Roebuck and Co",
  // "Nikko Securities Co (Europe) Ltd").
  std::string join_as_written(std::size_t b, std::size_t e) const {
    std::string out;
    bool after_open = false;
    for (std::size_t i = b; i < e; ++i) {
      if (is_kind(i, TokenKind::comma) || is_kind(i, TokenKind::close_paren)) {
        out += is_kind(i, TokenKind::comma) ? ',' : ')';
        continue;
      }
      const bool open = is_kind(i, TokenKind::open_paren);
      if (!open && !tokens_[i].is_word() && !is_kind(i, TokenKind::number)) continue;
      if (!out.empty() && !after_open) out.push_back(' ');
      after_open = open;
      out.append(open ? std::string_view("(") : i + 1 == e ? bare(i) : tokens_.raw(i));
    }
    return out;
  }

  Phrase organisation_named(std::size_t b, std::size_t e,
                            std::string_view communication = {}) const {
    Phrase phrase;
    phrase.kind = Phrase::Kind::name;
    phrase.begin = b;
    phrase.end = e;
    phrase.name = join_as_written(b, e);
    phrase.organisation = true;
    phrase.communication = communication;
    return phrase;
  }

  // Whether `key` occurs as a lower-case word somewhere in the text. The first few questions
  // scan the tokens; after that a set answers, so long texts stay linear.
  bool appears_in_lower_case(std::string_view key) const {
    if (!lower_case_words_ && ++lower_case_scans_ <= 4) {
      for (std::size_t i = 0; i < tokens_.size(); ++i) {
        if (is_lower_word(i) && tokens_.key(i) == key) return true;
      }
      return false;
    }
    if (!lower_case_words_) {
      lower_case_words_.emplace();
      for (std::size_t i = 0; i < tokens_.size(); ++i) {
        if (is_lower_word(i)) lower_case_words_->insert(tokens_.key(i));
      }
    }
    return lower_case_words_->contains(key);
  }

  // ---- finding the subject window ----

  // Tokens before `end` that can form a subject: names, titles, roles, a determiner.
  std::size_t walk_left(std::size_t end) const {
    std::size_t b = end;
    bool seen_role = false;
    while (b > 0 && end - b < kMaxPhraseTokens) {
      const std::size_t i = b - 1;
      const Token& t = tok(i);
      if (!t.is_word()) break;
      const std::uint32_t c = cls(i);
      if (b == end && (c & (kPronounPerson | kPronounThing)) && !t.has(token_flag::capitalized)) {
        return i;  // "he said"
      }
      if (b == end && (c & (kPronounPerson | kPronounThing)) && t.has(token_flag::sentence_start)) {
        return i;  // "He said"
      }
      if (is_name_word(i)) {
        b = i;
        continue;
      }
      if (t.has(token_flag::capitalized) && t.has(token_flag::sentence_start) &&
          (c & (kDeterminer))) {
        b = i;
        break;
      }
      if (tokens_.key(i) == "the" && i > 0 && (cls(i - 1) & kConnector) && is_lower_word(i - 1)) {
        b = i;  // "of The Nation"
        continue;
      }
      if (t.has(token_flag::capitalized)) break;
      if (tokens_.key(i) == "the" && i > 0 && (cls(i - 1) & kConnector) && is_lower_word(i - 1)) {
        b = i;  // "of the", "of The Nation"
        continue;
      }
      if ((c & kDeterminer) || (is_possessive_pronoun(i) && b < end && is_role_word(b))) {
        b = i;
        break;
      }
      if (is_role_word(i)) {
        seen_role = true;
        b = i;
        continue;
      }
      if ((c & (kConnector | kNameParticle)) && i > 0 && b < end &&
          (is_name_word(i - 1) || is_role_word(i - 1))) {
        b = i;
        continue;
      }
      if (seen_role && is_adjective_like(i)) {
        b = i;
        continue;
      }
      break;
    }
    // A connector cannot open a phrase.
    while (b < end && (cls(b) & (kConnector | kNameParticle)) && is_lower_word(b))
      ++b;
    return b;
  }

  // A lower-case word that may sit inside a role or a source phrase without being listed:
  // "Cruz constituent Dan Golvach", "a count by The Associated Press".
  bool is_open_class_word(std::size_t i) const {
    if (!is_lower_word(i)) return false;
    if (cls(i) & (kFunction | kReportingVerb | kParticiple | kPronounPerson | kPronounThing |
                  kPronounOther | kRelative | kCalendar)) {
      return false;
    }
    const std::string_view key = tokens_.key(i);
    return !key.ends_with("ed") && !key.ends_with("ing");
  }

  // Tokens from `begin` on that can form a subject; returns the end. A permissive walk also
  // crosses unlisted lower-case words when a name follows them.
  std::size_t walk_right(std::size_t begin, bool permissive, std::size_t* raw_end = nullptr) const {
    std::size_t e = begin;
    std::size_t confirmed = begin;  // end of the longest prefix that ends well
    while (e < tokens_.size() && e - begin < kMaxPhraseTokens) {
      const Token& t = tok(e);
      if (!t.is_word()) break;
      const std::uint32_t c = cls(e);
      if (e == begin && (c & (kPronounPerson | kPronounThing)) && !t.has(token_flag::capitalized)) {
        return e + 1;
      }
      if (is_name_word(e)) {
        confirmed = ++e;
        continue;
      }
      if (t.has(token_flag::capitalized)) {
        if (e == begin && (c & kDeterminer)) {
          ++e;
          continue;
        }
        break;
      }
      if (((c & kDeterminer) || is_possessive_pronoun(e)) &&
          (e == begin || (cls(e - 1) & (kConnector | kSourceMarker)))) {
        ++e;
        continue;
      }
      if (is_role_word(e)) {
        confirmed = ++e;
        continue;
      }
      if ((c & (kConnector | kNameParticle)) && e > begin &&
          (is_name_word(e + 1) || is_role_word(e + 1) || (cls(e + 1) & kDeterminer))) {
        ++e;
        continue;
      }
      if ((c & kSourceMarker) && e > begin && is_lower_word(e - 1) &&
          ((cls(e - 1) & kCommunication) || permissive)) {
        ++e;
        continue;
      }
      if (is_adjective_like(e) && (is_role_word(e + 1) || is_adjective_like(e + 1))) {
        ++e;
        continue;
      }
      if (permissive && is_open_class_word(e)) {
        ++e;
        continue;
      }
      break;
    }
    if (raw_end != nullptr) *raw_end = e;
    return confirmed;
  }

  // "the Chilean Mining Producers' Council": a plural possessive followed by name words up to
  // an organisation's head word belongs to the organisation's name.
  bool inside_organisation_name(std::size_t i, std::size_t e) const {
    const std::string_view raw = tokens_.raw(i);
    const bool plural = raw.ends_with("s'") || raw.ends_with("s\u2019");
    // "Standard and Poor's Corp", "Moody's Investors Service Inc": a company suffix ends a
    // name that has the possessive in it.
    if (!plural && i + 1 < e && is_company_suffix(e - 1)) {
      for (std::size_t j = i + 1; j < e; ++j) {
        if (!is_name_word(j) || (cls(j) & kTitle)) return false;
      }
      return true;
    }
    if (!plural || i + 1 >= e || !(cls(e - 1) & kOrgHead)) return false;
    for (std::size_t j = i + 1; j < e; ++j) {
      if (!is_name_word(j)) return false;
    }
    return true;
  }

  // A capitalised word the text also writes in lower case, neither an acronym nor an initial.
  bool is_common_noun(std::size_t i) const {
    return !tok(i).has(token_flag::all_caps) && tokens_.key(i).size() > 2 &&
           appears_in_lower_case(tokens_.key(i));
  }

  bool is_weekday(std::size_t i) const {
    return (cls(i) & kCalendar) && is_one_of_keys(i, {"monday", "tuesday", "wednesday", "thursday",
                                                      "friday", "saturday", "sunday"});
  }

  bool only_company_suffixes(std::size_t b, std::size_t e) const {
    for (std::size_t i = b; i < e; ++i) {
      if (!is_company_suffix(i)) return false;
    }
    return b < e;
  }

  static bool is_company_suffix_word(std::string_view key) {
    constexpr std::string_view kSuffixes[] = {"corp", "corporation", "inc", "incorporated",
                                              "co",   "ltd",         "llc", "plc",
                                              "ag",   "sa",          "nv",  "gmbh"};
    return std::find(std::begin(kSuffixes), std::end(kSuffixes), key) != std::end(kSuffixes);
  }

  bool is_company_suffix(std::size_t i) const {
    return i < tokens_.size() && is_company_suffix_word(tokens_.key(i));
  }

  // ---- parsing a window into a subject ----

  Phrase parse(std::size_t b, std::size_t e) const {
    Phrase phrase;
    const std::size_t window_begin = b;
    bool definite = false;
    while (b < e && (cls(b) & kDeterminer)) {
      definite = (cls(b) & kDefinite) != 0;
      ++b;
    }
    // "his campaign manager Jeff Weaver": a possessive pronoun before a role is context.
    if (b + 1 < e && b == window_begin && is_possessive_pronoun(b)) ++b;
    if (b >= e) return phrase;
    // "Clayton Yeutter Monday warned": the weekday dates the statement.
    while (e - b > 1 && is_weekday(e - 1) && is_name_word(e - 2))
      --e;
    // "The Bank said": a capitalised head noun that refers back, as "the bank" would.
    if (definite && e - b == 1 && is_name_word(b) && !tok(b).has(token_flag::all_caps) &&
        is_one_of_keys(b, {"bank", "ministry", "department", "commission", "company", "corporation",
                           "agency", "committee", "council", "board", "authority", "group",
                           "association", "institute", "bureau", "office"})) {
      phrase.kind = Phrase::Kind::reference;
      phrase.begin = window_begin;
      phrase.end = e;
      phrase.head = tokens_.key(b);
      return phrase;
    }
    if (e - b == 1 && (cls(b) & (kPronounPerson | kPronounThing)) && b == window_begin) {
      phrase.kind = Phrase::Kind::pronoun;
      phrase.begin = b;
      phrase.end = e;
      phrase.thing = (cls(b) & kPronounThing) != 0;
      phrase.gender = (cls(b) & kFemale) ? Gender::female
                      : (cls(b) & kMale) ? Gender::male
                                         : Gender::unknown;
      return phrase;
    }
    for (std::size_t i = b; i < e; ++i) {
      if (cls(i) & (kPronounOther | kPronounPerson | kPronounThing | kRelative)) return phrase;
    }
    // "a statement from the ministry", "a count by The Associated Press": the source is after
    // the marker.
    for (std::size_t i = b; i + 1 < e; ++i) {
      if (((cls(i) & kCommunication) || is_open_class_word(i)) && is_lower_word(i) &&
          (cls(i + 1) & kSourceMarker)) {
        Phrase inner = parse(i + 2, e);
        if (inner.kind == Phrase::Kind::name || inner.kind == Phrase::Kind::reference) {
          if (inner.communication.empty()) inner.communication = tokens_.key(i);
        }
        return inner;
      }
    }
    std::string_view communication;
    if (is_lower_word(e - 1) && (cls(e - 1) & kCommunication)) {
      communication = tokens_.key(e - 1);
      // "Canadian records show": an adjective, not the author.
      if (e - 2 == b && is_capitalised_adjective(b)) return phrase;
      --e;
      if (b == e) {
        if (!definite) return phrase;
        phrase.kind = Phrase::Kind::reference;
        phrase.begin = window_begin;
        phrase.end = e + 1;
        phrase.head = communication;
        return phrase;
      }
    }
    // Possessives: "Azerbaijan's Ambassador X" (context), "Trump's statement" (the source),
    // "O'Malley's campaign" (an organisation), "Trump's spokesman" (nobody named).
    std::size_t possessive = kNone;
    for (std::size_t i = b; i < e; ++i) {
      if (tok(i).has(token_flag::possessive) && !inside_organisation_name(i, e)) possessive = i;
    }
    if (possessive != kNone) {
      if (possessive + 1 == e) {
        if (communication.empty()) return phrase;
      } else {
        bool named_after = false;
        for (std::size_t i = possessive + 1; i < e; ++i) {
          if (is_name_word(i) && !(cls(i) & (kTitle | kHonorific))) named_after = true;
        }
        if (named_after) {
          b = possessive + 1;
        } else if (is_lower_word(e - 1) && (cls(e - 1) & kOrgNoun) && possessive + 2 == e) {
          if (!is_name_word(possessive)) return phrase;
          Phrase owner = parse_name(b, possessive + 1, window_begin, definite, {});
          if (owner.kind != Phrase::Kind::name || owner.organisation) return Phrase{};
          owner.name += ' ';
          owner.name += tokens_.raw(e - 1);
          owner.role.clear();
          owner.organisation = true;
          owner.end = e;
          owner.communication = communication;
          return owner;
        } else {
          return phrase;
        }
      }
    }
    // "the Clinton campaign", "the Obama administration".
    if (is_lower_word(e - 1) && (cls(e - 1) & kOrgNoun) && e - 1 > b && is_name_word(e - 2)) {
      std::size_t r = e - 1;
      while (r > b && is_name_word(r - 1) && !(cls(r - 1) & (kTitle | kHonorific)))
        --r;
      phrase.kind = Phrase::Kind::name;
      phrase.begin = r;
      phrase.end = e;
      phrase.name = join(r, e);
      phrase.organisation = true;
      phrase.communication = communication;
      return phrase;
    }
    if (!is_name_word(e - 1)) {
      // No name at the end: "the ministry", "the former Maryland governor".
      if (!definite || !is_lower_word(e - 1) ||
          !(cls(e - 1) & (kRoleNoun | kTitle | kOrgHead | kOrgNoun | kCommunication))) {
        return phrase;
      }
      phrase.kind = Phrase::Kind::reference;
      phrase.begin = window_begin;
      phrase.end = e;
      phrase.head = tokens_.key(e - 1);
      return phrase;
    }
    return parse_name(b, e, window_begin, definite, communication);
  }

  // [b, e) ends with a name word. Splits it into role and name.
  Phrase parse_name(std::size_t b, std::size_t e, std::size_t window_begin, bool definite,
                    std::string_view communication) const {
    Phrase phrase;
    // Runs of name words separated by connectors: "Secretary | of | State John Kerry".
    struct Run {
      std::size_t begin, end;
    };
    std::vector<Run> runs;
    std::size_t r_end = e;
    while (true) {
      std::size_t r = r_end;
      while (r > b &&
             (is_name_word(r - 1) || (is_lower_word(r - 1) && (cls(r - 1) & kNameParticle) &&
                                      r - 1 > b && is_name_word(r - 2)))) {
        --r;
      }
      runs.insert(runs.begin(), Run{r, r_end});
      // Step over "of", "of the", "to", "for" to an earlier run.
      std::size_t c = r;
      if (c > b && tokens_.key(c - 1) == "the") --c;
      if (c > b + 1 && is_lower_word(c - 1) && (cls(c - 1) & kConnector) && is_name_word(c - 2)) {
        r_end = c - 1;
        continue;
      }
      break;
    }
    const std::size_t chain_begin = runs.front().begin;
    const auto last_token_is = [&](const Run& run, std::uint32_t classes) {
      return (cls(run.end - 1) & classes) != 0;
    };

    // An organisation: "Azerbaijani Foreign Ministry", "Bank of America", "the White House".
    if (last_token_is(runs.front(), kOrgHead) &&
        !(runs.size() == 1 && runs.front().end - runs.front().begin == 1 &&
          (cls(runs.front().begin) & kTitle))) {
      std::size_t begin = chain_begin;
      while (begin < e && (cls(begin) & kHonorific))
        ++begin;
      return organisation_named(begin, e, communication);
    }
    // The name follows the last title that has name words after it in its run ("Sen. Tammy
    // Baldwin | of | Wisconsin"); when a title ends its run, the name ends the next run
    // ("Ambassador | to | France Leyla Abdullayeva"). A chain's last word is never a title
    // ("Steve King").
    std::size_t title = kNone;
    std::size_t title_run = 0;
    for (std::size_t r = 0; r < runs.size(); ++r) {
      for (std::size_t i = runs[r].begin; i < runs[r].end && i + 1 < e; ++i) {
        if (is_name_word(i) && (cls(i) & (kTitle | kHonorific))) {
          title = i;
          title_run = r;
        }
      }
    }
    std::size_t name_begin = runs.front().begin;
    std::size_t name_end = runs.front().end;
    if (title != kNone && title + 1 < runs[title_run].end) {
      name_begin = title + 1;
      name_end = runs[title_run].end;
    } else if (title != kNone && title_run + 1 < runs.size()) {
      const Run& run = runs[title_run + 1];
      const std::size_t length = run.end - run.begin;
      name_end = run.end;
      if (length >= 3) {
        name_begin = run.end - 2;
        if (name_begin > run.begin && (is_initial(name_begin - 1) || is_particle(name_begin - 1)))
          --name_begin;
      } else if (length == 2 && (cls(run.begin) & kComplement) &&
                 !(cls(run.end - 1) & kComplement)) {
        name_begin = run.end - 1;
      } else {
        return reference_to_title(title, window_begin, e, definite);
      }
    } else if (title != kNone) {
      return reference_to_title(title, window_begin, e, definite);
    }
    while (name_begin + 1 < name_end && (cls(name_begin) & kHonorific))
      ++name_begin;
    phrase.kind = Phrase::Kind::name;
    phrase.begin = name_begin;
    phrase.end = name_end;
    phrase.name = join(name_begin, name_end);
    // The role is the rest of the phrase: what comes before the name, honorifics left out,
    // and an affiliation after it ("of Breitbart California").
    std::size_t role_end = name_begin;
    while (role_end > b && (cls(role_end - 1) & kHonorific))
      --role_end;
    std::size_t role_begin = b;
    while (role_begin < role_end && (cls(role_begin) & kHonorific))
      ++role_begin;
    // "a spokeswoman for the University Hospital": the role is "spokeswoman".
    while (role_end > role_begin && is_lower_word(role_end - 1) &&
           (cls(role_end - 1) & (kDeterminer | kConnector | kPreposition))) {
      --role_end;
    }
    if (role_begin < role_end) phrase.role = join(role_begin, role_end, false);
    if (name_end < e) {
      std::size_t affiliation = name_end;
      if (phrase.role.empty()) {
        while (affiliation < e && is_lower_word(affiliation))
          ++affiliation;
      }
      if (affiliation < e) {
        if (!phrase.role.empty()) phrase.role += ' ';
        phrase.role += join(affiliation, e);
      }
    }
    phrase.gender = gender_of(b, name_end);
    phrase.communication = communication;
    if (!communication.empty() && role_begin >= role_end) phrase.organisation = true;
    if (phrase.end - phrase.begin == 1 && tok(phrase.begin).has(token_flag::all_caps)) {
      phrase.organisation = true;
    }
    return validate(phrase);
  }

  bool is_initial(std::size_t i) const {
    return tok(i).has(token_flag::abbreviation) && tokens_.key(i).size() == 1;
  }
  bool is_particle(std::size_t i) const { return is_lower_word(i) && (cls(i) & kNameParticle); }

  Phrase reference_to_title(std::size_t title, std::size_t window_begin, std::size_t e,
                            bool definite) const {
    Phrase phrase;
    if (title == kNone || !definite) return phrase;
    phrase.kind = Phrase::Kind::reference;
    phrase.begin = window_begin;
    phrase.end = e;
    phrase.head = tokens_.key(title);
    return phrase;
  }

  Gender gender_of(std::size_t b, std::size_t e) const {
    for (std::size_t i = b; i < e; ++i) {
      if (cls(i) & kFemale) return Gender::female;
      if (cls(i) & kMale) return Gender::male;
    }
    return Gender::unknown;
  }

  Phrase validate(Phrase phrase) const {
    if (phrase.kind != Phrase::Kind::name) return phrase;
    if (phrase.end - phrase.begin == 1) {
      const std::size_t i = phrase.begin;
      const std::uint32_t c = cls(i);
      if (c &
          (kGeneric | kCalendar | kFunction | kTitle | kHonorific | kRoleNoun | kCommunication)) {
        if (!(c & kOrgHead) || (c & kGeneric)) return Phrase{};
      }
      // "according to the Azerbaijani presidency": a nationality's adjective between an article
      // and a noun.
      if (i > 0 && (cls(i - 1) & kDeterminer) && !tok(i).has(token_flag::all_caps) &&
          is_open_class_word(i + 1) && !(cls(i + 1) & kSkippable) &&
          !tokens_.key(i + 1).ends_with("ly") &&
          ends_with_any(tokens_.key(i), {"ic", "an", "ern", "ese", "ish", "i"})) {
        return Phrase{};
      }
      // A dateline: "WASHINGTON, Dec. 8 (UPI) —".
      if (tok(i).has(token_flag::paragraph_start) && tok(i).has(token_flag::all_caps) &&
          (is_kind(i + 1, TokenKind::comma) || is_kind(i + 1, TokenKind::dash))) {
        return Phrase{};
      }
      if (tok(i).has(token_flag::sentence_start) && !tok(i).has(token_flag::all_caps) &&
          (tokens_.key(i).ends_with("ly") || appears_in_lower_case(tokens_.key(i)))) {
        return Phrase{};
      }
    }
    return phrase;
  }

  // ---- attribution patterns ----

  // Moves left from a verb over "also", "has", "later", "repeatedly".
  std::size_t skip_left(std::size_t v) const {
    std::size_t e = v;
    std::size_t skipped = 0;
    while (e > 0 && skipped < kMaxSkippedWords && is_lower_word(e - 1) &&
           ((cls(e - 1) & kSkippable) ||
            (tokens_.key(e - 1).ends_with("ly") && tokens_.key(e - 1).size() > 4))) {
      --e;
      ++skipped;
    }
    // "X, however, said"
    if (e >= 3 && is_kind(e - 1, TokenKind::comma) && is_lower_word(e - 2) &&
        (cls(e - 2) & (kSkippable | kFunction)) && is_kind(e - 3, TokenKind::comma)) {
      e -= 3;
    }
    return e;
  }

  // The start of a short parenthesis that ends just before `end` ("Rep. Jim McDermott
  // (D-Wash.) said"), or `end` when there is none.
  std::size_t skip_parenthesis(std::size_t end) const {
    if (end == 0 || !is_kind(end - 1, TokenKind::close_paren)) return end;
    for (std::size_t i = end - 1; i-- > 0 && end - i <= 10;) {
      if (is_kind(i, TokenKind::open_paren)) return i;
      if (is_kind(i, TokenKind::close_paren) || is_kind(i, TokenKind::open_quote) ||
          is_kind(i, TokenKind::close_quote)) {
        break;
      }
    }
    return end;
  }

  void reporting_verb(std::size_t v) {
    // "Wolf reported from Washington" credits a reporter; it quotes nobody.
    if (tokens_.key(v) == "reported" && v + 1 < tokens_.size() && tokens_.key(v + 1) == "from") {
      return;
    }
    // The passive: "was first reported by MSNBC", "as announced by the ministry".
    if (v + 1 < tokens_.size() && tokens_.key(v + 1) == "by" && is_lower_word(v + 1) &&
        tokens_.key(v).ends_with("ed")) {
      const std::size_t e = walk_right(v + 2, false);
      if (e > v + 2) attribute(parse(v + 2, e), tok(v).has(token_flag::in_quote));
      return;
    }
    const std::size_t e = skip_parenthesis(skip_left(v));
    if (e == 0) return;
    const bool in_quote = tok(v).has(token_flag::in_quote);
    // "Sen. Richard J. Durbin (D-Ill.), said": a comma after the parenthesis.
    if (e == v && v >= 3 && is_kind(v - 1, TokenKind::comma) &&
        is_kind(v - 2, TokenKind::close_paren)) {
      const std::size_t open = skip_parenthesis(v - 1);
      if (open < v - 2 && open > 0 && tok(open - 1).is_word()) {
        const std::size_t b = walk_left(open);
        if (b < open && starts_subject(b)) {
          const Phrase phrase = parse(b, open);
          if (phrase.kind == Phrase::Kind::name) {
            attribute(phrase, in_quote);
            return;
          }
        }
      }
    }
    if (tok(e - 1).is_word()) {
      // "who said": the subject is the phrase before the relative pronoun.
      if (e == v && (cls(e - 1) & kRelative) && is_lower_word(e - 1)) {
        // Without the comma the antecedent is ambiguous ("a staff member for the campaign in
        // Philadelphia who said").
        std::size_t k = e - 1;
        if (k == 0 || !is_kind(k - 1, TokenKind::comma)) return;
        k = skip_parenthesis(k - 1);
        const std::size_t b = walk_left(k);
        // "a doctor from Englewood, New Jersey, who said": a place, not the antecedent.
        if (b < k && (!follows_preposition(b) || tokens_.key(b - 1) == "by") &&
            !(b > 0 && is_kind(b - 1, TokenKind::comma))) {
          attribute(parse(b, k), in_quote);
        }
        return;
      }
      const std::size_t b = walk_left(e);
      if (b == e || follows_preposition(b)) return;
      // "Nikko Securities Co (Europe) Ltd said": a parenthesis inside a company's name.
      if (b > 0 && is_kind(b - 1, TokenKind::close_paren) && only_company_suffixes(b, e)) {
        const std::size_t open = skip_parenthesis(b);
        const std::size_t before = open < b && open > 0 ? walk_left(open) : open;
        if (before < open && !follows_preposition(before)) {
          // "lead manager Nikko Securities Co": the role is no part of the name.
          const Phrase company = parse(before, open);
          if (company.kind == Phrase::Kind::name && company.end == open) {
            attribute(organisation_named(company.begin, e), in_quote);
            return;
          }
        }
      }
      const Phrase phrase = parse(b, e);
      // "A Quinnipiac poll found": a document speaks for its author; "Trump found" does not.
      // An organisation may find ("the Justice Department found"); only documents show, since
      // "an NBC show" is a noun.
      const bool shows = tokens_.key(v).starts_with("show");
      if ((cls(v) & kNeedsDocument) && phrase.communication.empty() &&
          !(phrase.kind == Phrase::Kind::name && phrase.organisation && !shows) &&
          !(phrase.kind == Phrase::Kind::reference && (classes_of(phrase.head) & kCommunication))) {
        return;
      }
      // "Trump and Clinton said"; but "officials in Finland and Latvia said" names places.
      const bool joined = phrase.kind == Phrase::Kind::name && b >= 2 &&
                          tokens_.key(b - 1) == "and" && is_lower_word(b - 1) &&
                          is_name_word(b - 2);
      const std::size_t b2 = joined ? walk_left(b - 1) : b;
      if (joined && b2 < b - 1 && follows_preposition(b2) &&
          !is_one_of_keys(b2 - 1, {"by", "from", "like", "including"})) {
        return;
      }
      if (joined && b2 < b - 1) {
        const Phrase other = parse(b2, b - 1);
        // "Standard and Poor's Corp said", "S and P said": one company, not two speakers.
        const bool one_word = other.kind == Phrase::Kind::name && other.end - other.begin == 1;
        const bool initials =
            one_word && e - b == 1 && tokens_.raw(b2).size() <= 2 && tokens_.raw(b).size() <= 2;
        // "Board for Margarine, Fats and Oils said": goods the text also writes in lower case.
        if (one_word && e - b == 1 && is_common_noun(b) && is_common_noun(other.begin)) return;
        if (const std::size_t begin = one_organisation(other, phrase); begin != kNone) {
          attribute(organisation_named(begin, phrase.end, phrase.communication), in_quote);
          return;
        }
        if (one_word && (phrase.organisation || initials)) {
          Phrase company = phrase;
          company.begin = other.begin;
          company.name = other.name + " and " + phrase.name;
          company.role.clear();
          company.organisation = true;
          attribute(company, in_quote);
          return;
        }
        attribute(phrase, in_quote);
        if (other.kind == Phrase::Kind::name) attribute(other, in_quote);
        return;
      }
      attribute(phrase, in_quote);
      return;
    }
    if (e != v) return;
    const bool invertible = (cls(v) & kInvertible) != 0;
    if (is_quote_end(v - 1)) {
      if (invertible) inverted(v, in_quote);
      return;
    }
    if (!is_kind(v - 1, TokenKind::comma)) return;
    if (v >= 2 && is_quote_end(v - 2)) {
      if (invertible) inverted(v, in_quote);
      return;
    }
    if (apposition_before(v, in_quote)) return;
    if (invertible) inverted(v, in_quote);
  }

  // Where one organisation's name starts when `left` "and" `right` are its two halves, or
  // kNone when they are two speakers: "Sears, Roebuck and Co", "American Telephone and
  // Telegraph Co", "Ministry of International Trade and Industry".
  std::size_t one_organisation(const Phrase& left, const Phrase& right) const {
    if (left.kind != Phrase::Kind::name || right.kind != Phrase::Kind::name) return kNone;
    // "Analyst Lawrence Cohn of Merrill Lynch and Co": a person with an affiliation.
    if (!left.role.empty()) return kNone;
    if (is_company_suffix(right.begin)) {
      // The partners before "and Co" may be listed with commas.
      std::size_t begin = left.begin;
      if (begin >= 2 && is_kind(begin - 1, TokenKind::comma) && is_name_word(begin - 2)) {
        const std::size_t first = walk_left(begin - 1);
        if (first < begin - 1 && starts_subject(first)) {
          // Not "Jason Benderly of Goldman, Sachs and Co": a person is no partner.
          const Phrase partner = parse(first, begin - 1);
          if (partner.kind == Phrase::Kind::name && partner.role.empty()) begin = partner.begin;
        }
      }
      return begin;
    }
    if (right.organisation && !left.organisation && left.end - left.begin >= 2) {
      return left.begin;
    }
    if (left.organisation && right.end - right.begin == 1 && (cls(right.begin) & kComplement)) {
      for (std::size_t i = left.begin; i < left.end; ++i) {
        if (is_lower_word(i) && (cls(i) & kConnector)) return left.begin;
      }
    }
    return kNone;
  }

  // Whether a subject may start at token `b`: at a sentence start or after punctuation or a
  // conjunction, not inside a clause ("... in Cambridge, Mass., said").
  bool starts_subject(std::size_t b) const {
    if (b == 0 || tok(b).has(token_flag::sentence_start)) return true;
    const Token& before = tok(b - 1);
    if (before.kind == TokenKind::word) {
      const std::string_view key = tokens_.key(b - 1);
      return is_lower_word(b - 1) && (key == "and" || key == "but");
    }
    return before.kind != TokenKind::other && before.kind != TokenKind::comma;
  }

  // "X, the mayor of Springfield, said", "X, who ..., said", and appositions with commas of
  // their own ("X, a philanthropist from Monsey, New York, said").
  bool apposition_before(std::size_t v, bool in_quote) {
    const std::size_t closing_comma = v - 1;
    std::size_t commas = 0;
    for (std::size_t i = closing_comma; i-- > 0 && closing_comma - i <= 3 * kMaxAppositionTokens;) {
      if (is_kind(i, TokenKind::close_paren)) {
        const std::size_t open = skip_parenthesis(i + 1);
        if (open == i + 1) return false;
        i = open;
        continue;
      }
      if (!is_kind(i, TokenKind::comma)) {
        if (is_clause_break(i)) return false;
        continue;
      }
      if (i + 1 == closing_comma) return false;
      const std::size_t name_end = skip_parenthesis(i);
      const std::size_t b = walk_left(name_end);
      if (commas == 0 && b < name_end && walk_left(closing_comma) == i + 1 &&
          ((cls(b) & kDeterminer) || tok(b).has(token_flag::possessive) ||
           is_possessive_pronoun(b))) {
        // "the director of the FBI, James B. Comey, said": the name is the apposition.
        Phrase named = parse(i + 1, closing_comma);
        if (named.kind == Phrase::Kind::name && named.role.empty() && !named.organisation &&
            has_role_word(b, name_end)) {
          std::size_t role_begin = b;
          while (role_begin < name_end && (cls(role_begin) & kDeterminer))
            ++role_begin;
          named.role = join(role_begin, name_end, false);
          attribute(named, in_quote);
          return true;
        }
      }
      if (b < name_end && starts_subject(b)) {
        Phrase phrase = parse(b, name_end);
        if (phrase.kind == Phrase::Kind::name) {
          std::size_t segment_end = i + 1;
          while (segment_end < closing_comma && !is_kind(segment_end, TokenKind::comma)) {
            ++segment_end;
          }
          if (phrase.role.empty() && !phrase.organisation) {
            phrase.role = apposition_role(i + 1, segment_end);
          }
          attribute(phrase, in_quote);
          return true;
        }
      }
      if (++commas >= 4) return false;
    }
    return false;
  }

  // The role an apposition states, or "" when it states none: "the mayor of Springfield",
  // "a spokeswoman for the campaign", but not "who ..." or "45".
  std::string apposition_role(std::size_t a, std::size_t end) const {
    if (a >= end || !tok(a).is_word() || (cls(a) & kRelative)) return {};
    std::size_t begin = a;
    if (cls(a) & kDeterminer) {
      ++begin;
    } else if (!is_role_word(a) && !tok(a).has(token_flag::possessive) && !is_name_word(a)) {
      return {};
    }
    for (std::size_t i = begin; i < end; ++i) {
      if (!tok(i).is_word() && !is_kind(i, TokenKind::number)) return {};
      if (cls(i) & (kReportingVerb | kRelative)) return {};
    }
    if (begin >= end) return {};
    return join(begin, end, false);
  }

  // "...," said X / "...," said X, the mayor of Y / "...," said the mayor, X.
  void inverted(std::size_t v, bool in_quote) {
    const std::size_t b = v + 1;
    std::size_t raw_end = b;
    const std::size_t e = walk_right(b, true, &raw_end);
    Phrase phrase = e > b ? parse(b, e) : Phrase{};
    if (phrase.kind == Phrase::Kind::name && e - b == 1 && is_capitalised_adjective(b)) return;
    if (phrase.kind != Phrase::Kind::name && is_kind(raw_end, TokenKind::comma) && raw_end > b &&
        is_lower_word(raw_end - 1)) {
      // "said Rubio's deputy campaign manager, Rich Beeson, who ..."
      const std::size_t name_end = walk_right(raw_end + 1, false);
      if (name_end > raw_end + 1) {
        Phrase named = parse(raw_end + 1, name_end);
        if (named.kind == Phrase::Kind::name && named.role.empty() && !named.organisation) {
          std::size_t role_begin = b;
          while (role_begin < raw_end && (cls(role_begin) & kDeterminer))
            ++role_begin;
          if (tok(role_begin).has(token_flag::possessive)) ++role_begin;
          named.role = join(role_begin, raw_end, false);
          attribute(named, in_quote);
          return;
        }
      }
    }
    if (phrase.kind == Phrase::Kind::name && phrase.role.empty() && !phrase.organisation &&
        is_kind(e, TokenKind::comma)) {
      std::size_t end = e + 1;
      while (end < tokens_.size() && end - e <= kMaxAppositionTokens &&
             !is_kind(end, TokenKind::comma) && !is_clause_break(end)) {
        ++end;
      }
      phrase.role = apposition_role(e + 1, end);
    }
    attribute(phrase, in_quote);
  }

  void according_to(std::size_t v) {
    if (v + 1 >= tokens_.size() || tokens_.key(v + 1) != "to") return;
    const std::size_t b = v + 2;
    const std::size_t e = walk_right(b, true);
    if (e == b) return;
    attribute(parse(b, e), tok(v).has(token_flag::in_quote));
  }

  // ", saying ..." / ", adding ...": the subject of the sentence speaks.
  void participle(std::size_t v) {
    if (v == 0 || !is_kind(v - 1, TokenKind::comma)) return;
    // "won the primary, adding to her lead" adds no words.
    if (v + 1 < tokens_.size() && tokens_.key(v + 1) == "to") return;
    std::size_t s = v - 1;
    while (s > 0 && !tok(s).has(token_flag::sentence_start) && v - s < 80)
      --s;
    if (!tok(s).has(token_flag::sentence_start)) return;
    if (is_kind(s, TokenKind::open_quote)) return;
    // "..., a Chinese official said, adding": the reporting verb already named the speaker.
    for (std::size_t i = s; i < v; ++i) {
      if (is_lower_word(i) && (cls(i) & kReportingVerb)) return;
    }
    const std::size_t e = walk_right(s, false);
    if (e == s || e >= v) return;
    if (e - s == 1 && is_capitalised_adjective(s)) return;
    if (!(is_lower_word(e) || is_kind(e, TokenKind::comma))) return;
    if (is_lower_word(e) && (cls(e) & (kFunction | kDeterminer)) && !(cls(e) & kSkippable)) return;
    attribute(parse(s, e), tok(v).has(token_flag::in_quote));
  }

  // ---- resolving phrases to speakers ----

  Span span_of(const Phrase& phrase) const {
    return Span{tok(phrase.begin).start, bare_end(phrase.end - 1)};
  }

  void attribute(const Phrase& phrase, bool in_quote) {
    switch (phrase.kind) {
      case Phrase::Kind::none:
        return;
      case Phrase::Kind::name:
        add_name(phrase);
        return;
      case Phrase::Kind::pronoun:
        if (!in_quote) add_pronoun(phrase);
        return;
      case Phrase::Kind::reference:
        if (!in_quote) add_reference(phrase);
        return;
    }
  }

  void mention(std::size_t index, const Phrase& phrase) {
    Entity& entity = entities_[index];
    entity.mentions.push_back(span_of(phrase));
    if (!phrase.communication.empty()) add_referent(entity, phrase.communication);
    if (!entity.organisation) {
      by_surname_[entity.surname] = index;
      if (!entity.single_word) by_given_name_[entity.key.substr(0, entity.key.find(' '))] = index;
    }
    // Pronouns and references resolve among the speakers cited last.
    std::erase(recent_, index);
    if (recent_.size() == kRecentSpeakers) recent_.erase(recent_.begin());
    recent_.push_back(index);
  }

  static void add_referent(Entity& entity, std::string_view noun) {
    if (std::find(entity.referents.begin(), entity.referents.end(), noun) ==
        entity.referents.end()) {
      entity.referents.emplace_back(noun);
    }
  }

  void add_role_referents(Entity& entity, std::string_view text) {
    for_each_word(text, [&](const Word& word) {
      const std::uint32_t c = classes_of(word.text);
      if (c & (kRoleNoun | kTitle | kOrgHead | kOrgNoun)) add_referent(entity, word.text);
      // "Harlow Co said ... the company said".
      if (entity.organisation && is_company_suffix_word(word.text)) add_referent(entity, "company");
    });
  }

  std::optional<std::size_t> find_by_key(const std::string& key) const {
    const auto found = by_key_.find(key);
    if (found == by_key_.end()) return std::nullopt;
    return found->second;
  }

  template <typename Accept>
  std::optional<std::size_t> most_recent(Accept accept) const {
    for (auto index = recent_.rbegin(); index != recent_.rend(); ++index) {
      if (accept(entities_[*index])) return *index;
    }
    return std::nullopt;
  }

  void add_name(const Phrase& phrase) {
    std::string key = normalize_value(phrase.name);
    if (key.empty()) return;
    const bool single = key.find(' ') == std::string::npos;
    std::optional<std::size_t> index = find_by_key(key);
    if (!index) index = abbreviated_organisation(phrase.name);
    if (!index && !phrase.organisation) {
      if (single) {
        // A bare surname: the person cited in full earlier, or named in full earlier.
        if (const auto found = by_surname_.find(key); found != by_surname_.end()) {
          index = found->second;
        } else if (const auto named = by_given_name_.find(key); named != by_given_name_.end()) {
          index = named->second;  // "Bernie said" after "Bernie Sanders said"
        } else if (const std::string full = full_name_before(phrase.begin, key); !full.empty()) {
          key = normalize_value(full);
          index = find_by_key(key);
          if (!index) index = create(full, key, false);
        }
      } else if (const auto earlier = find_by_key(surname_of(key));
                 earlier && entities_[*earlier].single_word && !entities_[*earlier].organisation) {
        // A full name for someone cited so far by surname only.
        Entity& entity = entities_[*earlier];
        by_key_.erase(entity.key);
        entity.name = phrase.name;
        entity.key = key;
        entity.single_word = false;
        by_key_[key] = *earlier;
        index = earlier;
      }
    }
    if (!index) index = create(phrase.name, key, phrase.organisation);
    Entity& entity = entities_[*index];
    if (entity.role.empty() && !phrase.role.empty()) {
      entity.role = phrase.role;
      add_role_referents(entity, phrase.role);
    }
    if (entity.gender == Gender::unknown) entity.gender = phrase.gender;
    mention(*index, phrase);
  }

  // The organisation that `name` abbreviates when `name` is initials ("SEC", "S and P") and
  // the initials of an organisation's name, suffixes left out, spell them ("Securities and
  // Exchange Commission", "Standard and Poor's Corp").
  std::optional<std::size_t> abbreviated_organisation(std::string_view name) const {
    std::string letters;
    bool initials = true;
    for_each_word(name, [&](const Word& word) {
      if (word.text == "and") return;
      const std::string_view raw = name.substr(word.start, word.end - word.start);
      for (const char c : raw) {
        if (c >= 'A' && c <= 'Z') {
          letters.push_back(c);
        } else if (c != '.') {
          initials = false;
        }
      }
    });
    if (!initials || letters.size() < 2 || letters.size() > 8) return std::nullopt;
    for (std::size_t i = entities_.size(); i-- > 0;) {
      const Entity& entity = entities_[i];
      if (entity.organisation && !entity.single_word && initials_of(entity.name) == letters)
        return i;
    }
    return std::nullopt;
  }

  // "Securities and Exchange Commission" gives "SEC", "U.S. Trade Office" "USTO".
  std::string initials_of(std::string_view name) const {
    std::string letters;
    for_each_word(name, [&](const Word& word) {
      const std::string_view raw = name.substr(word.start, word.end - word.start);
      if (raw.empty() || raw[0] < 'A' || raw[0] > 'Z' || is_company_suffix_word(word.text)) return;
      if (raw.find('.') != std::string_view::npos) {
        for (const char c : raw) {
          if (c >= 'A' && c <= 'Z') letters.push_back(c);
        }
      } else {
        letters.push_back(raw[0]);
      }
    });
    return letters;
  }

  std::size_t create(const std::string& name, const std::string& key, bool organisation) {
    Entity entity;
    entity.name = name;
    entity.key = key;
    entity.organisation = organisation;
    entity.single_word = key.find(' ') == std::string::npos;
    entity.surname = organisation ? std::string() : surname_of(key);
    if (organisation) add_role_referents(entity, name);
    entities_.push_back(std::move(entity));
    by_key_[key] = entities_.size() - 1;
    return entities_.size() - 1;
  }

  // The latest run of two or more name words before token `before` that ends in `surname`,
  // titles and possessors left out: "Leyla Abdullayeva" for "Abdullayeva", "Hirut Desta" in
  // "Ethiopia's Hirut Desta".
  std::string full_name_before(std::size_t before, std::string_view surname) const {
    const std::size_t limit = before > kMaxLookBack ? before - kMaxLookBack : 0;
    for (std::size_t i = before; i-- > limit;) {
      if (!is_name_word(i) || tokens_.key(i) != surname) continue;
      std::size_t b = i;
      while (b > 0 &&
             (is_name_word(b - 1) || (is_particle(b - 1) && b > 1 && is_name_word(b - 2))) &&
             !tok(b - 1).has(token_flag::possessive) &&
             !(cls(b - 1) & (kTitle | kHonorific | kOrgHead | kComplement))) {
        --b;
      }
      if (b < i && !(cls(i) & kOrgHead)) return join(b, i + 1);
    }
    return {};
  }

  void add_pronoun(const Phrase& phrase) {
    const auto index = most_recent([&](const Entity& candidate) {
      if (phrase.thing) return candidate.organisation;
      if (candidate.organisation) return false;
      return phrase.gender == Gender::unknown || candidate.gender == Gender::unknown ||
             candidate.gender == phrase.gender;
    });
    if (!index) return;
    if (entities_[*index].gender == Gender::unknown) entities_[*index].gender = phrase.gender;
    mention(*index, phrase);
  }

  void add_reference(const Phrase& phrase) {
    const auto index = most_recent([&](const Entity& candidate) {
      return std::find(candidate.referents.begin(), candidate.referents.end(), phrase.head) !=
             candidate.referents.end();
    });
    if (index) mention(*index, phrase);
  }

  std::vector<Speaker> finish(std::vector<std::string>* people) {
    std::vector<Speaker> speakers;
    speakers.reserve(entities_.size());
    for (auto& entity : entities_) {
      if (people && !entity.organisation && !entity.single_word) people->push_back(entity.name);
      std::sort(entity.mentions.begin(), entity.mentions.end(),
                [](const Span& a, const Span& b) { return a.start < b.start; });
      entity.mentions.erase(std::unique(entity.mentions.begin(), entity.mentions.end()),
                            entity.mentions.end());
      speakers.push_back(
          Speaker{std::move(entity.name), std::move(entity.role), std::move(entity.mentions)});
    }
    // In the order they are first cited.
    std::stable_sort(speakers.begin(), speakers.end(), [](const Speaker& a, const Speaker& b) {
      return a.mentions.front().start < b.mentions.front().start;
    });
    return speakers;
  }

  std::string_view text_;
  const TokenizedText& tokens_;
  std::vector<std::uint32_t> classes_;
  std::vector<Entity> entities_;
  std::unordered_map<std::string, std::size_t> by_key_;
  std::unordered_map<std::string, std::size_t> by_surname_;     // persons, latest cited
  std::unordered_map<std::string, std::size_t> by_given_name_;  // persons, latest cited
  std::vector<std::size_t> recent_;                             // latest cited last
  mutable std::size_t lower_case_scans_ = 0;
  mutable std::optional<std::unordered_set<std::string_view>> lower_case_words_;
};

}  // namespace

std::vector<Speaker> SpeakerExtractor::extract(std::string_view text,
                                               std::vector<std::string>* people) const {
  return extract(TokenizedText(text), people);
}

std::vector<Speaker> SpeakerExtractor::extract(const TokenizedText& tokens,
                                               std::vector<std::string>* people) const {
  return Reader(tokens).run(people);
}

}  // namespace newsdex::detail
