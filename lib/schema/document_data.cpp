#include "schema/document_data.hpp"

#include <algorithm>
#include <string_view>

#include <nlohmann/json.hpp>
#include <rapidjson/reader.h>

#include <newsdex/error.hpp>

#include "text/utf8.hpp"

namespace newsdex::detail {

namespace {

void put(nlohmann::ordered_json& object, const char* key, const std::string& value) {
  if (!value.empty()) object[key] = value;
}

void put(nlohmann::ordered_json& object, const char* key, const std::vector<std::string>& values) {
  if (!values.empty()) object[key] = values;
}

// Reads the stored object as it is parsed (rapidjson's SAX reader, several times faster than
// building a JSON tree: results decode the data of every hit, bodies included). Fields it does
// not know are skipped, so that a later format may add some.
class StoredArticleReader
    : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, StoredArticleReader> {
 public:
  StoredArticleReader(Article& article, StoredBody body) : article_(article), body_(body) {}

  bool Key(const char* text, rapidjson::SizeType length, bool) {
    if (depth_ != 1) return true;
    const std::string_view key(text, length);
    if (key == "body" && body_ == StoredBody::skip) {
      stopped_at_body_ = true;
      return false;
    }
    key_ = key;
    text_ = nullptr;
    list_ = nullptr;
    date_ = key == "date";
    if (key == "id") text_ = &article_.id;
    if (key == "title") text_ = &article_.title;
    if (key == "source") text_ = &article_.source;
    if (key == "url") text_ = &article_.url;
    if (key == "lang") text_ = &article_.language;
    if (key == "body") text_ = &article_.body;
    if (key == "speakers") list_ = &article_.speakers;
    if (key == "places") list_ = &article_.places;
    return true;
  }

  bool String(const char* text, rapidjson::SizeType length, bool) {
    if (depth_ == 1) {
      if (list_) return fail("is not a list");
      if (text_) text_->assign(text, length);
      if (date_) date_text_.assign(text, length);
    } else if (depth_ == 2 && in_list_) {
      list_->emplace_back(text, length);
    }
    return depth_ > 0 || fail_not_object();
  }

  bool StartObject() { return open(); }
  bool EndObject(rapidjson::SizeType) { return close(); }
  bool StartArray() {
    if (depth_ == 0) return fail_not_object();
    if (depth_ == 1 && list_) {
      in_list_ = true;
      ++depth_;
      return true;
    }
    return open();
  }
  bool EndArray(rapidjson::SizeType) { return close(); }
  // Numbers, booleans and null.
  bool Default() { return depth_ == 0 ? fail_not_object() : scalar(); }

  const std::string& problem() const { return problem_; }
  bool stopped_at_body() const { return stopped_at_body_; }
  const std::string& date_text() const { return date_text_; }

 private:
  bool open() {
    if (depth_ == 1 && (text_ || date_)) return fail("is not a string");
    if (depth_ == 1 && list_) return fail("is not a list");
    if (depth_ == 2 && in_list_) return fail("holds a non-string");
    ++depth_;
    return true;
  }
  bool close() {
    --depth_;
    if (depth_ == 1) in_list_ = false;
    return true;
  }
  bool scalar() {
    if (depth_ == 1 && (text_ || date_)) return fail("is not a string");
    if (depth_ == 1 && list_) return fail("is not a list");
    if (depth_ == 2 && in_list_) return fail("holds a non-string");
    return true;
  }
  bool fail(const char* what) {
    problem_ = "stored field \"" + key_ + "\" " + what;
    return false;
  }
  bool fail_not_object() {
    problem_ = "stored document data is not a JSON object";
    return false;
  }

  Article& article_;
  StoredBody body_;
  bool stopped_at_body_ = false;
  int depth_ = 0;  // 1 inside the article's object
  std::string key_;
  std::string* text_ = nullptr;               // the string field being read
  std::vector<std::string>* list_ = nullptr;  // the list field being read
  bool date_ = false;
  bool in_list_ = false;
  std::string date_text_;
  std::string problem_;
};

// Appends `text` as a JSON string, byte for byte as nlohmann::json::dump() writes valid UTF-8
// (the fingerprints of indexed articles hash these bytes, so they must not change): quotes,
// backslashes and control characters escaped, the short forms where JSON has them, the others as
// \u00xx with lower-case hex digits; everything else as it is.
void append_json_string(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default: {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x20) {
          out.push_back(c);
        } else {
          out += "\\u00";
          out.push_back(kHex[byte >> 4]);
          out.push_back(kHex[byte & 0xf]);
        }
      }
    }
  }
  out.push_back('"');
}

bool all_valid_utf8(const Article& article) {
  auto valid = [](std::string_view text) {
    return find_invalid_utf8(text) == std::string_view::npos;
  };
  auto all_valid = [&](const std::vector<std::string>& texts) {
    return std::all_of(texts.begin(), texts.end(), valid);
  };
  return valid(article.id) && valid(article.title) && valid(article.source) && valid(article.url) &&
         valid(article.language) && valid(article.body) && all_valid(article.speakers) &&
         all_valid(article.places);
}

// What encode_document_data() makes of text that is not all valid UTF-8: nlohmann's replacement
// of the bad bytes. The readers hand only valid UTF-8; this keeps a host's odd input storable.
std::string encode_with_replacement(const Article& article) {
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
  return object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::string encode_document_data(const Article& article) {
  if (!all_valid_utf8(article)) return encode_with_replacement(article);
  std::string out;
  out.reserve(article.body.size() + article.title.size() + 256);
  out.push_back('{');
  auto key = [&](const char* name) {
    if (out.size() > 1) out.push_back(',');
    out.push_back('"');
    out += name;
    out += "\":";
  };
  auto text = [&](const char* name, const std::string& value) {
    if (value.empty()) return;
    key(name);
    append_json_string(out, value);
  };
  auto list = [&](const char* name, const std::vector<std::string>& values) {
    if (values.empty()) return;
    key(name);
    out.push_back('[');
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i > 0) out.push_back(',');
      append_json_string(out, values[i]);
    }
    out.push_back(']');
  };
  text("id", article.id);
  if (article.date) text("date", article.date->iso());
  text("title", article.title);
  text("source", article.source);
  text("url", article.url);
  text("lang", article.language);
  list("speakers", article.speakers);
  list("places", article.places);
  text("body", article.body);
  out.push_back('}');
  return out;
}

Article decode_document_data(std::string data, StoredBody body) {
  Article article;
  // JSON text holds no NUL byte; the in-place parse below would take one for the end.
  if (data.find('\0') != std::string::npos) {
    throw IndexFormatError("stored document data is not a JSON object");
  }
  StoredArticleReader handler(article, body);
  // Parsed in place, strings unescaped where they lie: rapidjson 1.1 otherwise copies them onto
  // a stack that starts as a null pointer, and offsets it (undefined behaviour).
  rapidjson::InsituStringStream stream(data.data());
  rapidjson::Reader reader;
  const bool parsed =
      reader.Parse<rapidjson::kParseInsituFlag | rapidjson::kParseValidateEncodingFlag>(stream,
                                                                                        handler);
  if (!handler.problem().empty()) throw IndexFormatError(handler.problem());
  if (!parsed && !handler.stopped_at_body())
    throw IndexFormatError("stored document data is not a JSON object");
  if (!handler.date_text().empty()) {
    article.date = Date::parse(handler.date_text());
    if (!article.date)
      throw IndexFormatError("stored date \"" + handler.date_text() + "\" is invalid");
  }
  return article;
}

}  // namespace newsdex::detail
