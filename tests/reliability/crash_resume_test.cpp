// Kills the real `searchtool index` at random moments and checks what the README promises: the
// index on disk passes xapian-check and opens, holds every article of its last commit exactly
// once (and nothing else), never loses what an earlier run committed, and running the same command
// again finishes the job, counting what was already there as unchanged. SIGINT and SIGTERM commit
// what was done and exit with 130.
//
// The corpus is generated (tests/support/article_generator.hpp) and read in the order of its ids,
// so the articles of one shard's last commit are the first of that shard's articles in input
// order. The size of the default run suits CI; NEWSDEX_LONG_TESTS=1 runs the long form (50,000
// articles, 12 kills; see tests/CMakeLists.txt). NEWSDEX_CRASH_SEED replays a run's kill moments.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include <newsdex/index.hpp>
#include <newsdex/index_writer.hpp>

#include "schema/schema.hpp"
#include "support/article_generator.hpp"
#include "support/child_process.hpp"
#include "support/run_command.hpp"
#include "support/temp_dir.hpp"
#include "text/hash.hpp"

namespace newsdex {
namespace {

namespace fs = std::filesystem;
using testing::ChildProcess;
using testing::describe_status;
using Clock = std::chrono::steady_clock;
using Seconds = std::chrono::duration<double>;

std::size_t env_number(const char* name, std::size_t fallback) {
  const char* value = std::getenv(name);
  return value && *value ? std::stoull(value) : fallback;
}

bool long_tests_enabled() {
  const char* value = std::getenv("NEWSDEX_LONG_TESTS");
  return value && std::string(value) == "1";
}

std::chrono::milliseconds to_ms(double seconds) {
  return std::chrono::milliseconds(static_cast<long>(seconds * 1000));
}

// A generated corpus and what each shard of an index of it should hold, in input order.
class Corpus {
 public:
  Corpus(const fs::path& folder, std::size_t articles, std::size_t files, std::size_t shards)
      : folder_(folder), articles_(articles), by_shard_(shards) {
    testing::write_generated_corpus(folder, articles, files);
    for (std::size_t n = 0; n < articles; ++n) {
      const std::string id = testing::generated_id(n);
      by_shard_[shards == 1 ? 0 : detail::fnv1a64(id) % shards].push_back(n);
    }
  }

  const fs::path& folder() const { return folder_; }
  std::size_t articles() const { return articles_; }
  std::size_t shards() const { return by_shard_.size(); }
  // The numbers of the articles shard `shard` holds, in input order.
  const std::vector<std::size_t>& of_shard(std::size_t shard) const { return by_shard_[shard]; }

 private:
  fs::path folder_;
  std::size_t articles_;
  std::vector<std::vector<std::size_t>> by_shard_;
};

// Checks the index at `db` after a run ended, however it ended. `held` is how many articles each
// shard held after the previous run, and becomes how many it holds now.
void check_index(const fs::path& db, const Corpus& corpus, std::vector<std::size_t>& held,
                 std::mt19937_64& rng) {
  const std::vector<std::size_t> before = held;
  held.assign(corpus.shards(), 0);
  if (!fs::exists(db)) {
    // Killed before the new index was moved into place: then nothing can have been committed.
    EXPECT_EQ(before, held) << db << " disappeared";
    return;
  }
  // xapian-check takes one database at a time, not a stub listing shards.
  for (std::size_t shard = 0; shard < corpus.shards(); ++shard) {
    const fs::path path = corpus.shards() == 1 ? db : db / ("shard-" + std::to_string(shard));
    const auto check = testing::run_command(XAPIAN_CHECK_PATH, {path.string()});
    EXPECT_EQ(check.exit_code, 0) << "xapian-check " << path << ":\n" << check.out << check.err;
  }

  std::optional<Index> index;
  try {
    index.emplace(Index::open(db));
  } catch (const std::exception& error) {
    ADD_FAILURE() << "the index does not open: " << error.what();
    return;
  }
  for (std::size_t shard = 0; shard < corpus.shards(); ++shard) {
    const fs::path path = corpus.shards() == 1 ? db : db / ("shard-" + std::to_string(shard));
    const Xapian::Database database(path.string());
    const std::string prefix(detail::schema::kId);
    std::vector<std::string> ids;
    for (auto term = database.allterms_begin(prefix); term != database.allterms_end(prefix);
         ++term) {
      EXPECT_EQ(term.get_termfreq(), 1u)
          << "id " << (*term).substr(1) << " is there more than once";
      ids.push_back((*term).substr(prefix.size()));
    }
    EXPECT_EQ(database.get_doccount(), ids.size()) << "documents without an id in " << path;
    // Ids sort like the article numbers, so the shard holds a prefix of its articles exactly
    // when its sorted ids are the first ids of its share.
    const auto& expected = corpus.of_shard(shard);
    ASSERT_LE(ids.size(), expected.size()) << path;
    for (std::size_t i = 0; i < ids.size(); ++i) {
      ASSERT_EQ(ids[i], testing::generated_id(expected[i]))
          << path << " holds " << ids.size() << " articles but not the first " << ids.size()
          << " of its share";
    }
    EXPECT_GE(ids.size(), before[shard]) << "committed articles were lost from " << path;
    held[shard] = ids.size();
  }

  std::size_t total = 0;
  for (const std::size_t count : held)
    total += count;
  EXPECT_EQ(index->size(), total);
  if (total == 0) return;
  const auto marked = index->search(
      {.query = std::string(testing::kGeneratedMarker), .limit = 1, .collapse_duplicates = false});
  EXPECT_EQ(marked.total, total) << "the postings disagree with the ids";
  // Articles read back whole, a few of them at random from each shard.
  for (std::size_t shard = 0; shard < corpus.shards(); ++shard) {
    for (int sample = 0; sample < 5 && held[shard] > 0; ++sample) {
      const std::size_t n = corpus.of_shard(shard)[rng() % held[shard]];
      const Article expected = testing::generated_article(n);
      const auto stored = index->get(expected.id);
      if (!stored) {
        ADD_FAILURE() << expected.id << " is listed but cannot be read";
        continue;
      }
      EXPECT_EQ(stored->title, expected.title) << expected.id;
      EXPECT_EQ(stored->body, expected.body) << expected.id;
      EXPECT_EQ(stored->date, expected.date) << expected.id;
    }
  }
}

std::size_t sum(const std::vector<std::size_t>& counts) {
  std::size_t total = 0;
  for (const std::size_t count : counts)
    total += count;
  return total;
}

// The numbers of a summary line "indexed N articles in S s: A added, R replaced, U unchanged,
// K skipped; T in DB" (or "interrupted after N articles ..."), or an empty vector when `out`
// has none.
std::vector<std::size_t> summary_numbers(const std::string& out) {
  std::size_t start = out.find("indexed ");
  if (start == std::string::npos) start = out.find("interrupted after ");
  if (start == std::string::npos) return {};
  std::vector<std::size_t> numbers(6);
  double seconds = 0;
  const int found = std::sscanf(out.c_str() + start,
                                "%*[a-z ]%zu articles in %lf s: %zu added, %zu replaced, "
                                "%zu unchanged, %zu skipped; %zu in ",
                                &numbers[0], &seconds, &numbers[1], &numbers[2], &numbers[3],
                                &numbers[4], &numbers[5]);
  if (found != 7) return {};
  return numbers;
}

// What may be left beside the index by creators that died: a hidden ".db.creating-PID" folder.
std::vector<std::string> creation_leftovers(const fs::path& db) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(db.parent_path())) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with("." + db.filename().string() + ".creating-")) names.push_back(name);
  }
  return names;
}

struct CrashPlan {
  std::size_t articles = 0;
  std::size_t kills = 0;
  std::size_t shards = 1;
};

void kill_and_resume(const CrashPlan& plan) {
  const std::uint64_t seed = env_number("NEWSDEX_CRASH_SEED", std::random_device{}());
  std::cout << "kill moments from seed " << seed << " (NEWSDEX_CRASH_SEED replays them)\n";
  std::mt19937_64 rng(seed);
  testing::TempDir dir;
  constexpr std::size_t kFiles = 10;
  const Corpus corpus(dir / "corpus", plan.articles, kFiles, plan.shards);
  const fs::path db = dir / "db";
  const std::string batch = std::to_string(std::max<std::size_t>(50, plan.articles / 100));
  const std::vector<std::string> command{"index",
                                         "--db",
                                         db.string(),
                                         "--batch",
                                         batch,
                                         "--shards",
                                         std::to_string(plan.shards),
                                         corpus.folder().string()};

  // How long a whole run takes here, from one file of the corpus: the kill moments are spread
  // over that time.
  const auto calibration_start = Clock::now();
  const auto sample =
      testing::run_command(SEARCHTOOL_PATH, {"index", "--db", (dir / "sample").string(), "--batch",
                                             batch, "--shards", std::to_string(plan.shards),
                                             (corpus.folder() / "part-000.jsonl").string()});
  ASSERT_EQ(sample.exit_code, 0) << sample.err;
  const double horizon = 1.2 * kFiles * Seconds(Clock::now() - calibration_start).count();
  std::cout << "a whole run takes about " << horizon << " s\n";

  std::vector<std::size_t> held(plan.shards, 0);
  std::size_t kills = 0;
  std::size_t finished_runs = 0;
  for (std::size_t run = 0; kills < plan.kills; ++run) {
    ASSERT_LT(run, 4 * plan.kills) << "runs keep finishing before they are killed";
    // The first kill lands while the index is being created; the others anywhere in a run.
    const double delay =
        std::uniform_real_distribution<double>(0, kills == 0 ? 0.03 : horizon)(rng);
    ChildProcess writer(SEARCHTOOL_PATH, command, dir / ("run-" + std::to_string(run)));
    std::optional<int> status = writer.wait_for(to_ms(delay));
    if (!status) {
      writer.signal(SIGKILL);
      status = writer.wait();
    }
    if (WIFSIGNALED(*status) && WTERMSIG(*status) == SIGKILL) {
      ++kills;
      check_index(db, corpus, held, rng);
      std::cout << "kill " << kills << " after " << delay << " s: "
                << (fs::exists(db) ? std::to_string(sum(held)) + " articles committed"
                                   : std::string("no index yet"))
                << '\n';
      if (::testing::Test::HasFatalFailure()) return;
      continue;
    }
    // The run ended before its kill: it must have finished the job. Start again from nothing.
    ASSERT_TRUE(WIFEXITED(*status) && WEXITSTATUS(*status) == 0)
        << describe_status(*status) << ": " << writer.err();
    check_index(db, corpus, held, rng);
    if (::testing::Test::HasFatalFailure()) return;
    EXPECT_EQ(sum(held), plan.articles);
    ++finished_runs;
    std::cout << "run " << run + 1 << " finished before its kill; again from no index\n";
    fs::remove_all(db);
    held.assign(plan.shards, 0);
  }

  const auto last = testing::run_command(SEARCHTOOL_PATH, command);
  ASSERT_EQ(last.exit_code, 0) << last.err;
  const auto numbers = summary_numbers(last.out);
  ASSERT_EQ(numbers.size(), 6u) << last.out;
  const std::size_t already = sum(held);
  EXPECT_EQ(numbers[0], plan.articles) << last.out;            // read
  EXPECT_EQ(numbers[1], plan.articles - already) << last.out;  // added
  EXPECT_EQ(numbers[2], 0u) << last.out;                       // replaced
  EXPECT_EQ(numbers[3], already) << last.out;                  // unchanged
  EXPECT_EQ(numbers[4], 0u) << last.out;                       // skipped
  EXPECT_EQ(numbers[5], plan.articles) << last.out;            // in the index
  check_index(db, corpus, held, rng);
  EXPECT_EQ(sum(held), plan.articles);
  EXPECT_EQ(creation_leftovers(db), std::vector<std::string>{});
  std::cout << kills << " kills, " << finished_runs << " runs that finished before their kill\n";
}

TEST(CrashResume, KilledAtRandomMomentsLosesNothingCommittedAndResumes) {
  kill_and_resume({.articles = 6000, .kills = 4});
}

TEST(CrashResume, ShardedIndexKilledAtRandomMoments) {
  kill_and_resume({.articles = 3000, .kills = 3, .shards = 3});
}

TEST(CrashResumeLong, FiftyThousandArticlesTwelveKills) {
  if (!long_tests_enabled()) GTEST_SKIP() << "set NEWSDEX_LONG_TESTS=1 to run the long form";
  kill_and_resume({.articles = env_number("NEWSDEX_CRASH_ARTICLES", 50000),
                   .kills = env_number("NEWSDEX_CRASH_KILLS", 12)});
}

TEST(CrashResumeLong, ShardedFiftyThousandArticles) {
  if (!long_tests_enabled()) GTEST_SKIP() << "set NEWSDEX_LONG_TESTS=1 to run the long form";
  kill_and_resume({.articles = env_number("NEWSDEX_CRASH_ARTICLES", 50000),
                   .kills = env_number("NEWSDEX_CRASH_KILLS", 12),
                   .shards = 4});
}

// Sends `number` to an index run once it has committed something, and checks that it commits
// what it read and exits with 130.
void interrupt_run(int number) {
  testing::TempDir dir;
  const Corpus corpus(dir / "corpus", 6000, 4, 1);
  const fs::path db = dir / "db";
  const std::vector<std::string> command{"index",   "--db", db.string(),
                                         "--batch", "200",  corpus.folder().string()};
  ChildProcess writer(SEARCHTOOL_PATH, command, dir / "interrupted");
  // Wait for a first commit, then interrupt somewhere after it.
  const auto deadline = Clock::now() + std::chrono::seconds(60);
  for (;;) {
    ASSERT_LT(Clock::now(), deadline) << "nothing committed after 60 s";
    ASSERT_FALSE(writer.finished()) << "finished before it could be interrupted";
    try {
      if (Xapian::Database(db.string()).get_doccount() > 0) break;
    } catch (const Xapian::Error&) {
      // not created yet
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(std::random_device{}() % 200));
  writer.signal(number);
  const auto status = writer.wait_for(std::chrono::seconds(60));
  ASSERT_TRUE(status) << "still running 60 s after the signal";
  ASSERT_TRUE(WIFEXITED(*status) && WEXITSTATUS(*status) == 130)
      << describe_status(*status) << ": " << writer.err();
  const auto numbers = summary_numbers(writer.out());
  ASSERT_EQ(numbers.size(), 6u) << writer.out();
  EXPECT_NE(writer.out().find("interrupted after"), std::string::npos) << writer.out();
  std::mt19937_64 rng(number);
  std::vector<std::size_t> held{0};
  check_index(db, corpus, held, rng);
  ASSERT_FALSE(::testing::Test::HasFatalFailure());
  // Every article read before the signal was committed, and the summary says how many.
  EXPECT_EQ(held[0], numbers[0]) << writer.out();
  EXPECT_EQ(numbers[1], numbers[0]) << writer.out();
  EXPECT_EQ(numbers[5], numbers[0]) << writer.out();
  EXPECT_LT(held[0], corpus.articles()) << "finished before the signal arrived";

  const auto again = testing::run_command(SEARCHTOOL_PATH, command);
  EXPECT_EQ(again.exit_code, 0) << again.err;
  const auto resumed = summary_numbers(again.out);
  ASSERT_EQ(resumed.size(), 6u) << again.out;
  EXPECT_EQ(resumed[3], held[0]) << again.out;
  EXPECT_EQ(resumed[1], corpus.articles() - held[0]) << again.out;
}

TEST(Interrupt, SigintCommitsWhatWasReadAndExits130) {
  interrupt_run(SIGINT);
}

TEST(Interrupt, SigtermCommitsWhatWasReadAndExits130) {
  interrupt_run(SIGTERM);
}

TEST(Interrupt, CtrlCOnAPipelineCommitsWhatCameThroughStandardInput) {
  // Ctrl-C reaches every process of a pipeline: the producer dies, so standard input ends.
  testing::TempDir dir;
  const fs::path db = dir / "db";
  ChildProcess writer(SEARCHTOOL_PATH, {"index", "--db", db.string(), "-"}, dir / "pipe");
  for (std::size_t n = 0; n < 3; ++n)
    writer.write_input(testing::to_json_line(testing::generated_article(n)) + "\n");
  // Once blocked reading for more, the tool has read the three and handles signals.
  const auto deadline = Clock::now() + std::chrono::seconds(60);
  while (!writer.reading_input()) {
    ASSERT_LT(Clock::now(), deadline) << "never waited for more input";
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  writer.signal(SIGINT);
  writer.close_input();
  const auto status = writer.wait_for(std::chrono::seconds(60));
  ASSERT_TRUE(status);
  ASSERT_TRUE(WIFEXITED(*status) && WEXITSTATUS(*status) == 130)
      << describe_status(*status) << ": " << writer.err();
  EXPECT_NE(writer.out().find("interrupted after 3 articles"), std::string::npos) << writer.out();
  EXPECT_EQ(Index::open(db).size(), 3u);
}

TEST(Interrupt, ASecondSignalEndsTheRunAtOnceAndKeepsTheLastCommit) {
  testing::TempDir dir;
  const fs::path db = dir / "db";
  {
    auto writer = IndexWriter::open(db);
    writer.add(testing::generated_article(0));
    writer.commit();
  }
  ChildProcess writer(SEARCHTOOL_PATH, {"index", "--db", db.string(), "-"}, dir / "stuck");
  writer.write_input(testing::to_json_line(testing::generated_article(1)) + "\n");
  const auto deadline = Clock::now() + std::chrono::seconds(60);
  while (!writer.reading_input()) {
    ASSERT_LT(Clock::now(), deadline) << "never waited for more input";
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  // Blocked reading a standard input that never ends: the first signal cannot be acted on.
  writer.signal(SIGINT);
  EXPECT_FALSE(writer.wait_for(std::chrono::milliseconds(300)));
  writer.signal(SIGINT);
  const auto status = writer.wait_for(std::chrono::seconds(60));
  ASSERT_TRUE(status);
  EXPECT_TRUE(WIFSIGNALED(*status) && WTERMSIG(*status) == SIGINT) << describe_status(*status);
  const auto check = testing::run_command(XAPIAN_CHECK_PATH, {db.string()});
  EXPECT_EQ(check.exit_code, 0) << check.out;
  EXPECT_EQ(Index::open(db).size(), 1u) << "the last commit is intact";
}

}  // namespace
}  // namespace newsdex
