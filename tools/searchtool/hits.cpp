#include "hits.hpp"

#include <iostream>
#include <sstream>

namespace searchtool {

std::string join(const std::vector<std::string>& values, std::string_view separator) {
  std::string out;
  for (const auto& value : values) {
    if (!out.empty()) out += separator;
    out += value;
  }
  return out;
}

std::string number(double value, int precision) {
  std::ostringstream out;
  out.precision(precision);
  out << value;
  return out.str();
}

namespace {

// "court 1.91 (wdf 4, 3 articles) + ... = 2.68": each term's part of the score, stems plain,
// exact forms quoted.
std::string explanation_line(const newsdex::Hit& hit) {
  const newsdex::Explanation& why = *hit.explanation;
  std::string line;
  for (const auto& term : why.terms) {
    if (!line.empty()) line += " + ";
    if (term.field != "text") line += term.field + ':';
    line += term.stemmed ? term.word : '"' + term.word + '"';
    line += ' ' + number(term.weight) + " (wdf " + std::to_string(term.wdf) + ", " +
            std::to_string(term.articles) + (term.articles == 1 ? " article)" : " articles)");
  }
  const auto add = [&](std::string_view name, double value) {
    if (value == 0) return;
    if (!line.empty()) line += " + ";
    line += std::string(name) + ' ' + number(value);
  };
  add("recency", why.recency);
  add("other", why.other);
  if (line.empty()) line = "no weighted terms";
  return line + " = " + number(hit.score) + "; length " + std::to_string(why.length) +
         ", average " + number(why.average_length, 4);
}

// The snippet with its highlighted words marked.
std::string marked_snippet(const newsdex::Hit& hit, const Style& style) {
  std::string out;
  std::size_t done = 0;
  for (const auto& span : hit.highlights) {
    out.append(hit.snippet, done, span.start - done);
    out += style.mark_on;
    out.append(hit.snippet, span.start, span.end - span.start);
    out += style.mark_off;
    done = span.end;
  }
  out.append(hit.snippet, done);
  return out;
}

}  // namespace

void print_hits(const std::vector<newsdex::Hit>& hits, const Style& style) {
  for (const auto& hit : hits) {
    std::cout << '\n'
              << (hit.rank < 10 ? " " : "") << hit.rank << ". " << style.bold_on
              << (hit.title.empty() ? "(untitled)" : hit.title) << style.bold_off << '\n';
    std::cout << "    " << (hit.date ? hit.date->iso() : "undated");
    if (!hit.source.empty()) std::cout << " | " << hit.source;
    std::cout << " | id " << hit.id << " | score " << number(hit.score) << '\n';
    if (!hit.speakers.empty()) std::cout << "    speakers: " << join(hit.speakers, "; ") << '\n';
    if (!hit.places.empty()) std::cout << "    places: " << join(hit.places, "; ") << '\n';
    if (!hit.url.empty()) std::cout << "    " << hit.url << '\n';
    if (hit.duplicates > 0) {
      std::cout << "    + " << hit.duplicates << (hit.duplicates == 1 ? " copy: " : " copies: ")
                << join(hit.duplicate_ids, ", ")
                << (hit.duplicate_ids.size() < hit.duplicates ? ", ..." : "") << '\n';
    }
    if (hit.explanation) std::cout << "    explain: " << explanation_line(hit) << '\n';
    if (!hit.snippet.empty()) std::cout << "    " << marked_snippet(hit, style) << '\n';
  }
}

nlohmann::ordered_json hits_json(const std::vector<newsdex::Hit>& hits) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& hit : hits) {
    nlohmann::ordered_json highlights = nlohmann::ordered_json::array();
    for (const auto& span : hit.highlights)
      highlights.push_back({span.start, span.end});
    nlohmann::ordered_json hit_json{
        {"rank", hit.rank},
        {"id", hit.id},
        {"score", hit.score},
        {"date", hit.date ? nlohmann::ordered_json(hit.date->iso()) : nullptr},
        {"title", hit.title},
        {"snippet", hit.snippet},
        {"highlights", highlights},
        {"speakers", hit.speakers},
        {"places", hit.places},
        {"source", hit.source},
        {"url", hit.url},
        {"duplicates", hit.duplicates},
        {"duplicate_ids", hit.duplicate_ids}};
    if (hit.explanation) {
      nlohmann::ordered_json terms = nlohmann::ordered_json::array();
      for (const auto& term : hit.explanation->terms) {
        terms.push_back({{"term", term.term},
                         {"word", term.word},
                         {"field", term.field},
                         {"stemmed", term.stemmed},
                         {"wdf", term.wdf},
                         {"articles", term.articles},
                         {"weight", term.weight}});
      }
      hit_json["explanation"] = {{"terms", terms},
                                 {"recency", hit.explanation->recency},
                                 {"other", hit.explanation->other},
                                 {"length", hit.explanation->length},
                                 {"average_length", hit.explanation->average_length}};
    }
    out.push_back(std::move(hit_json));
  }
  return out;
}

}  // namespace searchtool
