#include "schema/schema.hpp"

#include <newsdex/error.hpp>

#include "text/fold.hpp"
#include "text/hash.hpp"

namespace newsdex::detail::schema {

namespace {

// Cuts `term` to fit kMaxTermBytes, ending in a hash of the whole so distinct long values keep
// distinct terms. The cut never splits a UTF-8 sequence.
std::string fit_term(std::string term) {
  if (term.size() <= kMaxTermBytes) return term;
  std::string suffix(1, '#');
  suffix += hex64(fnv1a64(term));
  std::size_t keep = kMaxTermBytes - suffix.size();
  while (keep > 0 && (static_cast<unsigned char>(term[keep]) & 0xC0) == 0x80)
    --keep;
  term.resize(keep);
  return term + suffix;
}

}  // namespace

void check_format(const std::string& format, const std::string& path) {
  if (format.empty() || format.size() > 9 ||
      format.find_first_not_of("0123456789") != std::string::npos) {
    throw IndexFormatError("index at " + path + " has an unreadable format marker \"" + format +
                           "\"");
  }
  const int version = std::stoi(format);
  const std::string ours = std::to_string(kFormatVersion);
  if (version > kFormatVersion) {
    throw IndexFormatError("index at " + path + " has format " + format +
                           ", newer than this newsdex reads (" + ours + ")");
  }
  if (version < kFormatVersion) {
    throw IndexFormatError("index at " + path + " has format " + format +
                           ", older than this newsdex reads (" + ours +
                           "): index the articles again into a new index");
  }
}

unsigned stored_title_weight(const std::string& metadata) {
  if (metadata.empty() || metadata.size() > 3 ||
      metadata.find_first_not_of("0123456789") != std::string::npos) {
    return kDefaultTitleWeight;
  }
  const int weight = std::stoi(metadata);
  return weight >= 1 ? static_cast<unsigned>(weight) : kDefaultTitleWeight;
}

std::string raw_term(std::string_view prefix, std::string_view value) {
  return fit_term(std::string(prefix) + std::string(value));
}

std::string id_term(std::string_view id) {
  return raw_term(kId, id);
}

std::string value_term(std::string_view prefix, std::string_view value) {
  const std::string normalized = normalize_value(value);
  if (normalized.empty()) return {};
  return fit_term(std::string(prefix) + normalized);
}

std::string day_term(std::string_view prefix, const Date& date) {
  return std::string(prefix) + date.compact();
}

std::string month_term(std::string_view prefix, const Date& date) {
  return std::string(prefix) + date.compact().substr(0, 6);
}

std::string year_term(std::string_view prefix, const Date& date) {
  return std::string(prefix) + date.compact().substr(0, 4);
}

}  // namespace newsdex::detail::schema
