// Translation of Xapian's exceptions into newsdex::Error subclasses, done once at the boundary
// so no Xapian type reaches a host.
#pragma once

#include <string>

#include <xapian.h>

namespace newsdex::detail {

// Rethrows the Xapian::Error `error` as the matching newsdex::Error, naming `path`.
[[noreturn]] void rethrow_xapian_error(const Xapian::Error& error, const std::string& path);

// Whether `path` looks like a Xapian database (a folder holding one, or a stub file).
bool looks_like_database(const std::string& path);

}  // namespace newsdex::detail
