#include "ingest/line_reader.hpp"

#include <gtest/gtest.h>

#include <newsdex/error.hpp>

#include "ingest/input_file.hpp"
#include "ingest/temp_files.hpp"

namespace newsdex::detail {
namespace {

using newsdex::testing::TempDir;

// Every line of `path` as "number:text", with "number:TOO LONG" for skipped ones.
std::vector<std::string> lines_of(const std::string& path, std::size_t max_line = 1000) {
  InputFile file(path);
  std::vector<char> buffer;
  LineReader reader(file, buffer, max_line);
  std::vector<std::string> lines;
  LineReader::Line line;
  while (reader.next(line)) {
    lines.push_back(std::to_string(line.number) + ':' +
                    (line.too_long ? "TOO LONG" : std::string(line.text)));
  }
  return lines;
}

std::string read_all(const std::string& path) {
  InputFile file(path);
  std::string out;
  char block[7];  // small on purpose: many calls, and inflate output split across them
  while (const std::size_t got = file.read(block, sizeof block))
    out.append(block, got);
  return out;
}

TEST(InputFile, ReadsPlainAndGzipDataAlike) {
  TempDir dir;
  const std::string text = "first line\nsecond line\n";
  EXPECT_EQ(read_all(dir.write("plain.txt", text)), text);
  EXPECT_EQ(read_all(dir.write_gzip("packed.txt.gz", text)), text);
  // Recognised by content, not by name.
  EXPECT_EQ(read_all(dir.write_gzip("packed.dat", text)), text);
  EXPECT_EQ(read_all(dir.write("empty.txt", "")), "");
  EXPECT_EQ(read_all(dir.write("one.txt", "x")), "x");
}

TEST(InputFile, ReadsConcatenatedGzipMembers) {
  TempDir dir;
  const std::string first = testing::read_bytes(dir.write_gzip("a.gz", "alpha\n"));
  const std::string second = testing::read_bytes(dir.write_gzip("b.gz", "beta\n"));
  EXPECT_EQ(read_all(dir.write("both.gz", first + second)), "alpha\nbeta\n");
}

TEST(InputFile, ReportsTruncatedAndCorruptGzip) {
  TempDir dir;
  std::string text;
  for (int i = 0; i < 2000; ++i)
    text += "line " + std::to_string(i) + " of the wire feed\n";
  const std::string packed = testing::read_bytes(dir.write_gzip("full.gz", text));
  const std::string truncated = dir.write("truncated.gz", packed.substr(0, packed.size() / 2));
  try {
    read_all(truncated);
    ADD_FAILURE() << "truncated gzip read without error";
  } catch (const IoError& error) {
    EXPECT_STREQ(error.what(), "gzip data is truncated");
  }
  std::string damaged = packed;
  for (std::size_t i = 20; i < 60; ++i)
    damaged[i] = static_cast<char>(0xA5);
  const std::string corrupt = dir.write("corrupt.gz", damaged);
  try {
    read_all(corrupt);
    ADD_FAILURE() << "corrupt gzip read without error";
  } catch (const IoError& error) {
    EXPECT_TRUE(std::string(error.what()).starts_with("gzip data is corrupt: ")) << error.what();
  }
}

TEST(InputFile, ReportsWhyAFileCannotBeOpened) {
  TempDir dir;
  try {
    InputFile missing(dir / "missing.txt");
    ADD_FAILURE() << "opened a missing file";
  } catch (const IoError& error) {
    EXPECT_STREQ(error.what(), "No such file or directory");
  }
  EXPECT_THROW(InputFile folder(dir.path().string()), IoError);
}

TEST(LineReader, SplitsLinesWithAnyLineEnd) {
  TempDir dir;
  EXPECT_EQ(lines_of(dir.write("a.jsonl", "one\r\ntwo\n\nfour")),
            (std::vector<std::string>{"1:one", "2:two", "3:", "4:four"}));
  EXPECT_EQ(lines_of(dir.write("b.jsonl", "one\n")), (std::vector<std::string>{"1:one"}));
  EXPECT_TRUE(lines_of(dir.write("c.jsonl", "")).empty());
}

TEST(LineReader, SkipsLinesOverTheLimitAndKeepsCounting) {
  TempDir dir;
  const std::string path =
      dir.write("long.jsonl", "short\n" + std::string(11, 'x') + "\nok\n" + std::string(10, 'y') +
                                  "\n" + std::string(50, 'z'));
  EXPECT_EQ(lines_of(path, 10), (std::vector<std::string>{"1:short", "2:TOO LONG", "3:ok",
                                                          "4:yyyyyyyyyy", "5:TOO LONG"}));
}

TEST(LineReader, CrossesBlockBoundariesAndSkipsHugeLinesWithoutHoldingThem) {
  TempDir dir;
  // Lines longer than the 1 MiB first block, one allowed and one over the limit, in gzip so the
  // skipped line arrives in many small inflated pieces.
  const std::string allowed(1536 * 1024, 'a');
  const std::string huge(5 * 1024 * 1024, 'h');
  std::string text = "start\n" + allowed + "\n" + huge + "\nend\n";
  for (const std::string& path :
       {dir.write("big.jsonl", text), dir.write_gzip("big.jsonl.gz", text)}) {
    InputFile file(path);
    std::vector<char> buffer;
    LineReader reader(file, buffer, 2 * 1024 * 1024);
    LineReader::Line line;
    ASSERT_TRUE(reader.next(line));
    EXPECT_EQ(line.text, "start");
    ASSERT_TRUE(reader.next(line));
    EXPECT_EQ(line.text.size(), allowed.size());
    EXPECT_FALSE(line.too_long);
    ASSERT_TRUE(reader.next(line));
    EXPECT_TRUE(line.too_long);
    EXPECT_EQ(line.number, 3u);
    ASSERT_TRUE(reader.next(line));
    EXPECT_EQ(line.text, "end");
    EXPECT_EQ(line.number, 4u);
    EXPECT_FALSE(reader.next(line));
    EXPECT_LE(buffer.size(), std::size_t{2 * 1024 * 1024 + 2}) << "buffer grew past the limit";
  }
}

TEST(LineReader, PeeksAndReadsTheRest) {
  TempDir dir;
  const std::string text = "\n \t\n{\"body\": \"x\"}\nmore";
  InputFile file(dir.write_gzip("peek.gz", text));
  std::vector<char> buffer;
  LineReader reader(file, buffer, 100);
  EXPECT_EQ(reader.first_non_space_byte(), '{');
  EXPECT_TRUE(file.gzip());
  EXPECT_EQ(reader.buffered(), text);
  std::string rest;
  EXPECT_TRUE(reader.read_rest(rest, 100));
  EXPECT_EQ(rest, text);

  InputFile blank(dir.write("blank.txt", " \n\n "));
  LineReader blank_reader(blank, buffer, 100);
  EXPECT_EQ(blank_reader.first_non_space_byte(), -1);

  InputFile big(dir.write("big.txt", std::string(5000, 'b')));
  LineReader big_reader(big, buffer, 100);
  std::string capped;
  EXPECT_FALSE(big_reader.read_rest(capped, 4999));
  EXPECT_LE(capped.size(), 4999u);
}

}  // namespace
}  // namespace newsdex::detail
