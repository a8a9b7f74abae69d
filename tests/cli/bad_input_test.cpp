// The bad-input corpus: every case of tests/data/bad-input/cases.tsv run through the real
// searchtool, each with the exit code and messages it must get (the file says how to read it).
// Inputs too large to commit (a 50 MB article, a 10 MB JSON line, an index of a million terms),
// binary ones, and ones that only exist on a running system (a socket, a named pipe, a read
// error, unreadable permissions, damaged and foreign indexes) are made here, once.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include <xapian.h>
#include <zlib.h>

#include <newsdex/index_writer.hpp>

#include "schema/document_data.hpp"
#include "schema/schema.hpp"
#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

namespace newsdex {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpus = fs::path(NEWSDEX_TEST_DATA) / "bad-input";

struct Case {
  std::string name;
  int exit_code = 0;
  std::vector<std::string> checks;  // "err~TEXT", "out~TEXT", "err="
  std::string command;              // as written, substituted when run
  bool needs_non_root = false;
  std::size_t line = 0;
};

std::vector<std::string> split(const std::string& text, const std::string& separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t at; (at = text.find(separator, start)) != std::string::npos;) {
    parts.push_back(text.substr(start, at - start));
    start = at + separator.size();
  }
  parts.push_back(text.substr(start));
  return parts;
}

std::vector<Case> load_cases() {
  std::ifstream in(kCorpus / "cases.tsv");
  std::vector<Case> cases;
  std::size_t number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    const auto fields = split(line, "\t");
    Case parsed;
    parsed.line = number;
    if (fields.size() < 4 || fields.size() > 5) {
      parsed.name = "malformed_line_" + std::to_string(number);
      parsed.exit_code = -1;
      cases.push_back(parsed);
      continue;
    }
    parsed.name = fields[0];
    parsed.exit_code = std::stoi(fields[1]);
    parsed.checks = split(fields[2], " && ");
    parsed.command = fields[3];
    parsed.needs_non_root = fields.size() == 5 && fields[4] == "when non-root";
    cases.push_back(parsed);
  }
  return cases;
}

// Splits a command line into words as a shell does, with single quotes grouping.
std::vector<std::string> words_of(const std::string& command) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  bool quoted = false;
  for (const char c : command) {
    if (c == '\'') {
      quoted = !quoted;
      in_word = true;
    } else if (c == ' ' && !quoted) {
      if (in_word) words.push_back(word);
      word.clear();
      in_word = false;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) words.push_back(word);
  return words;
}

// `word` with {name}, {repeat:N:TEXT} and {hex:DIGITS} (those bytes) replaced.
std::string substitute(std::string word,
                       const std::vector<std::pair<std::string, std::string>>& names) {
  for (const auto& [name, value] : names) {
    for (std::size_t at; (at = word.find(name)) != std::string::npos;)
      word.replace(at, name.size(), value);
  }
  for (std::size_t at; (at = word.find("{repeat:")) != std::string::npos;) {
    const std::size_t colon = word.find(':', at + 8);
    const std::size_t end = word.find('}', colon);
    const std::size_t times = std::stoul(word.substr(at + 8, colon - at - 8));
    const std::string text = word.substr(colon + 1, end - colon - 1);
    std::string repeated;
    for (std::size_t i = 0; i < times; ++i)
      repeated += text;
    word.replace(at, end + 1 - at, repeated);
  }
  for (std::size_t at; (at = word.find("{hex:")) != std::string::npos;) {
    const std::size_t end = word.find('}', at);
    std::string bytes;
    for (std::size_t i = at + 5; i + 1 < end; i += 2)
      bytes += static_cast<char>(std::stoi(word.substr(i, 2), nullptr, 16));
    word.replace(at, end + 1 - at, bytes);
  }
  return word;
}

void write_file(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string gzip(const std::string& bytes) {
  z_stream stream{};
  deflateInit2(&stream, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&stream, bytes.size()), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

std::string random_bytes(std::size_t size, unsigned seed) {
  std::mt19937 rng(seed);
  std::string bytes(size, '\0');
  for (char& byte : bytes) {
    byte = static_cast<char>(rng());
    if (byte == '\n') byte = ' ';  // one line, so that problems are reported at line 1
  }
  return bytes;
}

const std::string kGood = "date 2022-05-05\nA good article next to the bad ones.\n";

// Makes the inputs of {gen} and the index of {db}.
void make_inputs(const fs::path& gen, const fs::path& db) {
  std::string big = "date 2022-01-01\n";
  while (big.size() < (std::size_t{50} << 20))
    big += "Harbour cranes stood idle as the strike entered its third week. ";
  write_file(gen / "big-article.txt", big);
  write_file(gen / "big-article.txt.gz", gzip(big));

  std::string line = R"({"id": "huge", "body": ")";
  while (line.size() < (std::size_t{10} << 20))
    line += "word ";
  write_file(gen / "big-line.jsonl", "{\"id\": \"before\", \"body\": \"Before.\"}\n" + line +
                                         "\"}\n{\"id\": \"after\", \"body\": \"After.\"}\n");

  // More than the reader's first 1 MiB block before the NUL, so it is found line by line.
  std::string lines;
  for (int n = 0; n < 2000; ++n) {
    lines += "{\"id\": \"l" + std::to_string(n) + "\", \"body\": \"Line number " +
             std::to_string(n) + ".";
    for (int word = 0; word < 100; ++word)
      lines += " harbour";
    lines += "\"}\n";
  }
  lines += std::string("{\"body\0\": \"x\"}\n", 15);
  write_file(gen / "late-nul.jsonl", lines);

  write_file(gen / "binary/good.txt", kGood);
  write_file(gen / "binary/noise.txt", random_bytes(4096, 1) + std::string(1, '\0'));
  write_file(gen / "binary/noise.jsonl", std::string(1, '\0') + random_bytes(4096, 2));
  write_file(gen / "binary/noise.txt.gz", "\x1f\x8b" + random_bytes(4096, 3));
  const std::string zipped = gzip(kGood + std::string(5000, 'x'));
  write_file(gen / "binary/truncated.txt.gz", zipped.substr(0, zipped.size() / 2));

  write_file(gen / "unreadable/good.txt", kGood);
  write_file(gen / "unreadable/secret.txt", kGood);
  fs::permissions(gen / "unreadable/secret.txt", fs::perms::none);

  // /proc/self/mem opens for its own process but fails to read at offset 0, even for root.
  write_file(gen / "proc/good.txt", kGood);
  fs::create_symlink("/proc/self/mem", gen / "proc/mem.txt");

  // A socket cannot be opened as a file, by anyone.
  const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  const std::string socket_path = (gen / "socket").string();
  ASSERT_LT(socket_path.size(), sizeof address.sun_path);
  std::copy(socket_path.begin(), socket_path.end(), address.sun_path);
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  ::close(fd);

  write_file(gen / "fifo/good.txt", kGood);
  ASSERT_EQ(::mkfifo((gen / "fifo/pipe.txt").c_str(), 0644), 0);

  write_file(gen / "loop/good.txt", kGood);
  fs::create_symlink(".", gen / "loop/again");

  write_file(gen / "plain-file", "not an index\n");
  write_file(gen / "other-files/notes.txt", "someone's notes\n");

  auto index_with_marker = [](const fs::path& path, const std::string& marker) {
    { auto writer = IndexWriter::open(path); }
    Xapian::WritableDatabase database(path.string(), Xapian::DB_OPEN);
    database.set_metadata(std::string(detail::schema::kFormatKey), marker);
    database.commit();
  };
  index_with_marker(gen / "newer.db", "3");
  index_with_marker(gen / "older.db", "1");
  {
    Xapian::WritableDatabase foreign((gen / "foreign.db").string(), Xapian::DB_CREATE);
    Xapian::Document document;
    document.add_term("zeppelin");
    foreign.add_document(document);
    foreign.commit();
  }
  {
    auto writer = IndexWriter::open(gen / "damaged.db");
    writer.add({.id = "a", .date = Date::parse("2022-01-01"), .body = "A zeppelin landed."});
    writer.commit();
  }
  const fs::path postings = gen / "damaged.db" / "postlist.glass";
  write_file(postings, std::string(fs::file_size(postings), '\xff'));

  // A million distinct words starting with q, in two articles, written with Xapian directly:
  // through the indexer they would take a minute.
  { auto writer = IndexWriter::open(gen / "many-terms.db"); }
  {
    Xapian::WritableDatabase database((gen / "many-terms.db").string(), Xapian::DB_OPEN);
    for (int part = 0; part < 2; ++part) {
      Xapian::Document document;
      const std::string id = "many-" + std::to_string(part);
      document.add_boolean_term(detail::schema::id_term(id));
      for (unsigned n = 0; n < 500000; ++n) {
        std::string word = "q";
        for (unsigned rest = n * 2 + part, i = 0; i < 5; ++i, rest /= 26)
          word += static_cast<char>('a' + rest % 26);
        document.add_term(word);
      }
      document.set_data(detail::encode_document_data(
          {.id = id, .title = "A million words", .body = "qaaaaa qbaaaa and many more."}));
      database.add_document(document);
    }
    database.commit();
  }

  const auto indexed = testing::run_command(
      SEARCHTOOL_PATH, {"index", "--db", db.string(), std::string(NEWSDEX_TEST_DATA) + "/articles",
                        (kCorpus / "files/long-term.jsonl").string()});
  ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
}

class BadInput : public ::testing::TestWithParam<Case> {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir;
    make_inputs(*dir_ / "gen", *dir_ / "db");
  }
  static void TearDownTestSuite() {
    std::error_code ignored;
    fs::permissions(*dir_ / "gen/unreadable/secret.txt", fs::perms::owner_all, ignored);
    delete dir_;
  }
  void SetUp() override { ASSERT_FALSE(HasFatalFailure()) << "the inputs could not be made"; }

  static testing::TempDir* dir_;
};

testing::TempDir* BadInput::dir_ = nullptr;

void PrintTo(const Case& c, std::ostream* out) {
  *out << "cases.tsv:" << c.line << " " << c.name;
}

TEST_P(BadInput, GetsItsAnswer) {
  const Case& c = GetParam();
  ASSERT_GE(c.exit_code, 0) << "cases.tsv:" << c.line << " is not NAME EXIT EXPECTED COMMAND";
  if (c.needs_non_root && ::geteuid() == 0) {
    GTEST_SKIP() << "running as root, whom permissions do not stop; unreadable-read-error and "
                    "cannot-be-opened are files root cannot read either";
  }
  testing::TempDir scratch;
  const std::vector<std::pair<std::string, std::string>> names = {
      {"{db}", (*dir_ / "db").string()},
      {"{new}", (scratch / "db").string()},
      {"{files}", (kCorpus / "files").string()},
      {"{gen}", (*dir_ / "gen").string()}};
  std::vector<std::string> args;
  for (const auto& word : words_of(c.command))
    args.push_back(substitute(word, names));
  const auto result = testing::run_command(SEARCHTOOL_PATH, args);
  const std::string where = "cases.tsv:" + std::to_string(c.line) + " " + c.name;
  EXPECT_EQ(result.exit_code, c.exit_code)
      << where << "\nout: " << result.out << "\nerr: " << result.err;
  for (const auto& check : c.checks) {
    if (check == "err=") {
      EXPECT_EQ(result.err, "") << where;
      continue;
    }
    ASSERT_TRUE(check.starts_with("err~") || check.starts_with("out~")) << where << ": " << check;
    const std::string& stream = check.starts_with("err~") ? result.err : result.out;
    EXPECT_NE(stream.find(check.substr(4)), std::string::npos)
        << where << ": expected " << check << "\nout: " << result.out << "\nerr: " << result.err;
  }
  // One line per problem, never a stack trace or a sanitizer report.
  for (const auto& line : split(result.err, "\n")) {
    EXPECT_TRUE(line.empty() || line.starts_with("searchtool: ")) << where << ": " << line;
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, BadInput, ::testing::ValuesIn(load_cases()),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           std::string name = info.param.name;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

TEST(BadInputCorpus, HasThirtyOrMoreDistinctCases) {
  const auto cases = load_cases();
  std::set<std::string> names;
  for (const auto& c : cases)
    EXPECT_TRUE(names.insert(c.name).second) << "two cases named " << c.name;
  EXPECT_GE(cases.size(), 30u);
}

}  // namespace
}  // namespace newsdex
