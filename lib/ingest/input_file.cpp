#include "ingest/input_file.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <newsdex/error.hpp>

namespace newsdex::detail {

namespace {

constexpr std::size_t kCompressedBlock = std::size_t{256} << 10;
// zlib counts in unsigned int; larger requests are served in several calls.
constexpr std::size_t kMaxZlibRequest = std::size_t{1} << 30;

std::string system_reason(int error) {
  return std::generic_category().message(error);
}

}  // namespace

struct InputFile::Inflater {
  z_stream stream{};
  std::unique_ptr<unsigned char[]> input{new unsigned char[kCompressedBlock]};
  bool member_done = false;  // the last gzip member ended; another may follow (as gzip -c a b)

  Inflater() {
    // 16 + MAX_WBITS: gzip wrapper only, since the magic number has been seen.
    if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) throw IoError("cannot start gzip decoder");
  }
  ~Inflater() { inflateEnd(&stream); }
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;
};

InputFile::InputFile(const std::string& path) {
  if (path == "-") {
    fd_ = STDIN_FILENO;
  } else {
    do {
      fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    } while (fd_ < 0 && errno == EINTR);
    if (fd_ < 0) throw IoError(system_reason(errno));
    owns_fd_ = true;
  }
  struct stat info {};
  if (::fstat(fd_, &info) == 0) {
    if (S_ISDIR(info.st_mode)) {
      if (owns_fd_) ::close(fd_);
      throw IoError(system_reason(EISDIR));
    }
    if (S_ISREG(info.st_mode)) {
      stored_size_ = static_cast<std::size_t>(info.st_size);
      ::posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
    }
  }
}

InputFile::~InputFile() {
  if (owns_fd_) ::close(fd_);
}

bool InputFile::gzip() const {
  return inflater_ != nullptr;
}

std::size_t InputFile::read_raw(char* out, std::size_t size) {
  if (raw_end_ || size == 0) return 0;
  for (;;) {
    const ssize_t got = ::read(fd_, out, size);
    if (got > 0) return static_cast<std::size_t>(got);
    if (got == 0) {
      raw_end_ = true;
      return 0;
    }
    if (errno != EINTR) throw IoError("read failed: " + system_reason(errno));
  }
}

std::size_t InputFile::read(char* out, std::size_t size) {
  if (size == 0) return 0;
  if (!sniffed_) {
    // Read until two bytes are in, so that a pipe delivering one byte at a time is still sniffed;
    // no more than the inflater's input block, where the bytes go if they are gzip.
    const std::size_t first_read = std::min(size, kCompressedBlock);
    std::size_t got = read_raw(out, first_read);
    while (got > 0 && got < 2 && first_read >= 2) {
      const std::size_t more = read_raw(out + got, first_read - got);
      if (more == 0) break;
      got += more;
    }
    sniffed_ = true;
    const bool magic = got >= 2 && static_cast<unsigned char>(out[0]) == 0x1f &&
                       static_cast<unsigned char>(out[1]) == 0x8b;
    if (!magic) return got;
    inflater_ = std::make_unique<Inflater>();
    std::memcpy(inflater_->input.get(), out, got);
    inflater_->stream.next_in = inflater_->input.get();
    inflater_->stream.avail_in = static_cast<uInt>(got);
  }
  if (!inflater_) return read_raw(out, size);
  return inflate_into(out, size);
}

std::size_t InputFile::inflate_into(char* out, std::size_t size) {
  z_stream& stream = inflater_->stream;
  const std::size_t request = size < kMaxZlibRequest ? size : kMaxZlibRequest;
  stream.next_out = reinterpret_cast<unsigned char*>(out);
  stream.avail_out = static_cast<uInt>(request);
  while (stream.avail_out > 0) {
    if (stream.avail_in == 0) {
      const std::size_t got =
          read_raw(reinterpret_cast<char*>(inflater_->input.get()), kCompressedBlock);
      if (got == 0) {
        // Hand out what was inflated before reporting the truncation, so that the lines before
        // the cut are still read.
        if (!inflater_->member_done && stream.avail_out == request) {
          throw IoError("gzip data is truncated");
        }
        break;
      }
      stream.next_in = inflater_->input.get();
      stream.avail_in = static_cast<uInt>(got);
    }
    if (inflater_->member_done) {
      inflateReset(&stream);
      inflater_->member_done = false;
    }
    const int status = inflate(&stream, Z_NO_FLUSH);
    if (status == Z_STREAM_END) {
      inflater_->member_done = true;
    } else if (status != Z_OK && status != Z_BUF_ERROR) {
      throw IoError(std::string("gzip data is corrupt: ") +
                    (stream.msg != nullptr ? stream.msg : zError(status)));
    }
  }
  return request - stream.avail_out;
}

}  // namespace newsdex::detail
