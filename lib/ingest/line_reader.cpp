#include "ingest/line_reader.hpp"

#include <algorithm>
#include <cstring>

#include "ingest/article_text.hpp"

namespace newsdex::detail {

namespace {

// Large enough that a read(2) or inflate call per block is negligible next to parsing.
constexpr std::size_t kBlockBytes = std::size_t{1} << 20;

bool is_ascii_space(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

}  // namespace

LineReader::LineReader(InputFile& input, std::vector<char>& buffer, std::size_t max_line_bytes)
    : input_(input), buffer_(buffer), max_line_bytes_(max_line_bytes) {
  if (buffer_.size() < kBlockBytes) buffer_.resize(kBlockBytes);
}

void LineReader::fill() {
  const std::size_t got = input_.read(buffer_.data() + end_, buffer_.size() - end_);
  if (got == 0) end_of_input_ = true;
  end_ += got;
}

void LineReader::compact_or_grow() {
  if (begin_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (end_ == buffer_.size()) {
    // A line longer than the buffer: grow, but never past what the longest allowed line needs.
    const std::size_t needed = std::max(buffer_.size() + 1, max_line_bytes_ + 2);
    buffer_.resize(std::min(buffer_.size() * 2, needed));
  }
}

void LineReader::discard_rest_of_line() {
  begin_ = end_ = 0;
  while (!end_of_input_) {
    fill();
    const void* newline = std::memchr(buffer_.data(), '\n', end_);
    if (newline != nullptr) {
      begin_ = static_cast<std::size_t>(static_cast<const char*>(newline) - buffer_.data()) + 1;
      return;
    }
    begin_ = end_ = 0;
  }
}

bool LineReader::next(Line& line) {
  std::size_t scan_from = begin_;
  for (;;) {
    const char* data = buffer_.data();
    const void* found = std::memchr(data + scan_from, '\n', end_ - scan_from);
    const std::size_t length =
        found != nullptr ? static_cast<std::size_t>(static_cast<const char*>(found) - data) - begin_
                         : end_ - begin_;
    if (length > max_line_bytes_) {
      line = {{}, ++line_number_, true};
      if (found != nullptr) {
        begin_ += length + 1;
      } else {
        discard_rest_of_line();
      }
      return true;
    }
    if (found != nullptr || (end_of_input_ && length > 0)) {
      std::string_view text(data + begin_, length);
      if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
      line = {text, ++line_number_, false};
      begin_ += found != nullptr ? length + 1 : length;
      return true;
    }
    if (end_of_input_) return false;
    compact_or_grow();
    scan_from = end_;
    fill();
  }
}

int LineReader::first_non_space_byte() {
  std::size_t scan_from = begin_;
  if (line_number_ == 0 && begin_ == 0) {
    if (end_ == 0 && !end_of_input_) fill();
    if (buffered().starts_with(kByteOrderMark)) scan_from = kByteOrderMark.size();
  }
  for (;;) {
    for (std::size_t i = scan_from; i < end_; ++i) {
      if (!is_ascii_space(buffer_[i])) return static_cast<unsigned char>(buffer_[i]);
    }
    if (end_of_input_ || (begin_ == 0 && end_ == buffer_.size())) return -1;
    compact_or_grow();
    scan_from = end_;
    fill();
  }
}

std::string_view LineReader::buffered() const {
  return {buffer_.data() + begin_, end_ - begin_};
}

bool LineReader::read_rest(std::string& out, std::size_t max_bytes) {
  for (;;) {
    const std::size_t pending = end_ - begin_;
    if (out.size() + pending > max_bytes) return false;
    out.append(buffer_.data() + begin_, pending);
    begin_ = end_ = 0;
    if (end_of_input_) return true;
    fill();
  }
}

}  // namespace newsdex::detail
