// Xapian's stub database files: a text file (XAPIANDB in a folder, or any file) listing the
// databases to be searched as one, a line each. newsdex reads them itself, rather than leaving
// it to Xapian::Database, so that it can open each database on its own (with its own timeouts,
// and knowing which one fails), while keeping the format Xapian's so Xapian's tools open the
// same files:
//
//   auto shard-0                 a local database (or a further stub), relative to the stub
//   glass /srv/news/shard-1      a local glass database
//   remote 10.0.0.7:33333        a database served by xapian-tcpsrv on HOST:PORT
//   remote :ssh search7 xapian-progsrv /srv/news/shard-2
//                                a database served by a program through its standard streams
//
// Blank lines and lines starting with '#' are skipped.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace newsdex::detail {

struct StubEntry {
  enum class Kind { local, tcp, program };
  Kind kind = Kind::local;
  std::size_t line = 0;        // 1-based line in the stub file
  std::filesystem::path path;  // local: the database, made absolute against the stub's folder
  std::string host;            // tcp
  unsigned port = 0;           // tcp
  std::string program;         // program
  std::string args;            // program

  // How messages name the database: its path, HOST:PORT, or the program and its arguments.
  std::string name() const;
};

// The entries of the stub file `file`, in order. Throws IndexFormatError naming the file and
// line for a line Xapian 1.4 would refuse, and IndexNotFoundError when the file cannot be read.
std::vector<StubEntry> read_stub_file(const std::filesystem::path& file);

// The stub file that `path` is or holds (path/XAPIANDB), or empty when it is neither: a
// database folder, or a single-file glass database.
std::filesystem::path stub_file_of(const std::filesystem::path& path);

}  // namespace newsdex::detail
