// Throughput of the readers on generated news-like input: one plain article or JSON record parsed
// from memory, and whole JSON Lines files and folders of plain files read from disk (the page
// cache, after the first pass), plain and gzip.
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include <benchmark/benchmark.h>
#include <zlib.h>

#include <newsdex/ingest.hpp>

namespace {

namespace fs = std::filesystem;

// Paragraphs of sentences made of common news words, some with non-ASCII letters and quotes.
std::string generated_body(std::size_t bytes, unsigned seed) {
  static const char* const kWords[] = {
      "the",   "minister", "said",      "on",     "Thursday", "Azerbaijan's", "resolution",
      "Ağdam", "talks",    "statement", "peace",  "région",   "Karabakh",     "according",
      "to",    "sources",  "Łódź",      "and",    "cabinet",  "2022",         "parliament",
      "“we",   "will",     "not",       "accept", "this”",    "officials",    "Mr.",
      "Brenn", "of",       "a",         "in",     "harbour",  "workers",      "strike"};
  std::mt19937 random(seed);
  std::uniform_int_distribution<std::size_t> pick(0, std::size(kWords) - 1);
  std::string text = "Officials met in Kessel on Nov. 16 to discuss the budget.";
  while (text.size() < bytes) {
    const unsigned roll = random() % 40;
    text += roll == 0 ? ".\n\n" : roll < 4 ? ". " : " ";
    text += kWords[pick(random)];
  }
  return text + '.';
}

std::string plain_article(std::size_t bytes, unsigned seed) {
  return " date 2022-12-01 " + generated_body(bytes, seed) + '\n';
}

std::string json_record(std::size_t bytes, unsigned seed) {
  std::string body;
  for (const char c : generated_body(bytes, seed)) {
    if (c == '\n') {
      body += "\\n";
    } else {
      if (c == '"') body += '\\';
      body += c;
    }
  }
  return R"({"id": "gen-)" + std::to_string(seed) +
         R"(", "date": "2022-12-01T09:30:00Z", "title": "Generated story", "source": "Bench Wire",)"
         R"( "speakers": ["Leyla Abdullayeva", "Tomas Brenn"], "places": ["Kessel", "Ağdam"],)"
         R"( "body": ")" +
         body + "\"}";
}

void BM_ParsePlainArticle(benchmark::State& state) {
  const std::string text = plain_article(static_cast<std::size_t>(state.range(0)), 1);
  for (auto _ : state) {
    benchmark::DoNotOptimize(newsdex::parse_plain_article(text, "bench.txt", "bench"));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_ParsePlainArticle)->Arg(2 << 10)->Arg(64 << 10);

void BM_ParseJsonArticle(benchmark::State& state) {
  const std::string json = json_record(static_cast<std::size_t>(state.range(0)), 1);
  for (auto _ : state) {
    benchmark::DoNotOptimize(newsdex::parse_json_article(json, "bench.jsonl", 1));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * json.size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_ParseJsonArticle)->Arg(2 << 10)->Arg(64 << 10);

// Generated input files, written once per run and removed at exit.
class Corpus {
 public:
  static constexpr int kRecords = 8000;  // about 20 MB of JSON Lines
  static constexpr int kPlainFiles = 2000;

  static const Corpus& get() {
    static const Corpus corpus;
    return corpus;
  }
  ~Corpus() {
    std::error_code ignored;
    fs::remove_all(root, ignored);
  }

  fs::path root;
  std::string jsonl, jsonl_gzip, folder;
  std::size_t jsonl_bytes = 0, folder_bytes = 0;

 private:
  Corpus() {
    std::string pattern = (fs::temp_directory_path() / "newsdex-bench-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    root = pattern;
    jsonl = (root / "feed.jsonl").string();
    jsonl_gzip = (root / "feed.jsonl.gz").string();
    folder = (root / "articles").string();
    std::ofstream out(jsonl, std::ios::binary);
    gzFile packed = gzopen(jsonl_gzip.c_str(), "wb6");
    for (int i = 0; i < kRecords; ++i) {
      const std::string line = json_record(1500 + (i * 7919) % 3000, i) + '\n';
      out << line;
      gzwrite(packed, line.data(), static_cast<unsigned>(line.size()));
      jsonl_bytes += line.size();
    }
    gzclose(packed);
    for (int i = 0; i < kPlainFiles; ++i) {
      const fs::path file =
          fs::path(folder) / std::to_string(i % 20) / (std::to_string(i) + ".txt");
      fs::create_directories(file.parent_path());
      const std::string text = plain_article(1500 + (i * 7919) % 3000, i);
      std::ofstream(file, std::ios::binary) << text;
      folder_bytes += text.size();
    }
  }
};

void read_everything(benchmark::State& state, const std::string& input, std::size_t bytes) {
  std::size_t articles = 0;
  for (auto _ : state) {
    newsdex::ArticleReader reader({input});
    while (auto article = reader.next()) {
      benchmark::DoNotOptimize(article->body.data());
      ++articles;
    }
    if (!reader.take_problems().empty()) state.SkipWithError("unexpected problems");
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(static_cast<int64_t>(articles));
}

void BM_ReadJsonlFile(benchmark::State& state) {
  const Corpus& corpus = Corpus::get();
  read_everything(state, corpus.jsonl, corpus.jsonl_bytes);
}
BENCHMARK(BM_ReadJsonlFile)->Unit(benchmark::kMillisecond);

// Bytes are counted uncompressed, so the figure compares with the plain file's.
void BM_ReadJsonlGzipFile(benchmark::State& state) {
  const Corpus& corpus = Corpus::get();
  read_everything(state, corpus.jsonl_gzip, corpus.jsonl_bytes);
}
BENCHMARK(BM_ReadJsonlGzipFile)->Unit(benchmark::kMillisecond);

void BM_ReadPlainFolder(benchmark::State& state) {
  const Corpus& corpus = Corpus::get();
  read_everything(state, corpus.folder, corpus.folder_bytes);
}
BENCHMARK(BM_ReadPlainFolder)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
