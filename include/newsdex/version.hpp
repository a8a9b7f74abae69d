// newsdex/version.hpp: which newsdex a host was compiled against, and which it runs with.
//
// The NEWSDEX_VERSION_* macros (newsdex/version.h) are those of the headers; version() is that of
// the library linked at run time, which can be newer when the shared library was upgraded.
//
//   std::cout << "built with " NEWSDEX_VERSION_STRING ", running " << newsdex::version() << '\n';
//   static_assert(NEWSDEX_VERSION_NUMBER >= 100, "needs newsdex 0.1.0");
#pragma once

#include <string_view>

#include <newsdex/export.h>
#include <newsdex/version.h>

namespace newsdex {

// "MAJOR.MINOR.PATCH" of the library linked at run time. Never throws; thread-safe.
NEWSDEX_EXPORT std::string_view version() noexcept;

}  // namespace newsdex
