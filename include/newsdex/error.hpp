// newsdex/error.hpp: the exceptions the library throws.
//
// Every error newsdex reports is a newsdex::Error, so a host needs one catch clause; the
// subclasses say what went wrong in terms a user can act on, and never expose Xapian types.
// Each function's comment says which it throws; any function that allocates may also throw
// std::bad_alloc. The library never aborts or exits the host process. Exceptions are values:
// what() and the accessors stay valid while the exception object lives.
//
//   try {
//     auto index = newsdex::Index::open("news.db");
//   } catch (const newsdex::IndexNotFoundError& e) {
//     std::cerr << e.what() << '\n';  // "no index at news.db: ..."
//   }
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

#include <newsdex/export.h>

namespace newsdex {

// Base of every exception the library throws. The classes below are exported with their type
// information, so a host catches them by type across the shared library boundary.
class NEWSDEX_EXPORT Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
  ~Error() override;
};

// An article that cannot be read: what() is "FILE:LINE: message" (LINE omitted when 0).
class NEWSDEX_EXPORT InputError : public Error {
 public:
  InputError(std::string file, std::size_t line, const std::string& message);
  ~InputError() override;
  const std::string& file() const noexcept { return file_; }
  // 1-based line of the article in its file; 0 when the problem concerns the whole file.
  std::size_t line() const noexcept { return line_; }
  // The message without the "FILE:LINE: " location.
  const std::string& message() const noexcept { return message_; }

 private:
  std::string file_;
  std::size_t line_;
  std::string message_;
};

// A query string that cannot be parsed; position() is the 0-based byte offset of the problem.
class NEWSDEX_EXPORT QueryError : public Error {
 public:
  QueryError(const std::string& message, std::size_t position);
  ~QueryError() override;
  std::size_t position() const noexcept { return position_; }

 private:
  std::size_t position_;
};

// An option or argument value the library cannot use (an unknown language, a zero limit).
class NEWSDEX_EXPORT InvalidArgumentError : public Error {
 public:
  using Error::Error;
  ~InvalidArgumentError() override;
};

// No index exists at the path given to a read-only open.
class NEWSDEX_EXPORT IndexNotFoundError : public Error {
 public:
  using Error::Error;
  ~IndexNotFoundError() override;
};

// Another writer holds the index's write lock.
class NEWSDEX_EXPORT IndexLockedError : public Error {
 public:
  using Error::Error;
  ~IndexLockedError() override;
};

// The path holds something that is not a newsdex index this version can read: another
// program's Xapian database, a newer newsdex format, or damaged files.
class NEWSDEX_EXPORT IndexFormatError : public Error {
 public:
  using Error::Error;
  ~IndexFormatError() override;
};

// Reading or writing the index or an input failed at the operating-system level (disk full,
// permission denied) or inside Xapian for a reason not covered above.
class NEWSDEX_EXPORT IoError : public Error {
 public:
  using Error::Error;
  ~IoError() override;
};

// Shards of a sharded index did not answer: refused the connection, closed it, or took longer
// than IndexOptions::remote_timeout. shards() names them as the stub file does.
class NEWSDEX_EXPORT ShardUnavailableError : public IoError {
 public:
  ShardUnavailableError(const std::string& message, std::vector<std::string> shards);
  ~ShardUnavailableError() override;
  const std::vector<std::string>& shards() const noexcept { return shards_; }

 private:
  std::vector<std::string> shards_;
};

}  // namespace newsdex
