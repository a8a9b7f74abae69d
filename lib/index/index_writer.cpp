#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>
#include <xapian.h>

#include <newsdex/error.hpp>
#include <newsdex/index_writer.hpp>

#include "analysis/analysis.hpp"
#include "index/database_errors.hpp"
#include "index/document_builder.hpp"
#include "index/spelling_data.hpp"
#include "schema/schema.hpp"
#include "schema/synonym_data.hpp"

namespace newsdex {

namespace fs = std::filesystem;

struct [[gnu::visibility("hidden")]] IndexWriter::Impl {
  fs::path path;
  WriterOptions options;
  Xapian::WritableDatabase database;
  detail::DocumentBuilder builder;
  WriterStats stats;
  std::size_t pending_articles = 0;
  std::size_t pending_bytes = 0;
  // Documents add() has met since open(), by docid, to tell an id repeated within one input.
  std::vector<bool> seen;

  Impl(fs::path path_in, WriterOptions options_in, Xapian::WritableDatabase database_in,
       const std::string& language)
      : path(std::move(path_in)),
        options(std::move(options_in)),
        database(std::move(database_in)),
        builder(language) {}

  void after_change(std::size_t bytes) {
    ++pending_articles;
    pending_bytes += bytes;
    if (pending_articles >= options.batch_articles || pending_bytes >= options.batch_bytes) {
      commit();
    }
  }

  // Records that add() met `docid`; returns whether it had already.
  bool mark_seen(Xapian::docid docid) {
    if (docid >= seen.size()) seen.resize(std::max<std::size_t>(docid + 1, seen.size() * 2));
    const bool already = seen[docid];
    seen[docid] = true;
    return already;
  }

  void commit() {
    database.commit();
    ++stats.commits;
    pending_articles = 0;
    pending_bytes = 0;
  }
};

namespace {

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

void write_format(Xapian::WritableDatabase& database, const std::string& language) {
  database.set_metadata(std::string(detail::schema::kFormatKey),
                        std::to_string(detail::schema::kFormatVersion));
  database.set_metadata(std::string(detail::schema::kLanguageKey), language);
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
    write_format(database, language);
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
// Losing a race to another creator is fine: the index it made is opened instead.
void create_index(const fs::path& target, const WriterOptions& options) {
  const std::string language = checked_language(options);
  remove_abandoned_creations(target);
  const fs::path parent = target.parent_path();
  const fs::path aside = parent / (creation_prefix(target) + std::to_string(::getpid()));
  std::error_code error;
  fs::remove_all(aside, error);
  try {
    Xapian::WritableDatabase database(aside.string(), Xapian::DB_CREATE);
    write_format(database, language);
    database.commit();
    database.close();
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

}  // namespace

IndexWriter IndexWriter::open(const fs::path& path, WriterOptions options) {
  if (options.batch_articles == 0 || options.batch_bytes == 0) {
    throw InvalidArgumentError("batch sizes must be at least 1");
  }
  if (options.wait_for_lock.count() < 0) {
    throw InvalidArgumentError("wait_for_lock must not be negative");
  }
  const fs::path folder = folder_path(path);
  if (options.create) {
    check_creatable(folder);
    if (!detail::looks_like_database(folder.string())) create_index(folder, options);
  } else if (!detail::looks_like_database(folder.string())) {
    throw IndexNotFoundError("no index at " + path.string());
  }
  try {
    Xapian::WritableDatabase database = open_writable(folder, options);
    const std::string language = prepare_format(database, path, options);
    return IndexWriter(
        std::make_unique<Impl>(path, std::move(options), std::move(database), language));
  } catch (const Xapian::Error& error) {
    detail::rethrow_xapian_error(error, path.string());
  }
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
    const detail::BuiltDocument built = impl_->builder.build(article, annotations);
    Xapian::WritableDatabase& database = impl_->database;
    AddOutcome outcome = AddOutcome::added;
    Xapian::PostingIterator existing = database.postlist_begin(built.id_term);
    if (existing != database.postlist_end(built.id_term)) {
      const Xapian::docid docid = *existing;
      if (impl_->mark_seen(docid)) ++impl_->stats.duplicates;
      if (database.get_document(docid).get_value(detail::schema::kFingerprintSlot) ==
          built.fingerprint) {
        ++impl_->stats.unchanged;
        return AddOutcome::unchanged;
      }
      if (impl_->options.spelling) detail::remove_spelling_words(database, docid);
      database.replace_document(docid, built.document);
      outcome = AddOutcome::replaced;
      ++impl_->stats.replaced;
    } else {
      impl_->mark_seen(database.add_document(built.document));
      ++impl_->stats.added;
    }
    if (impl_->options.spelling) detail::add_spelling_words(database, built.document);
    impl_->after_change(article.body.size() + article.title.size());
    return outcome;
  } catch (const Xapian::Error& error) {
    detail::rethrow_xapian_error(error, impl_->path.string());
  }
}

bool IndexWriter::remove(std::string_view id) {
  try {
    const std::string term = detail::schema::id_term(id);
    Xapian::WritableDatabase& database = impl_->database;
    const Xapian::PostingIterator existing = database.postlist_begin(term);
    if (existing == database.postlist_end(term)) return false;
    if (impl_->options.spelling) detail::remove_spelling_words(database, *existing);
    database.delete_document(term);
    ++impl_->stats.removed;
    impl_->after_change(0);
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
    impl_->database.set_metadata(std::string(detail::schema::kSynonymsKey), stored);
  } catch (const Xapian::Error& error) {
    detail::rethrow_xapian_error(error, impl_->path.string());
  }
  impl_->after_change(0);
}

std::size_t IndexWriter::size() const {
  return impl_->database.get_doccount();
}

const WriterStats& IndexWriter::stats() const {
  return impl_->stats;
}

const fs::path& IndexWriter::path() const {
  return impl_->path;
}

}  // namespace newsdex
