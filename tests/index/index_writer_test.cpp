#include <fstream>

#include <gtest/gtest.h>
#include <xapian.h>

#include <newsdex/error.hpp>
#include <newsdex/index.hpp>
#include <newsdex/index_writer.hpp>

#include "support/temp_dir.hpp"

namespace newsdex {
namespace {

Article make_article(std::string id, std::string body) {
  return Article{.id = std::move(id),
                 .date = Date::parse("2022-12-01"),
                 .title = "A title",
                 .body = std::move(body)};
}

TEST(IndexWriter, AddsReplacesAndSkipsUnchangedArticles) {
  testing::TempDir dir;
  auto writer = IndexWriter::open(dir / "db");
  EXPECT_EQ(writer.add(make_article("a", "first text")), AddOutcome::added);
  EXPECT_EQ(writer.add(make_article("b", "second text")), AddOutcome::added);
  EXPECT_EQ(writer.add(make_article("a", "first text")), AddOutcome::unchanged);
  EXPECT_EQ(writer.add(make_article("a", "first text, revised")), AddOutcome::replaced);
  EXPECT_EQ(writer.size(), 2u);
  writer.commit();
  EXPECT_EQ(writer.stats().added, 2u);
  EXPECT_EQ(writer.stats().replaced, 1u);
  EXPECT_EQ(writer.stats().unchanged, 1u);

  const auto index = Index::open(dir / "db");
  ASSERT_TRUE(index.get("a"));
  EXPECT_EQ(index.get("a")->body, "first text, revised");
}

TEST(IndexWriter, ChangedAnnotationsCountAsAChange) {
  testing::TempDir dir;
  auto writer = IndexWriter::open(dir / "db");
  const Article article = make_article("a", "text");
  EXPECT_EQ(writer.add(article), AddOutcome::added);
  Annotations notes;
  notes.dates.push_back({.date = *Date::parse("2022-11-16"), .text = "Nov. 16"});
  EXPECT_EQ(writer.add(article, notes), AddOutcome::replaced);
  EXPECT_EQ(writer.add(article, notes), AddOutcome::unchanged);
}

TEST(IndexWriter, RemovesById) {
  testing::TempDir dir;
  auto writer = IndexWriter::open(dir / "db");
  writer.add(make_article("a", "text"));
  EXPECT_TRUE(writer.remove("a"));
  EXPECT_FALSE(writer.remove("a"));
  EXPECT_FALSE(writer.remove("never-there"));
  EXPECT_EQ(writer.size(), 0u);
  EXPECT_EQ(writer.stats().removed, 1u);
}

TEST(IndexWriter, RejectsArticlesWithoutIdOrBody) {
  testing::TempDir dir;
  auto writer = IndexWriter::open(dir / "db");
  EXPECT_THROW(writer.add(make_article("", "text")), InvalidArgumentError);
  EXPECT_THROW(writer.add(make_article("a", " \n\t ")), InvalidArgumentError);
  EXPECT_EQ(writer.size(), 0u);
}

TEST(IndexWriter, CommitsInBatchesSoReadersSeeProgress) {
  testing::TempDir dir;
  WriterOptions options;
  options.batch_articles = 2;
  auto writer = IndexWriter::open(dir / "db", options);
  writer.add(make_article("a", "one"));
  EXPECT_EQ(Xapian::Database((dir / "db").string()).get_doccount(), 0u);
  writer.add(make_article("b", "two"));
  EXPECT_EQ(Xapian::Database((dir / "db").string()).get_doccount(), 2u);
  EXPECT_EQ(writer.stats().commits, 1u);
}

TEST(IndexWriter, DestructorCommitsPendingWork) {
  testing::TempDir dir;
  {
    auto writer = IndexWriter::open(dir / "db");
    writer.add(make_article("a", "one"));
  }
  EXPECT_EQ(Index::open(dir / "db").size(), 1u);
}

TEST(IndexWriter, SecondWriterIsToldTheIndexIsLocked) {
  testing::TempDir dir;
  auto writer = IndexWriter::open(dir / "db");
  try {
    IndexWriter::open(dir / "db");
    FAIL() << "second writer opened";
  } catch (const IndexLockedError& error) {
    EXPECT_NE(std::string(error.what()).find("locked by another writer"), std::string::npos);
  }
}

TEST(IndexWriter, RefusesPathsThatAreNotIndexes) {
  testing::TempDir dir;
  std::filesystem::create_directories(dir / "photos");
  std::ofstream(dir / "photos" / "cat.jpg") << "not an index";
  EXPECT_THROW(IndexWriter::open(dir / "photos"), IndexFormatError);
  std::ofstream(dir / "notes.txt") << "hello";
  EXPECT_THROW(IndexWriter::open(dir / "notes.txt"), IndexFormatError);

  WriterOptions no_create;
  no_create.create = false;
  EXPECT_THROW(IndexWriter::open(dir / "missing", no_create), IndexNotFoundError);
}

TEST(IndexWriter, RefusesOtherXapianDatabasesAndNewerFormats) {
  testing::TempDir dir;
  {
    Xapian::WritableDatabase other((dir / "other").string(), Xapian::DB_CREATE);
    Xapian::Document document;
    document.add_term("hello");
    other.add_document(document);
    other.commit();
  }
  EXPECT_THROW(IndexWriter::open(dir / "other"), IndexFormatError);
  EXPECT_THROW(Index::open(dir / "other"), IndexFormatError);
  { auto writer = IndexWriter::open(dir / "db"); }
  {
    Xapian::WritableDatabase database((dir / "db").string(), Xapian::DB_OPEN);
    database.set_metadata("newsdex.format", "999");
    database.commit();
  }
  try {
    IndexWriter::open(dir / "db");
    FAIL() << "newer format opened";
  } catch (const IndexFormatError& error) {
    EXPECT_NE(std::string(error.what()).find("newer"), std::string::npos);
  }
  EXPECT_THROW(Index::open(dir / "db"), IndexFormatError);
}

TEST(IndexWriter, RefusesOlderFormatsAndSaysToIndexAgain) {
  testing::TempDir dir;
  { auto writer = IndexWriter::open(dir / "db"); }
  {
    Xapian::WritableDatabase database((dir / "db").string(), Xapian::DB_OPEN);
    database.set_metadata("newsdex.format", "1");
    database.commit();
  }
  for (int opener = 0; opener < 2; ++opener) {
    try {
      if (opener == 0) {
        IndexWriter::open(dir / "db");
      } else {
        Index::open(dir / "db");
      }
      FAIL() << "format 1 opened";
    } catch (const IndexFormatError& error) {
      EXPECT_NE(std::string(error.what()).find("has format 1, older"), std::string::npos)
          << error.what();
      EXPECT_NE(std::string(error.what()).find("index the articles again"), std::string::npos);
    }
  }
}

TEST(IndexWriter, RejectsUnknownLanguage) {
  testing::TempDir dir;
  WriterOptions options;
  options.language = "klingon";
  EXPECT_THROW(IndexWriter::open(dir / "db", options), InvalidArgumentError);
}

TEST(Index, OpeningAMissingIndexSaysSo) {
  testing::TempDir dir;
  EXPECT_THROW(Index::open(dir / "nothing-here"), IndexNotFoundError);
}

}  // namespace
}  // namespace newsdex
