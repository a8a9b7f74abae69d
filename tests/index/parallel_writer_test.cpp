// add_batch() on several threads, sharded indexes and compaction: each must give the index that
// adding the same articles one by one into one database gives.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include <newsdex/error.hpp>
#include <newsdex/index.hpp>
#include <newsdex/index_writer.hpp>

#include "support/temp_dir.hpp"

namespace newsdex {
namespace {

namespace fs = std::filesystem;

const char* const kTopics[] = {"harbour cranes",  "wheat harvest", "copper smelter",
                               "ferry timetable", "bakery strike", "tram extension"};
const char* const kTowns[] = {"Kessel", "Marlow", "Ostrava", "Tallinn", "Brenn"};

// Invented articles on a few topics, so that words repeat across them.
std::vector<Article> make_articles(std::size_t count) {
  std::vector<Article> articles;
  for (std::size_t i = 0; i < count; ++i) {
    const std::string topic = kTopics[i % std::size(kTopics)];
    const std::string town = kTowns[i % std::size(kTowns)];
    articles.push_back(
        {.id = "story-" + std::to_string(i),
         .date = Date::from_days(Date{2022, 1, 1}.days() + static_cast<long>(i % 300)),
         .title = "Talks on the " + topic + " in " + town,
         .body = "Officials in " + town + " said on Monday that the " + topic +
                 " would be discussed again. \"We expect a decision soon,\" said Mara Ilves, "
                 "who chairs council session number " +
                 std::to_string(i) + ".",
         .source = i % 2 == 0 ? "Harbor Daily" : "Inland Courier",
         .speakers = {"Mara Ilves"},
         .places = {town}});
  }
  return articles;
}

// Everything Xapian stores for each article, by id: terms with wdf and positions, values and
// data. Two indexes with equal dumps answer every query alike.
std::map<std::string, std::string> dump(const fs::path& path) {
  Xapian::Database database(path.string());
  std::map<std::string, std::string> documents;
  for (auto id = database.allterms_begin("Q"); id != database.allterms_end("Q"); ++id) {
    const Xapian::Document document = database.get_document(*database.postlist_begin(*id));
    std::string text = document.get_data() + '\n';
    for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
      text += *term + ' ' + std::to_string(term.get_wdf());
      for (auto position = term.positionlist_begin(); position != term.positionlist_end();
           ++position) {
        text += ' ' + std::to_string(*position);
      }
      text += '\n';
    }
    for (auto value = document.values_begin(); value != document.values_end(); ++value)
      text += std::to_string(value.get_valueno()) + '=' + *value + '\n';
    documents[*id] = text;
  }
  return documents;
}

std::vector<std::string> search_ids(const fs::path& path, const std::string& query) {
  const auto index = Index::open(path);
  std::vector<std::string> ids;
  // Every article, not every story: articles 300 apart share their date and all their words
  // but a number, so they are copies.
  const SearchRequest request{
      .query = query, .limit = 1000, .snippet_bytes = 0, .collapse_duplicates = false};
  for (const auto& hit : index.search(request).hits)
    ids.push_back(hit.id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

TEST(ParallelWriter, BatchOnThreadsGivesTheIndexThatAddGives) {
  testing::TempDir dir;
  std::vector<Article> articles = make_articles(700);
  // A revised article and an exact repeat inside the same batch.
  Article revised = articles[3];
  revised.body += " The vote was postponed.";
  articles.push_back(revised);
  articles.push_back(articles[10]);

  std::vector<AddOutcome> one_by_one;
  {
    auto writer = IndexWriter::open(dir / "serial", {.threads = 1});
    for (const auto& article : articles)
      one_by_one.push_back(writer.add(article));
    writer.commit();
  }
  std::vector<AddOutcome> batched;
  {
    auto writer = IndexWriter::open(dir / "batched", {.batch_articles = 100, .threads = 3});
    std::vector<std::size_t> repeated;
    batched = writer.add_batch(articles, &repeated);
    writer.commit();
    EXPECT_EQ(repeated, (std::vector<std::size_t>{700, 701})) << "ids met before in this writer";
    EXPECT_EQ(writer.stats().duplicates, 2u);
    EXPECT_GE(writer.stats().commits, 7u) << "commits fall every batch_articles articles";
  }
  EXPECT_EQ(batched, one_by_one);
  EXPECT_EQ(batched[700], AddOutcome::replaced);
  EXPECT_EQ(batched[701], AddOutcome::unchanged);
  EXPECT_EQ(dump(dir / "batched"), dump(dir / "serial"));
}

TEST(ParallelWriter, BatchRejectsAnInvalidArticleBeforeWritingAnything) {
  testing::TempDir dir;
  auto writer = IndexWriter::open(dir / "db");
  std::vector<Article> articles = make_articles(5);
  articles[2].body = "  \n ";
  EXPECT_THROW(writer.add_batch(articles), InvalidArgumentError);
  EXPECT_EQ(writer.size(), 0u);
}

TEST(ParallelWriter, ShardedIndexIsOneIndexToReadersAndToXapian) {
  testing::TempDir dir;
  const fs::path db = dir / "sharded";
  const std::vector<Article> articles = make_articles(300);
  {
    auto writer = IndexWriter::open(db, {.threads = 2, .shards = 3});
    EXPECT_EQ(writer.shards(), 3u);
    writer.add_batch(articles);
    writer.commit();
    EXPECT_EQ(writer.size(), 300u);
  }
  std::ifstream stub(db / "XAPIANDB");
  std::string stub_text((std::istreambuf_iterator<char>(stub)), std::istreambuf_iterator<char>());
  EXPECT_EQ(stub_text, "auto shard-0\nauto shard-1\nauto shard-2\n");
  for (int i = 0; i < 3; ++i) {
    const auto count =
        Xapian::Database((db / ("shard-" + std::to_string(i))).string()).get_doccount();
    EXPECT_GT(count, 60u) << "articles spread over every shard";
  }
  EXPECT_EQ(Xapian::Database(db.string()).get_doccount(), 300u);

  {
    auto serial = IndexWriter::open(dir / "single");
    serial.add_batch(articles);
  }
  for (const std::string query : {"harbour", "copper smelter", "speaker:ilves place:ostrava",
                                  "\"wheat harvest\" date:2022-03", "source:\"harbor daily\""}) {
    EXPECT_EQ(search_ids(db, query), search_ids(dir / "single", query)) << query;
  }

  // Reopened, the index keeps its three shards, and a new version of an article replaces the
  // old one wherever it is.
  {
    auto writer = IndexWriter::open(db, {.shards = 1});
    EXPECT_EQ(writer.shards(), 3u);
    Article changed = articles[42];
    changed.body = "The marzipan factory reopened.";
    EXPECT_EQ(writer.add(changed), AddOutcome::replaced);
    EXPECT_EQ(writer.add(articles[43]), AddOutcome::unchanged);
    EXPECT_TRUE(writer.remove("story-44"));
    writer.commit();
    EXPECT_EQ(writer.size(), 299u);
  }
  const auto index = Index::open(db);
  EXPECT_EQ(index.size(), 299u);
  EXPECT_EQ(index.get("story-42")->body, "The marzipan factory reopened.");
  EXPECT_FALSE(index.get("story-44"));
  EXPECT_EQ(search_ids(db, "marzipan"), std::vector<std::string>{"story-42"});
}

TEST(ParallelWriter, ShardsAreCheckedWhenOpening) {
  testing::TempDir dir;
  EXPECT_THROW(IndexWriter::open(dir / "db", {.shards = 0}), InvalidArgumentError);
  fs::create_directories(dir / "remote");
  std::ofstream(dir / "remote" / "XAPIANDB") << "remote 127.0.0.1:9\n";
  EXPECT_THROW(IndexWriter::open(dir / "remote"), IndexFormatError);
}

TEST(ParallelWriter, CompactionKeepsEveryArticleAndShrinksTheIndex) {
  testing::TempDir dir;
  const fs::path db = dir / "db";
  {
    auto writer = IndexWriter::open(db, {.batch_articles = 50});
    writer.add_batch(make_articles(600));
  }
  const auto before = dump(db);
  auto bytes = [](const fs::path& path) {
    std::uintmax_t total = 0;
    for (const auto& entry : fs::recursive_directory_iterator(path))
      if (entry.is_regular_file()) total += entry.file_size();
    return total;
  };
  const auto size_before = bytes(db);
  compact_index(db);
  EXPECT_EQ(dump(db), before);
  EXPECT_LT(bytes(db), size_before);
  EXPECT_EQ(search_ids(db, "tram").size(), 100u);
  auto writer = IndexWriter::open(db, {.create = false});
  EXPECT_EQ(writer.add(make_articles(1)[0]), AddOutcome::unchanged) << "still writable";
}

TEST(ParallelWriter, CompactionMergesShardsWhenAsked) {
  testing::TempDir dir;
  const fs::path db = dir / "db";
  {
    auto writer = IndexWriter::open(db, {.shards = 2});
    writer.add_batch(make_articles(200));
  }
  const auto ids = search_ids(db, "ferry");
  compact_index(db);
  EXPECT_TRUE(fs::exists(db / "XAPIANDB")) << "compacted shard by shard";
  EXPECT_EQ(search_ids(db, "ferry"), ids);
  compact_index(db, {.merge_shards = true});
  EXPECT_FALSE(fs::exists(db / "XAPIANDB"));
  EXPECT_TRUE(fs::exists(db / "iamglass"));
  EXPECT_EQ(search_ids(db, "ferry"), ids);
  EXPECT_EQ(Index::open(db).size(), 200u);
}

TEST(ParallelWriter, CompactionWaitsForNoWriter) {
  testing::TempDir dir;
  auto writer = IndexWriter::open(dir / "db");
  writer.add(make_articles(1)[0]);
  writer.commit();
  EXPECT_THROW(compact_index(dir / "db"), IndexLockedError);
  EXPECT_THROW(compact_index(dir / "missing"), IndexNotFoundError);
}

}  // namespace
}  // namespace newsdex
