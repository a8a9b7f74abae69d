#include <filesystem>

#include <gtest/gtest.h>

#include <newsdex/ingest.hpp>

#include "ingest/temp_files.hpp"

namespace newsdex {
namespace {

using namespace std::string_view_literals;
using testing::StdinFrom;
using testing::TempDir;

const std::string kData = NEWSDEX_TEST_DATA "/ingest";

// What a reader yields: "id @ file:line" per article, and the problems, in order.
struct Reading {
  std::vector<std::string> articles;
  std::vector<Article> values;
  std::vector<std::string> problems;
};

Reading read_all(std::vector<std::string> inputs, ReadOptions options = {}) {
  ArticleReader reader(std::move(inputs), options);
  Reading reading;
  while (auto article = reader.next()) {
    reading.articles.push_back(article->id + " @ " + reader.location().file + ':' +
                               std::to_string(reader.location().line));
    reading.values.push_back(std::move(*article));
    for (const auto& problem : reader.take_problems()) {
      reading.problems.push_back(problem.to_string());
    }
  }
  for (const auto& problem : reader.take_problems()) {
    reading.problems.push_back(problem.to_string());
  }
  return reading;
}

TEST(ArticleReader, WalksFoldersInNameOrderTakingOnlyArticleFiles) {
  const std::string folder = kData + "/folder";
  const std::string ferry_id = derive_id(
      "Ferry services between Ostrand and the islands resumed on Thursday. "
      "Operators expect delays until the weekend.");
  const Reading reading = read_all({folder});
  EXPECT_EQ(reading.articles,
            (std::vector<std::string>{
                "2022/harbour-strike @ " + folder + "/2022/harbour-strike.txt.gz:1",
                "2022/ministry-statement @ " + folder + "/2022/ministry-statement.txt:1",
                "archive-1 @ " + folder + "/2023/archive.ndjson.gz:1",
                "wire-0412 @ " + folder + "/2023/wire.jsonl:1",
                ferry_id + " @ " + folder + "/2023/wire.jsonl:3",
                "UPPER @ " + folder + "/UPPER.TXT:1",
                "valdoria-budget-2023 @ " + folder + "/a-first.txt:1",
            }));
  EXPECT_TRUE(reading.problems.empty()) << reading.problems.front();

  const Article& ministry = reading.values[1];
  EXPECT_EQ(ministry.title, "Ministry rejects report on grain reserves");
  EXPECT_EQ(ministry.source, "Valdoria Morning Post");
  EXPECT_EQ(ministry.language, "en");
  EXPECT_EQ(ministry.date, (Date{2022, 11, 30}));
  EXPECT_TRUE(ministry.body.starts_with("The agriculture ministry")) << ministry.body;
  const Article& strike = reading.values[0];
  EXPECT_EQ(strike.date, (Date{2022, 10, 2}));
  EXPECT_EQ(strike.title,
            "Striking crane operators in Ostrand returned to work on Sunday after the port "
            "authority agreed to a seven percent raise.");
  const Article& wire = reading.values[3];
  EXPECT_EQ(wire.date, (Date{2023, 4, 12}));
  EXPECT_EQ(wire.places, (std::vector<std::string>{"Keller pass", "Valdoria"}));
  EXPECT_EQ(wire.speakers, (std::vector<std::string>{"Regional road agency"}));
}

TEST(ArticleReader, FolderIdsAreRelativeToTheFolderGiven) {
  const Reading from_top = read_all({kData + "/folder/2022"});
  ASSERT_EQ(from_top.values.size(), 2u);
  EXPECT_EQ(from_top.values[1].id, "ministry-statement");
  // A trailing slash changes the names reported, not the ids.
  const Reading with_slash = read_all({kData + "/folder/"});
  ASSERT_EQ(with_slash.values.size(), 7u);
  EXPECT_EQ(with_slash.values[1].id, "2022/ministry-statement");
  EXPECT_EQ(with_slash.articles[1],
            "2022/ministry-statement @ " + kData + "/folder/2022/ministry-statement.txt:1");
}

TEST(ArticleReader, FilesGivenDirectlyUseTheirStemAsId) {
  const Reading reading = read_all({kData + "/folder/2022/harbour-strike.txt.gz",
                                    kData + "/seed-style.txt", kData + "/folder/.hidden.txt"});
  ASSERT_EQ(reading.values.size(), 3u);
  EXPECT_EQ(reading.values[0].id, "harbour-strike");
  EXPECT_EQ(reading.values[1].id, "seed-style");
  EXPECT_EQ(reading.values[1].date, (Date{2023, 3, 14}));
  EXPECT_EQ(reading.values[2].id, ".hidden") << "hidden files are read when named";
}

TEST(ArticleReader, ReadsAFolderAgainOnlyWhenGivenAgain) {
  const std::string folder = kData + "/folder/2022";
  EXPECT_EQ(read_all({folder, folder}).values.size(), 4u);
  const Reading empty_name = read_all({""});
  EXPECT_TRUE(empty_name.values.empty());
  EXPECT_EQ(empty_name.problems,
            (std::vector<std::string>{": No such file or directory (skipped)"}));
}

TEST(ArticleReader, IdsAreStableAcrossRuns) {
  const Reading first = read_all({kData + "/folder"});
  const Reading second = read_all({kData + "/folder"});
  EXPECT_EQ(first.articles, second.articles);
  EXPECT_EQ(first.values, second.values);
}

TEST(ArticleReader, DetectsTheFormatOfOtherFilesByContent) {
  TempDir dir;
  const std::string jsonl =
      dir.write("feed.data",
                "\n  {\"id\": \"a\", \"body\": \"One.\"}\n{\"id\": \"b\", \"body\": \"Two.\"}\n");
  const std::string plain = dir.write("story.md", "date 2023-05-02\nThe tram line opened.\n");
  const std::string packed = dir.write_gzip("packed.bin", "{\"id\": \"c\", \"body\": \"Three.\"}");
  const Reading reading = read_all({jsonl, plain, packed});
  EXPECT_EQ(reading.articles,
            (std::vector<std::string>{"a @ " + jsonl + ":2", "b @ " + jsonl + ":3",
                                      "story @ " + plain + ":1", "c @ " + packed + ":1"}));
  EXPECT_TRUE(reading.problems.empty());
}

TEST(ArticleReader, DetectsJsonLinesAfterAByteOrderMark) {
  TempDir dir;
  const std::string feed = dir.write(
      "bom.data",
      "\xEF\xBB\xBF{\"id\": \"a\", \"body\": \"One.\"}\r\n{\"id\": \"b\", \"body\": \"Two.\"}");
  const Reading reading = read_all({feed});
  EXPECT_EQ(reading.articles,
            (std::vector<std::string>{"a @ " + feed + ":1", "b @ " + feed + ":2"}));
  EXPECT_TRUE(reading.problems.empty()) << reading.problems.front();
}

TEST(ArticleReader, FormatOptionOverridesDetection) {
  TempDir dir;
  const std::string text = dir.write("looks-like.jsonl", "date 2023-05-02\nPlain after all.\n");
  EXPECT_EQ(read_all({text}, {.format = InputFormat::plain}).values.at(0).body, "Plain after all.");
  const Reading as_jsonl = read_all({text});
  EXPECT_TRUE(as_jsonl.values.empty());
  ASSERT_EQ(as_jsonl.problems.size(), 2u);
  EXPECT_TRUE(as_jsonl.problems[0].starts_with(text + ":1: invalid JSON at column 1"))
      << as_jsonl.problems[0];
}

TEST(ArticleReader, ReportsEveryBadArticleAndKeepsGoing) {
  TempDir dir;
  dir.write("in/01-no-date.txt", "title Lost\n\nNo date anywhere.\n");
  dir.write("in/02-bad-date.txt", "date 2022-13-45\nText.\n");
  dir.write("in/03-empty.txt", "date 2023-05-02\n\n\n");
  dir.write("in/04-binary.txt", "date 2023-05-02\nok\n\x00\x01\x02"sv);
  dir.write("in/05-latin1.txt", "date 2023-05-02\n\nCaf\xE9 owners protested.\n");
  dir.write("in/06-good.txt", "date 2023-05-02\nThe good one.\n");
  dir.write("in/07-feed.jsonl",
            "{\"body\": \"First.\"}\n"
            "{\"body\": 3}\n"
            "\n"
            "   \n"
            "{\"body\": \"x\", \"date\": \"2023-02-30\"}\n"
            "{\"body\": \"Caf\xE9.\"}\n"
            "{broken\n"
            "{\"title\": \"no body\"}\n"
            "{\"body\": \"Last.\"}");
  const std::string in = dir / "in";
  const Reading reading = read_all({in});
  EXPECT_EQ(reading.problems,
            (std::vector<std::string>{
                in + "/01-no-date.txt:1: missing \"date YYYY-MM-DD\" line (skipped)",
                in + "/02-bad-date.txt:1: invalid date \"2022-13-45\" (expected YYYY-MM-DD) "
                     "(skipped)",
                in + "/03-empty.txt:2: empty body (skipped)",
                in + "/04-binary.txt:3: NUL byte: binary data, not a text article (skipped)",
                in + "/05-latin1.txt:3: invalid UTF-8 replaced with U+FFFD",
                in + "/07-feed.jsonl:2: \"body\" must be a string, not a number (skipped)",
                in + "/07-feed.jsonl:5: invalid date \"2023-02-30\" (expected YYYY-MM-DD or an "
                     "ISO 8601 timestamp) (skipped)",
                in + "/07-feed.jsonl:6: invalid UTF-8 replaced with U+FFFD",
                in + "/07-feed.jsonl:7: invalid JSON at column 2: syntax error while parsing "
                     "object key - invalid literal; last read: '{b'; expected string literal "
                     "(skipped)",
                in + "/07-feed.jsonl:8: missing \"body\" (skipped)",
            }));
  ASSERT_EQ(reading.values.size(), 5u);
  EXPECT_EQ(reading.values[0].body, "Caf\uFFFD owners protested.");
  EXPECT_EQ(reading.values[1].id, "06-good");
  EXPECT_EQ(reading.articles[2], derive_id("First.") + " @ " + in + "/07-feed.jsonl:1");
  EXPECT_EQ(reading.values[3].body, "Caf\uFFFD.");
  EXPECT_EQ(reading.articles[4], derive_id("Last.") + " @ " + in + "/07-feed.jsonl:9");
}

TEST(ArticleReader, ReportsMissingPathsAndCorruptFilesWithoutThrowing) {
  TempDir dir;
  std::string text;
  for (int i = 1; i <= 3000; ++i) {
    text += "{\"id\": \"n" + std::to_string(i) + "\", \"body\": \"Item " + std::to_string(i) +
            " of a long feed with some padding text.\"}\n";
  }
  const std::string packed = testing::read_bytes(dir.write_gzip("whole.jsonl.gz", text));
  const std::string truncated = dir.write("cut.jsonl.gz", packed.substr(0, packed.size() / 2));
  const std::string good = dir.write("good.txt", "date 2023-05-02\nStill read.\n");
  const std::string missing = dir / "missing.jsonl";
  const Reading reading = read_all({missing, truncated, good});
  ASSERT_FALSE(reading.values.empty());
  EXPECT_EQ(reading.values.back().id, "good");
  ASSERT_EQ(reading.problems.size(), 2u);
  EXPECT_EQ(reading.problems[0], missing + ": No such file or directory (skipped)");
  EXPECT_EQ(reading.problems[1], truncated + ':' + std::to_string(reading.values.size()) +
                                     ": gzip data is truncated (skipped)")
      << "the line after the last complete record";
  EXPECT_GT(reading.values.size(), 100u);
  EXPECT_LT(reading.values.size(), 3000u);
}

TEST(ArticleReader, SkipsArticlesOverTheSizeLimit) {
  TempDir dir;
  const std::string big_text = "date 2023-05-02\n" + std::string(300, 'w') + "\n";
  const std::string big = dir.write("big.txt", big_text);
  const std::string big_gzip = dir.write_gzip("big-packed.txt.gz", big_text);
  const std::string feed = dir.write(
      "feed.jsonl", "{\"body\": \"" + std::string(300, 'w') + "\"}\n{\"body\": \"Fits.\"}\n");
  const Reading reading = read_all({big, big_gzip, feed}, {.max_article_bytes = 200});
  EXPECT_EQ(reading.problems,
            (std::vector<std::string>{
                big + ": larger than the limit of 200 bytes (skipped)",
                big_gzip + ": larger than the limit of 200 bytes (skipped)",
                feed + ":1: line larger than the limit of 200 bytes (skipped)",
            }));
  ASSERT_EQ(reading.values.size(), 1u);
  EXPECT_EQ(reading.values[0].body, "Fits.");
}

TEST(ArticleReader, ReportsLinksThatLeadNowhereAndWalksLoopsOnce) {
  TempDir dir;
  dir.write("tree/a.txt", "date 2023-05-02\nFirst.\n");
  std::filesystem::create_symlink(dir / "nowhere.txt", dir / "tree/b.txt");
  std::filesystem::create_directory_symlink(dir / "tree", dir / "tree/loop");
  const std::string tree = dir / "tree";
  const Reading reading = read_all({tree});
  EXPECT_EQ(reading.articles, (std::vector<std::string>{"a @ " + tree + "/a.txt:1"}))
      << "the link back to the folder is not walked again";
  EXPECT_EQ(reading.problems,
            (std::vector<std::string>{tree + "/b.txt: No such file or directory (skipped)"}));
}

TEST(ArticleReader, ReportsFilesAndFoldersThatCannotBeRead) {
  if (::geteuid() == 0) GTEST_SKIP() << "permissions do not stop root";
  TempDir dir;
  dir.write("locked/c.txt", "date 2023-05-02\nHidden.\n");
  const std::string unreadable = dir.write("open/unreadable.txt", "date 2023-05-02\nSecret.\n");
  dir.write("open/z.txt", "date 2023-05-02\nReadable.\n");
  std::filesystem::permissions(dir / "locked", std::filesystem::perms::none);
  std::filesystem::permissions(unreadable, std::filesystem::perms::none);
  const std::string locked = dir / "locked";
  const Reading reading = read_all({locked, dir / "open"});
  EXPECT_EQ(reading.articles, (std::vector<std::string>{"z @ " + dir / "open/z.txt" + ":1"}));
  EXPECT_EQ(reading.problems,
            (std::vector<std::string>{locked + ": cannot read folder: Permission denied (skipped)",
                                      unreadable + ": Permission denied (skipped)"}));
}

TEST(ArticleReader, ReadsPlainTextFromStandardInput) {
  TempDir dir;
  const StdinFrom input(dir.write("stdin.txt", "  date 2023-05-02 Ferries resumed. More later.\n"));
  const Reading reading = read_all({"-"});
  ASSERT_EQ(reading.values.size(), 1u);
  EXPECT_EQ(reading.articles[0], derive_id("Ferries resumed. More later.") + " @ -:1");
  EXPECT_EQ(reading.values[0].title, "Ferries resumed.");
}

TEST(ArticleReader, ReadsJsonLinesFromStandardInputEvenCompressed) {
  TempDir dir;
  const StdinFrom input(dir.write_gzip("stdin.gz",
                                       "\n{\"id\": \"s1\", \"body\": \"One.\"}\n{\"id\": "
                                       "7}\n{\"id\": \"s3\", \"body\": \"Three.\"}\n"));
  const Reading reading = read_all({"-"});
  EXPECT_EQ(reading.articles, (std::vector<std::string>{"s1 @ -:2", "s3 @ -:4"}));
  EXPECT_EQ(reading.problems, (std::vector<std::string>{"-:3: missing \"body\" (skipped)"}));
}

TEST(ArticleReader, ReportsBinaryJsonLinesFilesOnce) {
  TempDir dir;
  const std::string binary =
      dir.write("dump.jsonl", "{\"body\": \"x\"}\n\x00\x00\x7f\nELF\n\x00"sv);
  const Reading reading = read_all({binary});
  EXPECT_TRUE(reading.values.empty());
  EXPECT_EQ(
      reading.problems,
      (std::vector<std::string>{binary + ":2: NUL byte: binary data, not JSON Lines (skipped)"}));
}

TEST(ArticleReader, TakeProblemsDrainsAndLocationFollowsArticles) {
  TempDir dir;
  const std::string feed = dir.write("f.jsonl", "{}\n{\"body\": \"Two.\"}\n[]\n");
  ArticleReader reader({feed});
  auto article = reader.next();
  ASSERT_TRUE(article.has_value());
  EXPECT_EQ(reader.location().file, feed);
  EXPECT_EQ(reader.location().line, 2u);
  auto problems = reader.take_problems();
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].line, 1u);
  EXPECT_TRUE(problems[0].skipped);
  EXPECT_TRUE(reader.take_problems().empty());
  EXPECT_FALSE(reader.next().has_value());
  problems = reader.take_problems();
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].message, "a record must be a JSON object, not an array");
  EXPECT_FALSE(reader.next().has_value());
}

TEST(ArticleReader, MovesWithItsState) {
  ArticleReader first({kData + "/folder/2022"});
  ASSERT_TRUE(first.next().has_value());
  ArticleReader second = std::move(first);
  auto article = second.next();
  ASSERT_TRUE(article.has_value());
  EXPECT_EQ(article->id, "ministry-statement");
  EXPECT_FALSE(second.next().has_value());
}

}  // namespace
}  // namespace newsdex
