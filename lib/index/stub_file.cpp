#include "index/stub_file.hpp"

#include <charconv>
#include <fstream>

#include <newsdex/error.hpp>

namespace newsdex::detail {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kStubName = "XAPIANDB";

// A single-file glass database starts with the glass version magic: two bytes, then this.
constexpr std::string_view kGlassMagic = "Xapian Glass";

bool is_single_file_glass(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string start(2 + kGlassMagic.size(), '\0');
  in.read(start.data(), static_cast<std::streamsize>(start.size()));
  return in && std::string_view(start).substr(2) == kGlassMagic;
}

// "HOST:PORT" or "[IPV6]:PORT" into its parts; false for anything else.
bool parse_tcp(std::string_view where, std::string& host, unsigned& port) {
  const std::size_t colon = where.rfind(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  const std::string_view digits = where.substr(colon + 1);
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
  if (error != std::errc() || end != digits.data() + digits.size() || port == 0 || port > 65535) {
    return false;
  }
  std::string_view name = where.substr(0, colon);
  if (name.size() >= 2 && name.front() == '[' && name.back() == ']') {
    name = name.substr(1, name.size() - 2);
  }
  if (name.empty()) return false;
  host = std::string(name);
  return true;
}

}  // namespace

std::string StubEntry::name() const {
  switch (kind) {
    case Kind::local:
      return path.string();
    case Kind::tcp:
      return (host.find(':') == std::string::npos ? host : '[' + host + ']') + ':' +
             std::to_string(port);
    case Kind::program:
      return args.empty() ? program : program + ' ' + args;
  }
  return {};
}

std::vector<StubEntry> read_stub_file(const fs::path& file) {
  std::ifstream in(file);
  if (!in) throw IndexNotFoundError("cannot read the stub file " + file.string());
  const fs::path folder = file.parent_path();
  std::vector<StubEntry> entries;
  std::size_t number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    // As Xapian reads it: the type up to the first space, then the rest of the line as it is.
    const std::size_t space = line.find(' ');
    const std::string type = line.substr(0, space);
    const std::string where = space == std::string::npos ? "" : line.substr(space + 1);
    StubEntry entry;
    entry.line = number;
    const auto bad = [&](const std::string& why) {
      return IndexFormatError(file.string() + ":" + std::to_string(number) + ": " + why);
    };
    if (type == "auto" || type == "glass") {
      if (where.empty()) throw bad("no database named after \"" + type + "\"");
      const fs::path listed(where);
      entry.path = listed.is_absolute() ? listed : folder / listed;
    } else if (type == "remote" && !where.empty() && where[0] == ':') {
      entry.kind = StubEntry::Kind::program;
      const std::size_t gap = where.find(' ');
      entry.program = where.substr(1, gap == std::string::npos ? std::string::npos : gap - 1);
      if (gap != std::string::npos) entry.args = where.substr(gap + 1);
      if (entry.program.empty()) throw bad("no program named after \"remote :\"");
    } else if (type == "remote") {
      entry.kind = StubEntry::Kind::tcp;
      if (!parse_tcp(where, entry.host, entry.port)) {
        throw bad(
            "a remote shard is \"remote HOST:PORT\" (xapian-tcpsrv) or \"remote :PROGRAM "
            "ARGS\" (xapian-progsrv)");
      }
    } else {
      // Most often not a stub file at all but some other file given as the index.
      throw bad("unknown database type \"" + type + "\": " + file.string() +
                " is not an index (neither a Xapian database nor a stub file, whose lines start "
                "with auto, glass or remote)");
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

fs::path stub_file_of(const fs::path& path) {
  std::error_code ignored;
  if (fs::is_directory(path, ignored)) {
    if (fs::exists(path / "iamglass", ignored) || fs::exists(path / "iamchert", ignored)) return {};
    if (fs::exists(path / kStubName, ignored)) return path / kStubName;
    return {};
  }
  if (fs::is_regular_file(path, ignored) && !is_single_file_glass(path)) return path;
  return {};
}

}  // namespace newsdex::detail
