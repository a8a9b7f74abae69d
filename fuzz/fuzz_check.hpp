// What the fuzz targets share: a check that stops the run with a message when a property the
// library promises does not hold, so that libFuzzer records the input like any crash.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include <newsdex/article.hpp>

#include "text/utf8.hpp"

namespace newsdex::fuzz {

inline void require(bool holds, const char* what) {
  if (holds) return;
  std::fprintf(stderr, "property violated: %s\n", what);
  std::abort();
}

inline void require_span(const Span& span, std::string_view text, const char* what) {
  require(span.start <= span.end && span.end <= text.size(), what);
}

inline bool valid_utf8(std::string_view text) {
  return detail::find_invalid_utf8(text) == std::string_view::npos;
}

// What every article a reader returns must be: an id, a body with more than white space, and
// valid UTF-8 throughout.
inline void require_readable(const Article& article) {
  require(!article.id.empty(), "an article without an id");
  require(article.body.find_first_not_of(" \t\r\n") != std::string::npos, "an empty body");
  require(valid_utf8(article.body) && valid_utf8(article.title) && valid_utf8(article.id),
          "invalid UTF-8 in an article");
  require(!article.date || article.date->valid(), "an impossible date");
}

}  // namespace newsdex::fuzz
