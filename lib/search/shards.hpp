// The databases an index is made of, opened one by one: the index itself, or every database its
// stub file lists (nested stubs followed), local folders and remote databases served by stock
// xapian-tcpsrv or xapian-progsrv alike. Opening them one by one, rather than handing the stub to
// Xapian, gives each remote its timeouts and lets a search name the shard that failed and go on
// without it: Xapian 1.4 cannot skip a failed sub-database within one Enquire.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "index/stub_file.hpp"

namespace newsdex::detail {

struct RemoteTimeouts {
  std::chrono::milliseconds read{10000};     // for each answer of a remote
  std::chrono::milliseconds connect{10000};  // for a TCP connection to be accepted
};

// Every database of the index at `path`, in the order Xapian numbers them: one local entry for
// a plain database. Throws IndexFormatError for a bad stub line, a stub that lists no database
// or stubs nested too deep (a loop).
std::vector<StubEntry> list_shards(const std::filesystem::path& path);

// Opens one database; a remote one with `timeouts`. Throws Xapian::Error.
Xapian::Database open_shard(const StubEntry& shard, const RemoteTimeouts& timeouts);

// The position in `shards` of the remote whose errors Xapian marks with `context`
// ("remote:tcp(HOST:PORT)"), or nullopt.
std::optional<std::size_t> shard_of_context(const std::vector<StubEntry>& shards,
                                            const std::string& context);

// Whether a Xapian error means a remote did not answer (refused, closed, timed out) rather than
// a problem of the data.
bool is_network_error(const Xapian::Error& error);

}  // namespace newsdex::detail
