// Byte input for the readers: a file or standard input read in large blocks with plain read(2)
// calls, and gzip data inflated on the fly whenever the input starts with the gzip magic number,
// whatever its name.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

namespace newsdex::detail {

class InputFile {
 public:
  // Opens `path`, or standard input when it is "-" (left open when this closes). Throws IoError
  // with the system's reason ("No such file or directory") when the file cannot be opened.
  explicit InputFile(const std::string& path);
  ~InputFile();
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;

  // Reads up to `size` bytes (inflated when the input is gzip) into `out`; returns 0 only at the
  // end of the input. Throws IoError when reading fails or the gzip data is corrupt or truncated.
  std::size_t read(char* out, std::size_t size);

  // The size of a regular file as stored on disk; 0 for pipes, terminals and the like.
  std::size_t stored_size() const { return stored_size_; }
  // Whether the input turned out to be gzip; known after the first read().
  bool gzip() const;

 private:
  std::size_t read_raw(char* out, std::size_t size);
  std::size_t inflate_into(char* out, std::size_t size);

  struct Inflater;
  int fd_ = -1;
  bool owns_fd_ = false;
  bool sniffed_ = false;  // whether the first bytes have been checked for the gzip magic number
  bool raw_end_ = false;
  std::size_t stored_size_ = 0;
  std::unique_ptr<Inflater> inflater_;
};

}  // namespace newsdex::detail
