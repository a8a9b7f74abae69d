// JSON Lines records, parsed with nlohmann's SAX interface straight into an Article: no document
// tree is built, and the strings the parser decodes are moved, not copied.
#include <cstdint>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include <newsdex/error.hpp>
#include <newsdex/ingest.hpp>

#include "ingest/article_text.hpp"
#include "ingest/timestamp.hpp"
#include "text/utf8.hpp"

namespace newsdex {

namespace detail {

namespace {

// Parses exactly `count` digits at text[pos] into `value`, within [low, high].
bool number_at(std::string_view text, std::size_t pos, std::size_t count, int low, int high,
               int& value) {
  if (pos + count > text.size()) return false;
  value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    value = value * 10 + (text[i] - '0');
  }
  return value >= low && value <= high;
}

// Whether `text` is a valid time of day with optional zone: HH:MM[:SS[.fff]][Z|±HH[:MM|MM]].
bool is_time_with_zone(std::string_view text) {
  int value;
  if (!number_at(text, 0, 2, 0, 23, value) || text.size() < 5 || text[2] != ':' ||
      !number_at(text, 3, 2, 0, 59, value)) {
    return false;
  }
  std::size_t pos = 5;
  if (pos < text.size() && text[pos] == ':') {
    if (!number_at(text, pos + 1, 2, 0, 60, value)) return false;  // 60: a leap second
    pos += 3;
    if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
      const std::size_t digits = ++pos;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9')
        ++pos;
      if (pos == digits) return false;
    }
  }
  if (pos == text.size()) return true;
  if ((text[pos] == 'Z' || text[pos] == 'z') && pos + 1 == text.size()) return true;
  if (text[pos] != '+' && text[pos] != '-') return false;
  const std::string_view zone = text.substr(pos + 1);
  if (!number_at(zone, 0, 2, 0, 23, value)) return false;
  if (zone.size() == 2) return true;
  const std::size_t minutes = zone[2] == ':' ? 3 : 2;
  return zone.size() == minutes + 2 && number_at(zone, minutes, 2, 0, 59, value);
}

}  // namespace

std::optional<Date> date_of_timestamp(std::string_view text) {
  const std::optional<Date> date = Date::parse(text.substr(0, 10));
  if (!date || text.size() == 10) return date;
  const char separator = text[10];
  if (separator != 'T' && separator != 't' && separator != ' ') return std::nullopt;
  if (!is_time_with_zone(text.substr(11))) return std::nullopt;
  return date;
}

}  // namespace detail

namespace {

using Json = nlohmann::json;

enum class Field { id, date, title, body, source, url, lang, speakers, places, other };

Field field_named(std::string_view key) {
  static constexpr std::pair<std::string_view, Field> kFields[] = {
      {"id", Field::id},     {"date", Field::date},         {"title", Field::title},
      {"body", Field::body}, {"source", Field::source},     {"url", Field::url},
      {"lang", Field::lang}, {"speakers", Field::speakers}, {"places", Field::places}};
  for (const auto& [name, field] : kFields) {
    if (key == name) return field;
  }
  return Field::other;
}

// Fills a record's fields from SAX events, checking their types. Depth 1 holds the record's
// members; deeper events belong to the elements of a list field or to the value of an ignored one.
class RecordHandler {
 public:
  struct Record {
    std::optional<std::string> id, date, title, body, source, url, lang;
    std::vector<std::string> speakers, places;
  };

  Record record;
  std::string error;  // why parsing stopped, when it did

  bool null() { return scalar("null"); }
  bool boolean(bool) { return scalar("a boolean"); }
  bool number_integer(Json::number_integer_t value) { return integer(std::to_string(value)); }
  bool number_unsigned(Json::number_unsigned_t value) { return integer(std::to_string(value)); }
  bool number_float(Json::number_float_t, const Json::string_t&) { return scalar("a number"); }
  bool string(Json::string_t& value) { return scalar("a string", &value); }
  bool binary(Json::binary_t&) { return scalar("binary data"); }
  bool start_object(std::size_t) { return open(true); }
  bool end_object() { return close(); }
  bool start_array(std::size_t) { return open(false); }
  bool end_array() { return close(); }

  bool key(Json::string_t& name) {
    if (depth_ == 1) field_ = field_named(name);
    return true;
  }

  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& exception) {
    // what() reads "[json.exception.parse_error.101] parse error at line 1, column 7: syntax
    // error while parsing value - ..."; keep the column and the reason.
    const std::string_view what = exception.what();
    const std::size_t column = what.find("column ");
    error = column == std::string_view::npos
                ? "invalid JSON: " + std::string(what)
                : "invalid JSON at " + std::string(what.substr(column));
    return false;
  }

 private:
  std::string field_name() const {
    static constexpr const char* kNames[] = {"id",  "date", "title",    "body",  "source",
                                             "url", "lang", "speakers", "places"};
    return '"' + std::string(kNames[static_cast<int>(field_)]) + '"';
  }

  bool is_list() const { return field_ == Field::speakers || field_ == Field::places; }

  bool type_error(const std::string& found) {
    const char* expected = is_list()             ? "an array of strings"
                           : field_ == Field::id ? "a string or an integer"
                                                 : "a string";
    error = field_name() + " must be " + expected + ", not " + found;
    return false;
  }

  bool not_an_object(const char* found) {
    error = std::string("a record must be a JSON object, not ") + found;
    return false;
  }

  bool open(bool object) {
    const char* kind = object ? "an object" : "an array";
    if (depth_ == 0) {
      if (!object) return not_an_object(kind);
    } else if (depth_ == 1 && field_ != Field::other) {
      if (!is_list() || object) return type_error(kind);
      in_list_ = true;
    } else if (depth_ == 2 && in_list_) {
      return type_error(std::string("an array holding ") + kind);
    }
    ++depth_;
    return true;
  }

  bool close() {
    if (--depth_ == 1) in_list_ = false;
    return true;
  }

  // Integers are accepted as ids, since many feeds number their articles.
  bool integer(std::string digits) {
    if (depth_ == 1 && field_ == Field::id) {
      record.id = std::move(digits);
      return true;
    }
    return scalar("a number");
  }

  // A value that is neither object nor array: `kind` names its type, `text` is the string.
  bool scalar(const char* kind, Json::string_t* text = nullptr) {
    if (depth_ == 0) return not_an_object(kind);
    if (depth_ == 2 && in_list_) {
      if (text == nullptr) return type_error(std::string("an array holding ") + kind);
      auto& list = field_ == Field::speakers ? record.speakers : record.places;
      const std::string_view value = detail::trim(*text);
      if (!value.empty()) list.emplace_back(value);
      return true;
    }
    if (depth_ != 1 || field_ == Field::other) return true;
    if (text == nullptr) {
      // null stands for an absent field, as many exporters write it.
      return std::string_view(kind) == "null" || type_error(kind);
    }
    if (is_list()) return type_error(kind);
    std::optional<std::string>* const slots[] = {&record.id,   &record.date,   &record.title,
                                                 &record.body, &record.source, &record.url,
                                                 &record.lang};
    *slots[static_cast<int>(field_)] = std::move(*text);
    return true;
  }

  int depth_ = 0;
  Field field_ = Field::other;
  bool in_list_ = false;
};

std::string trimmed(const std::optional<std::string>& value) {
  return value ? std::string(detail::trim(*value)) : std::string();
}

}  // namespace

Article parse_json_article(std::string_view json, std::string_view file, std::size_t line,
                           std::vector<InputProblem>* warnings) {
  const std::string file_name(file);
  std::string repaired;
  if (detail::find_invalid_utf8(json) != std::string_view::npos) {
    if (warnings != nullptr) {
      warnings->push_back({file_name, line, "invalid UTF-8 replaced with U+FFFD", false});
    }
    repaired = detail::repair_utf8(json);
    json = repaired;
  }

  RecordHandler handler;
  if (!Json::sax_parse(json.begin(), json.end(), &handler)) {
    throw InputError(file_name, line, handler.error);
  }
  RecordHandler::Record& record = handler.record;

  Article article;
  if (!record.body) throw InputError(file_name, line, "missing \"body\"");
  article.body = detail::normalize_body(*record.body);
  if (article.body.empty()) throw InputError(file_name, line, "empty \"body\"");
  if (record.date) {
    article.date = detail::date_of_timestamp(detail::trim(*record.date));
    if (!article.date) {
      throw InputError(
          file_name, line,
          "invalid date \"" + *record.date + "\" (expected YYYY-MM-DD or an ISO 8601 timestamp)");
    }
  }
  article.id = trimmed(record.id);
  if (article.id.empty()) article.id = derive_id(article.body);
  article.title = trimmed(record.title);
  if (article.title.empty()) article.title = detail::first_sentence(article.body);
  article.source = trimmed(record.source);
  article.url = trimmed(record.url);
  article.language = trimmed(record.lang);
  article.speakers = std::move(record.speakers);
  article.places = std::move(record.places);
  return article;
}

}  // namespace newsdex
