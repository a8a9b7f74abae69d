// What IndexWriter promises about the index on disk whatever happens around it: creation that
// a crash cannot leave half done, a lock that a second writer is told about or waits for, format
// markers it cannot read, and ids repeated within one input.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include <gtest/gtest.h>
#include <xapian.h>

#include <newsdex/error.hpp>
#include <newsdex/index.hpp>
#include <newsdex/index_writer.hpp>

#include "support/temp_dir.hpp"

namespace newsdex {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

Article make_article(std::string id, std::string body) {
  return Article{.id = std::move(id), .date = Date::parse("2023-03-03"), .body = std::move(body)};
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

TEST(WriterCreation, ANewIndexAppearsWholeAndLeavesNothingAside) {
  testing::TempDir dir;
  { auto writer = IndexWriter::open(dir / "db/"); }
  EXPECT_TRUE(fs::exists(dir / "db" / "iamglass"));
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir.path()))
    names.push_back(entry.path().filename().string());
  EXPECT_EQ(names, std::vector<std::string>{"db"});
  const auto index = Index::open(dir / "db");
  EXPECT_EQ(index.size(), 0u);
}

TEST(WriterCreation, AnEmptyFolderBecomesTheIndex) {
  testing::TempDir dir;
  fs::create_directories(dir / "db");
  auto writer = IndexWriter::open(dir / "db");
  writer.add(make_article("a", "Ferries resumed."));
  writer.commit();
  EXPECT_EQ(Index::open(dir / "db").size(), 1u);
}

TEST(WriterCreation, WhatADeadCreatorLeftAsideIsRemoved) {
  testing::TempDir dir;
  // No process has this id: Linux pids stay below 2^22.
  const fs::path abandoned = dir / ".db.creating-99999999";
  fs::create_directories(abandoned);
  std::ofstream(abandoned / "flintlock") << "";
  const fs::path other = dir / ".db.creating-notapid";
  fs::create_directories(other);
  { auto writer = IndexWriter::open(dir / "db"); }
  EXPECT_FALSE(fs::exists(abandoned));
  EXPECT_TRUE(fs::exists(other)) << "only names this library makes are removed";
}

TEST(WriterCreation, AnUnknownLanguageCreatesNothing) {
  testing::TempDir dir;
  WriterOptions options;
  options.language = "klingon";
  EXPECT_THROW(IndexWriter::open(dir / "db", options), InvalidArgumentError);
  EXPECT_FALSE(fs::exists(dir / "db"));
}

TEST(WriterCreation, AFolderThatCannotHoldAnIndexIsAnIoError) {
  testing::TempDir dir;
  std::ofstream(dir / "file") << "x";
  try {
    IndexWriter::open(dir / "file" / "db");
    FAIL() << "created an index inside a file";
  } catch (const IoError& error) {
    EXPECT_NE(std::string(error.what()).find("cannot create an index at"), std::string::npos)
        << error.what();
  }
}

TEST(WriterLock, ASecondWriterIsToldAtOnceByDefault) {
  testing::TempDir dir;
  auto first = IndexWriter::open(dir / "db");
  const auto start = Clock::now();
  try {
    IndexWriter::open(dir / "db");
    FAIL() << "second writer opened";
  } catch (const IndexLockedError& error) {
    EXPECT_EQ(std::string(error.what()),
              "index at " + (dir / "db").string() + " is locked by another writer");
  }
  EXPECT_LT(seconds_since(start), 1.0);
}

TEST(WriterLock, WaitsForTheLockAndGivesUpWithAClearMessage) {
  testing::TempDir dir;
  auto first = IndexWriter::open(dir / "db");
  WriterOptions waiting;
  waiting.wait_for_lock = std::chrono::milliseconds(400);
  const auto start = Clock::now();
  try {
    IndexWriter::open(dir / "db", waiting);
    FAIL() << "second writer opened";
  } catch (const IndexLockedError& error) {
    EXPECT_NE(std::string(error.what()).find("still locked after waiting 0.4 s"), std::string::npos)
        << error.what();
  }
  EXPECT_GE(seconds_since(start), 0.4);
}

TEST(WriterLock, GetsTheLockOnceTheOtherWriterIsDone) {
  testing::TempDir dir;
  auto first = std::make_unique<IndexWriter>(IndexWriter::open(dir / "db"));
  first->add(make_article("first", "Written by the first writer."));
  std::thread release([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    first.reset();  // commits and unlocks
  });
  WriterOptions waiting;
  waiting.wait_for_lock = std::chrono::seconds(30);
  const auto start = Clock::now();
  auto second = IndexWriter::open(dir / "db", waiting);
  release.join();
  EXPECT_GE(seconds_since(start), 0.25);
  EXPECT_EQ(second.size(), 1u) << "the first writer's work is there";
  EXPECT_EQ(second.add(make_article("second", "Written by the second writer.")), AddOutcome::added);
  second.commit();
  EXPECT_EQ(Index::open(dir / "db").size(), 2u);
}

TEST(WriterLock, NegativeWaitIsRefused) {
  testing::TempDir dir;
  WriterOptions options;
  options.wait_for_lock = std::chrono::milliseconds(-1);
  EXPECT_THROW(IndexWriter::open(dir / "db", options), InvalidArgumentError);
}

TEST(WriterFormat, UnreadableFormatMarkersAreFormatErrors) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"3", "has format 3, newer than this newsdex reads"},
      {"1", "has format 1, older than this newsdex reads"},
      {"99999999999999999999", "has an unreadable format marker \"99999999999999999999\""},
      {"abc", "has an unreadable format marker \"abc\""},
      {"-1", "has an unreadable format marker \"-1\""},
      {"2x", "has an unreadable format marker \"2x\""}};
  for (const auto& [marker, expected] : cases) {
    testing::TempDir dir;
    { auto writer = IndexWriter::open(dir / "db"); }
    {
      Xapian::WritableDatabase database((dir / "db").string(), Xapian::DB_OPEN);
      database.set_metadata("newsdex.format", marker);
      database.commit();
    }
    for (int reader = 0; reader < 2; ++reader) {
      try {
        if (reader == 0) {
          IndexWriter::open(dir / "db");
        } else {
          Index::open(dir / "db");
        }
        ADD_FAILURE() << "opened format " << marker;
      } catch (const IndexFormatError& error) {
        EXPECT_NE(std::string(error.what()).find(expected), std::string::npos) << error.what();
      }
    }
  }
}

TEST(WriterDuplicates, AnIdGivenTwiceInOneRunIsCountedAndTheLaterWins) {
  testing::TempDir dir;
  {
    auto writer = IndexWriter::open(dir / "db");
    EXPECT_EQ(writer.add(make_article("a", "first version")), AddOutcome::added);
    EXPECT_EQ(writer.add(make_article("b", "other")), AddOutcome::added);
    EXPECT_EQ(writer.stats().duplicates, 0u);
    EXPECT_EQ(writer.add(make_article("a", "second version")), AddOutcome::replaced);
    EXPECT_EQ(writer.stats().duplicates, 1u);
    EXPECT_EQ(writer.add(make_article("a", "second version")), AddOutcome::unchanged);
    EXPECT_EQ(writer.stats().duplicates, 2u);
    writer.commit();
  }
  EXPECT_EQ(Index::open(dir / "db").get("a")->body, "second version");

  // A later run meets each id once: nothing is a duplicate, however often it was indexed before.
  auto again = IndexWriter::open(dir / "db");
  EXPECT_EQ(again.add(make_article("a", "second version")), AddOutcome::unchanged);
  EXPECT_EQ(again.add(make_article("b", "other")), AddOutcome::unchanged);
  EXPECT_EQ(again.stats().duplicates, 0u);
}

}  // namespace
}  // namespace newsdex
