#include "index/database_errors.hpp"

#include <filesystem>

#include <newsdex/error.hpp>

namespace newsdex::detail {

void rethrow_xapian_error(const Xapian::Error& error, const std::string& path) {
  // Xapian's exceptions have no virtual functions in 1.4, so the type name tells them apart.
  const std::string type = error.get_type();
  const std::string detail = error.get_description();
  if (type == "DatabaseLockError") {
    throw IndexLockedError("index at " + path + " is locked by another writer");
  }
  if (type == "DatabaseVersionError") {
    throw IndexFormatError(path +
                           " uses a Xapian database format this build cannot read: " + detail);
  }
  if (type == "DatabaseCorruptError") {
    throw IndexFormatError("index at " + path + " is damaged: " + detail);
  }
  if (type == "DatabaseNotFoundError") {
    throw IndexNotFoundError("no index at " + path);
  }
  if (type == "UnimplementedError") {
    // A query Xapian's matcher cannot run; the parser let it through, so no position is known.
    throw QueryError("Xapian cannot run this query: " + error.get_msg(), 0);
  }
  if (type == "DatabaseOpeningError") {
    throw IndexFormatError(path + " is not an index: " + detail);
  }
  throw IoError("index at " + path + ": " + detail);
}

bool looks_like_database(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ignored;
  if (fs::is_regular_file(path, ignored)) return true;  // a stub database file
  for (const char* marker : {"iamglass", "iamchert", "XAPIANDB"}) {
    if (fs::exists(fs::path(path) / marker, ignored)) return true;
  }
  return false;
}

}  // namespace newsdex::detail
