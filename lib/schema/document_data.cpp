#include "schema/document_data.hpp"

#include <nlohmann/json.hpp>

#include <newsdex/error.hpp>

namespace newsdex::detail {

namespace {

void put(nlohmann::ordered_json& object, const char* key, const std::string& value) {
  if (!value.empty()) object[key] = value;
}

void put(nlohmann::ordered_json& object, const char* key, const std::vector<std::string>& values) {
  if (!values.empty()) object[key] = values;
}

std::string string_field(const nlohmann::json& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end()) return {};
  if (!it->is_string())
    throw IndexFormatError(std::string("stored field \"") + key + "\" is not a string");
  return it->get<std::string>();
}

std::vector<std::string> list_field(const nlohmann::json& object, const char* key) {
  std::vector<std::string> values;
  const auto it = object.find(key);
  if (it == object.end()) return values;
  if (!it->is_array())
    throw IndexFormatError(std::string("stored field \"") + key + "\" is not a list");
  for (const auto& value : *it) {
    if (!value.is_string())
      throw IndexFormatError(std::string("stored field \"") + key + "\" holds a non-string");
    values.push_back(value.get<std::string>());
  }
  return values;
}

}  // namespace

std::string encode_document_data(const Article& article) {
  nlohmann::ordered_json object;
  put(object, "id", article.id);
  if (article.date) object["date"] = article.date->iso();
  put(object, "title", article.title);
  put(object, "source", article.source);
  put(object, "url", article.url);
  put(object, "lang", article.language);
  put(object, "speakers", article.speakers);
  put(object, "places", article.places);
  put(object, "body", article.body);
  // Bodies were made valid UTF-8 by the readers; replacing keeps a host's odd input storable.
  return object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Article decode_document_data(std::string_view data) {
  const auto object = nlohmann::json::parse(data, nullptr, false);
  if (!object.is_object()) throw IndexFormatError("stored document data is not a JSON object");
  Article article;
  article.id = string_field(object, "id");
  const std::string date = string_field(object, "date");
  if (!date.empty()) {
    article.date = Date::parse(date);
    if (!article.date) throw IndexFormatError("stored date \"" + date + "\" is invalid");
  }
  article.title = string_field(object, "title");
  article.source = string_field(object, "source");
  article.url = string_field(object, "url");
  article.language = string_field(object, "lang");
  article.speakers = list_field(object, "speakers");
  article.places = list_field(object, "places");
  article.body = string_field(object, "body");
  return article;
}

}  // namespace newsdex::detail
