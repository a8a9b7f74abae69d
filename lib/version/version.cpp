#include <newsdex/version.hpp>

namespace newsdex {

std::string_view version() noexcept {
  return NEWSDEX_VERSION_STRING;
}

}  // namespace newsdex
