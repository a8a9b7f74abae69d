// Dates of JSON Lines records, which come as "YYYY-MM-DD" or as full ISO 8601 timestamps.
#pragma once

#include <optional>
#include <string_view>

#include <newsdex/article.hpp>

namespace newsdex::detail {

// The calendar date of "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS[.fraction]][Z|±HH[:MM]]" (a space
// may stand for the T), as written: no time zone conversion, since a news date is the day the
// outlet printed. nullopt for anything else, including impossible dates and times.
std::optional<Date> date_of_timestamp(std::string_view text);

}  // namespace newsdex::detail
