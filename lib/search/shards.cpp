#include "search/shards.hpp"

#include <newsdex/error.hpp>

namespace newsdex::detail {

namespace fs = std::filesystem;

namespace {

// Deeper nesting than any sensible layout; it stops a stub that lists itself.
constexpr int kMaxStubDepth = 8;

void add_shards(const fs::path& path, int depth, std::vector<StubEntry>& shards) {
  const fs::path stub = stub_file_of(path);
  if (stub.empty()) {
    StubEntry entry;
    entry.path = path;
    shards.push_back(std::move(entry));
    return;
  }
  if (depth >= kMaxStubDepth) {
    throw IndexFormatError(stub.string() + ": stub files nested more than " +
                           std::to_string(kMaxStubDepth) + " deep");
  }
  const std::vector<StubEntry> entries = read_stub_file(stub);
  if (entries.empty()) throw IndexFormatError(stub.string() + " lists no database");
  for (const auto& entry : entries) {
    if (entry.kind == StubEntry::Kind::local) {
      add_shards(entry.path, depth + 1, shards);
    } else {
      shards.push_back(entry);
    }
  }
}

unsigned milliseconds(std::chrono::milliseconds duration) {
  return static_cast<unsigned>(duration.count());
}

}  // namespace

std::vector<StubEntry> list_shards(const fs::path& path) {
  std::vector<StubEntry> shards;
  add_shards(path, 0, shards);
  return shards;
}

Xapian::Database open_shard(const StubEntry& shard, const RemoteTimeouts& timeouts) {
  switch (shard.kind) {
    case StubEntry::Kind::local:
      return Xapian::Database(shard.path.string());
    case StubEntry::Kind::tcp:
      return Xapian::Remote::open(shard.host, shard.port, milliseconds(timeouts.read),
                                  milliseconds(timeouts.connect));
    case StubEntry::Kind::program:
      return Xapian::Remote::open(shard.program, shard.args, milliseconds(timeouts.read));
  }
  throw IndexFormatError("unknown kind of shard " + shard.name());
}

std::optional<std::size_t> shard_of_context(const std::vector<StubEntry>& shards,
                                            const std::string& context) {
  if (context.empty()) return std::nullopt;
  for (std::size_t i = 0; i < shards.size(); ++i) {
    const StubEntry& shard = shards[i];
    if (shard.kind == StubEntry::Kind::tcp &&
        context == "remote:tcp(" + shard.host + ':' + std::to_string(shard.port) + ')') {
      return i;
    }
    // Some Xapian releases leave out the closing parenthesis of a program's context.
    const std::string program = "remote:prog(" + shard.program + ' ' + shard.args;
    if (shard.kind == StubEntry::Kind::program &&
        (context == program || context == program + ')')) {
      return i;
    }
  }
  return std::nullopt;
}

bool is_network_error(const Xapian::Error& error) {
  const std::string type = error.get_type();
  return type == "NetworkError" || type == "NetworkTimeoutError";
}

}  // namespace newsdex::detail
