#include "index/document_builder.hpp"

#include <algorithm>
#include <optional>
#include <set>

#include <newsdex/error.hpp>

#include "analysis/analysis.hpp"
#include "schema/document_data.hpp"
#include "schema/schema.hpp"
#include "text/fold.hpp"
#include "text/hash.hpp"

namespace newsdex::detail {

namespace {

// Adds the words of `name` under `word_prefix`, starting at `position`; returns the position
// after the last word plus a gap, so phrases never run from one name into the next.
Xapian::termpos add_name_words(Xapian::Document& document, std::string_view word_prefix,
                               std::string_view name, Xapian::termpos position) {
  for_each_word(name, [&](const Word& word) {
    const std::string term = std::string(word_prefix) + word.text;
    if (term.size() <= schema::kMaxTermBytes) document.add_posting(term, ++position);
  });
  return position + schema::kPositionGap;
}

// Keeps the first of each normalised value, in order: "Baku" and "BAKU" are one place.
std::vector<std::string> unique_values(std::vector<std::string> values) {
  std::set<std::string> seen;
  std::vector<std::string> kept;
  for (auto& value : values) {
    const std::string key = normalize_value(value);
    if (!key.empty() && seen.insert(key).second) kept.push_back(std::move(value));
  }
  return kept;
}

// Puts the i-th value in slot `first_slot` + i, normalised like its boolean term, for the facet
// counters (schema::kSpeakerSlots and friends); values past kFacetSlotsPerField are not counted.
void add_facet_values(Xapian::Document& document, unsigned first_slot,
                      const std::vector<std::string>& values) {
  const std::size_t count = std::min<std::size_t>(values.size(), schema::kFacetSlotsPerField);
  for (std::size_t i = 0; i < count; ++i) {
    document.add_value(first_slot + static_cast<unsigned>(i), normalize_value(values[i]));
  }
}

void add_date_terms(Xapian::Document& document, std::string_view day, std::string_view month,
                    std::string_view year, const Date& date, DatePrecision precision) {
  if (precision == DatePrecision::day) document.add_boolean_term(schema::day_term(day, date));
  if (precision != DatePrecision::year) document.add_boolean_term(schema::month_term(month, date));
  document.add_boolean_term(schema::year_term(year, date));
}

// The place a name that an article lists stands for: of the gazetteer's readings, one that
// the annotations found in the text, else one in a country the text names ("Georgia" with
// Atlanta in the body is the US state), else the most likely; nullopt when the gazetteer does
// not know the name.
std::optional<GazetteerPlace> given_place_reading(const Gazetteer& gazetteer, std::string_view name,
                                                  const Annotations& annotations) {
  auto readings = gazetteer.lookup(name);
  if (readings.empty()) return std::nullopt;
  auto found = [&](auto&& same) {
    return std::find_if(readings.begin(), readings.end(), [&](const GazetteerPlace& reading) {
      return std::any_of(annotations.places.begin(), annotations.places.end(),
                         [&](const Place& place) { return same(reading, place); });
    });
  };
  auto chosen = found([](const GazetteerPlace& reading, const Place& place) {
    return place.name == reading.name && place.country == reading.country;
  });
  if (chosen == readings.end()) {
    chosen = found([](const GazetteerPlace& reading, const Place& place) {
      return !place.country.empty() && place.country == reading.country;
    });
  }
  return std::move(chosen == readings.end() ? readings.front() : *chosen);
}

}  // namespace

DocumentBuilder::DocumentBuilder(std::string default_language,
                                 std::shared_ptr<const Gazetteer> place_names,
                                 unsigned title_weight)
    : default_language_(std::move(default_language)),
      place_names_(std::move(place_names)),
      title_weight_(title_weight) {}

DocumentBuilder::Analyzer& DocumentBuilder::analyzer_for(const std::string& language) {
  auto it = analyzers_.find(language);
  if (it != analyzers_.end()) return it->second;
  // Stopwords keep their positional terms (for phrases) but get no stemmed term.
  return analyzers_.try_emplace(language, make_stemmer(language), stopper_for(language))
      .first->second;
}

BuiltDocument DocumentBuilder::build(const Article& article, const Annotations& annotations) {
  if (article.id.empty()) throw InvalidArgumentError("article has no id");
  if (article.body.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw InvalidArgumentError("article " + article.id + " has an empty body");
  }
  BuiltDocument built;
  Xapian::Document& document = built.document;

  // An unknown language falls back to the default rather than losing the article.
  std::string language = article.language.empty() ? "" : stemmer_name(article.language);
  if (language.empty()) language = default_language_;
  if (const std::string code = language_code(language); !code.empty()) {
    document.add_boolean_term(std::string(schema::kLanguage) + code);
  }

  built.id_term = schema::id_term(article.id);
  document.add_boolean_term(built.id_term);

  if (article.date) {
    add_date_terms(document, schema::kDay, schema::kMonth, schema::kYear, *article.date,
                   DatePrecision::day);
    document.add_value(schema::kDateSlot, article.date->compact());
  }
  if (const std::string source = normalize_value(article.source); !source.empty()) {
    document.add_boolean_term(schema::value_term(schema::kSource, source));
    document.add_value(schema::kSourceSlot, source);
  }
  if (!article.url.empty()) {
    document.add_boolean_term(schema::raw_term(schema::kUrl, article.url));
  }

  // Title words count title_weight_ times in the body field, and are also searchable alone under
  // the title prefix; the body starts a gap after them so phrases do not span the two.
  Analyzer& analyzer = analyzer_for(language);
  TextTerms& terms = analyzer.terms;
  terms.set_document(document);
  if (!article.title.empty()) {
    const std::string title = fold_diacritics(article.title);
    terms.index_text(title, 1, schema::kTitle);
    terms.increase_termpos(schema::kPositionGap);
    terms.index_text(title, title_weight_);
    terms.increase_termpos(schema::kPositionGap);
  }
  const std::string body = fold_diacritics(article.body);
  terms.index_text(body);

  // The body alone: copies of a story often differ in their titles.
  built.date = article.date;
  built.signature = text_signature(body, analyzer.words);
  if (built.signature) {
    document.add_value(schema::kSignatureSlot, encode_signature(*built.signature));
    // Copies of a dated article are looked for by day (DaySignatures) instead.
    if (!article.date) {
      for (const auto& term : signature_band_terms(*built.signature))
        document.add_boolean_term(term);
    }
  }

  Article stored = article;
  std::vector<std::string> speakers = article.speakers;
  for (const auto& speaker : annotations.speakers)
    speakers.push_back(speaker.name);
  stored.speakers = unique_values(std::move(speakers));
  Xapian::termpos position = 0;
  for (const auto& name : stored.speakers) {
    document.add_boolean_term(schema::value_term(schema::kSpeaker, name));
    position = add_name_words(document, schema::kSpeakerWord, name, position);
  }

  add_facet_values(document, schema::kSpeakerSlots, stored.speakers);

  // Terms that the stored data does not show still count in the fingerprint.
  std::string unstored_terms;
  std::vector<std::string> places;
  std::vector<std::string> countries;
  auto add_country = [&](const std::string& code) {
    if (code.empty()) return;
    const std::string country = schema::value_term(schema::kCountry, code);
    document.add_boolean_term(country);
    unstored_terms += country + '\n';
    countries.push_back(code);
  };
  for (const auto& name : article.places) {
    const auto reading = place_names_ ? given_place_reading(*place_names_, name, annotations)
                                      : std::optional<GazetteerPlace>();
    if (!reading) {
      places.push_back(name);
      continue;
    }
    // A spelling that differs only in case or diacritics names the same value. The input's
    // is kept when it has the diacritics ("Valparaíso"), not when it is only lower case
    // ("netherlands", as Reuters lists countries).
    const bool has_diacritics = std::any_of(
        name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    places.push_back(has_diacritics && normalize_value(name) == normalize_value(reading->name)
                         ? name
                         : reading->name);
    add_country(reading->country);
  }
  for (const auto& place : annotations.places) {
    places.push_back(place.name);
    add_country(place.country);
  }
  add_facet_values(document, schema::kCountrySlots, unique_values(std::move(countries)));
  stored.places = unique_values(std::move(places));
  position = 0;
  for (const auto& name : stored.places) {
    document.add_boolean_term(schema::value_term(schema::kPlace, name));
    position = add_name_words(document, schema::kPlaceWord, name, position);
  }
  add_facet_values(document, schema::kPlaceSlots, stored.places);

  for (const auto& mention : annotations.dates) {
    add_date_terms(document, schema::kMentionedDay, schema::kMentionedMonth, schema::kMentionedYear,
                   mention.date, mention.precision);
    unstored_terms += mention.date.compact() +
                      static_cast<char>('0' + static_cast<int>(mention.precision)) + '\n';
  }

  const std::string data = encode_document_data(stored);
  built.fingerprint = hex64(fnv1a64(std::to_string(schema::kFormatVersion) + '.' +
                                    std::to_string(schema::kLayoutRevision) + '\0' + language +
                                    '\0' + unstored_terms + '\0' + data));
  document.set_data(data);
  document.add_value(schema::kFingerprintSlot, built.fingerprint);
  return built;
}

}  // namespace newsdex::detail
