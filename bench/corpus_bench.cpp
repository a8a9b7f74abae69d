// Corpus benchmark: indexes one corpus with newsdex and with two baselines (Xapian used by hand,
// SQLite FTS5), runs the same query set on the three indexes and prints one table of absolute
// figures and of newsdex's ratios to each baseline, all measured in the same run.
//
//   corpus_bench                                   # ../shared/data/reuters21578/reuters.jsonl.gz
//   corpus_bench --copies 10 --threads 2           # Reuters x10, newsdex on two threads
//   corpus_bench --generate 100000                 # a generated corpus, no input needed
//   corpus_bench --copies 3 --work W --keep        # keeps the indexes (and their figures) in W
//   corpus_bench --copies 3 --work W --reuse       # queries them again, without indexing
//
// Each indexer runs in a child process (this program again, with --phase index), so that its
// peak RSS is its own; queries run in this process. See bench/RESULTS.md for the method.
#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <newsdex/index.hpp>
#include <newsdex/index_writer.hpp>

#include "analysis/analysis.hpp"
#include "bench_corpus.hpp"

namespace {

namespace fs = std::filesystem;
using newsdex::Article;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Options {
  newsdex::bench::CorpusOptions corpus;
  std::string work = "corpus-bench";  // folder for the three indexes
  std::size_t threads = 0;            // newsdex writer threads; 0: one per core
  std::size_t shards = 1;             // shards of the newsdex index
  bool compact = false;               // compact the newsdex index after indexing (timed)
  bool merge_shards = false;          // and merge its shards into one database while at it
  bool extract = true;                // newsdex finds speakers, places and dates, as by default
  std::size_t queries = 525;
  std::size_t rounds = 3;
  std::size_t batch_mb = 0;  // newsdex --batch-mb; 0: the default
  std::size_t batch = 0;     // newsdex --batch (articles per commit); 0: the default
  std::vector<std::string> engines{"newsdex", "xapian", "fts5"};
  bool keep = false;
  bool reuse = false;  // query the indexes a --keep run left in --work instead of indexing
  // Internal: run one indexing phase in this process.
  std::string phase_engine;
};

[[noreturn]] void usage(const std::string& problem) {
  std::cerr << "corpus_bench: " << problem << "\n"
            << "usage: corpus_bench [--input FILE.jsonl[.gz]] [--copies K] [--generate N]\n"
               "         [--body-bytes N (mean body of generated articles)]\n"
               "         [--limit N] [--threads T] [--shards N] [--compact] [--merge-shards] "
               "[--no-extract] "
               "[--batch N] [--batch-mb N] [--queries N] [--rounds R]\n"
               "         [--engines newsdex,xapian,fts5] [--work DIR] [--keep] [--reuse]\n";
  std::exit(2);
}

Options parse_options(int argc, char** argv) {
  Options options;
  options.corpus.input = "../shared/data/reuters21578/reuters.jsonl.gz";
  auto number = [&](int& i) -> std::size_t {
    if (i + 1 >= argc) usage(std::string(argv[i]) + " needs a value");
    return static_cast<std::size_t>(std::stoull(argv[++i]));
  };
  auto text = [&](int& i) -> std::string {
    if (i + 1 >= argc) usage(std::string(argv[i]) + " needs a value");
    return argv[++i];
  };
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--input") {
      options.corpus.input = text(i);
    } else if (arg == "--copies") {
      options.corpus.copies = number(i);
    } else if (arg == "--generate") {
      options.corpus.generate = number(i);
      options.corpus.input.clear();
    } else if (arg == "--body-bytes") {
      options.corpus.mean_body_bytes = number(i);
    } else if (arg == "--limit") {
      options.corpus.limit = number(i);
    } else if (arg == "--threads") {
      options.threads = number(i);
    } else if (arg == "--shards") {
      options.shards = number(i);
    } else if (arg == "--compact") {
      options.compact = true;
    } else if (arg == "--merge-shards") {
      options.compact = true;
      options.merge_shards = true;
    } else if (arg == "--no-extract") {
      options.extract = false;
    } else if (arg == "--batch") {
      options.batch = number(i);
    } else if (arg == "--batch-mb") {
      options.batch_mb = number(i);
    } else if (arg == "--queries") {
      options.queries = number(i);
    } else if (arg == "--rounds") {
      options.rounds = number(i);
    } else if (arg == "--work") {
      options.work = text(i);
    } else if (arg == "--keep") {
      options.keep = true;
    } else if (arg == "--reuse") {
      options.keep = true;
      options.reuse = true;
    } else if (arg == "--engines") {
      options.engines.clear();
      std::stringstream list(text(i));
      for (std::string name; std::getline(list, name, ',');)
        options.engines.push_back(name);
    } else if (arg == "--phase-index") {
      options.phase_engine = text(i);
    } else {
      usage("unknown option " + arg);
    }
  }
  if (const std::string problem = newsdex::bench::corpus_problem(options.corpus);
      !problem.empty()) {
    usage(problem);
  }
  return options;
}

std::uintmax_t folder_bytes(const fs::path& path) {
  std::uintmax_t total = 0;
  if (fs::is_regular_file(path)) return fs::file_size(path);
  for (const auto& entry : fs::recursive_directory_iterator(path)) {
    if (entry.is_regular_file()) total += entry.file_size();
  }
  return total;
}

std::string stored_json(const Article& article) {
  nlohmann::json data{{"id", article.id},
                      {"title", article.title},
                      {"date", article.date ? article.date->iso() : ""},
                      {"body", article.body}};
  return data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// ---------------------------------------------------------------------------------------------
// Indexers. Each reads the corpus itself, so reading and parsing count for all three alike.

struct IndexFigures {
  std::size_t articles = 0;
  std::size_t body_bytes = 0;
  double seconds = 0;
};

IndexFigures index_newsdex(const Options& options, const fs::path& db) {
  newsdex::WriterOptions writer_options;
  if (options.batch_mb > 0) writer_options.batch_bytes = options.batch_mb << 20;
  if (options.batch > 0) writer_options.batch_articles = options.batch;
  writer_options.threads = options.threads;
  writer_options.shards = options.shards;
  writer_options.extract = options.extract;
  newsdex::bench::CorpusSource source(options.corpus);
  IndexFigures figures;
  const auto start = Clock::now();
  {
    auto writer = newsdex::IndexWriter::open(db, writer_options);
    // Groups of articles as searchtool index passes them.
    std::vector<Article> group;
    while (auto article = source.next()) {
      figures.body_bytes += article->body.size();
      ++figures.articles;
      group.push_back(std::move(*article));
      if (group.size() == 512) {
        writer.add_batch(group);
        group.clear();
      }
    }
    writer.add_batch(group);
    writer.commit();
  }
  if (options.compact) newsdex::compact_index(db, {.merge_shards = options.merge_shards});
  figures.seconds = seconds_since(start);
  return figures;
}

// Xapian as its "getting started" guide writes an indexer: a TermGenerator with the English
// stemmer, title words under S and unprefixed, the fields as JSON document data, the id as a Q
// term and replace_document by it. Dates go in value slot 0 (for ranges and sorting) and
// places in XP terms (for filters), as a user who wants those queries would add them.
IndexFigures index_xapian(const Options& options, const fs::path& db) {
  newsdex::bench::CorpusSource source(options.corpus);
  IndexFigures figures;
  const auto start = Clock::now();
  Xapian::WritableDatabase database(db.string(), Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem("english"));
  while (auto article = source.next()) {
    figures.body_bytes += article->body.size();
    ++figures.articles;
    Xapian::Document document;
    generator.set_document(document);
    generator.index_text(article->title, 1, "S");
    generator.index_text(article->title);
    generator.increase_termpos();
    generator.index_text(article->body);
    for (const auto& place : article->places) {
      std::string term = "XP" + place;
      std::transform(term.begin() + 2, term.end(), term.begin() + 2,
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      if (term.size() < 240) document.add_boolean_term(term);
    }
    if (article->date) document.add_value(0, article->date->compact());
    document.set_data(stored_json(*article));
    const std::string id_term = "Q" + article->id;
    document.add_boolean_term(id_term);
    database.replace_document(id_term, document);
  }
  database.commit();
  figures.seconds = seconds_since(start);
  return figures;
}

void check_sqlite(int code, sqlite3* db, const char* what) {
  if (code != SQLITE_OK && code != SQLITE_DONE && code != SQLITE_ROW) {
    throw std::runtime_error(std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "sqlite"));
  }
}

// SQLite FTS5 as its documentation suggests: one virtual table holding the text, the porter
// tokenizer over unicode61, inserts in transactions of 10,000 rows.
IndexFigures index_fts5(const Options& options, const fs::path& db) {
  newsdex::bench::CorpusSource source(options.corpus);
  IndexFigures figures;
  const auto start = Clock::now();
  sqlite3* handle = nullptr;
  check_sqlite(sqlite3_open(db.c_str(), &handle), handle, "open");
  check_sqlite(sqlite3_exec(handle,
                            "CREATE VIRTUAL TABLE articles USING fts5(title, body, places, "
                            "id UNINDEXED, date UNINDEXED, "
                            "tokenize = 'porter unicode61 remove_diacritics 2')",
                            nullptr, nullptr, nullptr),
               handle, "create");
  sqlite3_stmt* insert = nullptr;
  check_sqlite(sqlite3_prepare_v2(handle,
                                  "INSERT INTO articles(title, body, places, id, date) "
                                  "VALUES (?, ?, ?, ?, ?)",
                                  -1, &insert, nullptr),
               handle, "prepare");
  std::size_t in_transaction = 0;
  while (auto article = source.next()) {
    figures.body_bytes += article->body.size();
    ++figures.articles;
    if (in_transaction == 0) sqlite3_exec(handle, "BEGIN", nullptr, nullptr, nullptr);
    std::string places;
    for (const auto& place : article->places)
      places += place + '\n';
    const std::string date = article->date ? article->date->iso() : "";
    sqlite3_bind_text(insert, 1, article->title.data(), static_cast<int>(article->title.size()),
                      SQLITE_STATIC);
    sqlite3_bind_text(insert, 2, article->body.data(), static_cast<int>(article->body.size()),
                      SQLITE_STATIC);
    sqlite3_bind_text(insert, 3, places.data(), static_cast<int>(places.size()), SQLITE_STATIC);
    sqlite3_bind_text(insert, 4, article->id.data(), static_cast<int>(article->id.size()),
                      SQLITE_STATIC);
    sqlite3_bind_text(insert, 5, date.data(), static_cast<int>(date.size()), SQLITE_STATIC);
    check_sqlite(sqlite3_step(insert), handle, "insert");
    sqlite3_reset(insert);
    if (++in_transaction == 10000) {
      check_sqlite(sqlite3_exec(handle, "COMMIT", nullptr, nullptr, nullptr), handle, "commit");
      in_transaction = 0;
    }
  }
  if (in_transaction > 0) {
    check_sqlite(sqlite3_exec(handle, "COMMIT", nullptr, nullptr, nullptr), handle, "commit");
  }
  sqlite3_finalize(insert);
  sqlite3_close(handle);
  figures.seconds = seconds_since(start);
  return figures;
}

fs::path engine_db(const Options& options, const std::string& engine) {
  return fs::path(options.work) / (engine == "fts5" ? "fts5.sqlite" : engine + ".db");
}

int run_index_phase(const Options& options) {
  const fs::path db = engine_db(options, options.phase_engine);
  IndexFigures figures;
  if (options.phase_engine == "newsdex") {
    figures = index_newsdex(options, db);
  } else if (options.phase_engine == "xapian") {
    figures = index_xapian(options, db);
  } else if (options.phase_engine == "fts5") {
    figures = index_fts5(options, db);
  } else {
    usage("unknown engine " + options.phase_engine);
  }
  std::printf("%zu %zu %.6f\n", figures.articles, figures.body_bytes, figures.seconds);
  return 0;
}

struct IndexResult {
  IndexFigures figures;
  double peak_rss_mib = 0;
  double cpu_seconds = 0;  // user + system, all threads
  std::uintmax_t index_bytes = 0;
};

// Runs this program again as `--phase-index ENGINE` and returns what it measured, with its peak
// RSS from the kernel.
IndexResult run_indexer(const Options& options, const std::string& engine, int argc, char** argv) {
  const fs::path db = engine_db(options, engine);
  fs::remove_all(db);
  fs::remove(db.string() + "-wal");
  fs::remove(db.string() + "-journal");
  int out[2];
  if (pipe(out) != 0) throw std::runtime_error("pipe failed");
  std::vector<std::string> args(argv, argv + argc);
  args.push_back("--phase-index");
  args.push_back(engine);
  const pid_t child = fork();
  if (child < 0) throw std::runtime_error("fork failed");
  if (child == 0) {
    dup2(out[1], STDOUT_FILENO);
    close(out[0]);
    close(out[1]);
    std::vector<char*> raw;
    for (auto& arg : args)
      raw.push_back(arg.data());
    raw.push_back(nullptr);
    execv("/proc/self/exe", raw.data());
    _exit(127);
  }
  close(out[1]);
  std::string output;
  char buffer[256];
  for (ssize_t n; (n = read(out[0], buffer, sizeof buffer)) > 0;)
    output.append(buffer, static_cast<std::size_t>(n));
  close(out[0]);
  int status = 0;
  rusage usage{};
  wait4(child, &status, 0, &usage);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw std::runtime_error("indexing with " + engine + " failed");
  }
  IndexResult result;
  std::istringstream(output) >> result.figures.articles >> result.figures.body_bytes >>
      result.figures.seconds;
  result.peak_rss_mib = static_cast<double>(usage.ru_maxrss) / 1024.0;
  auto seconds = [](const timeval& time) {
    return static_cast<double>(time.tv_sec) + static_cast<double>(time.tv_usec) / 1e6;
  };
  result.cpu_seconds = seconds(usage.ru_utime) + seconds(usage.ru_stime);
  result.index_bytes = folder_bytes(db);
  return result;
}

// What indexing measured is kept beside each index, so that a later run with --reuse can
// measure queries again (after a change to the search code) and still print the whole table.
fs::path figures_file(const Options& options, const std::string& engine) {
  return fs::path(options.work) / (engine + ".figures");
}

void save_figures(const Options& options, const std::string& engine, const IndexResult& result) {
  std::ofstream out(figures_file(options, engine));
  out.precision(17);
  out << result.figures.articles << ' ' << result.figures.body_bytes << ' '
      << result.figures.seconds << ' ' << result.peak_rss_mib << ' ' << result.cpu_seconds << ' '
      << result.index_bytes << '\n';
}

IndexResult load_figures(const Options& options, const std::string& engine) {
  std::ifstream in(figures_file(options, engine));
  IndexResult result;
  if (!(in >> result.figures.articles >> result.figures.body_bytes >> result.figures.seconds >>
        result.peak_rss_mib >> result.cpu_seconds >> result.index_bytes)) {
    throw std::runtime_error("--reuse: no index of " + engine + " kept in " + options.work +
                             " (run with --keep first)");
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// The query set.

enum class QueryKind { one_word, two_words, three_words, phrase, date_range, newest, place };

const char* kind_name(QueryKind kind) {
  switch (kind) {
    case QueryKind::one_word:
      return "one word";
    case QueryKind::two_words:
      return "two words";
    case QueryKind::three_words:
      return "three words";
    case QueryKind::phrase:
      return "phrase";
    case QueryKind::date_range:
      return "word + date range";
    case QueryKind::newest:
      return "word, sorted by date";
    case QueryKind::place:
      return "word + place filter";
  }
  return "";
}

struct BenchQuery {
  QueryKind kind;
  std::vector<std::string> words;
  std::string place;
  std::string date_from, date_to;  // YYYY-MM-DD
  // Any of the words may match (OR) instead of all of them (AND); phrases stay phrases.
  bool any = false;
};

// The same queries with OR between their words: the set the baselines were quoted on.
std::vector<BenchQuery> with_any_word(std::vector<BenchQuery> queries) {
  for (auto& query : queries)
    query.any = true;
  return queries;
}

// Lower-case ASCII words of 3 to 15 letters: the same word for every engine's tokenizer.
std::vector<std::string> plain_words(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  bool clean = true;
  auto flush = [&] {
    if (clean && word.size() >= 3 && word.size() <= 15) words.push_back(word);
    word.clear();
    clean = true;
  };
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalpha(byte)) {
      word += static_cast<char>(std::tolower(byte));
    } else if (std::isdigit(byte) || byte >= 0x80 || c == '\'' || c == '-') {
      if (!word.empty()) clean = false;
      if (byte >= 0x80 || std::isdigit(byte)) clean = false;
      if (c == '\'' || c == '-') clean = false;
    } else {
      flush();
    }
  }
  flush();
  return words;
}

// Draws the query set from the first articles of the corpus with a fixed seed: words that occur
// in at least 10 articles and are not stopwords, pairs and triples of them, phrases of two
// adjacent words from an article, and fielded queries on a word from an article together with
// one of its places or a range of dates around it.
std::vector<BenchQuery> make_queries(const Options& options) {
  newsdex::bench::CorpusOptions sample = options.corpus;
  sample.copies = 1;
  sample.limit = 20000;
  newsdex::bench::CorpusSource source(sample);
  const Xapian::Stopper* stopper = newsdex::detail::stopper_for("english");
  std::unordered_map<std::string, std::size_t> document_frequency;
  std::vector<Article> articles;
  while (auto article = source.next()) {
    std::set<std::string> seen;
    for (auto& word : plain_words(article->title + "\n" + article->body)) {
      if ((*stopper)(word)) continue;
      if (seen.insert(word).second) ++document_frequency[word];
    }
    articles.push_back(std::move(*article));
  }
  std::vector<std::string> vocabulary;
  for (const auto& [word, count] : document_frequency) {
    if (count >= 10) vocabulary.push_back(word);
  }
  std::sort(vocabulary.begin(), vocabulary.end());
  if (vocabulary.empty() || articles.empty()) throw std::runtime_error("corpus too small");

  std::mt19937_64 random(20240611);
  auto pick = [&](std::size_t size) { return static_cast<std::size_t>(random() % size); };
  auto word = [&] { return vocabulary[pick(vocabulary.size())]; };
  auto usable = [&](const std::string& w) {
    auto it = document_frequency.find(w);
    return it != document_frequency.end() && it->second >= 10;
  };
  const std::size_t n = options.queries;
  std::vector<BenchQuery> queries;
  const std::size_t singles = n * 38 / 100, pairs = n * 23 / 100, triples = n * 15 / 100;
  const std::size_t phrases = n * 9 / 100, fielded = (n - singles - pairs - triples - phrases) / 3;
  for (std::size_t i = 0; i < singles; ++i)
    queries.push_back({QueryKind::one_word, {word()}, {}, {}, {}});
  for (std::size_t i = 0; i < pairs; ++i)
    queries.push_back({QueryKind::two_words, {word(), word()}, {}, {}, {}});
  for (std::size_t i = 0; i < triples; ++i)
    queries.push_back({QueryKind::three_words, {word(), word(), word()}, {}, {}, {}});
  // Words of an article, adjacent in its body and not separated by punctuation.
  auto article_words = [&](const Article& article) {
    std::vector<std::string> words;
    std::string current;
    for (const char c : article.body) {
      if (std::isalpha(static_cast<unsigned char>(c))) {
        current += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      } else if (c == ' ' && !current.empty()) {
        words.push_back(current);
        current.clear();
      } else {
        words.push_back(current + "|");  // a boundary no phrase may cross
        current.clear();
      }
    }
    return words;
  };
  for (std::size_t made = 0, tries = 0; made < phrases && tries < 100000; ++tries) {
    const auto words = article_words(articles[pick(articles.size())]);
    if (words.size() < 2) continue;
    const std::size_t at = pick(words.size() - 1);
    if (!usable(words[at]) || !usable(words[at + 1]) || (*stopper)(words[at]) ||
        (*stopper)(words[at + 1])) {
      continue;
    }
    queries.push_back({QueryKind::phrase, {words[at], words[at + 1]}, {}, {}, {}});
    ++made;
  }
  auto article_word = [&](const Article& article) -> std::string {
    auto words = plain_words(article.body);
    words.erase(std::remove_if(words.begin(), words.end(),
                               [&](const std::string& w) { return !usable(w) || (*stopper)(w); }),
                words.end());
    return words.empty() ? std::string() : words[pick(words.size())];
  };
  std::size_t dates = 0, newest = 0, places = 0;
  for (std::size_t tries = 0;
       (dates < fielded || newest < fielded || places < fielded) && tries < 100000; ++tries) {
    const Article& article = articles[pick(articles.size())];
    const std::string w = article_word(article);
    if (w.empty() || !article.date) continue;
    if (dates < fielded) {
      const long day = article.date->days();
      queries.push_back({QueryKind::date_range,
                         {w},
                         {},
                         newsdex::Date::from_days(day - 15).iso(),
                         newsdex::Date::from_days(day + 15).iso()});
      ++dates;
    } else if (newest < fielded) {
      queries.push_back({QueryKind::newest, {w}, {}, {}, {}});
      ++newest;
    } else if (!article.places.empty()) {
      const std::string& place = article.places[pick(article.places.size())];
      if (place.find('"') != std::string::npos) continue;
      queries.push_back({QueryKind::place, {w}, place, {}, {}});
      ++places;
    }
  }
  return queries;
}

std::string joined(const std::vector<std::string>& words) {
  std::string text;
  for (const auto& w : words)
    text += (text.empty() ? "" : " ") + w;
  return text;
}

// ---------------------------------------------------------------------------------------------
// Query runners: each returns the number of hits (at most 10) and reads id, title and date of
// each hit from the stored data; no engine makes snippets.

constexpr std::size_t kHits = 10;

class Searcher {
 public:
  virtual ~Searcher() = default;
  virtual std::size_t run(const BenchQuery& query) = 0;
};

class NewsdexSearcher : public Searcher {
 public:
  explicit NewsdexSearcher(const newsdex::Index& index) : index_(index) {}
  std::size_t run(const BenchQuery& query) override {
    newsdex::SearchRequest request;
    request.limit = kHits;
    request.snippet_bytes = 0;
    request.suggest_below = 0;  // no spelling suggestions: the baselines make none
    request.query =
        query.kind == QueryKind::phrase ? '"' + joined(query.words) + '"' : joined(query.words);
    if (query.kind == QueryKind::date_range) {
      request.query += " date:" + query.date_from + ".." + query.date_to;
    }
    if (query.kind == QueryKind::place) request.query += " place:\"" + query.place + '"';
    if (query.kind == QueryKind::newest) request.sort = newsdex::SortOrder::newest;
    if (query.any) request.match = newsdex::MatchMode::any;
    const auto results = index_.search(request);
    std::size_t checksum = 0;
    for (const auto& hit : results.hits)
      checksum += hit.id.size() + hit.title.size();
    sink_ += checksum;
    return results.hits.size();
  }
  std::size_t sink_ = 0;

 private:
  const newsdex::Index& index_;
};

class XapianSearcher : public Searcher {
 public:
  explicit XapianSearcher(const fs::path& db) : database_(db.string()) {
    parser_.set_stemmer(Xapian::Stem("english"));
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser_.set_database(database_);
  }
  std::size_t run(const BenchQuery& query) override {
    const std::string text =
        query.kind == QueryKind::phrase ? '"' + joined(query.words) + '"' : joined(query.words);
    parser_.set_default_op(query.any ? Xapian::Query::OP_OR : Xapian::Query::OP_AND);
    Xapian::Query parsed = parser_.parse_query(text);
    if (query.kind == QueryKind::date_range) {
      parsed = Xapian::Query(Xapian::Query::OP_FILTER, parsed,
                             Xapian::Query(Xapian::Query::OP_VALUE_RANGE, 0,
                                           compact(query.date_from), compact(query.date_to)));
    }
    if (query.kind == QueryKind::place) {
      std::string term = "XP" + query.place;
      std::transform(term.begin() + 2, term.end(), term.begin() + 2,
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      parsed = Xapian::Query(Xapian::Query::OP_FILTER, parsed, Xapian::Query(term));
    }
    Xapian::Enquire enquire(database_);
    enquire.set_query(parsed);
    if (query.kind == QueryKind::newest) enquire.set_sort_by_value_then_relevance(0, true);
    const Xapian::MSet mset = enquire.get_mset(0, kHits);
    std::size_t checksum = 0;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      const auto data = nlohmann::json::parse(it.get_document().get_data());
      checksum += data["id"].get<std::string>().size() + data["title"].get<std::string>().size();
    }
    sink_ += checksum;
    return mset.size();
  }
  std::size_t sink_ = 0;

 private:
  static std::string compact(const std::string& iso) {
    std::string digits;
    for (const char c : iso)
      if (c != '-') digits += c;
    return digits;
  }
  Xapian::Database database_;
  Xapian::QueryParser parser_;
};

class Fts5Searcher : public Searcher {
 public:
  explicit Fts5Searcher(const fs::path& db) {
    check_sqlite(
        sqlite3_open_v2(db.c_str(), &handle_, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr),
        handle_, "open");
    prepare(by_rank_,
            "SELECT id, title, date FROM articles WHERE articles MATCH ?1 "
            "ORDER BY bm25(articles) LIMIT 10");
    prepare(by_rank_in_dates_,
            "SELECT id, title, date FROM articles WHERE articles MATCH ?1 "
            "AND date BETWEEN ?2 AND ?3 ORDER BY bm25(articles) LIMIT 10");
    prepare(by_date_,
            "SELECT id, title, date FROM articles WHERE articles MATCH ?1 "
            "ORDER BY date DESC, bm25(articles) LIMIT 10");
  }
  ~Fts5Searcher() override {
    for (auto* statement : {by_rank_, by_rank_in_dates_, by_date_})
      sqlite3_finalize(statement);
    sqlite3_close(handle_);
  }
  std::size_t run(const BenchQuery& query) override {
    std::string match = "{title body} : ";
    if (query.kind == QueryKind::phrase) {
      match += '"' + joined(query.words) + '"';
    } else {
      match += '(';
      for (std::size_t i = 0; i < query.words.size(); ++i)
        match += (i == 0 ? "\"" : query.any ? " OR \"" : " \"") + query.words[i] + '"';
      match += ')';
    }
    if (query.kind == QueryKind::place) match += " AND places : \"" + query.place + '"';
    sqlite3_stmt* statement = query.kind == QueryKind::date_range ? by_rank_in_dates_
                              : query.kind == QueryKind::newest   ? by_date_
                                                                  : by_rank_;
    sqlite3_bind_text(statement, 1, match.data(), static_cast<int>(match.size()), SQLITE_TRANSIENT);
    if (query.kind == QueryKind::date_range) {
      sqlite3_bind_text(statement, 2, query.date_from.data(),
                        static_cast<int>(query.date_from.size()), SQLITE_TRANSIENT);
      sqlite3_bind_text(statement, 3, query.date_to.data(), static_cast<int>(query.date_to.size()),
                        SQLITE_TRANSIENT);
    }
    std::size_t hits = 0;
    std::size_t checksum = 0;
    int code;
    while ((code = sqlite3_step(statement)) == SQLITE_ROW) {
      ++hits;
      checksum += static_cast<std::size_t>(sqlite3_column_bytes(statement, 0) +
                                           sqlite3_column_bytes(statement, 1));
    }
    check_sqlite(code, handle_, "query");
    sqlite3_reset(statement);
    sink_ += checksum;
    return hits;
  }
  std::size_t sink_ = 0;

 private:
  void prepare(sqlite3_stmt*& statement, const char* sql) {
    check_sqlite(sqlite3_prepare_v2(handle_, sql, -1, &statement, nullptr), handle_, "prepare");
  }
  sqlite3* handle_ = nullptr;
  sqlite3_stmt* by_rank_ = nullptr;
  sqlite3_stmt* by_rank_in_dates_ = nullptr;
  sqlite3_stmt* by_date_ = nullptr;
};

struct QueryFigures {
  std::vector<double> latencies_ms;                  // one-thread passes, every round
  std::map<QueryKind, std::vector<double>> by_kind;  // the same, by kind
  double qps_one = 0, qps_two = 0;
  std::vector<std::size_t> hits;  // per query, from the first pass
};

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const auto at =
      static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(values.size())));
  return values[std::min(values.size() - 1, at == 0 ? 0 : at - 1)];
}

// One engine: a factory of per-thread searchers (Xapian and SQLite handles are per thread).
struct Engine {
  std::string name;
  std::function<std::unique_ptr<Searcher>()> make;
  QueryFigures figures;      // every word must match
  QueryFigures any_figures;  // any word may match
};

void one_thread_pass(const Engine& engine, QueryFigures& figures,
                     const std::vector<BenchQuery>& queries, bool record) {
  auto searcher = engine.make();
  const auto start = Clock::now();
  for (std::size_t i = 0; i < queries.size(); ++i) {
    const auto before = Clock::now();
    const std::size_t hits = searcher->run(queries[i]);
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - before).count();
    if (!record) {
      if (figures.hits.size() < queries.size()) figures.hits.push_back(hits);
      continue;
    }
    figures.latencies_ms.push_back(ms);
    figures.by_kind[queries[i].kind].push_back(ms);
  }
  if (record) {
    const double qps = static_cast<double>(queries.size()) / seconds_since(start);
    figures.qps_one = std::max(figures.qps_one, qps);
  }
}

void two_thread_pass(const Engine& engine, QueryFigures& figures,
                     const std::vector<BenchQuery>& queries) {
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    auto searcher = engine.make();
    for (std::size_t i; (i = next++) < queries.size();)
      searcher->run(queries[i]);
  };
  const auto start = Clock::now();
  std::thread other(work);
  work();
  other.join();
  const double qps = static_cast<double>(queries.size()) / seconds_since(start);
  figures.qps_two = std::max(figures.qps_two, qps);
}

// ---------------------------------------------------------------------------------------------
// The report.

std::string fixed(double value, int digits) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", digits, value);
  return text;
}

std::string load_average() {
  std::ifstream in("/proc/loadavg");
  std::string one, five, fifteen;
  in >> one >> five >> fifteen;
  return one + " " + five + " " + fifteen;
}

std::string cpu_model() {
  std::ifstream in("/proc/cpuinfo");
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
  }
  return "unknown";
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const Options options = parse_options(argc, argv);
    if (!options.phase_engine.empty()) return run_index_phase(options);
    fs::create_directories(options.work);

    std::cerr << "drawing the query set...\n";
    const std::vector<BenchQuery> queries = make_queries(options);

    std::map<std::string, IndexResult> indexed;
    for (const auto& engine : options.engines) {
      if (options.reuse) {
        indexed[engine] = load_figures(options, engine);
        continue;
      }
      std::cerr << "indexing with " << engine << "...\n";
      indexed[engine] = run_indexer(options, engine, argc, argv);
      save_figures(options, engine, indexed[engine]);
    }

    std::vector<Engine> engines;
    std::optional<newsdex::Index> newsdex_index;
    for (const auto& name : options.engines) {
      const fs::path db = engine_db(options, name);
      if (name == "newsdex") {
        newsdex_index = newsdex::Index::open(db);
        const newsdex::Index* index = &*newsdex_index;
        engines.push_back(
            {name, [index] { return std::make_unique<NewsdexSearcher>(*index); }, {}});
      } else if (name == "xapian") {
        engines.push_back({name, [db] { return std::make_unique<XapianSearcher>(db); }, {}});
      } else {
        engines.push_back({name, [db] { return std::make_unique<Fts5Searcher>(db); }, {}});
      }
    }
    const std::vector<BenchQuery> any_queries = with_any_word(queries);
    std::cerr << "running " << queries.size() << " queries with AND and with OR, " << options.rounds
              << " rounds...\n";
    for (auto& engine : engines) {
      // Warm-up: page cache, and the hit counts.
      one_thread_pass(engine, engine.figures, queries, false);
      one_thread_pass(engine, engine.any_figures, any_queries, false);
    }
    for (std::size_t round = 0; round < options.rounds; ++round) {
      for (auto& engine : engines) {
        one_thread_pass(engine, engine.figures, queries, true);
        one_thread_pass(engine, engine.any_figures, any_queries, true);
      }
      for (auto& engine : engines) {
        two_thread_pass(engine, engine.figures, queries);
        two_thread_pass(engine, engine.any_figures, any_queries);
      }
    }

    // Facets over every match (newsdex only; the baselines have none): the one-word queries
    // with place, source and month counts and a month timeline.
    std::vector<double> facet_ms;
    if (newsdex_index) {
      for (std::size_t round = 0; round < options.rounds; ++round) {
        for (const auto& query : queries) {
          if (query.kind != QueryKind::one_word) continue;
          newsdex::SearchRequest request;
          request.query = query.words.front();
          request.snippet_bytes = 0;
          request.suggest_below = 0;
          request.facets = {newsdex::FacetField::place, newsdex::FacetField::source,
                            newsdex::FacetField::month};
          request.timeline = newsdex::TimelinePeriod::month;
          const auto before = Clock::now();
          newsdex_index->search(request);
          facet_ms.push_back(
              std::chrono::duration<double, std::milli>(Clock::now() - before).count());
        }
      }
    }

    // The table: one column per engine, then newsdex's ratio to each baseline.
    struct Row {
      std::string label;
      std::function<double(const std::string&)> value;
      int digits;
    };
    auto figures_of = [&](const std::string& name, bool any = false) -> const QueryFigures& {
      for (const auto& engine : engines)
        if (engine.name == name) return any ? engine.any_figures : engine.figures;
      throw std::logic_error("no engine " + name);
    };
    std::vector<Row> rows{
        {"articles/s",
         [&](const std::string& e) {
           return static_cast<double>(indexed[e].figures.articles) / indexed[e].figures.seconds;
         },
         0},
        {"MB/s (body text)",
         [&](const std::string& e) {
           return static_cast<double>(indexed[e].figures.body_bytes) / 1e6 /
                  indexed[e].figures.seconds;
         },
         2},
        {"indexing time (s)", [&](const std::string& e) { return indexed[e].figures.seconds; }, 1},
        {"indexing CPU time, user + system (s)",
         [&](const std::string& e) { return indexed[e].cpu_seconds; }, 1},
        {"peak RSS while indexing (MiB)",
         [&](const std::string& e) { return indexed[e].peak_rss_mib; }, 0},
        {"index bytes / body bytes",
         [&](const std::string& e) {
           return static_cast<double>(indexed[e].index_bytes) /
                  static_cast<double>(indexed[e].figures.body_bytes);
         },
         2},
        {"query p50 (ms)",
         [&](const std::string& e) { return percentile(figures_of(e).latencies_ms, 50); }, 3},
        {"query p95 (ms)",
         [&](const std::string& e) { return percentile(figures_of(e).latencies_ms, 95); }, 3},
        {"query p99 (ms)",
         [&](const std::string& e) { return percentile(figures_of(e).latencies_ms, 99); }, 3},
        {"queries/s, 1 thread", [&](const std::string& e) { return figures_of(e).qps_one; }, 0},
        {"queries/s, 2 threads", [&](const std::string& e) { return figures_of(e).qps_two; }, 0},
    };
    auto kind_p50 = [&](const std::string& engine, QueryKind kind, bool any) {
      const auto& by_kind = figures_of(engine, any).by_kind;
      const auto it = by_kind.find(kind);
      return it == by_kind.end() ? 0.0 : percentile(it->second, 50);
    };
    for (int k = 0; k <= static_cast<int>(QueryKind::place); ++k) {
      const auto kind = static_cast<QueryKind>(k);
      rows.push_back({std::string("p50 (ms): ") + kind_name(kind),
                      [&, kind](const std::string& e) { return kind_p50(e, kind, false); }, 3});
    }
    // The OR set: single words, phrases and fielded queries are the same queries as above; only
    // pairs and triples change.
    for (const auto& [label, p] :
         {std::pair{"query p50 (ms), OR set", 50.0}, std::pair{"query p95 (ms), OR set", 95.0},
          std::pair{"query p99 (ms), OR set", 99.0}}) {
      rows.push_back(
          {label,
           [&, p](const std::string& e) { return percentile(figures_of(e, true).latencies_ms, p); },
           3});
    }
    rows.push_back({"queries/s, 1 thread, OR set",
                    [&](const std::string& e) { return figures_of(e, true).qps_one; }, 0});
    rows.push_back({"queries/s, 2 threads, OR set",
                    [&](const std::string& e) { return figures_of(e, true).qps_two; }, 0});
    for (const auto kind : {QueryKind::two_words, QueryKind::three_words}) {
      rows.push_back({std::string("p50 (ms), OR set: ") + kind_name(kind),
                      [&, kind](const std::string& e) { return kind_p50(e, kind, true); }, 3});
    }

    const IndexResult& first = indexed[options.engines.front()];
    std::cout << "corpus: "
              << (options.corpus.input.empty()
                      ? "generated, " + std::to_string(options.corpus.generate) + " articles"
                      : options.corpus.input + " x" + std::to_string(options.corpus.copies))
              << "; " << first.figures.articles << " articles, "
              << fixed(static_cast<double>(first.figures.body_bytes) / 1e6, 1)
              << " MB of body text; " << queries.size() << " queries x " << options.rounds
              << " rounds\n";
    std::cout << "machine: " << cpu_model() << ", " << std::thread::hardware_concurrency()
              << " cores; load average at the end " << load_average() << "\n";
    std::cout << "newsdex: "
              << (options.threads == 0 ? std::thread::hardware_concurrency() : options.threads)
              << " thread(s), " << options.shards << " shard(s), "
              << (options.merge_shards
                      ? "compacted into one database after indexing (time included)"
                  : options.compact ? "compacted after indexing (time included)"
                                    : "not compacted")
              << (options.extract ? ", extraction on (speakers, places, dates)"
                                  : ", extraction off (--no-extract)")
              << "\n";
    if (options.reuse) {
      std::cout << "indexes reused from an earlier run (--reuse): the indexing figures are "
                   "that run's\n";
    }
    std::cout << '\n';

    std::cout << "| |";
    for (const auto& e : options.engines)
      std::cout << ' ' << e << " |";
    const bool has_newsdex = indexed.count("newsdex") > 0;
    std::vector<std::string> baselines;
    for (const auto& e : options.engines)
      if (e != "newsdex" && has_newsdex) baselines.push_back(e);
    for (const auto& b : baselines)
      std::cout << " newsdex / " << b << " |";
    std::cout << "\n|---|";
    for (std::size_t i = 0; i < options.engines.size() + baselines.size(); ++i)
      std::cout << "---:|";
    std::cout << '\n';
    for (const auto& row : rows) {
      std::cout << "| " << row.label << " |";
      for (const auto& e : options.engines)
        std::cout << ' ' << fixed(row.value(e), row.digits) << " |";
      for (const auto& b : baselines) {
        const double base = row.value(b);
        std::cout << ' ' << (base > 0 ? fixed(row.value("newsdex") / base, 2) : "-") << " |";
      }
      std::cout << '\n';
    }

    if (!facet_ms.empty()) {
      std::cout << "\nnewsdex facets (place, source, month counts and a month timeline over every "
                   "match) on the one-word queries: p50 "
                << fixed(percentile(facet_ms, 50), 2) << " ms, p95 "
                << fixed(percentile(facet_ms, 95), 2) << " ms, p99 "
                << fixed(percentile(facet_ms, 99), 2) << " ms\n";
    }
    // How often the engines return the same number of hits (at most 10) for a query.
    if (engines.size() > 1) {
      std::cout << "\nsame number of hits (<= " << kHits << ") as newsdex:";
      for (const bool any : {false, true}) {
        std::cout << (any ? "; OR set:" : " AND set:");
        for (const auto& engine : engines) {
          if (engine.name == "newsdex" || !has_newsdex) continue;
          const auto& ours = figures_of("newsdex", any).hits;
          const auto& theirs = figures_of(engine.name, any).hits;
          std::size_t same = 0;
          for (std::size_t i = 0; i < queries.size(); ++i)
            same += ours[i] == theirs[i];
          std::cout << ' ' << engine.name << ' ' << same << '/' << queries.size();
        }
      }
      std::cout << '\n';
    }
    if (!options.keep) fs::remove_all(options.work);
    return 0;
  } catch (const std::exception& error) {
    std::cerr << "corpus_bench: " << error.what() << '\n';
    return 1;
  }
}
