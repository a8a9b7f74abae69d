#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <future>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>  // renameat2
#include <unistd.h>
#include <xapian.h>

#include <newsdex/error.hpp>
#include <newsdex/extract.hpp>
#include <newsdex/gazetteer.hpp>
#include <newsdex/index_writer.hpp>

#include "analysis/analysis.hpp"
#include "index/database_errors.hpp"
#include "index/document_builder.hpp"
#include "index/duplicates.hpp"
#include "index/spelling_data.hpp"
#include "index/stub_file.hpp"
#include "schema/schema.hpp"
#include "schema/synonym_data.hpp"
#include "text/hash.hpp"

namespace newsdex {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kStubName = "XAPIANDB";

// Articles built together by add_batch(): it holds the built documents of two chunks at most,
// whatever the size of the batch a caller passes.
constexpr std::size_t kChunkArticles = 256;
constexpr std::size_t kChunkBytes = std::size_t{8} << 20;

std::string shard_name(std::size_t number) {
  return "shard-" + std::to_string(number);
}

// The shard folders a stub lists, in order. Only local databases can be written.
std::vector<fs::path> read_stub(const fs::path& folder) {
  std::vector<fs::path> shards;
  for (const auto& entry : detail::read_stub_file(folder / kStubName)) {
    if (entry.kind != detail::StubEntry::Kind::local) {
      throw IndexFormatError((folder / kStubName).string() + ":" + std::to_string(entry.line) +
                             " lists the remote shard " + entry.name() +
                             "; write to it where it is served");
    }
    shards.push_back(entry.path);
  }
  if (shards.empty()) throw IndexFormatError((folder / kStubName).string() + " lists no shards");
  return shards;
}

void write_stub(const fs::path& folder, std::size_t shards) {
  const fs::path temporary = folder / (std::string(kStubName) + ".new");
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    for (std::size_t i = 0; i < shards; ++i)
      out << "auto " << shard_name(i) << '\n';
    if (!out.flush()) throw IoError("cannot write " + temporary.string());
  }
  fs::rename(temporary, folder / kStubName);
}

bool is_sharded(const fs::path& path) {
  std::error_code ignored;
  return fs::is_directory(path, ignored) && fs::exists(path / kStubName, ignored);
}

// Refuses to turn a folder of unrelated files into an index.
void check_creatable(const fs::path& path) {
  std::error_code error;
  if (!fs::exists(path, error)) return;
  if (!fs::is_directory(path, error)) {
    if (!detail::looks_like_database(path.string())) {
      throw IndexFormatError(path.string() + " is a file, not an index");
    }
    return;
  }
  if (!fs::is_empty(path, error) && !detail::looks_like_database(path.string())) {
    throw IndexFormatError(path.string() + " is a folder holding other files, not an index");
  }
}

// The stemmer name for a new index's language, or InvalidArgumentError.
std::string checked_language(const WriterOptions& options) {
  const std::string language = detail::stemmer_name(options.language);
  if (language.empty()) {
    throw InvalidArgumentError("unknown language \"" + options.language +
                               "\" (known: " + detail::available_languages() + ")");
  }
  return language;
}

void write_format(Xapian::WritableDatabase& database, const std::string& language,
                  unsigned title_weight) {
  database.set_metadata(std::string(detail::schema::kFormatKey),
                        std::to_string(detail::schema::kFormatVersion));
  database.set_metadata(std::string(detail::schema::kLanguageKey), language);
  database.set_metadata(std::string(detail::schema::kTitleWeightKey), std::to_string(title_weight));
}

// Checks the format marker of an existing index, or writes it into an empty Xapian database;
// returns the index's default stemmer language.
std::string prepare_format(Xapian::WritableDatabase& database, const fs::path& path,
                           const WriterOptions& options) {
  const std::string format = database.get_metadata(std::string(detail::schema::kFormatKey));
  if (format.empty()) {
    if (database.get_doccount() > 0) {
      throw IndexFormatError(path.string() + " is a Xapian database but not a newsdex index");
    }
    const std::string language = checked_language(options);
    write_format(database, language, options.title_weight);
    database.commit();
    return language;
  }
  detail::schema::check_format(format, path.string());
  return database.get_metadata(std::string(detail::schema::kLanguageKey));
}

// "news.db/" and "./news.db" name the folder news.db.
fs::path folder_path(const fs::path& path) {
  fs::path normal = path.lexically_normal();
  if (!normal.has_filename()) normal = normal.parent_path();
  return normal;
}

// Where a new index at `target` is built before it is moved into place: a hidden sibling named
// after this process, so concurrent creators never share one.
std::string creation_prefix(const fs::path& target) {
  return "." + target.filename().string() + ".creating-";
}

// Removes what creators that died before moving their index into place left behind.
void remove_abandoned_creations(const fs::path& target) {
  const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
  const std::string prefix = creation_prefix(target);
  std::error_code error;
  for (fs::directory_iterator it(parent, error), end; !error && it != end; it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (!name.starts_with(prefix)) continue;
    const std::string digits = name.substr(prefix.size());
    if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos) continue;
    const pid_t pid = static_cast<pid_t>(std::stol(digits.substr(0, 9)));
    if (pid != ::getpid() && ::kill(pid, 0) != 0 && errno == ESRCH) {
      std::error_code ignored;
      fs::remove_all(it->path(), ignored);
    }
  }
}

// Makes a rename in `folder` durable, not just visible.
void sync_folder(const fs::path& folder) {
  const int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

// Creates an empty index with its format marker aside and renames it to `target` (which is
// missing or an empty folder), so that a crash never leaves a half-made index at `target`.
// Losing a race to another creator is fine: the index it made is opened instead. With more than
// one shard, the folder made aside holds the shards and their stub.
void create_index(const fs::path& target, const WriterOptions& options) {
  const std::string language = checked_language(options);
  remove_abandoned_creations(target);
  const fs::path parent = target.parent_path();
  const fs::path aside = parent / (creation_prefix(target) + std::to_string(::getpid()));
  std::error_code error;
  fs::remove_all(aside, error);
  try {
    std::vector<fs::path> shards{aside};
    if (options.shards > 1) {
      shards.clear();
      fs::create_directories(aside);
      for (std::size_t i = 0; i < options.shards; ++i)
        shards.push_back(aside / shard_name(i));
    }
    for (const auto& shard : shards) {
      Xapian::WritableDatabase database(shard.string(), Xapian::DB_CREATE);
      write_format(database, language, options.title_weight);
      database.commit();
      database.close();
    }
    if (options.shards > 1) write_stub(aside, options.shards);
  } catch (const Xapian::Error& xapian_error) {
    fs::remove_all(aside, error);
    throw IoError("cannot create an index at " + target.string() + ": " +
                  xapian_error.get_description());
  }
  fs::rename(aside, target, error);
  if (error) {
    std::error_code ignored;
    fs::remove_all(aside, ignored);
    if (!detail::looks_like_database(target.string())) {
      throw IoError("cannot create an index at " + target.string() + ": " +
                    error.default_error_condition().message());
    }
    return;
  }
  sync_folder(parent);
}

// Opens the writable database, retrying while another writer holds the lock, up to
// options.wait_for_lock.
Xapian::WritableDatabase open_writable(const fs::path& path, const WriterOptions& options) {
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + options.wait_for_lock;
  auto pause = std::chrono::milliseconds(10);
  for (;;) {
    try {
      return Xapian::WritableDatabase(path.string(), Xapian::DB_OPEN);
    } catch (const Xapian::DatabaseLockError& error) {
      const auto now = Clock::now();
      if (now >= deadline) {
        if (options.wait_for_lock.count() == 0) detail::rethrow_xapian_error(error, path.string());
        char waited[32];
        std::snprintf(waited, sizeof waited, "%g s",
                      std::chrono::duration<double>(options.wait_for_lock).count());
        throw IndexLockedError("index at " + path.string() +
                               " is locked by another writer (still locked after waiting " +
                               waited + ")");
      }
      std::this_thread::sleep_for(std::min<Clock::duration>(pause, deadline - now));
      pause = std::min(pause * 2, std::chrono::milliseconds(250));
    }
  }
}

void check_article(const Article& article) {
  if (article.id.empty()) throw InvalidArgumentError("article has no id");
  if (article.body.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw InvalidArgumentError("article " + article.id + " has an empty body");
  }
}

// Runs work(0) ... work(count - 1) on up to `threads` threads (the calling one included) and
// rethrows the first exception any of them threw.
template <typename Work>
void run_parallel(std::size_t count, std::size_t threads, Work&& work) {
  threads = std::max<std::size_t>(1, std::min(threads, count));
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto loop = [&](std::size_t worker) {
    try {
      for (std::size_t i; (i = next++) < count;)
        work(i, worker);
    } catch (...) {
      std::lock_guard lock(failure_mutex);
      if (!failure) failure = std::current_exception();
      next = count;
    }
  };
  std::vector<std::thread> helpers;
  for (std::size_t t = 1; t < threads; ++t)
    helpers.emplace_back(loop, t);
  loop(0);
  for (auto& helper : helpers)
    helper.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace

struct [[gnu::visibility("hidden")]] IndexWriter::Impl {
  struct Shard {
    fs::path path;
    Xapian::WritableDatabase database;
    // Documents add() has met since open(), by docid, to tell an id repeated within one input.
    std::vector<bool> seen;
    // The batch's changes to the spelling dictionary, applied just before it is committed. (An
    // automatic commit of Xapian's, which comes only after XAPIAN_FLUSH_THRESHOLD documents
    // (10,000 unless set) and so not within the default batches, leaves them to the next.)
    detail::SpellingChanges spelling;
    // Where dated articles look for copies in this shard.
    detail::DaySignatures days;

    // Records that add() met `docid`; returns whether it had already.
    bool mark_seen(Xapian::docid docid) {
      if (docid >= seen.size()) seen.resize(std::max<std::size_t>(docid + 1, seen.size() * 2));
      const bool already = seen[docid];
      seen[docid] = true;
      return already;
    }
  };

  // What write() did with one document.
  struct Written {
    AddOutcome outcome = AddOutcome::unchanged;
    bool duplicate = false;  // the id was met before since open()
  };

  fs::path path;
  WriterOptions options;
  std::string language;
  unsigned title_weight = detail::schema::kDefaultTitleWeight;
  std::vector<Shard> shards;
  // One builder per thread of add_batch(); builders_[0] also serves add().
  std::vector<detail::DocumentBuilder> builders;
  std::optional<Extractor> extractor;  // with options.extract
  WriterStats stats;
  std::size_t pending_articles = 0;
  std::size_t pending_bytes = 0;

  // What to index besides the article's own lists: `given` and, with extraction on, what the
  // body says. Runs on add_batch()'s worker threads.
  Annotations annotations_for(const Article& article, const Annotations& given) const {
    if (!extractor) return given;
    Annotations found = extractor->extract(article);
    found.speakers.insert(found.speakers.end(), given.speakers.begin(), given.speakers.end());
    found.places.insert(found.places.end(), given.places.begin(), given.places.end());
    found.dates.insert(found.dates.end(), given.dates.begin(), given.dates.end());
    return found;
  }

  std::size_t shard_of(std::string_view id) const {
    return shards.size() == 1 ? 0 : detail::fnv1a64(id) % shards.size();
  }

  std::size_t thread_count() const {
    if (options.threads > 0) return options.threads;
    return std::max(1u, std::thread::hardware_concurrency());
  }

  // Writes one built document into its shard: skips it when an identical article with the
  // id is there, replaces a different one, adds it otherwise. Touches only that shard, so
  // shards may be written on different threads at once.
  Written write(Shard & shard, const detail::BuiltDocument& built) const {
    Xapian::WritableDatabase& database = shard.database;
    Xapian::PostingIterator existing = database.postlist_begin(built.id_term);
    Written written;
    Xapian::docid docid = 0;
    if (existing == database.postlist_end(built.id_term)) {
      docid = database.add_document(built.document);
      shard.mark_seen(docid);
      written.outcome = AddOutcome::added;
    } else {
      docid = *existing;
      written.duplicate = shard.mark_seen(docid);
      if (database.get_document(docid).get_value(detail::schema::kFingerprintSlot) ==
          built.fingerprint) {
        return written;
      }
      if (options.spelling) shard.spelling.remove(database, docid);
      database.replace_document(docid, built.document);
      written.outcome = AddOutcome::replaced;
    }
    if (built.date && built.signature) shard.days.add(docid, *built.date, *built.signature);
    if (options.spelling) shard.spelling.add(built.document);
    return written;
  }

  void count(const Written& written, std::size_t bytes) {
    if (written.duplicate) ++stats.duplicates;
    switch (written.outcome) {
      case AddOutcome::added:
        ++stats.added;
        break;
      case AddOutcome::replaced:
        ++stats.replaced;
        break;
      case AddOutcome::unchanged:
        ++stats.unchanged;
        return;
    }
    ++pending_articles;
    pending_bytes += bytes;
  }

  // Gives the built documents of `chunk` (in input order) the group keys of their copies, and
  // returns, per shard, the indexed articles that become copies' group members.
  std::vector<std::vector<detail::GroupTag>> group_copies(
      std::span<detail::BuiltDocument* const> chunk) {
    std::vector<std::vector<detail::GroupTag>> by_shard(shards.size());
    if (!options.group_duplicates) return by_shard;
    std::vector<detail::GroupingShard> databases;
    for (auto& shard : shards)
      databases.push_back({&shard.database, &shard.days});
    std::vector<detail::PendingArticle> pending;
    pending.reserve(chunk.size());
    for (detail::BuiltDocument* built : chunk) {
      pending.push_back({.id_term = built->id_term,
                         .fingerprint = built->fingerprint,
                         .date = built->date,
                         .signature = built->signature,
                         .document = &built->document});
    }
    const detail::DuplicateRules rules{.min_similarity = options.duplicate_similarity,
                                       .max_days = options.duplicate_max_days};
    for (auto& tag : detail::group_copies(databases, pending, rules))
      by_shard[tag.shard].push_back(std::move(tag));
    return by_shard;
  }

  // Adds group keys to articles already in `shard`.
  static void apply_tags(Shard & shard, const std::vector<detail::GroupTag>& tags) {
    for (const auto& tag : tags) {
      Xapian::Document document = shard.database.get_document(tag.docid);
      if (document.get_value(detail::schema::kDuplicateGroupSlot) == tag.key) continue;
      detail::set_group_key(document, tag.key);
      shard.database.replace_document(tag.docid, document);
    }
  }

  void commit_if_due() {
    if (pending_articles >= options.batch_articles || pending_bytes >= options.batch_bytes) {
      commit();
    }
  }

  void commit() {
    run_parallel(shards.size(), thread_count(), [&](std::size_t i, std::size_t) {
      shards[i].spelling.apply(shards[i].database);
      shards[i].database.commit();
    });
    ++stats.commits;
    pending_articles = 0;
    pending_bytes = 0;
  }

  using BuiltChunk = std::vector<std::optional<detail::BuiltDocument>>;

  // The documents of `articles`, built on the builders' threads. Touches neither the shards nor
  // the counts, so it may run while another chunk is written.
  BuiltChunk build(std::span<const Article> articles) {
    BuiltChunk built(articles.size());
    run_parallel(articles.size(), builders.size(), [&](std::size_t i, std::size_t worker) {
      built[i] = builders[worker].build(articles[i], annotations_for(articles[i], {}));
    });
    return built;
  }

  // Groups and writes the built documents of `articles` (which fit in the current commit
  // batch), each shard on a thread of its own.
  void write_segment(std::span<const Article> articles,
                     std::span<std::optional<detail::BuiltDocument>> built,
                     std::vector<AddOutcome> & outcomes, std::vector<std::size_t> * repeated) {
    std::vector<detail::BuiltDocument*> documents;
    for (auto& document : built)
      documents.push_back(&*document);
    const auto tags = group_copies(documents);
    std::vector<std::vector<std::size_t>> by_shard(shards.size());
    for (std::size_t i = 0; i < articles.size(); ++i)
      by_shard[shard_of(articles[i].id)].push_back(i);
    std::vector<Written> segment_outcomes(articles.size());
    run_parallel(shards.size(), thread_count(), [&](std::size_t shard, std::size_t) {
      apply_tags(shards[shard], tags[shard]);
      for (const std::size_t i : by_shard[shard]) {
        segment_outcomes[i] = write(shards[shard], *built[i]);
        built[i].reset();
      }
    });
    for (std::size_t i = 0; i < articles.size(); ++i) {
      count(segment_outcomes[i], articles[i].body.size() + articles[i].title.size());
      if (repeated && segment_outcomes[i].duplicate) repeated->push_back(outcomes.size());
      outcomes.push_back(segment_outcomes[i].outcome);
    }
  }

  // Writes a built chunk in segments that end where add() would have committed, so that commits
  // fall where they would.
  void write_chunk(std::span<const Article> articles, BuiltChunk & built,
                   std::vector<AddOutcome> & outcomes, std::vector<std::size_t> * repeated) {
    std::size_t start = 0;
    while (start < articles.size()) {
      std::size_t end = start;
      std::size_t articles_due = pending_articles;
      std::size_t bytes_due = pending_bytes;
      while (end < articles.size() && articles_due < options.batch_articles &&
             bytes_due < options.batch_bytes) {
        ++articles_due;
        bytes_due += articles[end].body.size() + articles[end].title.size();
        ++end;
      }
      write_segment(articles.subspan(start, end - start),
                    std::span(built).subspan(start, end - start), outcomes, repeated);
      commit_if_due();
      start = end;
    }
  }
};

IndexWriter IndexWriter::open(const fs::path& path, WriterOptions options) {
  if (options.batch_articles == 0 || options.batch_bytes == 0) {
    throw InvalidArgumentError("batch sizes must be at least 1");
  }
  if (options.shards == 0 || options.shards > 1024) {
    throw InvalidArgumentError("shards must be between 1 and 1024");
  }
  if (!(options.duplicate_similarity > 0 && options.duplicate_similarity <= 1) ||
      options.duplicate_max_days < 0) {
    throw InvalidArgumentError(
        "duplicate_similarity must be in (0, 1] and duplicate_max_days must not be negative");
  }
  if (options.title_weight < 1 || options.title_weight > 100) {
    throw InvalidArgumentError("title_weight must be between 1 and 100");
  }
  if (options.wait_for_lock.count() < 0) {
    throw InvalidArgumentError("wait_for_lock must not be negative");
  }
  const fs::path folder = folder_path(path);
  if (std::error_code ignored; fs::is_regular_file(folder, ignored)) {
    throw IndexFormatError(path.string() +
                           " is not an index folder but a file (to change the databases a stub "
                           "file lists, open each where it is)");
  }
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->options = std::move(options);
  try {
    if (impl->options.create) {
      check_creatable(folder);
      if (!detail::looks_like_database(folder.string())) create_index(folder, impl->options);
    } else if (!detail::looks_like_database(folder.string())) {
      throw IndexNotFoundError("no index at " + path.string());
    }
    const std::vector<fs::path> shard_paths =
        is_sharded(folder) ? read_stub(folder) : std::vector<fs::path>{folder};
    for (const auto& shard_path : shard_paths) {
      Xapian::WritableDatabase database = open_writable(shard_path, impl->options);
      const std::string language = prepare_format(database, shard_path, impl->options);
      if (impl->language.empty()) {
        impl->language = language;
        impl->title_weight = detail::schema::stored_title_weight(
            database.get_metadata(std::string(detail::schema::kTitleWeightKey)));
      }
      impl->shards.push_back({shard_path, std::move(database), {}});
    }
  } catch (const Xapian::Error& error) {
    detail::rethrow_xapian_error(error, path.string());
  } catch (const fs::filesystem_error& error) {
    throw IoError("cannot open the index at " + path.string() + ": " + error.what());
  }
  std::shared_ptr<const Gazetteer> place_names;
  if (impl->options.extract) {
    impl->extractor.emplace(impl->options.extraction);
    if (impl->options.extraction.places) place_names = impl->extractor->options().gazetteer;
  }
  for (std::size_t i = 0; i < impl->thread_count(); ++i)
    impl->builders.emplace_back(impl->language, place_names, impl->title_weight);
  return IndexWriter(std::move(impl));
}

IndexWriter::IndexWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

IndexWriter::~IndexWriter() {
  if (!impl_) return;
  try {
    if (impl_->pending_articles > 0) impl_->commit();
  } catch (...) {  // a destructor must not throw; commit() reports errors to those who ask
  }
}

IndexWriter::IndexWriter(IndexWriter&&) noexcept = default;
IndexWriter& IndexWriter::operator=(IndexWriter&&) noexcept = default;

AddOutcome IndexWriter::add(const Article& article, const Annotations& annotations) {
  try {
    check_article(article);
    detail::BuiltDocument built =
        impl_->builders.front().build(article, impl_->annotations_for(article, annotations));
    detail::BuiltDocument* const chunk[] = {&built};
    const auto tags = impl_->group_copies(chunk);
    for (std::size_t shard = 0; shard < tags.size(); ++shard)
      Impl::apply_tags(impl_->shards[shard], tags[shard]);
    const auto written = impl_->write(impl_->shards[impl_->shard_of(article.id)], built);
    impl_->count(written, article.body.size() + article.title.size());
    impl_->commit_if_due();
    return written.outcome;
  } catch (const Xapian::Error& error) {
    detail::rethrow_xapian_error(error, impl_->path.string());
  }
}

std::vector<AddOutcome> IndexWriter::add_batch(std::span<const Article> articles,
                                               std::vector<std::size_t>* repeated) {
  for (const auto& article : articles)
    check_article(article);
  std::vector<AddOutcome> outcomes;
  outcomes.reserve(articles.size());
  Impl& impl = *impl_;
  // Chunks of at most kChunkArticles articles and kChunkBytes bytes: they bound the memory that
  // built documents hold, whatever the size of the batch.
  std::vector<std::span<const Article>> chunks;
  for (std::size_t start = 0; start < articles.size();) {
    std::size_t end = start;
    std::size_t chunk_bytes = 0;
    while (end < articles.size() && end - start < kChunkArticles && chunk_bytes < kChunkBytes) {
      chunk_bytes += articles[end].body.size() + articles[end].title.size();
      ++end;
    }
    chunks.push_back(articles.subspan(start, end - start));
    start = end;
  }
  try {
    Impl::BuiltChunk built = chunks.empty() ? Impl::BuiltChunk{} : impl.build(chunks.front());
    for (std::size_t i = 0; i < chunks.size(); ++i) {
      // The next chunk is built while this one is written: grouping copies runs on one thread
      // and commits wait for the disk, which would leave a core idle. Should writing throw, the
      // future's destructor waits for that build before the articles go.
      std::future<Impl::BuiltChunk> next;
      if (i + 1 < chunks.size()) {
        next = std::async(std::launch::async,
                          [&impl, chunk = chunks[i + 1]] { return impl.build(chunk); });
      }
      impl.write_chunk(chunks[i], built, outcomes, repeated);
      if (next.valid()) built = next.get();
    }
  } catch (const Xapian::Error& error) {
    detail::rethrow_xapian_error(error, impl.path.string());
  }
  return outcomes;
}

bool IndexWriter::remove(std::string_view id) {
  try {
    const std::string term = detail::schema::id_term(id);
    Impl::Shard& shard = impl_->shards[impl_->shard_of(id)];
    Xapian::WritableDatabase& database = shard.database;
    const Xapian::PostingIterator existing = database.postlist_begin(term);
    if (existing == database.postlist_end(term)) return false;
    if (impl_->options.spelling) shard.spelling.remove(database, *existing);
    database.delete_document(term);
    ++impl_->stats.removed;
    ++impl_->pending_articles;
    impl_->commit_if_due();
    return true;
  } catch (const Xapian::Error& error) {
    detail::rethrow_xapian_error(error, impl_->path.string());
  }
}

void IndexWriter::commit() {
  try {
    impl_->commit();
  } catch (const Xapian::Error& error) {
    detail::rethrow_xapian_error(error, impl_->path.string());
  }
}

void IndexWriter::set_synonyms(const std::vector<std::vector<std::string>>& groups) {
  const std::string stored = detail::encode_synonyms(detail::normalize_synonym_groups(groups));
  try {
    for (auto& shard : impl_->shards)
      shard.database.set_metadata(std::string(detail::schema::kSynonymsKey), stored);
  } catch (const Xapian::Error& error) {
    detail::rethrow_xapian_error(error, impl_->path.string());
  }
  ++impl_->pending_articles;
  impl_->commit_if_due();
}

std::size_t IndexWriter::size() const {
  std::size_t total = 0;
  for (const auto& shard : impl_->shards)
    total += shard.database.get_doccount();
  return total;
}

std::size_t IndexWriter::shards() const {
  return impl_->shards.size();
}

const WriterStats& IndexWriter::stats() const {
  return impl_->stats;
}

const fs::path& IndexWriter::path() const {
  return impl_->path;
}

namespace {

// Puts `replacement` where `target` is, atomically where the file system can exchange two
// names, and removes what was there.
void replace_folder(const fs::path& target, const fs::path& replacement) {
  if (::renameat2(AT_FDCWD, replacement.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) {
    fs::remove_all(replacement);
    return;
  }
  const fs::path old = target.string() + ".old-compact";
  fs::remove_all(old);
  fs::rename(target, old);
  fs::rename(replacement, target);
  fs::remove_all(old);
}

void compact_database(const std::string& source, const fs::path& target) {
  const fs::path output = target.string() + ".new-compact";
  fs::remove_all(output);
  {
    Xapian::Database database(source);
    database.compact(output.string(), Xapian::DBCOMPACT_MULTIPASS);
  }
  replace_folder(target, output);
}

}  // namespace

void compact_index(const fs::path& path, CompactOptions options) {
  if (!detail::looks_like_database(path.string())) {
    throw IndexNotFoundError("no index at " + path.string());
  }
  if (fs::is_regular_file(path)) {
    throw IndexFormatError(path.string() +
                           " is not an index folder but a file (to compact the databases a stub "
                           "file lists, compact each where it is)");
  }
  try {
    const bool sharded = is_sharded(path);
    const std::vector<fs::path> shard_paths = sharded ? read_stub(path) : std::vector{path};
    // Writers are kept out by holding every shard's write lock throughout.
    std::vector<Xapian::WritableDatabase> locks;
    for (const auto& shard : shard_paths)
      locks.emplace_back(shard.string(), Xapian::DB_OPEN);
    if (sharded && options.merge_shards) {
      compact_database(path.string(), path);
    } else {
      for (const auto& shard : shard_paths)
        compact_database(shard.string(), shard);
    }
    for (auto& lock : locks)
      lock.close();
  } catch (const Xapian::Error& error) {
    detail::rethrow_xapian_error(error, path.string());
  } catch (const fs::filesystem_error& error) {
    throw IoError("cannot compact the index at " + path.string() + ": " + error.what());
  }
}

}  // namespace newsdex
