// searchtool index: read articles and add them to an index, committing in batches.
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>

#include <nlohmann/json.hpp>
#include <signal.h>

#include <newsdex/error.hpp>
#include <newsdex/index_writer.hpp>
#include <newsdex/ingest.hpp>

#include "cli.hpp"

namespace searchtool {

namespace {

std::atomic<bool> stop_requested{false};

extern "C" void request_stop(int) {
  stop_requested = true;
}

// The first SIGINT or SIGTERM asks the loop to stop after the article at hand and commit; a
// second one ends the process at once (the last commit is safe either way), which matters when
// the reader is blocked waiting for standard input.
void stop_on_signals() {
  struct sigaction action {};
  action.sa_handler = request_stop;
  action.sa_flags = SA_RESETHAND;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

// A one-line progress report on a terminal, redrawn at most a few times a second.
class Progress {
 public:
  explicit Progress(bool enabled) : enabled_(enabled) {}

  void update(std::size_t articles, std::size_t skipped) {
    if (!enabled_) return;
    const auto now = Clock::now();
    if (now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    std::fprintf(stderr, "\r\033[Kindexed %zu articles (%.0f/s), %zu skipped", articles,
                 seconds > 0 ? articles / seconds : 0.0, skipped);
  }

  void clear() {
    if (enabled_) std::fputs("\r\033[K", stderr);
  }

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_{};
};

}  // namespace

int run_index(const std::vector<std::string>& args) {
  po::options_description options("index options");
  std::string db;
  std::string format;
  std::vector<std::string> inputs;
  newsdex::WriterOptions writer_options;
  std::size_t batch_mb = writer_options.batch_bytes >> 20;
  newsdex::ReadOptions read_options;
  std::size_t max_article_mb = read_options.max_article_bytes >> 20;
  double wait_lock = 0;
  options.add_options()("db", po::value(&db)->required(), "index folder (created when missing)")(
      "format", po::value(&format)->default_value("auto"), "input format: auto, plain or jsonl")(
      "language", po::value(&writer_options.language)->default_value("english"),
      "stemming language of a new index, for articles that name none")(
      "title-weight",
      po::value(&writer_options.title_weight)->default_value(writer_options.title_weight),
      "how many body words a title word counts as, in a new index (1-100)")(
      "batch",
      po::value(&writer_options.batch_articles)->default_value(writer_options.batch_articles),
      "commit after this many articles")(
      "batch-mb", po::value(&batch_mb)->default_value(batch_mb),
      "commit once this many MiB of text are pending (bounds memory)")(
      "max-article-mb", po::value(&max_article_mb)->default_value(max_article_mb),
      "skip articles (files, JSON lines) larger than this many MiB")(
      "wait-lock", po::value(&wait_lock)->default_value(0),
      "seconds to wait for another writer to finish; 0: fail at once")(
      "threads", po::value(&writer_options.threads)->default_value(writer_options.threads),
      "threads that build and write documents; 0 for one per core")(
      "shards", po::value(&writer_options.shards)->default_value(writer_options.shards),
      "shards of a new index, written in parallel")(
      "no-extract", "index only the speakers and places the input lists: find none in the text")(
      "no-duplicates", "do not look for copies of one story (faster; searches show each copy)");
  GazetteerOptions gazetteer;
  gazetteer.add_to(options);
  options.add_options()("json", "print the summary as JSON")(
      "quiet,q", "print no progress line and no summary")("input", po::value(&inputs)->multitoken(),
                                                          "files, folders or - (standard input)");
  po::positional_options_description positional;
  positional.add("input", -1);
  po::variables_map values;
  if (!parse_options("index", "--db DB [OPTIONS] INPUT...", args, options, positional, values)) {
    return kExitOk;
  }
  if (inputs.empty())
    throw UsageError("no input given: name files, folders or - for standard input");
  if (batch_mb == 0) throw UsageError("--batch-mb must be at least 1");
  if (max_article_mb == 0) throw UsageError("--max-article-mb must be at least 1");
  if (writer_options.shards == 0) throw UsageError("--shards must be at least 1");
  writer_options.batch_bytes = batch_mb << 20;
  writer_options.group_duplicates = values.count("no-duplicates") == 0;
  writer_options.wait_for_lock = wait_lock_option(wait_lock);
  read_options.max_article_bytes = max_article_mb << 20;
  const bool quiet = values.count("quiet") > 0;
  const bool json = values.count("json") > 0;
  writer_options.extract = values.count("no-extract") == 0;
  if (!writer_options.extract && !gazetteer.files.cities.empty()) {
    throw UsageError("--gazetteer has no use with --no-extract");
  }
  if (writer_options.extract) writer_options.extraction.gazetteer = gazetteer.load();

  read_options.format = parse_format(format);
  newsdex::ArticleReader reader(inputs, read_options);
  auto writer = newsdex::IndexWriter::open(db, writer_options);

  stop_on_signals();
  Progress progress(!quiet && is_terminal(stderr));
  const auto start = std::chrono::steady_clock::now();
  std::size_t read = 0;
  std::size_t skipped = 0;
  std::size_t warnings = 0;
  auto report_problems = [&] {
    for (const auto& problem : reader.take_problems()) {
      progress.clear();
      print_error(problem.to_string());
      (problem.skipped ? skipped : warnings) += 1;
    }
  };
  // Articles go to the writer in groups, which it builds and writes on several threads.
  constexpr std::size_t kGroupArticles = 512;
  constexpr std::size_t kGroupBytes = std::size_t{4} << 20;
  std::vector<newsdex::Article> group;
  std::vector<newsdex::SourceLocation> locations;
  std::size_t group_bytes = 0;
  auto skip = [&](const newsdex::SourceLocation& where, const std::string& message) {
    progress.clear();
    print_error(where.file + ":" + std::to_string(where.line) + ": " + message + " (skipped)");
    ++skipped;
  };
  auto warn_repeated = [&](std::size_t i) {
    const auto& where = locations[i];
    progress.clear();
    print_error(where.file + ":" + std::to_string(where.line) + ": id \"" + group[i].id +
                "\" was already given earlier in this input; this article replaces it");
    ++warnings;
  };
  auto flush_group = [&] {
    std::vector<std::size_t> repeated;
    try {
      writer.add_batch(group, &repeated);
    } catch (const newsdex::InvalidArgumentError&) {
      // Some article cannot be indexed: add them one by one to report which.
      for (std::size_t i = 0; i < group.size(); ++i) {
        try {
          const std::size_t duplicates = writer.stats().duplicates;
          writer.add(group[i]);
          if (writer.stats().duplicates > duplicates) repeated.push_back(i);
        } catch (const newsdex::InvalidArgumentError& error) {
          skip(locations[i], error.what());
        }
      }
    }
    for (const std::size_t i : repeated)
      warn_repeated(i);
    group.clear();
    locations.clear();
    group_bytes = 0;
    progress.update(read, skipped);
  };
  while (!stop_requested) {
    auto article = reader.next();
    report_problems();
    if (!article) break;
    ++read;
    group_bytes += article->body.size();
    group.push_back(std::move(*article));
    locations.push_back(reader.location());
    if (group.size() >= kGroupArticles || group_bytes >= kGroupBytes) flush_group();
  }
  if (!group.empty()) flush_group();
  writer.commit();
  progress.clear();

  const auto& stats = writer.stats();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (json) {
    nlohmann::ordered_json summary{{"db", db},
                                   {"added", stats.added},
                                   {"replaced", stats.replaced},
                                   {"unchanged", stats.unchanged},
                                   {"skipped", skipped},
                                   {"duplicates", stats.duplicates},
                                   {"warnings", warnings},
                                   {"articles_in_index", writer.size()},
                                   {"seconds", seconds},
                                   {"interrupted", stop_requested.load()}};
    std::cout << summary.dump() << '\n';
  } else if (!quiet) {
    std::printf(
        "%s %zu articles in %.1f s: %zu added, %zu replaced, %zu unchanged, %zu skipped; "
        "%zu in %s\n",
        stop_requested ? "interrupted after" : "indexed", read, seconds, stats.added,
        stats.replaced, stats.unchanged, skipped, writer.size(), db.c_str());
  }
  if (stop_requested) return kExitInterrupted;
  return skipped > 0 ? kExitSkipped : kExitOk;
}

}  // namespace searchtool
