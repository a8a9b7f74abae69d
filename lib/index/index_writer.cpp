#include <filesystem>

#include <xapian.h>

#include <newsdex/error.hpp>
#include <newsdex/index_writer.hpp>

#include "analysis/analysis.hpp"
#include "index/database_errors.hpp"
#include "index/document_builder.hpp"
#include "index/spelling_data.hpp"
#include "schema/schema.hpp"

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

// Checks the format marker of an existing index, or writes it into a new one; returns the
// index's default stemmer language.
std::string prepare_format(Xapian::WritableDatabase& database, const fs::path& path,
                           const WriterOptions& options) {
  const std::string format = database.get_metadata(std::string(detail::schema::kFormatKey));
  if (format.empty()) {
    if (database.get_doccount() > 0) {
      throw IndexFormatError(path.string() + " is a Xapian database but not a newsdex index");
    }
    const std::string language = detail::stemmer_name(options.language);
    if (language.empty()) {
      throw InvalidArgumentError("unknown language \"" + options.language +
                                 "\" (known: " + detail::available_languages() + ")");
    }
    database.set_metadata(std::string(detail::schema::kFormatKey),
                          std::to_string(detail::schema::kFormatVersion));
    database.set_metadata(std::string(detail::schema::kLanguageKey), language);
    database.commit();
    return language;
  }
  detail::schema::check_format(format, path.string());
  return database.get_metadata(std::string(detail::schema::kLanguageKey));
}

}  // namespace

IndexWriter IndexWriter::open(const fs::path& path, WriterOptions options) {
  if (options.batch_articles == 0 || options.batch_bytes == 0) {
    throw InvalidArgumentError("batch sizes must be at least 1");
  }
  if (options.create) {
    check_creatable(path);
  } else if (!detail::looks_like_database(path.string())) {
    throw IndexNotFoundError("no index at " + path.string());
  }
  try {
    Xapian::WritableDatabase database(path.string(),
                                      options.create ? Xapian::DB_CREATE_OR_OPEN : Xapian::DB_OPEN);
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
  detail::BuiltDocument built = impl_->builder.build(article, annotations);
  try {
    Xapian::WritableDatabase& database = impl_->database;
    AddOutcome outcome = AddOutcome::added;
    Xapian::PostingIterator existing = database.postlist_begin(built.id_term);
    if (existing != database.postlist_end(built.id_term)) {
      const Xapian::docid docid = *existing;
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
      database.add_document(built.document);
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
