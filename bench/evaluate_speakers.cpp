// Scores the speaker extractor against PolNeAR (Newell, Margolin & Ruths, LREC 2018): news
// articles whose attributions are annotated in BRAT standoff files, with the Source span of each.
//
//   evaluate_speakers [--data DIR] [--verbose]
//
// DIR defaults to ../shared/data next to the source tree and must hold polnear-train/
// (metadata.tsv, text/<file>.txt, attributions/<file>_<annotator>.ann); when it does not, the
// program prints "skipped: <path> not found" and succeeds. One .ann per text is used: the first
// annotator that metadata.tsv lists.
//
// Article level: for each article, the set of NAMED speakers in the gold Source spans against
// the set of speakers extracted; micro-averaged precision, recall and F1 over all articles.
// Names match on a key: the last capitalised word of the name once determiners, titles, roles,
// possessors ("Azerbaijan's"), appositions and affiliations ("of Breitbart") are cut, folded to
// lower case without diacritics. So "Mr. Trump", "Donald Trump" and "Republican candidate Donald
// Trump" match each other, "The New York Times" matches "New York Times", and "O'Malley's
// campaign" matches "O'Malley campaign". Sources without such a word are pronouns or generic
// nouns ("he", "officials", "the poll") and are left out of the gold set.
//
// Mention level: every gold Source span (pronouns included) against every extracted mention;
// a pair counts when the spans overlap.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "extract/speaker_extractor.hpp"
#include "text/fold.hpp"
#include "text/utf8.hpp"

namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  while (true) {
    const auto at = text.find(separator);
    parts.push_back(text.substr(0, at));
    if (at == std::string_view::npos) break;
    text.remove_prefix(at + 1);
  }
  return parts;
}

// ---- the name key (the evaluation's own rules, independent of the extractor's) ----

// Words that never make a name: determiners, pronouns, generic nouns, sentence openers.
const std::set<std::string, std::less<>> kNotNames = {
    "the", "a", "an", "this", "that", "these", "those", "he", "she", "it", "they", "we", "i", "you",
    "his", "her", "their", "its", "our", "my", "your", "who", "which", "some", "many", "most",
    "others", "other", "another", "one", "both", "all", "several", "few", "q", "each", "any",
    "half", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "two-thirds",
    "current", "former", "but", "and", "so", "yet", "as", "in", "on", "at", "after", "when",
    "while", "if", "also", "still", "however", "now", "then", "there", "here", "what", "how", "why",
    "even", "only", "just", "asked", "mr", "mrs", "ms", "miss", "dr", "sir", "jr", "sr", "ii",
    "iii",
    // generic nouns that are capitalised only at the start of a sentence
    "officials", "official", "sources", "experts", "analysts", "critics", "polls", "poll", "voters",
    "people", "supporters", "aides", "advisers", "observers", "residents", "authorities", "reports",
    "surveys", "studies", "data", "lawmakers", "members", "leaders", "police", "witnesses",
    "prosecutors", "friends", "organizers", "companies", "politicians", "investigators",
    "opponents", "proponents", "activists", "protesters", "staff", "staffers", "insiders", "allies",
    "families", "parents", "students", "teachers", "workers", "employees", "citizens", "americans",
    "democrats", "republicans",
    // months and weekdays
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday"};

// Titles and role words that come before a name; a key is never one of them.
const std::set<std::string, std::less<>> kTitles = {
    "president",   "vice",          "sen",          "senator",  "rep",          "representative",
    "gov",         "governor",      "secretary",    "minister", "prime",        "ambassador",
    "spokesman",   "spokeswoman",   "spokesperson", "mayor",    "judge",        "justice",
    "chairman",    "chairwoman",    "director",     "general",  "gen",          "chief",
    "speaker",     "leader",        "attorney",     "former",   "presidential", "candidate",
    "lt",          "col",           "capt",         "sgt",      "adm",          "prof",
    "professor",   "rev",           "king",         "queen",    "prince",       "pope",
    "chancellor",  "commissioner",  "sheriff",      "coach",    "deputy",       "ceo",
    "congressman", "congresswoman", "nominee",      "hopeful",  "host",         "anchor",
    "founder",     "executive"};

// Common nouns that, after a name, still point at the named body.
const std::set<std::string, std::less<>> kOwnedNouns = {
    "campaign",  "administration", "team",  "camp",   "government", "office",
    "statement", "report",         "poll",  "survey", "study",      "review",
    "analysis",  "letter",         "tweet", "post",   "memo",       "ad",
    "website",   "release",        "data",  "figures"};

const std::set<std::string, std::less<>> kCuts = {"of", "for", "from", "at",    "with", "in",
                                                  "on", "by",  "who",  "which", "that", "and"};

struct NameWord {
  std::string key;  // folded, lower case, possessive and trailing punctuation removed
  bool capitalised = false;
  bool possessive = false;
};

std::vector<NameWord> name_words(std::string_view raw) {
  // No-break spaces separate words too.
  std::string text(raw);
  for (std::size_t at; (at = text.find("\u00a0")) != std::string::npos;)
    text.replace(at, 2, " ");
  std::vector<NameWord> words;
  std::size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && std::isspace(static_cast<unsigned char>(text[pos])))
      ++pos;
    std::size_t end = pos;
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])))
      ++end;
    if (end == pos) break;
    std::string word = newsdex::detail::normalize_value(text.substr(pos, end - pos));
    bool cut = false;
    // Trailing and leading punctuation, quotes included ("\u201c" and "\u201d").
    while (!word.empty()) {
      if (word.ends_with("\u201d") || word.ends_with("\u201c")) {
        word.resize(word.size() - 3);
      } else if (std::strchr(",;:()\"[]", word.back()) != nullptr) {
        cut |= word.back() == ',' || word.back() == '(' || word.back() == ';';
        word.pop_back();
      } else {
        break;
      }
    }
    while (!word.empty()) {
      if (word.starts_with("\u201c")) {
        word.erase(0, 3);
      } else if (std::strchr("\"'(", word.front()) != nullptr) {
        word.erase(0, 1);
      } else {
        break;
      }
    }
    NameWord name_word;
    name_word.capitalised = std::isupper(static_cast<unsigned char>(text[pos])) ||
                            static_cast<unsigned char>(text[pos]) >= 0x80;
    if (word.size() > 2 && word.ends_with("'s")) {
      word.resize(word.size() - 2);
      name_word.possessive = true;
    } else if (word.size() > 1 && word.back() == '\'') {
      word.pop_back();
      name_word.possessive = true;
    }
    if (word.ends_with(".")) word.pop_back();
    name_word.key = word;
    if (word.empty() || text[pos] == '(') break;
    words.push_back(std::move(name_word));
    if (cut) break;
    pos = end;
  }
  return words;
}

bool is_name_word(const NameWord& word) {
  return word.capitalised && !kNotNames.contains(word.key) && !kTitles.contains(word.key);
}

// The key a name matches on, or "" when the text names nobody.
std::string name_key(std::string_view text) {
  std::vector<NameWord> words = name_words(text);
  // Cut an affiliation or a relative clause after a name: "Joel Pollak of Breitbart".
  for (std::size_t i = 1; i < words.size(); ++i) {
    if (words[i].capitalised || !kCuts.contains(words[i].key)) continue;
    if (std::any_of(words.begin(), words.begin() + static_cast<long>(i), is_name_word)) {
      words.resize(i);
      break;
    }
  }
  // A possessor before a name is context ("Azerbaijan's Ambassador X"); before a common noun
  // it is the speaker's owner ("O'Malley's campaign").
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    if (!words[i].possessive) continue;
    if (std::any_of(words.begin() + static_cast<long>(i) + 1, words.end(), is_name_word)) {
      words.erase(words.begin(), words.begin() + static_cast<long>(i) + 1);
    } else {
      words.resize(i + 1);
    }
    break;
  }
  if (words.empty()) return {};
  // The head is the last word. A capitalised head is the name; a common noun head names
  // somebody only when it is what a named body issues or is ("a Quinnipiac poll", "the Clinton
  // campaign"); otherwise the source is generic ("law enforcement officials", "the poll").
  if (is_name_word(words.back())) return words.back().key;
  if (words.back().capitalised || !kOwnedNouns.contains(words.back().key)) return {};
  for (std::size_t i = words.size() - 1; i-- > 0;) {
    if (is_name_word(words[i])) return words[i].key;
  }
  return {};
}

// ---- reading PolNeAR ----

struct Article {
  std::string name;
  std::string text;
  std::vector<newsdex::Span> sources;  // byte offsets
  std::vector<std::string> source_texts;
  std::vector<std::string> cue_texts;  // the cue of each source's attribution, for --verbose
};

// Byte offset of each code point, plus the end.
std::vector<std::size_t> code_point_offsets(std::string_view text) {
  std::vector<std::size_t> offsets;
  offsets.reserve(text.size() + 1);
  std::size_t pos = 0;
  while (pos < text.size()) {
    offsets.push_back(pos);
    newsdex::detail::decode_utf8(text, pos);
  }
  offsets.push_back(text.size());
  return offsets;
}

std::vector<Article> read_corpus(const fs::path& root) {
  std::vector<Article> articles;
  std::istringstream metadata(read_file(root / "metadata.tsv"));
  std::string line;
  std::getline(metadata, line);
  const auto header = split(line, '\t');
  const auto column = [&](std::string_view name) {
    return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  const std::size_t file_column = column("filename");
  const std::size_t annotators_column = column("annotators");
  while (std::getline(metadata, line)) {
    const auto fields = split(line, '\t');
    if (fields.size() <= std::max(file_column, annotators_column)) continue;
    Article article;
    article.name = std::string(fields[file_column]);
    const std::string annotator(split(fields[annotators_column], '|').front());
    article.text = read_file(root / "text" / (article.name + ".txt"));
    const std::string ann =
        read_file(root / "attributions" / (article.name + "_" + annotator + ".ann"));
    const auto offsets = code_point_offsets(article.text);
    std::istringstream lines(ann);
    std::string ann_line;
    std::map<std::string, std::string> cue_of_source, text_of;
    std::vector<std::pair<std::string, newsdex::Span>> source_ids;
    while (std::getline(lines, ann_line)) {
      const auto parts = split(ann_line, '\t');
      if (parts.size() >= 3 && parts[0].starts_with("T")) {
        text_of[std::string(parts[0])] = std::string(parts[2]);
      }
      if (parts.size() >= 2 && parts[0].starts_with("E")) {
        std::string source, cue;
        for (const auto role : split(parts[1], ' ')) {
          if (role.starts_with("Source:")) source = role.substr(7);
          if (role.starts_with("Cue:")) cue = role.substr(4);
        }
        if (!source.empty()) cue_of_source[source] = cue;
      }
      if (parts.size() < 3 || !parts[0].starts_with("T") || !parts[1].starts_with("Source ")) {
        continue;
      }
      // "Source 12 20" or, for discontinuous spans, "Source 12 20;25 30".
      const auto numbers = std::string(parts[1].substr(7));
      std::size_t first = 0;
      std::size_t last = 0;
      if (std::sscanf(numbers.c_str(), "%zu", &first) != 1) continue;
      const auto space = numbers.rfind(' ');
      last = std::stoul(numbers.substr(space + 1));
      if (first >= offsets.size() || last >= offsets.size() || first >= last) continue;
      article.sources.push_back({offsets[first], offsets[last]});
      article.source_texts.emplace_back(parts[2]);
      source_ids.emplace_back(std::string(parts[0]), newsdex::Span{});
    }
    for (const auto& [id, unused] : source_ids) {
      const auto cue = cue_of_source.find(id);
      article.cue_texts.push_back(cue == cue_of_source.end() ? "" : text_of[cue->second]);
    }
    articles.push_back(std::move(article));
  }
  return articles;
}

struct Counts {
  std::size_t tp = 0, fp = 0, fn = 0;
  void print(const char* label) const {
    const double p = tp + fp == 0 ? 0 : static_cast<double>(tp) / static_cast<double>(tp + fp);
    const double r = tp + fn == 0 ? 0 : static_cast<double>(tp) / static_cast<double>(tp + fn);
    const double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
    std::printf("%-34s P %.3f  R %.3f  F1 %.3f  (tp %zu, fp %zu, fn %zu)\n", label, p, r, f, tp, fp,
                fn);
  }
};

// The text around a span, on one line, for --verbose.
std::string context_of(const std::string& text, const newsdex::Span& span) {
  const std::size_t from = span.start > 100 ? span.start - 100 : 0;
  std::string context = text.substr(from, span.end + 100 - from);
  std::replace(context.begin(), context.end(), '\n', ' ');
  return context;
}

bool overlaps(const newsdex::Span& a, const newsdex::Span& b) {
  return a.start < b.end && b.start < a.end;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path data = fs::path(NEWSDEX_SOURCE_DIR) / ".." / "shared" / "data";
  bool verbose = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--data" && i + 1 < argc) {
      data = argv[++i];
    } else if (arg == "--verbose") {
      verbose = true;
    } else {
      std::fprintf(stderr, "usage: evaluate_speakers [--data DIR] [--verbose]\n");
      return 2;
    }
  }
  const fs::path root = data / "polnear-train";
  if (!fs::exists(root / "metadata.tsv")) {
    std::printf("skipped: %s not found\n", root.lexically_normal().c_str());
    return 0;
  }
  const std::vector<Article> articles = read_corpus(root);
  const newsdex::detail::SpeakerExtractor extractor;

  Counts article_level;
  std::size_t mentions_total = 0, mentions_hit = 0;  // extracted mentions
  std::size_t sources_total = 0, sources_hit = 0;    // gold Source spans
  std::size_t named_total = 0, named_hit = 0;        // gold Source spans with a name
  std::size_t bytes = 0;
  // Processor time, so that other work on the machine does not count.
  std::clock_t elapsed = 0;
  for (const Article& article : articles) {
    const std::clock_t start = std::clock();
    const auto speakers = extractor.extract(article.text);
    elapsed += std::clock() - start;
    bytes += article.text.size();

    std::map<std::string, std::string> gold, found;  // key -> a name that gave it
    std::map<std::string, newsdex::Span> found_span;
    std::map<std::string, newsdex::Span> gold_span;
    std::map<std::string, std::string> gold_cue;
    for (std::size_t i = 0; i < article.sources.size(); ++i) {
      const std::string key = name_key(article.source_texts[i]);
      if (!key.empty() && gold.emplace(key, article.source_texts[i]).second) {
        gold_span.emplace(key, article.sources[i]);
        gold_cue.emplace(key, article.cue_texts[i]);
      }
    }
    for (const auto& speaker : speakers) {
      const std::string key = name_key(speaker.name);
      if (!key.empty() && found.emplace(key, speaker.name).second) {
        found_span.emplace(key, speaker.mentions.front());
      }
    }
    for (const auto& [key, name] : found) {
      if (gold.contains(key)) {
        ++article_level.tp;
      } else {
        ++article_level.fp;
        if (verbose) {
          std::printf("FP %s: %s [%s]\n    %s\n", article.name.c_str(), name.c_str(), key.c_str(),
                      context_of(article.text, found_span.at(key)).c_str());
        }
      }
    }
    for (const auto& [key, name] : gold) {
      if (!found.contains(key)) {
        ++article_level.fn;
        if (verbose) {
          const std::string context = context_of(article.text, gold_span.at(key));
          std::printf("FN %s: %s [%s] cue=%s\n    %s\n", article.name.c_str(), name.c_str(),
                      key.c_str(), gold_cue.at(key).c_str(), context.c_str());
        }
      }
    }

    std::vector<newsdex::Span> mentions;
    for (const auto& speaker : speakers) {
      mentions.insert(mentions.end(), speaker.mentions.begin(), speaker.mentions.end());
    }
    for (const auto& mention : mentions) {
      ++mentions_total;
      if (std::any_of(article.sources.begin(), article.sources.end(),
                      [&](const newsdex::Span& s) { return overlaps(s, mention); })) {
        ++mentions_hit;
      }
    }
    for (std::size_t i = 0; i < article.sources.size(); ++i) {
      const bool hit = std::any_of(mentions.begin(), mentions.end(), [&](const newsdex::Span& m) {
        return overlaps(article.sources[i], m);
      });
      ++sources_total;
      sources_hit += hit ? 1 : 0;
      if (!name_key(article.source_texts[i]).empty()) {
        ++named_total;
        named_hit += hit ? 1 : 0;
      }
    }
  }
  std::printf("PolNeAR train: %zu articles, %.1f MB\n", articles.size(), bytes / 1e6);
  article_level.print("article-level named speakers");
  const auto ratio = [](std::size_t a, std::size_t b) {
    return b == 0 ? 0.0 : static_cast<double>(a) / static_cast<double>(b);
  };
  const double p = ratio(mentions_hit, mentions_total);
  const double r = ratio(sources_hit, sources_total);
  std::printf("%-34s P %.3f  R %.3f  F1 %.3f  (mentions %zu, sources %zu)\n",
              "mention-level sources (overlap)", p, r, p + r == 0 ? 0 : 2 * p * r / (p + r),
              mentions_total, sources_total);
  std::printf("%-34s R %.3f  (%zu of %zu)\n", "mention-level named sources",
              ratio(named_hit, named_total), named_hit, named_total);
  const double seconds = static_cast<double>(elapsed) / CLOCKS_PER_SEC;
  std::printf("speaker extraction: %.1f MB/s (processor time)\n",
              seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0.0);
  return 0;
}
