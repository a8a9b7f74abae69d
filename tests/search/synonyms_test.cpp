// User synonyms (file format, storage, query expansion) and built-in place aliases.
#include "search/synonyms.hpp"

#include <set>

#include <gtest/gtest.h>

#include <newsdex/error.hpp>
#include <newsdex/index.hpp>
#include <newsdex/index_writer.hpp>

#include "support/temp_dir.hpp"

namespace newsdex {
namespace {

using Groups = std::vector<std::vector<std::string>>;
using Ids = std::set<std::string>;

TEST(SynonymsFile, OneGroupPerLineSkippingCommentsAndBlankLines) {
  EXPECT_EQ(parse_synonyms("# places\nuk, Britain , United Kingdom\n\n  car,automobile\r\n", "f"),
            (Groups{{"uk", "Britain", "United Kingdom"}, {"car", "automobile"}}));
}

TEST(SynonymsFile, NamesTheLineOfABadGroup) {
  auto message_of = [](const char* text) -> std::string {
    try {
      parse_synonyms(text, "syn.txt");
    } catch (const InputError& error) {
      return error.what();
    }
    return "parsed";
  };
  EXPECT_EQ(message_of("a, b\nlonely\n"),
            "syn.txt:2: a synonym group needs two or more members separated by commas");
  EXPECT_EQ(message_of("a, , b"), "syn.txt:1: empty synonym between commas");
  EXPECT_EQ(message_of("# x\nUK, uk"),
            "syn.txt:2: synonym group \"UK, uk\" needs two or more different members");
  EXPECT_EQ(message_of("a, ..."), "syn.txt:1: synonym \"...\" has no words");
}

class Expansion : public ::testing::Test {
 protected:
  detail::SynonymExpander expander_{
      {{"uk", "britain", "united kingdom"}, {"car", "automobile"}, {"eu", "european union"}},
      Xapian::Stem("english")};
  std::string expand(const std::string& query) { return expander_.expand(query); }
};

TEST_F(Expansion, WordsBecomeAnOrOfEveryMemberWithPhrasesForSeveralWords) {
  EXPECT_EQ(expand("uk trade"), "(uk OR britain OR \"united kingdom\") trade");
  EXPECT_EQ(expand("Britain  trade"), "(Britain OR uk OR \"united kingdom\")  trade");
  EXPECT_EQ(expand("trade with the United Kingdom"),
            "trade with the (\"United Kingdom\" OR uk OR britain)");
  EXPECT_EQ(expand("\"european union\" rules"), "(\"european union\" OR eu) rules");
}

TEST_F(Expansion, MatchesByStem) {
  EXPECT_EQ(expand("cars"), "(cars OR automobile)");
  EXPECT_EQ(expand("automobiles OR bikes"), "(automobiles OR car) OR bikes");
}

TEST_F(Expansion, HatedWordsHateEveryMember) {
  EXPECT_EQ(expand("trade -uk"), "trade -uk -britain -\"united kingdom\"");
  EXPECT_EQ(expand("trade -\"european union\""), "trade -\"european union\" -eu");
}

TEST_F(Expansion, LeavesFieldsPrefixesProximityAndOtherWordsAlone) {
  for (const char* query : {"title:uk", "place:britain", "uk*", "uk NEAR trade", "trade ADJ/2 uk",
                            "+uk", "ukraine", "\"uk trade\"", "united states"}) {
    EXPECT_EQ(expand(query), query);
  }
}

class SynonymSearch : public ::testing::Test {
 protected:
  void SetUp() override {
    auto writer = IndexWriter::open(dir_ / "db");
    writer.add({.id = "britain", .body = "Britain raised tariffs on steel."});
    writer.add({.id = "kingdom", .body = "The United Kingdom raised tariffs again."});
    writer.add({.id = "uk", .body = "UK steel exports fell."});
    writer.add({.id = "kingdom-of-ends", .body = "A united front and a kingdom of ends."});
    writer.commit();
  }

  Ids ids(const std::string& query) {
    Ids out;
    for (const auto& hit : Index::open(dir_ / "db").search({.query = query, .limit = 100}).hits)
      out.insert(hit.id);
    return out;
  }

  void set_synonyms(const Groups& groups) {
    auto writer = IndexWriter::open(dir_ / "db");
    writer.set_synonyms(groups);
    writer.commit();
  }

  testing::TempDir dir_;
};

TEST_F(SynonymSearch, LoadedSynonymsWidenQueriesUntilReplaced) {
  EXPECT_EQ(ids("uk"), Ids{"uk"});
  set_synonyms(parse_synonyms("uk, Britain, United Kingdom\n", "f"));
  EXPECT_EQ(Index::open(dir_ / "db").synonyms(), (Groups{{"uk", "britain", "united kingdom"}}));
  EXPECT_EQ(ids("uk"), (Ids{"britain", "kingdom", "uk"}));
  EXPECT_EQ(ids("united kingdom"), (Ids{"britain", "kingdom", "uk"}));  // not "kingdom-of-ends"
  EXPECT_EQ(ids("tariffs -britain"), Ids{});
  EXPECT_EQ(ids("steel uk"), (Ids{"britain", "uk"}));
  set_synonyms({});
  EXPECT_EQ(ids("uk"), Ids{"uk"});
  EXPECT_TRUE(Index::open(dir_ / "db").synonyms().empty());
}

TEST_F(SynonymSearch, AnOpenIndexSeesNewSynonymsAfterTheCommit) {
  const auto index = Index::open(dir_ / "db");
  EXPECT_EQ(index.search({.query = "britain"}).total, 1u);
  set_synonyms({{"britain", "uk"}});
  EXPECT_EQ(index.search({.query = "britain"}).total, 2u);
  EXPECT_EQ(index.search({.query = "britain"}).total, 2u);  // unchanged: the same synonyms
  set_synonyms({});
  EXPECT_EQ(index.search({.query = "britain"}).total, 1u);
  EXPECT_EQ(index.similar({.id = "kingdom", .filter = "uk"}).value().hits.size(), 0u);
  set_synonyms({{"britain", "uk"}});
  EXPECT_EQ(index.similar({.id = "kingdom", .filter = "uk"}).value().hits.size(), 1u);
}

TEST_F(SynonymSearch, RejectsUnusableGroups) {
  auto writer = IndexWriter::open(dir_ / "db");
  EXPECT_THROW(writer.set_synonyms({{"uk"}}), InvalidArgumentError);
  EXPECT_THROW(writer.set_synonyms({{"uk", "UK"}}), InvalidArgumentError);
  EXPECT_THROW(writer.set_synonyms({{"uk", "--"}}), InvalidArgumentError);
}

// Extraction files places under their canonical names; place: filters reach them from any alias.
TEST(PlaceAliases, EveryNameOfAPlaceFindsTheSameArticles) {
  testing::TempDir dir;
  {
    auto writer = IndexWriter::open(dir / "db");
    writer.add({.id = "london", .body = "Talks in London."},
               {.places = {{.name = "United Kingdom", .country = "GB"}}});
    writer.add({.id = "given", .body = "Ministers met.", .places = {"Britain"}});
    writer.add({.id = "lachin", .body = "The road to Lachin."},
               {.places = {{.name = "Nagorno-Karabakh", .country = "AZ"}}});
    writer.add({.id = "elsewhere", .body = "Talks in Lyon."},
               {.places = {{.name = "France", .country = "FR"}}});
    writer.commit();
  }
  const auto index = Index::open(dir / "db");
  auto ids = [&](const std::string& query) {
    Ids out;
    for (const auto& hit : index.search({.query = query, .limit = 100}).hits)
      out.insert(hit.id);
    return out;
  };
  for (const char* query :
       {"place:UK", "place:britain", "place:\"Great Britain\"", "place:\"United Kingdom\""}) {
    const Ids found = ids(query);
    EXPECT_TRUE(found.count("london")) << query;
  }
  EXPECT_EQ(ids("place:britain"), (Ids{"london", "given"}));  // and the given name's own words
  for (const char* query : {"place:karabakh", "place:\"Nagorno-Karabakh\"",
                            "place:nagorno-karabakh", "place:artsakh"}) {
    EXPECT_EQ(ids(query), Ids{"lachin"}) << query;
  }
  EXPECT_EQ(ids("place:narnia"), Ids{});
  EXPECT_EQ(ids("place:fran*"), Ids{"elsewhere"});
}

}  // namespace
}  // namespace newsdex
