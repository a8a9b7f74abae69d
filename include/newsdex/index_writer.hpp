// newsdex/index_writer.hpp: add, replace and remove articles in an on-disk index.
//
// The index is a Xapian database (see README "Index layout"); one IndexWriter at a time may
// hold it open for writing. Changes become visible to readers, and durable, at commit(): a
// crash loses at most the uncommitted batch, never what was committed before.
//
//   auto writer = newsdex::IndexWriter::open("news.db");   // creates the index if missing
//   writer.add(article);                                   // replaces an article with the same id
//   writer.add_batch(articles);                            // the same, on several threads
//   writer.commit();
//
// Writers and readers are separate objects: an Index (newsdex/index.hpp) opened on the same path
// sees each commit at its next search.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <newsdex/annotations.hpp>
#include <newsdex/article.hpp>
#include <newsdex/export.h>
#include <newsdex/extract.hpp>

namespace newsdex {

// Reads a synonyms file (README "Synonyms"): each line a group of equivalent words or phrases
// separated by commas ("uk, britain, united kingdom"); blank lines and lines starting with #
// are skipped. Throws InputError naming `file` and the line of a group that cannot be used.
// Pure; safe to call from many threads at once.
NEWSDEX_EXPORT std::vector<std::vector<std::string>> parse_synonyms(std::string_view text,
                                                                    const std::string& file);

struct WriterOptions {
  // Stemming language for articles that name none (Article::language). Stored in the index at
  // creation and used by searches; ignored when opening an existing index. Default "english".
  std::string language = "english";
  // How many times a title word counts as much as a body word in relevance (BM25): the title's
  // words are indexed this many times over among the body's terms. 1 to 100; stored in the
  // index at creation and used for every article, ignored when opening an existing index
  // (README "Stopwords and field weights"). Default 3.
  unsigned title_weight = 3;
  // Commit automatically after this many added or removed articles (per shard). Xapian keeps
  // the postings of uncommitted articles in memory and looks every term up there, which gets
  // slower as they grow: small batches index faster (see bench/RESULTS.md). Default 2000.
  std::size_t batch_articles = 2000;
  // Commit automatically once the text added since the last commit exceeds this many bytes.
  // Together with batch_articles this bounds the writer's memory, whatever the corpus size
  // (peak RSS stays under about 20 times this plus 100 MiB per shard). Default 32 MiB.
  std::size_t batch_bytes = std::size_t{32} << 20;
  // Create the index when the path holds none. Default true.
  bool create = true;
  // Keep the spelling dictionary that did-you-mean suggestions come from up to date (words of
  // bodies, titles and names). Turning it off saves indexing time. Default true.
  bool spelling = true;
  // Find copies of one story among the articles (the same or nearly the same body under another
  // id, title or source; README "Duplicates") and put them in one group, which searches show as
  // one hit. Default true.
  bool group_duplicates = true;
  // The least estimated share of distinct body words (stopwords aside, stems compared) two
  // articles must have in common to be copies; in (0, 1]. Default 0.7.
  double duplicate_similarity = 0.7;
  // The most days between the publication dates of two copies; an undated article may be a copy
  // of undated ones only. A new article is compared with the articles of the days around its
  // own, so a wide window costs indexing time. Default 2.
  int duplicate_max_days = 2;
  // How long open() waits for another writer to release the index before it throws
  // IndexLockedError. Default 0: throw at once.
  std::chrono::milliseconds wait_for_lock{0};
  // Threads that add_batch() builds and writes documents on; 0 for one per processor core.
  // add() always works on the calling thread. Default 0.
  std::size_t threads = 0;
  // Number of shards of a new index. With more than one, the index folder holds that many
  // Xapian databases (shard-0, shard-1, ...) and a stub file XAPIANDB listing them, which Xapian
  // (and Index::open) opens as one database; each article goes to the shard picked by a stable
  // hash of its id, so a new version lands where the old one is, and add_batch() writes the
  // shards in parallel. Ignored when opening an existing index, which keeps its shards.
  // Default 1 (one plain Xapian database).
  std::size_t shards = 1;
  // Find the speakers, places and dates of each article's body (newsdex/extract.hpp) and index
  // them with those the article and add()'s annotations give. The places an article lists are
  // then filed under the gazetteer's canonical names, with their countries ("UK" -> "United
  // Kingdom", country:gb). add_batch() extracts on its worker threads. Default true.
  bool extract = true;
  // What extraction looks for, and with which gazetteer; used when `extract` is true.
  // Default: speakers, places and dates, with the built-in gazetteer.
  ExtractOptions extraction = {};
};

// What add() did with an article.
enum class AddOutcome {
  added,      // the id was new
  replaced,   // an article with the id existed and differed; it was replaced
  unchanged,  // an identical article with the id is already indexed; nothing was written
};

struct WriterStats {
  std::size_t added = 0;
  std::size_t replaced = 0;
  std::size_t unchanged = 0;
  std::size_t removed = 0;
  std::size_t commits = 0;
  // Articles whose id add() had already been given since open(): two articles with one id in the
  // same input. The later one wins; each is also counted as replaced or unchanged.
  std::size_t duplicates = 0;
};

// Owns the write lock of one index, from open() until destruction: another writer, in this or
// any process, fails with IndexLockedError meanwhile. Move-only; a moved-from IndexWriter may
// only be assigned to or destroyed. Not thread-safe: call from one thread at a time
// (add_batch() uses its own threads inside). Besides the errors named below, every method that
// writes throws IoError when the disk or Xapian fails (disk full, permission denied); what was
// committed before stays intact.
class NEWSDEX_EXPORT IndexWriter {
 public:
  // Opens (or, with options.create, creates) the index at `path`. A new index is built aside and
  // moved into place, so `path` never holds a half-created index, even after a crash.
  // Throws IndexLockedError when another writer holds it (after waiting
  // options.wait_for_lock), IndexFormatError when the path holds something else,
  // IndexNotFoundError when it is missing and options.create is false.
  static IndexWriter open(const std::filesystem::path& path, WriterOptions options = {});

  ~IndexWriter();  // commits pending changes; errors there are lost, so call commit() first
  IndexWriter(IndexWriter&&) noexcept;
  IndexWriter& operator=(IndexWriter&&) noexcept;

  // Indexes `article` with the speakers, places and dates in `annotations`, which join those the
  // article itself lists and, with WriterOptions::extract, those extraction finds in its body.
  // Commits by itself at the WriterOptions batch limits. Throws InvalidArgumentError when the
  // article has no body or no id.
  AddOutcome add(const Article& article, const Annotations& annotations = {});
  // Adds `articles` with the same effect as add() on each in turn (a later article with the
  // same id replaces an earlier one), building documents on WriterOptions::threads threads and
  // writing the shards in parallel; returns each article's outcome, in order. When `repeated`
  // is given, it receives the positions of the articles whose id this writer had already met
  // since open() (WriterStats::duplicates). Throws InvalidArgumentError before writing anything
  // when an article has no id or an empty body.
  std::vector<AddOutcome> add_batch(std::span<const Article> articles,
                                    std::vector<std::size_t>* repeated = nullptr);
  // Removes the article with this id (from the next commit on); returns false when there was
  // none.
  bool remove(std::string_view id);
  // Makes every change so far durable and visible to readers. After a throw (disk full), the
  // index holds what the previous commit held.
  void commit();
  // Replaces the index's synonyms with `groups` (as parse_synonyms returns them; empty removes
  // them all), visible to searches after the next commit. A query word or phrase that is a
  // member of a group also matches the other members. Throws InvalidArgumentError for a member
  // without words or a group of fewer than two different members.
  void set_synonyms(const std::vector<std::vector<std::string>>& groups);

  // Number of articles in the index, counting uncommitted changes.
  std::size_t size() const;
  // Number of shards (1 for an unsharded index).
  std::size_t shards() const;
  // What this writer did since open(); the reference lives as long as the writer.
  const WriterStats& stats() const;
  const std::filesystem::path& path() const;

 private:
  struct Impl;
  explicit IndexWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

struct CompactOptions {
  // Merge the shards of a sharded index into one database (the XAPIANDB stub goes away).
  // Default false: each shard is compacted on its own.
  bool merge_shards = false;
};

// Rewrites the index at `path` as Xapian's compactor does (xapian-compact): B-tree blocks full,
// typically 40 % smaller than an index that was written article by article. Holds the write
// lock meanwhile (IndexLockedError when a writer has it); needs free disk space for a copy.
// Readers that have the index open should reopen it afterwards.
NEWSDEX_EXPORT void compact_index(const std::filesystem::path& path, CompactOptions options = {});

}  // namespace newsdex
