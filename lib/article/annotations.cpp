#include <newsdex/annotations.hpp>

namespace newsdex {

std::string_view to_string(PlaceKind kind) {
  switch (kind) {
    case PlaceKind::country:
      return "country";
    case PlaceKind::region:
      return "region";
    case PlaceKind::city:
      return "city";
    case PlaceKind::other:
      break;
  }
  return "other";
}

}  // namespace newsdex
