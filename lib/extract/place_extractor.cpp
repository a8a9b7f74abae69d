#include "extract/place_extractor.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include <newsdex/error.hpp>

#include "extract/gazetteer_access.hpp"
#include "text/fold.hpp"
#include "text/utf8.hpp"

namespace newsdex::detail {

namespace {

// What separates a word from the one before it.
enum class Gap : std::uint8_t {
  space,         // spaces, or one line break
  hyphen,        // "Nagorno-Karabakh"
  abbreviation,  // a dot after a short capitalised word: "U.S.", "St. Louis", "Mr. Jordan"
  comma,         // ", "
  other,         // sentence ends, brackets, quotes, blank lines
};

struct Token {
  std::size_t start = 0;
  std::size_t end = 0;  // excludes a possessive "'s"
  std::uint32_t key_start = 0;
  std::uint32_t key_size = 0;
  Gap gap = Gap::other;
  bool capitalized = false;     // first letter upper case
  bool upper = false;           // no lower-case letter, at least one letter
  bool possessive = false;      // "Armenia's"
  bool sentence_start = false;  // first word of the text, of a sentence or of a paragraph
  bool caps_line = false;       // in a run of words written in capitals (a headline)
  bool dot_after = false;       // a "." follows directly
};

struct Tokens {
  std::vector<Token> list;
  std::string keys;  // the folded, lower-case forms, back to back

  std::string_view key(const Token& token) const {
    return std::string_view(keys).substr(token.key_start, token.key_size);
  }
  std::string_view key(std::size_t i) const { return key(list[i]); }
};

bool is_ascii_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool is_apostrophe_at(std::string_view text, std::size_t pos, std::size_t& length) {
  if (text[pos] == '\'') {
    length = 1;
    return true;
  }
  if (text.compare(pos, 3, "\u2019") == 0) {
    length = 3;
    return true;
  }
  return false;
}

bool is_word_at(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return false;
  const auto c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) return is_ascii_word_byte(c);
  std::size_t next = pos;
  return is_word_char(decode_utf8(text, next));
}

Gap classify_gap(std::string_view gap, const Token* previous, bool& sentence_end) {
  sentence_end = false;
  if (previous == nullptr) {
    sentence_end = true;
    return Gap::other;
  }
  bool only_space = true;
  int newlines = 0;
  for (const char c : gap) {
    if (c == '\n') ++newlines;
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') only_space = false;
  }
  if (only_space) {
    if (newlines >= 2) {
      sentence_end = true;
      return Gap::other;
    }
    return Gap::space;
  }
  if (gap == "-") return Gap::hyphen;
  const std::size_t previous_size = previous->end - previous->start;
  if (gap.front() == '.' && previous->capitalized && previous_size <= 3 && !previous->possessive &&
      (gap.size() == 1 || (gap.size() == 2 && gap[1] == ' '))) {
    return Gap::abbreviation;
  }
  for (const char c : gap) {
    if (c == '.' || c == '!' || c == '?') sentence_end = true;
  }
  if (newlines >= 2) sentence_end = true;
  if (gap.front() == ',' && !sentence_end) {
    bool rest_space = true;
    for (const char c : gap.substr(1)) {
      if (c != ' ' && c != '\n') rest_space = false;
    }
    if (rest_space) return Gap::comma;
  }
  return Gap::other;
}

Tokens tokenize(std::string_view text) {
  Tokens tokens;
  tokens.list.reserve(text.size() / 5);
  tokens.keys.reserve(text.size());
  std::size_t pos = 0;
  std::size_t gap_start = 0;
  while (pos < text.size()) {
    const auto c = static_cast<unsigned char>(text[pos]);
    if (c < 0x80 ? !is_ascii_word_byte(c) : !is_word_at(text, pos)) {
      pos += c < 0x80 ? 1 : 0;
      if (c >= 0x80) decode_utf8(text, pos);
      continue;
    }
    Token token;
    token.start = pos;
    token.key_start = static_cast<std::uint32_t>(tokens.keys.size());
    bool ascii = true;
    bool has_lower = false;
    bool has_letter = false;
    bool first = true;
    while (pos < text.size()) {
      const auto b = static_cast<unsigned char>(text[pos]);
      if (b < 0x80) {
        if (is_ascii_word_byte(b)) {
          const bool is_upper = b >= 'A' && b <= 'Z';
          const bool is_lower = b >= 'a' && b <= 'z';
          if (first) token.capitalized = is_upper;
          has_lower = has_lower || is_lower;
          has_letter = has_letter || is_upper || is_lower;
          tokens.keys.push_back(static_cast<char>(is_upper ? b + 32 : b));
          ++pos;
          first = false;
          continue;
        }
        std::size_t apostrophe = 0;
        if (b == '\'' && is_apostrophe_at(text, pos, apostrophe) &&
            is_word_at(text, pos + apostrophe)) {
          tokens.keys.push_back('\'');
          pos += apostrophe;
          continue;
        }
        break;
      }
      std::size_t apostrophe = 0;
      if (is_apostrophe_at(text, pos, apostrophe) && is_word_at(text, pos + apostrophe)) {
        tokens.keys.push_back('\'');
        pos += apostrophe;
        continue;
      }
      std::size_t next = pos;
      const char32_t cp = decode_utf8(text, next);
      if (!is_word_char(cp)) break;
      const char32_t lower = to_lower(cp);
      if (first) token.capitalized = lower != cp;
      has_lower = has_lower || lower == cp;
      has_letter = true;
      ascii = false;
      append_utf8(tokens.keys, lower);
      pos = next;
      first = false;
    }
    token.end = pos;
    if (!ascii) {
      // Fold diacritics as names are folded ("Ağdam" -> "agdam").
      const std::string folded =
          fold_diacritics(std::string_view(tokens.keys).substr(token.key_start));
      tokens.keys.resize(token.key_start);
      tokens.keys.append(folded);
    }
    token.key_size = static_cast<std::uint32_t>(tokens.keys.size() - token.key_start);
    token.upper = has_letter && !has_lower;
    const auto key = tokens.key(token);
    if (key.size() > 2 && key.ends_with("'s")) {
      token.possessive = true;
      token.key_size -= 2;
      // The text's apostrophe may be one byte or three.
      const bool curly = pos >= token.start + 5 && text.compare(pos - 4, 3, "\u2019") == 0;
      token.end = curly ? pos - 4 : pos - 2;
    }
    token.dot_after = pos < text.size() && text[pos] == '.';
    bool sentence_end = false;
    const Token* previous = tokens.list.empty() ? nullptr : &tokens.list.back();
    const std::size_t previous_end = previous == nullptr ? 0 : gap_start;
    token.gap =
        classify_gap(text.substr(previous_end, token.start - previous_end), previous, sentence_end);
    token.sentence_start = sentence_end;
    gap_start = pos;
    tokens.list.push_back(token);
  }
  // Headlines and datelines in capitals say nothing by their capitals.
  auto& list = tokens.list;
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (!list[i].upper) continue;
    const bool before = i > 0 && list[i - 1].upper && list[i - 1].end - list[i - 1].start > 1;
    const bool after =
        i + 1 < list.size() && list[i + 1].upper && list[i + 1].end - list[i + 1].start > 1;
    list[i].caps_line = before || after;
  }
  return tokens;
}

template <std::size_t N>
bool is_one_of(std::string_view word, const std::string_view (&words)[N]) {
  return std::find(std::begin(words), std::end(words), word) != std::end(words);
}

// Words before a name that make it a person's name.
constexpr std::string_view kTitles[] = {
    "mr",       "mrs",       "ms",         "miss",     "dr",     "sen",     "senator", "rep",
    "gov",      "governor",  "gen",        "general",  "lt",     "col",     "capt",    "captain",
    "sgt",      "cpl",       "pvt",        "adm",      "maj",    "prof",    "rev",     "judge",
    "justice",  "president", "coach",      "officer",  "deputy", "sheriff", "mayor",   "chief",
    "king",     "queen",     "prince",     "princess", "lord",   "lady",    "sir",     "dame",
    "minister", "secretary", "ambassador", "detective"};

// Words that may stand capitalised before a place name without making it a person's name.
constexpr std::string_view kPlaceModifiers[] = {
    "north",        "south",        "east",      "west",      "northern",     "southern",
    "eastern",      "western",      "central",   "upper",     "lower",        "greater",
    "downtown",     "metro",        "rural",     "suburban",  "coastal",      "mainland",
    "northeast",    "northwest",    "southeast", "southwest", "northeastern", "northwestern",
    "southeastern", "southwestern", "inner",     "outer",     "occupied",     "liberated",
    "the",          "in",           "at",        "from",      "to",           "of",
    "and",          "for",          "on",        "by",        "with",         "a",
    "an",           "as",           "since",     "after",     "before",       "across",
    "into",         "near",         "outside",   "inside",    "throughout",   "between",
    "like",         "including",    "against",   "via",       "but",          "or",
    "if",           "when",         "while",     "where",     "both",         "all",
    "this",         "that",         "but",       "about"};

// Prepositions of place: "in Reading", "to Jordan".
constexpr std::string_view kLocatives[] = {
    "in",     "at",         "from",   "to",     "near",    "into", "across", "outside",
    "inside", "throughout", "around", "toward", "towards", "via",  "visit",  "visited"};

// Words after a name that make it a street's name.
constexpr std::string_view kStreetWords[] = {
    "street", "st",    "road",    "rd",     "avenue", "ave",     "boulevard", "blvd",
    "drive",  "dr",    "lane",    "ln",     "pike",   "highway", "hwy",       "parkway",
    "pkwy",   "court", "terrace", "circle", "trail",  "way"};

constexpr std::string_view kCalendarWords[] = {
    "january",   "february",  "march",   "april",    "may",      "june",   "july",
    "august",    "september", "october", "november", "december", "monday", "tuesday",
    "wednesday", "thursday",  "friday",  "saturday", "sunday"};

// Words after a name used as a person's name that show it is one: "Jordan said".
constexpr std::string_view kPersonVerbs[] = {"said",    "says",      "told",   "added",  "wrote",
                                             "asked",   "explained", "noted",  "stated", "argued",
                                             "replied", "insisted",  "warned", "who"};

// Capitalised words after a place's name that make the two the name of a body or a building of
// that place ("Richmond Police Department", "Georgia Bureau of Investigation", "Paris Public
// Library"): the place's name stays a place there, whatever else it may be.
constexpr std::string_view kInstitutionWords[] = {
    "police",       "sheriff",    "fire",        "mayor",       "council",    "city",
    "town",         "township",   "village",     "public",      "department", "government",
    "metropolitan", "municipal",  "highway",     "patrol",      "state",      "school",
    "schools",      "elementary", "high",        "middle",      "junior",     "university",
    "college",      "community",  "hospital",    "medical",     "library",    "museum",
    "board",        "commission", "bureau",      "association", "chamber",    "court",
    "airport",      "port",       "harbor",      "harbour",     "center",     "centre",
    "institute",    "authority",  "district",    "regional",    "national",   "area",
    "region",       "province",   "parliament",  "assembly",    "senate",     "legislature",
    "general",      "supreme",    "superior",    "circuit",     "federal",    "housing",
    "health",       "education",  "transit",     "railway",     "railroad",   "zoo",
    "symphony",     "times",      "post",        "herald",      "tribune",    "journal",
    "gazette",      "office",     "hall",        "station",     "stadium",    "arena",
    "convention",   "economic",   "development", "county"};

// Compass words that join the place name after them ("South Charleston", "North Texas"),
// naming a place of the same country.
constexpr std::string_view kCompassWords[] = {"north",     "south",     "east",      "west",
                                              "northeast", "northwest", "southeast", "southwest"};

// Words after a place's name that make the two the name of a natural feature of it
// ("Sacramento River", "Santa Clara Valley").
constexpr std::string_view kFeatureWords[] = {"river", "valley"};

// Short words whose abbreviation dot stays inside a name ("St. Clair County").
constexpr std::string_view kNameAbbreviations[] = {"st", "ste", "mt", "ft"};

// "Laurel County", "Rapides Parish", "County Cork": an administrative area named by pattern.
constexpr std::string_view kAreaWords[] = {"county", "parish"};

// Words that start no area name: "The County Commission".
constexpr std::string_view kDeterminers[] = {
    "the", "a",   "an",    "this", "that", "each", "every", "our",  "their", "his",
    "her", "its", "which", "what", "no",   "one",  "any",   "some", "other"};

// Places ranked below this (towns) yield their name to a person's or a company's.
constexpr std::uint8_t place_rank_major = 50;

struct Candidate {
  std::size_t first = 0;  // token range [first, last]
  std::size_t last = 0;
  Span span;
  std::vector<NameRef> refs;
  std::string key;
  int qualifier = -1;      // index of the candidate after ", " that qualifies this one
  bool qualifies = false;  // this candidate is the ", Region" of the one before
  bool dropped = false;
  int chosen = -1;  // index into refs
  // The name of a place the gazetteer does not list: an area found by pattern ("Laurel County")
  // or a town named with its region ("Conway, Ark."); its refs are empty.
  std::string area;
  bool town = false;  // `area` is a town in the region of `qualifier`
  // The name as written of a place named after a listed one ("South Charleston", "Sacramento
  // River"), which lies in the country of the chosen reading.
  std::string own_name;
  bool feature = false;  // own_name names a river or valley
};

// `text` with runs of white space made one space and, when it has no lower-case letter, each
// word's letters after the first in lower case ("OAK BROOK" -> "Oak Brook").
std::string display_name(std::string_view text);

// The last token of an area name starting at token `i` ("Laurel County", "St. Clair County",
// "County Cork"), or `i` when none starts there.
std::size_t area_name_end(const Tokens& tokens, const GazetteerStore& store, std::size_t i) {
  const auto& list = tokens.list;
  auto joined = [&](std::size_t t) {
    return t < list.size() && list[t].capitalized && !list[t].caps_line &&
           (list[t].gap == Gap::space || list[t].gap == Gap::abbreviation ||
            list[t].gap == Gap::hyphen);
  };
  if (list[i].caps_line || list[i].possessive) return i;
  if (tokens.key(i) == "county" && joined(i + 1) && list[i + 1].gap == Gap::space &&
      !is_one_of(tokens.key(i + 1), kAreaWords)) {
    return i + 1;
  }
  if (is_one_of(tokens.key(i), kDeterminers) || is_one_of(tokens.key(i), kAreaWords)) return i;
  // Only a short saint's or mountain's abbreviation joins the next word with its dot ("St.
  // Clair County"); "CPR. Gwinnett County" is two things.
  if (i + 1 < list.size() && list[i + 1].gap == Gap::abbreviation &&
      !is_one_of(tokens.key(i), kNameAbbreviations)) {
    return i;
  }
  for (std::size_t words = 1; words <= 2; ++words) {
    const std::size_t area = i + words;
    if (!joined(area) || list[area].gap != Gap::space) {
      if (!joined(area)) return i;
      if (words == 2 || list[area - 1].possessive) return i;
      continue;
    }
    if (is_one_of(tokens.key(area), kAreaWords)) {
      // "In Henrico County", "Decatur McLean County": a capital that only starts a sentence,
      // or a place's name, starts no two-word area name; the area starts after it.
      if (words == 2 && (list[i].sentence_start || !store.find(tokens.key(i)).empty())) return i;
      return area;
    }
    if (list[area - 1].possessive && tokens.key(area) != "county") return i;
  }
  return i;
}

// `text` with runs of white space made one space.
std::string normalized_name(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out.push_back(space ? ' ' : c);
  }
  return out;
}

std::string display_name(std::string_view text) {
  std::string name = normalized_name(text);
  if (std::any_of(name.begin(), name.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
    return name;
  }
  bool word_start = true;
  for (auto& c : name) {
    const bool letter = (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
    if (letter && !word_start && c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    word_start = !letter && c != '\'';
  }
  return name;
}

bool locative_before(const Tokens& tokens, std::size_t first) {
  if (first == 0) return false;
  const auto& token = tokens.list[first];
  if (token.gap != Gap::space && token.gap != Gap::hyphen) return false;
  return is_one_of(tokens.key(first - 1), kLocatives);
}

bool strong_ref_fits(const NameRef& ref, const Tokens& tokens, const Candidate& candidate,
                     bool qualifier_position) {
  if (ref.role == NameRole::code) return false;
  if (ref.role == NameRole::qualifier) {
    if (!qualifier_position) return false;
    const auto& last = tokens.list[candidate.last];
    if (!last.dot_after && !last.upper) return false;
  }
  if (ref.caps_only) {
    for (std::size_t i = candidate.first; i <= candidate.last; ++i) {
      if (!tokens.list[i].upper) return false;
    }
  }
  return true;
}

// The town the capitalised words ending at token `last` name, up to three words that start no
// later than their sentence, without the function words and titles before them; nullopt when
// nothing is left or the last word is a month or weekday.
std::optional<Candidate> unlisted_town(const Tokens& tokens, std::string_view text,
                                       std::size_t last) {
  const auto& list = tokens.list;
  auto excluded = [&](std::size_t t) {
    const auto key = tokens.key(t);
    return is_one_of(key, kPlaceModifiers) || is_one_of(key, kTitles) ||
           is_one_of(key, kCalendarWords);
  };
  if (excluded(last)) return std::nullopt;
  std::size_t first = last;
  while (first > 0 && last - first < 2 && !list[first].sentence_start &&
         (list[first].gap == Gap::space || list[first].gap == Gap::hyphen) &&
         list[first - 1].capitalized && !list[first - 1].possessive) {
    --first;
  }
  while (first < last && excluded(first))
    ++first;
  if (excluded(first)) return std::nullopt;
  Candidate town;
  town.first = first;
  town.last = last;
  town.span = {list[first].start, list[last].end};
  town.area = display_name(text.substr(town.span.start, town.span.end - town.span.start));
  town.key = normalize_value(town.area);
  town.town = true;
  return town;
}

}  // namespace

PlaceExtractor::PlaceExtractor(std::shared_ptr<const Gazetteer> gazetteer)
    : gazetteer_(std::move(gazetteer)) {
  if (!gazetteer_) throw InvalidArgumentError("PlaceExtractor needs a gazetteer");
  store_ = &GazetteerAccess::store(*gazetteer_);
}

std::vector<Place> PlaceExtractor::extract(std::string_view text,
                                           std::span<const std::string> people) const {
  const GazetteerStore& store = *store_;
  const Tokens tokens = tokenize(text);
  const auto& list = tokens.list;
  std::vector<Candidate> candidates;
  candidates.reserve(list.size() / 8 + 1);
  std::unordered_set<std::string> person_names;

  // 1. Longest matches.
  std::string key;
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (!list[i].capitalized) continue;
    const bool qualifier_position =
        list[i].gap == Gap::comma && !candidates.empty() && candidates.back().last + 1 == i;
    // After a comma that follows capitalised words no candidate covers, a region may name the
    // region of a town the gazetteer does not list ("CONWAY, Ark.").
    const bool town_position = list[i].gap == Gap::comma && i > 0 && list[i - 1].capitalized &&
                               !list[i - 1].possessive &&
                               (candidates.empty() || candidates.back().last + 1 < i);
    if (const auto area_end = area_name_end(tokens, store, i); area_end > i) {
      Candidate area;
      area.first = i;
      area.last = area_end;
      area.span = {list[i].start, list[area_end].end};
      area.area = normalized_name(text.substr(area.span.start, area.span.end - area.span.start));
      area.key = normalize_value(area.area);
      candidates.push_back(std::move(area));
      i = area_end;
      continue;
    }
    key.assign(tokens.key(i));
    std::vector<std::pair<std::size_t, std::span<const NameRef>>> matches;
    for (std::size_t j = i;;) {
      if (auto refs = store.find(key); !refs.empty() && (list[j].capitalized || j == i)) {
        matches.emplace_back(j, refs);
      }
      if (!store.is_prefix(key) || j + 1 >= list.size() || list[j].possessive) break;
      const auto& next = list[j + 1];
      if (next.gap != Gap::space && next.gap != Gap::hyphen && next.gap != Gap::abbreviation) {
        break;
      }
      if (!next.capitalized && next.key_size > 4) break;
      ++j;
      key.push_back(' ');
      key.append(tokens.key(j));
    }
    for (auto match = matches.rbegin(); match != matches.rend(); ++match) {
      Candidate candidate;
      candidate.first = i;
      candidate.last = match->first;
      for (const auto& ref : match->second) {
        if (strong_ref_fits(ref, tokens, candidate, qualifier_position || town_position)) {
          candidate.refs.push_back(ref);
        }
      }
      if (candidate.refs.empty()) continue;
      const auto& last = list[candidate.last];
      candidate.span = {list[i].start, last.end};
      // "U.S.", "D.C.", "Calif.": the closing dot belongs to the abbreviation.
      const bool dotted = candidate.last > i && list[candidate.last].gap == Gap::abbreviation;
      const bool abbreviation =
          std::any_of(candidate.refs.begin(), candidate.refs.end(),
                      [](const NameRef& ref) { return ref.role == NameRole::qualifier; });
      if (last.dot_after && !last.possessive &&
          ((dotted && last.end - last.start <= 4) || abbreviation)) {
        candidate.span.end += 1;
      }
      candidate.key.assign(tokens.key(i));
      for (std::size_t t = i + 1; t <= candidate.last; ++t) {
        candidate.key.push_back(' ');
        candidate.key.append(tokens.key(t));
      }
      const bool names_a_region =
          std::any_of(candidate.refs.begin(), candidate.refs.end(), [&](const NameRef& ref) {
            const auto kind = store.place(ref.place).kind;
            return kind == PlaceKind::region || kind == PlaceKind::country;
          });
      if (qualifier_position && names_a_region) {
        candidate.qualifies = true;
        candidates.back().qualifier = static_cast<int>(candidates.size());
      }
      const bool region_ends_here =
          candidate.last + 1 >= list.size() || (list[candidate.last + 1].gap != Gap::space &&
                                                list[candidate.last + 1].gap != Gap::hyphen);
      if (!qualifier_position && town_position && names_a_region &&
          (abbreviation || region_ends_here)) {
        if (auto town = unlisted_town(tokens, text, i - 1)) {
          town->qualifier = static_cast<int>(candidates.size()) + 1;
          candidate.qualifies = true;
          candidates.push_back(std::move(*town));
        }
      }
      candidates.push_back(std::move(candidate));
      i = match->first;
      break;
    }
  }

  // 1b. "South Charleston", "North Texas", "Sacramento River": a compass word before, or a
  // feature word after, a listed name that the gazetteer does not know together with it names
  // another place of the same country, under the name as written. A compass word taken for a
  // place by itself ("South", a region of Cameroon) goes into the name. Before an adjective
  // ("Southwest Asian", "South Texan") it names no place: the adjective keeps its own.
  auto is_adjective = [&](const Candidate& candidate) {
    return std::all_of(candidate.refs.begin(), candidate.refs.end(), [&](const NameRef& ref) {
      if (ref.role == NameRole::demonym) return true;
      const auto name = place_key(store.place(ref.place).name);
      return candidate.key.size() > name.size() && candidate.key.starts_with(name);
    });
  };
  for (std::size_t c = 0; c < candidates.size(); ++c) {
    auto& candidate = candidates[c];
    if (!candidate.area.empty() || candidate.qualifies || candidate.dropped) continue;
    bool grown = false;
    const std::size_t before = candidate.first;
    if (before > 0 && list[before].gap == Gap::space && list[before - 1].capitalized &&
        !list[before - 1].possessive && is_one_of(tokens.key(before - 1), kCompassWords) &&
        !is_adjective(candidate)) {
      const bool taken_alone = c > 0 && candidates[c - 1].first == before - 1 &&
                               candidates[c - 1].last == before - 1 &&
                               candidates[c - 1].area.empty();
      if (c == 0 || candidates[c - 1].last + 1 < before || taken_alone) {
        if (taken_alone) candidates[c - 1].dropped = true;
        candidate.first = before - 1;
        candidate.span.start = list[before - 1].start;
        grown = true;
      }
    }
    const std::size_t after = candidate.last + 1;
    if (after < list.size() && list[after].gap == Gap::space && list[after].capitalized &&
        !list[candidate.last].possessive && is_one_of(tokens.key(after), kFeatureWords) &&
        (c + 1 == candidates.size() || candidates[c + 1].first > after)) {
      candidate.last = after;
      candidate.span.end = list[after].end;
      candidate.feature = true;
      grown = true;
    }
    if (!grown) continue;
    candidate.own_name =
        display_name(text.substr(candidate.span.start, candidate.span.end - candidate.span.start));
    candidate.key = normalize_value(candidate.own_name);
  }

  // 2. Context: people's names, street names, common words.
  auto names_major_place = [&](std::string_view name) {
    const auto refs = store.find(name);
    return std::any_of(refs.begin(), refs.end(), [&](const NameRef& ref) {
      return ref.role != NameRole::code && ref.role != NameRole::qualifier &&
             store.place(ref.place).rank >= place_rank_major;
    });
  };
  auto names_only_minor_places = [&](const Candidate& candidate) {
    return std::all_of(candidate.refs.begin(), candidate.refs.end(), [&](const NameRef& ref) {
      const auto& place = store.place(ref.place);
      return place.kind == PlaceKind::city && place.rank < place_rank_major;
    });
  };
  for (std::size_t c = 0; c < candidates.size(); ++c) {
    auto& candidate = candidates[c];
    if (!candidate.area.empty()) continue;
    const auto& first = list[candidate.first];
    const bool single = candidate.first == candidate.last;
    const bool after_word = candidate.first > 0 && first.gap == Gap::space;
    const bool after_abbreviation = candidate.first > 0 && first.gap == Gap::abbreviation;
    const std::string_view previous = candidate.first > 0 ? tokens.key(candidate.first - 1) : "";
    if ((after_word || after_abbreviation) && is_one_of(previous, kTitles)) {
      candidate.dropped = true;
      if (single) person_names.insert(candidate.key);
      continue;
    }
    // At the start of a sentence any word is capitalised, so only a known given name counts.
    const bool previous_may_be_name =
        after_word && (!list[candidate.first - 1].sentence_start || store.is_given_name(previous));
    // "Helena Duarte": a given name that is also a city's, before a town's name, is a person's.
    const bool given_name_before_town =
        store.is_given_name(previous) && names_only_minor_places(candidate);
    if (previous_may_be_name && single && list[candidate.first - 1].capitalized &&
        !list[candidate.first - 1].caps_line && !list[candidate.first - 1].possessive &&
        !is_one_of(previous, kPlaceModifiers) && !is_one_of(previous, kCalendarWords) &&
        (!names_major_place(previous) || given_name_before_town)) {
      // "Michael Jordan": a capitalised word that is no place and no modifier before a
      // one-word name. Names after a place ("Atlanta Georgia") are not covered.
      const bool previous_is_place = c > 0 && candidates[c - 1].last + 1 == candidate.first;
      if (!previous_is_place) {
        candidate.dropped = true;
        person_names.insert(candidate.key);
        continue;
      }
    }
    const bool before_word = candidate.last + 1 < list.size() &&
                             list[candidate.last + 1].gap == Gap::space &&
                             list[candidate.last + 1].capitalized;
    const std::string_view next = before_word ? tokens.key(candidate.last + 1) : "";
    // "Richmond Police", "Alexandria Friday night": the next word says nothing of a person's
    // or a company's name.
    const bool next_keeps_place =
        is_one_of(next, kInstitutionWords) || is_one_of(next, kCalendarWords);
    if (before_word && is_one_of(next, kStreetWords)) {
      candidate.dropped = true;
      continue;
    }
    // "Mary Wheeler", "Chad Johnson": a given name before a capitalised word that names no
    // place is a person's.
    if (single && before_word && !next_keeps_place && !first.caps_line &&
        store.is_given_name(candidate.key) && !names_major_place(next)) {
      candidate.dropped = true;
      person_names.insert(candidate.key);
      continue;
    }
    // "David Smith", "Merrill Lynch": a small town's name before a capitalised word that names
    // no place is a given name or part of a company's name.
    if (single && before_word && !next_keeps_place && names_only_minor_places(candidate) &&
        !first.caps_line && store.find(next).empty()) {
      candidate.dropped = true;
      continue;
    }
    // "BA", "EST": a short word in capitals amid ordinary text is an acronym, unless the
    // gazetteer knows the name as one ("UK", "UAE").
    if (single && first.upper && !first.caps_line && first.key_size <= 3 &&
        std::none_of(candidate.refs.begin(), candidate.refs.end(),
                     [](const NameRef& ref) { return ref.caps_only; })) {
      candidate.dropped = true;
      continue;
    }
    const bool acronym = std::any_of(candidate.refs.begin(), candidate.refs.end(),
                                     [](const NameRef& ref) { return ref.caps_only; });
    // "Ba", "Bo": a name of one or two letters is a syllable or an abbreviation (a bond rating,
    // an initial) far more often than a town, unless the gazetteer knows it in capitals ("UK")
    // or it is the region after a place ("Athens, Ga.").
    if (single && first.key_size <= 2 && !acronym && !candidate.qualifies) {
      candidate.dropped = true;
      continue;
    }
    if (single && !candidate.qualifies && !acronym && store.is_common_word(candidate.key)) {
      const bool capital_counts = !first.sentence_start && !first.caps_line;
      const bool supported = locative_before(tokens, candidate.first) || candidate.qualifier >= 0;
      if (!capital_counts || !supported) candidate.dropped = true;
    }
  }
  // The persons the article quotes: a place's name inside one's full name is part of it
  // ("Amara Okafor"), and one standing alone for a surname is the person's ("Baker said").
  std::vector<std::vector<std::string>> people_words;
  std::unordered_set<std::string> surnames;
  for (const auto& person : people) {
    const std::string key = normalize_value(person);
    if (!store.find(key).empty()) continue;  // a speaker named like a place ("New York")
    std::vector<std::string> words;
    for (std::size_t start = 0; start < key.size();) {
      const std::size_t end = std::min(key.find(' ', start), key.size());
      words.push_back(key.substr(start, end - start));
      start = end + 1;
    }
    if (words.size() < 2) continue;
    surnames.insert(words.back());
    people_words.push_back(std::move(words));
  }
  auto inside_person_name = [&](const Candidate& candidate) {
    for (const auto& words : people_words) {
      const std::size_t length = candidate.last - candidate.first + 1;
      for (std::size_t offset = 0; offset + length <= words.size(); ++offset) {
        if (candidate.first < offset || candidate.first - offset + words.size() > list.size()) {
          continue;
        }
        const std::size_t start = candidate.first - offset;
        bool same = true;
        for (std::size_t w = 0; w < words.size() && same; ++w) {
          same = tokens.key(start + w) == words[w] &&
                 (w == 0 || list[start + w].gap == Gap::space ||
                  list[start + w].gap == Gap::hyphen || list[start + w].gap == Gap::abbreviation);
        }
        if (same) return true;
      }
    }
    return false;
  };
  for (auto& candidate : candidates) {
    if (candidate.dropped || !candidate.area.empty() || candidate.qualifier >= 0 ||
        candidate.qualifies) {
      continue;
    }
    const bool surname = candidate.first == candidate.last && surnames.contains(candidate.key) &&
                         !locative_before(tokens, candidate.first);
    if (surname || inside_person_name(candidate)) candidate.dropped = true;
  }

  // A name the article uses for a person stays the person's where a reporting verb follows it
  // ("Jordan said").
  for (auto& candidate : candidates) {
    if (candidate.dropped || !person_names.contains(candidate.key)) continue;
    const bool verb_after = candidate.last + 1 < list.size() &&
                            list[candidate.last + 1].gap == Gap::space &&
                            is_one_of(tokens.key(candidate.last + 1), kPersonVerbs);
    if (verb_after && !locative_before(tokens, candidate.first)) candidate.dropped = true;
  }
  // A qualifier whose place was dropped is an ordinary mention; qualifier-only names lapse.
  for (auto& candidate : candidates) {
    if (candidate.qualifier >= 0 && candidate.dropped) {
      candidates[candidate.qualifier].qualifies = false;
      candidate.qualifier = -1;
    }
  }

  // A name with a region after it that lies in none of the region's countries is a town the
  // gazetteer does not list ("GREENWICH, Conn." is not the London borough).
  for (auto& candidate : candidates) {
    if (candidate.dropped || candidate.qualifier < 0 || !candidate.area.empty() ||
        !candidate.own_name.empty()) {
      continue;
    }
    // Only a town's (or a district's) name after a region's ("Turkey, Italy" is a list of
    // countries).
    const auto& qualifier = candidates[candidate.qualifier];
    const bool towns_only = std::none_of(
        candidate.refs.begin(), candidate.refs.end(),
        [&](const NameRef& ref) { return store.place(ref.place).kind == PlaceKind::country; });
    const bool region_after =
        !qualifier.refs.empty() &&
        std::all_of(qualifier.refs.begin(), qualifier.refs.end(), [&](const NameRef& ref) {
          return store.place(ref.place).kind == PlaceKind::region;
        });
    const bool some_reading_fits =
        std::any_of(candidate.refs.begin(), candidate.refs.end(), [&](const NameRef& ref) {
          const auto& place = store.place(ref.place);
          return std::any_of(qualifier.refs.begin(), qualifier.refs.end(), [&](const NameRef& q) {
            return store.place(q.place).country == place.country;
          });
        });
    if (!towns_only || !region_after || some_reading_fits) continue;
    candidate.area =
        display_name(text.substr(candidate.span.start, candidate.span.end - candidate.span.start));
    candidate.key = normalize_value(candidate.area);
    candidate.town = true;
    candidate.refs.clear();
  }

  // 3. Readings: the gazetteer's prior, a qualifier, and the rest of the article.
  std::unordered_map<std::string_view, int> countries;  // country -> supporting mentions
  std::unordered_map<std::string_view, int> regions;    // region code -> supporting mentions
  auto add_evidence = [&](const PlaceRecord& place, int weight) {
    if (!place.country.empty()) countries[place.country] += weight;
    if (place.kind == PlaceKind::region && !place.code.empty()) regions[place.code] += weight;
    if (!place.region.empty()) regions[place.region] += weight;
  };
  auto score = [&](const Candidate& candidate, const NameRef& ref, bool remove_own) {
    const auto& place = store.place(ref.place);
    int value = place.rank;
    if (ref.weak) value -= 25;
    if (ref.role == NameRole::demonym && place.kind != PlaceKind::country) value -= 30;
    auto support = [&](const std::unordered_map<std::string_view, int>& counts,
                       std::string_view code) {
      if (code.empty()) return 0;
      const auto it = counts.find(code);
      int count = it == counts.end() ? 0 : it->second;
      if (remove_own && candidate.chosen >= 0) {
        const auto& own = store.place(candidate.refs[candidate.chosen].place);
        if (own.country == code || own.code == code || own.region == code) --count;
      }
      return count > 0 ? 1 : 0;
    };
    value += 35 * support(countries, place.country);
    if (place.kind == PlaceKind::region) value += 45 * support(regions, place.code);
    value += 45 * support(regions, place.region);
    if (candidate.qualifier >= 0) {
      const auto& qualifier = candidates[candidate.qualifier];
      for (const auto& other : qualifier.refs) {
        const auto& region = store.place(other.place);
        const bool inside = (!region.code.empty() && region.code == place.region) ||
                            (region.kind == PlaceKind::country && region.code == place.country &&
                             place.kind != PlaceKind::country);
        if (inside) value += 1000;
      }
    }
    return value;
  };
  auto resolve = [&](Candidate& candidate, bool remove_own) {
    int best = -1;
    int best_score = 0;
    for (std::size_t r = 0; r < candidate.refs.size(); ++r) {
      const int value = score(candidate, candidate.refs[r], remove_own);
      if (best < 0 || value > best_score) {
        best = static_cast<int>(r);
        best_score = value;
      }
    }
    return std::pair{best, best_score};
  };
  for (const auto& candidate : candidates) {
    if (candidate.dropped || !candidate.area.empty()) continue;
    const auto& first_country = store.place(candidate.refs.front().place).country;
    const bool one_country = std::all_of(
        candidate.refs.begin(), candidate.refs.end(),
        [&](const NameRef& ref) { return store.place(ref.place).country == first_country; });
    if (!one_country) continue;
    if (candidate.refs.size() == 1) {
      add_evidence(store.place(candidate.refs.front().place), 1);
    } else if (!first_country.empty()) {
      countries[first_country] += 1;
    }
  }
  for (auto& candidate : candidates) {
    if (!candidate.dropped && candidate.area.empty()) {
      candidate.chosen = resolve(candidate, false).first;
    }
  }
  countries.clear();
  regions.clear();
  for (const auto& candidate : candidates) {
    if (!candidate.dropped && candidate.area.empty()) {
      add_evidence(store.place(candidate.refs[candidate.chosen].place), 1);
    }
  }
  // One reading per name and article: the one with the best total score over its mentions.
  std::unordered_map<std::string_view, std::vector<int>> totals;  // key -> score per ref index
  for (auto& candidate : candidates) {
    if (candidate.dropped || !candidate.area.empty()) continue;
    candidate.chosen = resolve(candidate, true).first;
    if (candidate.qualifier >= 0) continue;
    auto& total = totals[candidate.key];
    total.resize(std::max(total.size(), candidate.refs.size()));
    for (std::size_t r = 0; r < candidate.refs.size(); ++r) {
      total[r] += score(candidate, candidate.refs[r], true);
    }
  }
  for (auto& candidate : candidates) {
    if (candidate.dropped || candidate.qualifier >= 0 || !candidate.area.empty()) continue;
    const auto& total = totals[candidate.key];
    candidate.chosen =
        static_cast<int>(std::max_element(total.begin(), total.end()) - total.begin());
  }

  // 4. Places in order of first mention.
  std::vector<Place> places;
  // Areas found by pattern lie in the country the article is most about, if any.
  std::string_view main_country;
  int main_support = 0;
  for (const auto& [country, support] : countries) {
    if (support > main_support || (support == main_support && country < main_country)) {
      main_country = country;
      main_support = support;
    }
  }
  // Places the gazetteer does not list, by key -> position in `places`.
  std::unordered_map<std::string, std::size_t> unlisted;
  std::unordered_map<std::uint32_t, std::size_t> index;  // place id -> position in `places`
  for (const auto& candidate : candidates) {
    if (candidate.dropped) continue;
    if (!candidate.area.empty()) {
      auto [it, added] = unlisted.emplace(candidate.key, places.size());
      if (added) {
        std::string country(main_country);
        if (candidate.town) {
          const auto& region = candidates[candidate.qualifier];
          country = region.refs.empty() || region.chosen < 0
                        ? std::string()
                        : store.place(region.refs[region.chosen].place).country;
        }
        places.push_back({.name = candidate.area,
                          .country = std::move(country),
                          .kind = candidate.town ? PlaceKind::city : PlaceKind::region,
                          .mentions = {}});
      }
      places[it->second].mentions.push_back(candidate.span);
      continue;
    }
    if (!candidate.own_name.empty()) {
      auto [it, added] = unlisted.emplace(candidate.key, places.size());
      if (added) {
        const auto& base = store.place(candidate.refs[candidate.chosen].place);
        const PlaceKind kind = candidate.feature                 ? PlaceKind::other
                               : base.kind == PlaceKind::country ? PlaceKind::region
                                                                 : base.kind;
        places.push_back(
            {.name = candidate.own_name, .country = base.country, .kind = kind, .mentions = {}});
      }
      places[it->second].mentions.push_back(candidate.span);
      continue;
    }
    const auto id = candidate.refs[candidate.chosen].place;
    auto [it, added] = index.emplace(id, places.size());
    if (added) {
      const auto& record = store.place(id);
      places.push_back(
          {.name = record.name, .country = record.country, .kind = record.kind, .mentions = {}});
    }
    places[it->second].mentions.push_back(candidate.span);
  }
  return places;
}

std::vector<std::string> PlaceExtractor::main_countries(const std::vector<Place>& places) {
  std::map<std::string, std::size_t> mentions;
  std::set<std::string> in_lead;
  for (const auto& place : places) {
    if (place.country.empty() || place.mentions.empty()) continue;
    mentions[place.country] += place.mentions.size();
    if (place.mentions.front().start < kLeadBytes) in_lead.insert(place.country);
  }
  std::vector<std::string> countries;
  for (const auto& [country, count] : mentions) {
    if (count >= kMainCountryMentions || in_lead.contains(country)) countries.push_back(country);
  }
  return countries;
}

}  // namespace newsdex::detail
