// ArticleReader on a file of any bytes, plain or JSON Lines, gzip-compressed or not, with a small
// article limit: it never throws, returns only readable articles and reports problems with the
// file's name.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <sys/mman.h>
#include <unistd.h>

#include <newsdex/ingest.hpp>

#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace newsdex;
  if (size == 0) return 0;
  // The first byte picks the format and the limit, the rest is the file.
  const auto format = static_cast<InputFormat>(data[0] % 3);
  const std::size_t limit = data[0] & 0x80 ? 64 : 4096;
  const int fd = ::memfd_create("fuzz-input", MFD_CLOEXEC);
  fuzz::require(fd >= 0, "memfd_create failed");
  for (std::size_t done = 1; done < size;) {
    const ssize_t wrote = ::write(fd, data + done, size - done);
    fuzz::require(wrote > 0, "write failed");
    done += static_cast<std::size_t>(wrote);
  }
  const std::string path = "/proc/self/fd/" + std::to_string(fd);
  {
    ArticleReader reader({path}, {.format = format, .max_article_bytes = limit});
    std::size_t articles = 0;
    while (auto article = reader.next()) {
      fuzz::require_readable(*article);
      // Repairing a bad byte makes three (U+FFFD), so a repaired article may outgrow the limit.
      fuzz::require(article->body.size() <= 3 * limit, "an article over the limit");
      fuzz::require(reader.location().file == path, "an article from another file");
      fuzz::require(++articles <= size, "more articles than bytes");
    }
    for (const auto& problem : reader.take_problems()) {
      fuzz::require(problem.file == path, "a problem naming another file");
      fuzz::require(!problem.message.empty(), "a problem without a message");
    }
  }
  ::close(fd);
  return 0;
}
