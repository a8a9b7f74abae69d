// Readers and writers together: many threads searching one Index agree with a single thread;
// searches stay correct while a writer, in another thread or another process, commits (Xapian's
// DatabaseModifiedError is retried inside the library); a second writer process is told the
// index is locked, or waits for it with --wait-lock.
//
// The thread tests also run under ThreadSanitizer (.ci/run builds this test alone with
// NEWSDEX_SANITIZE=thread); the process tests need searchtool and are left out of that build.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include <newsdex/error.hpp>
#include <newsdex/index.hpp>
#include <newsdex/index_writer.hpp>

#include "support/article_generator.hpp"
#include "support/temp_dir.hpp"
#ifdef SEARCHTOOL_PATH
#include <nlohmann/json.hpp>

#include "support/child_process.hpp"
#include "support/run_command.hpp"
#endif

namespace newsdex {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// Everything a search returns that a caller could look at, as one string to compare.
std::string describe(const SearchResults& results) {
  std::ostringstream out;
  out << results.total << (results.total_exact ? "" : "~") << " suggestion "
      << results.suggestion.value_or("-") << '\n';
  for (const auto& hit : results.hits) {
    out << hit.rank << ' ' << hit.id << ' ' << hit.score << ' ' << hit.title << " | " << hit.snippet
        << " |";
    for (const auto& span : hit.highlights)
      out << ' ' << span.start << '-' << span.end;
    out << '\n';
  }
  for (const auto& facet : results.facets) {
    out << to_string(facet.field) << ' ' << facet.distinct << ':';
    for (const auto& value : facet.values)
      out << ' ' << value.value << '=' << value.count;
    out << '\n';
  }
  for (const auto& bucket : results.timeline)
    out << bucket.period << '=' << bucket.count << ' ';
  return out.str();
}

// Requests of every kind a host sends: words, phrases, wildcards, fields, synonyms, place
// aliases (which load the built-in gazetteer on first use), spelling suggestions, facets,
// timelines, date order and recency.
std::vector<SearchRequest> mixed_requests() {
  return {
      {.query = "harbour ferry"},
      {.query = "\"minister court\"", .limit = 20},
      {.query = "wag*", .limit = 5, .sort = SortOrder::newest},
      {.query = "speaker:ruiz strike", .facets = {FacetField::source, FacetField::year}},
      {.query = "copper OR wheat -tariff", .limit = 15, .offset = 10},
      {.query = "date:2005..2010 climate", .timeline = TimelinePeriod::year},
      {.query = "place:britain OR harbour"},
      {.query = "jab OR harbour", .match = MatchMode::any},
      {.query = "tariffs", .recency_half_life_days = 365},
      {.query = "hospitl", .limit = 3},
      {.query = "", .limit = 7, .sort = SortOrder::oldest, .facets = {FacetField::speaker}},
      {.query = "source:\"capital wire\" nurses", .snippet_bytes = 80},
  };
}

class ThreadedSearchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir;
    auto writer = IndexWriter::open(*dir_ / "db");
    std::vector<Article> articles;
    for (std::size_t n = 0; n < 1500; ++n)
      articles.push_back(testing::generated_article(n));
    articles[7].places = {"United Kingdom"};
    writer.add_batch(articles);
    writer.set_synonyms({{"vaccine", "jab"}});
    writer.commit();
  }
  static void TearDownTestSuite() { delete dir_; }

  static testing::TempDir* dir_;
};

testing::TempDir* ThreadedSearchTest::dir_ = nullptr;

TEST_F(ThreadedSearchTest, ManyThreadsOnOneIndexAgreeWithOneThread) {
  const auto requests = mixed_requests();
  std::vector<std::string> expected;
  {
    const auto alone = Index::open(*dir_ / "db");
    for (const auto& request : requests)
      expected.push_back(describe(alone.search(request)));
  }
  // A fresh Index, so that the threads race for its first database handles, synonyms and
  // gazetteer too.
  const auto index = Index::open(*dir_ / "db");
  constexpr int kThreads = 8;
  constexpr int kRounds = 3;
  std::atomic<int> mismatches{0};
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      std::vector<std::size_t> order(requests.size());
      for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
      std::mt19937 rng(t);
      for (int round = 0; round < kRounds; ++round) {
        std::shuffle(order.begin(), order.end(), rng);
        for (const std::size_t i : order) {
          try {
            if (describe(index.search(requests[i])) != expected[i]) ++mismatches;
            const auto article = index.get(testing::generated_id(i * 100 + t));
            if (!article || article->body != testing::generated_article(i * 100 + t).body) {
              ++mismatches;
            }
            if (index.synonyms().size() != 1) ++mismatches;
          } catch (const std::exception&) {
            ++failures;
          }
          try {
            index.search({.query = "harbour date:2022-13"});
            ++mismatches;
          } catch (const QueryError& error) {
            if (error.position() != 8) ++mismatches;
          }
        }
      }
    });
  }
  for (auto& thread : threads)
    thread.join();
  EXPECT_EQ(mismatches, 0);
  EXPECT_EQ(failures, 0);
}

// What a reader checks of every search it makes while a writer adds articles in batches of
// `batch`: the search saw one commit (the articles it counts by source add up to its total, and
// the total is a whole number of batches), never an older one than before, and its hits can be
// read back.
class SnapshotChecker {
 public:
  SnapshotChecker(std::size_t batch, std::size_t final_size) : batch_(batch), final_(final_size) {}

  // Runs one search and checks it; returns the total it saw.
  std::size_t check(const Index& index, std::size_t& last_total) {
    const auto results = index.search({.query = std::string(testing::kGeneratedMarker),
                                       .limit = 5,
                                       .sort = SortOrder::newest,
                                       .facets = {FacetField::source},
                                       .collapse_duplicates = false});
    std::size_t by_source = 0;
    for (const auto& value : results.facets.at(0).values)
      by_source += value.count;
    if (by_source != results.total || !results.total_exact) ++torn_;
    if (results.total % batch_ != 0 && results.total != final_) ++torn_;
    if (results.total < last_total) ++went_back_;
    last_total = results.total;
    for (const auto& hit : results.hits) {
      const auto article = index.get(hit.id);
      if (!article || article->title != hit.title) ++unreadable_;
    }
    ++searches_;
    return results.total;
  }

  void expect_clean() const {
    EXPECT_GT(searches_, 0);
    EXPECT_EQ(torn_, 0) << "searches that mixed commits";
    EXPECT_EQ(went_back_, 0) << "searches that saw an older commit than before";
    EXPECT_EQ(unreadable_, 0) << "hits that could not be read back";
  }
  int searches() const { return searches_; }

 private:
  std::size_t batch_;
  std::size_t final_;
  std::atomic<int> searches_{0};
  std::atomic<int> torn_{0};
  std::atomic<int> went_back_{0};
  std::atomic<int> unreadable_{0};
};

// Runs `readers` threads that search `index` through `checker` until `done` is set, and a last
// search each after that.
void read_until(const Index& index, SnapshotChecker& checker, int readers,
                const std::atomic<bool>& done, std::atomic<int>& failures) {
  std::vector<std::thread> threads;
  for (int r = 0; r < readers; ++r) {
    threads.emplace_back([&] {
      std::size_t last_total = 0;
      bool last = false;
      while (!last) {
        last = done;
        try {
          checker.check(index, last_total);
        } catch (const std::exception& error) {
          ADD_FAILURE() << "search failed while the index was written: " << error.what();
          ++failures;
        }
      }
    });
  }
  for (auto& thread : threads)
    thread.join();
}

// Under ThreadSanitizer everything runs several times slower; fewer commits find the same races.
#if defined(__SANITIZE_THREAD__)
constexpr std::size_t kThreadWriterArticles = 400;
#else
constexpr std::size_t kThreadWriterArticles = 2400;
#endif

TEST(ReadersAndWriter, SearchesStayCorrectWhileAnotherThreadCommits) {
  testing::TempDir dir;
  constexpr std::size_t kBatch = 40;
  constexpr std::size_t kArticles = kThreadWriterArticles;
  { auto creator = IndexWriter::open(dir / "db"); }
  const auto index = Index::open(dir / "db");
  std::atomic<bool> done{false};
  std::thread writer([&] {
    WriterOptions options;
    options.batch_articles = kBatch;
    options.threads = 1;
    auto writer = IndexWriter::open(dir / "db", options);
    for (std::size_t n = 0; n < kArticles; ++n)
      writer.add(testing::generated_article(n));
    writer.commit();
    done = true;
  });
  SnapshotChecker checker(kBatch, kArticles);
  std::atomic<int> failures{0};
  read_until(index, checker, 3, done, failures);
  writer.join();
  checker.expect_clean();
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(index.size(), kArticles);
}

#ifdef SEARCHTOOL_PATH

using testing::ChildProcess;
using testing::describe_status;

TEST(ReadersAndWriterProcess, QueriesAnswerCorrectlyWhileAnotherProcessIndexes) {
  testing::TempDir dir;
  constexpr std::size_t kBatch = 50;
  constexpr std::size_t kArticles = 5000;
  testing::write_generated_corpus(dir / "corpus", kArticles, 5);
  { auto creator = IndexWriter::open(dir / "db"); }
  const auto index = Index::open(dir / "db");
  ChildProcess writer(SEARCHTOOL_PATH,
                      {"index", "--db", (dir / "db").string(), "--batch", std::to_string(kBatch),
                       (dir / "corpus").string()},
                      dir / "writer");
  std::atomic<bool> done{false};
  std::thread watcher([&] {
    writer.wait();
    done = true;
  });
  SnapshotChecker checker(kBatch, kArticles);
  std::atomic<int> failures{0};
  // Meanwhile other processes query too, through searchtool.
  std::thread tool_queries([&] {
    while (!done) {
      const auto result = testing::run_command(
          SEARCHTOOL_PATH, {"query", "--db", (dir / "db").string(), "--json", "--no-collapse",
                            "--facets", "source", std::string(testing::kGeneratedMarker)});
      if (result.exit_code != 0) {
        ADD_FAILURE() << "searchtool query failed while indexing: " << result.err;
        ++failures;
        continue;
      }
      const auto json = nlohmann::json::parse(result.out);
      std::size_t by_source = 0;
      for (const auto& value : json["facets"]["source"]["values"])
        by_source += value["count"].get<std::size_t>();
      EXPECT_EQ(by_source, json["total"].get<std::size_t>());
    }
  });
  read_until(index, checker, 2, done, failures);
  watcher.join();
  tool_queries.join();
  const int status = writer.wait();
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
      << describe_status(status) << writer.err();
  checker.expect_clean();
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(index.size(), kArticles);
  std::cout << checker.searches() << " searches while another process made " << kArticles / kBatch
            << " commits\n";
}

const std::string kOneArticle = R"({"id":"late","body":"Written by the second writer."})"
                                "\n";

TEST(WriterProcesses, ASecondWriterIsToldTheIndexIsLocked) {
  testing::TempDir dir;
  const std::string db = (dir / "db").string();
  auto holder = IndexWriter::open(db);
  const std::string expected = "searchtool: index at " + db + " is locked by another writer\n";
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"index", "--db", db, "-"},
        std::vector<std::string>{"delete", "--db", db, "late"},
        std::vector<std::string>{"synonyms", "--db", db, "-"}}) {
    const auto start = Clock::now();
    const auto result = testing::run_command(SEARCHTOOL_PATH, args, kOneArticle);
    EXPECT_EQ(result.exit_code, 1) << args[0];
    EXPECT_EQ(result.err, expected) << args[0];
    EXPECT_LT(std::chrono::duration<double>(Clock::now() - start).count(), 5.0) << args[0];
  }
  const auto start = Clock::now();
  const auto waited = testing::run_command(
      SEARCHTOOL_PATH, {"index", "--db", db, "--wait-lock", "0.3", "-"}, kOneArticle);
  EXPECT_GE(std::chrono::duration<double>(Clock::now() - start).count(), 0.3);
  EXPECT_EQ(waited.exit_code, 1);
  EXPECT_EQ(waited.err, "searchtool: index at " + db +
                            " is locked by another writer (still locked after waiting 0.3 s)\n");
  EXPECT_EQ(holder.size(), 0u);
}

TEST(WriterProcesses, WaitLockWaitsForTheOtherWriterThenIndexes) {
  testing::TempDir dir;
  const std::string db = (dir / "db").string();
  auto holder = std::make_unique<IndexWriter>(IndexWriter::open(db));
  holder->add(testing::generated_article(0));
  ChildProcess second(SEARCHTOOL_PATH, {"index", "--db", db, "--wait-lock", "60", "-"},
                      dir / "second");
  second.write_input(kOneArticle);
  second.close_input();
  EXPECT_FALSE(second.wait_for(std::chrono::milliseconds(500))) << "did not wait: " << second.err();
  holder.reset();  // commits and releases the lock
  const auto status = second.wait_for(std::chrono::seconds(60));
  ASSERT_TRUE(status);
  EXPECT_TRUE(WIFEXITED(*status) && WEXITSTATUS(*status) == 0)
      << describe_status(*status) << second.err();
  EXPECT_NE(second.out().find("1 added"), std::string::npos) << second.out();
  const auto index = Index::open(db);
  EXPECT_EQ(index.size(), 2u);
  EXPECT_TRUE(index.get("late"));
}

TEST(WriterProcesses, TwoRunsStartedTogetherOnANewIndexBothFinishWithWaitLock) {
  testing::TempDir dir;
  const std::string db = (dir / "db").string();
  testing::write_generated_corpus(dir / "first", 800, 1);
  testing::write_generated_corpus(dir / "second", 800, 1, 2);
  std::vector<std::unique_ptr<ChildProcess>> runs;
  for (const char* corpus : {"first", "second"}) {
    runs.push_back(std::make_unique<ChildProcess>(
        SEARCHTOOL_PATH,
        std::vector<std::string>{"index", "--db", db, "--wait-lock", "120", "--batch", "100",
                                 (dir / corpus).string()},
        dir / corpus));
  }
  for (auto& run : runs) {
    const int status = run->wait();
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
        << describe_status(status) << run->err();
  }
  // The two corpora have the same ids and different texts: the later run replaced the earlier.
  const auto index = Index::open(db);
  EXPECT_EQ(index.size(), 800u);
  const auto check = testing::run_command(XAPIAN_CHECK_PATH, {db});
  EXPECT_EQ(check.exit_code, 0) << check.out;
  const std::string summaries = runs[0]->out() + runs[1]->out();
  EXPECT_NE(summaries.find("800 added"), std::string::npos) << summaries;
  EXPECT_NE(summaries.find("800 replaced"), std::string::npos) << summaries;
}

#endif  // SEARCHTOOL_PATH

}  // namespace
}  // namespace newsdex
