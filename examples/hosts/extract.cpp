// extract: who is quoted in a text, which places and which dates it mentions. Nothing is
// indexed: extraction is a pure function of the text and its publication date.
//
//   extract --date 2024-04-16 'Finance Minister Ana Ruiz said on Tuesday that Chile ...'
//   extract < story.txt
#include <iostream>
#include <iterator>
#include <string>
#include <string_view>

#include <newsdex/newsdex.hpp>

namespace {

// The words of `body` that a span covers.
std::string_view quote(const std::string& body, newsdex::Span span) {
  return std::string_view(body).substr(span.start, span.end - span.start);
}

// A mentioned date as precisely as the text gives it: "2022-11-16", "2022-11" or "2022".
std::string resolved(const newsdex::MentionedDate& mentioned) {
  const std::string iso = mentioned.date.iso();
  switch (mentioned.precision) {
    case newsdex::DatePrecision::year:
      return iso.substr(0, 4);
    case newsdex::DatePrecision::month:
      return iso.substr(0, 7);
    case newsdex::DatePrecision::day:
      break;
  }
  return iso;
}

}  // namespace

int main(int argc, char** argv) {
  newsdex::Article article;
  int arg = 1;
  if (arg + 1 < argc && std::string_view(argv[arg]) == "--date") {
    article.date = newsdex::Date::parse(argv[arg + 1]);  // resolves "on Tuesday", "last month"
    if (!article.date) {
      std::cerr << "extract: not a date (YYYY-MM-DD): " << argv[arg + 1] << '\n';
      return 2;
    }
    arg += 2;
  }
  if (arg + 1 < argc) {
    std::cerr << "usage: extract [--date YYYY-MM-DD] [TEXT]   (standard input without TEXT)\n";
    return 2;
  }
  article.body = arg < argc ? std::string(argv[arg])
                            : std::string(std::istreambuf_iterator<char>(std::cin), {});

  const newsdex::Extractor extractor;  // loads the built-in gazetteer once (some milliseconds)
  const newsdex::Annotations notes = extractor.extract(article);  // never throws

  for (const newsdex::Speaker& speaker : notes.speakers) {
    std::cout << "speaker " << speaker.name;
    if (!speaker.role.empty()) std::cout << " (" << speaker.role << ')';
    std::cout << ':';
    for (const newsdex::Span& mention : speaker.mentions) {
      std::cout << " \"" << quote(article.body, mention) << '"';
    }
    std::cout << '\n';
  }
  for (const newsdex::Place& place : notes.places) {
    std::cout << "place " << place.name << " (" << newsdex::to_string(place.kind);
    if (!place.country.empty()) std::cout << ", " << place.country;
    std::cout << "):";
    for (const newsdex::Span& mention : place.mentions) {
      std::cout << " \"" << quote(article.body, mention) << '"';
    }
    std::cout << '\n';
  }
  for (const newsdex::MentionedDate& date : notes.dates) {
    std::cout << "date " << resolved(date) << ": \"" << date.text << "\"\n";
  }
  return 0;
}
