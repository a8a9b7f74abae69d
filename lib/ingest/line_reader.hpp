// Splits an InputFile into lines through one reusable buffer, so a JSON Lines file of any size
// is read with memory for one line, and a line over the size limit is skipped without being held.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/input_file.hpp"

namespace newsdex::detail {

class LineReader {
 public:
  struct Line {
    std::string_view text;   // without the line end ("\n" or "\r\n"); valid until the next call
    std::size_t number = 0;  // 1-based
    bool too_long = false;   // longer than the limit: `text` is empty, the line was skipped
  };

  // Reads `input` through `buffer`, which is grown as needed and may be shared by successive
  // readers to save allocations. Lines longer than `max_line_bytes` are reported as too long.
  LineReader(InputFile& input, std::vector<char>& buffer, std::size_t max_line_bytes);

  // The next line; false at the end of the input. Throws IoError as InputFile::read does.
  bool next(Line& line);

  // How many lines next() has returned.
  std::size_t lines_returned() const { return line_number_; }

  // The first byte that is not ASCII white space (nor a byte order mark at the start) among the
  // first buffer's worth of input, or -1 when there is none there. Reads nothing more than it
  // needs and consumes nothing.
  int first_non_space_byte();
  // The bytes read ahead and not yet returned as lines (at least one read's worth after
  // first_non_space_byte()).
  std::string_view buffered() const;

  // Appends everything not yet returned to `out`. Returns false, having stopped reading, as soon
  // as `out` would exceed `max_bytes`.
  bool read_rest(std::string& out, std::size_t max_bytes);

 private:
  void fill();
  void compact_or_grow();
  void discard_rest_of_line();

  InputFile& input_;
  std::vector<char>& buffer_;
  std::size_t max_line_bytes_;
  std::size_t begin_ = 0;  // [begin_, end_) holds bytes read and not yet consumed
  std::size_t end_ = 0;
  std::size_t line_number_ = 0;
  bool end_of_input_ = false;
};

}  // namespace newsdex::detail
