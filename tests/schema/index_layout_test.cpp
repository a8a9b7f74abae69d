// Opens an index newsdex wrote with plain Xapian and checks the layout the README documents
// ("Index layout"), so that users of Xapian's own tools can rely on it.
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <newsdex/index_writer.hpp>

#include "support/temp_dir.hpp"

namespace newsdex {
namespace {

class IndexLayout : public ::testing::Test {
 protected:
  void SetUp() override {
    // The layout of what a host gives; extraction adds values of the same kinds.
    auto writer = IndexWriter::open(dir_ / "db", {.extract = false});
    Article article{.id = "story-1",
                    .date = Date::parse("2022-12-01"),
                    .title = "Baku rejects resolution",
                    .body = "Officials in Ağdam said the resolution was a provocation.",
                    .source = "Caspian Wire",
                    .url = "https://example.com/story-1",
                    .language = "en",
                    .speakers = {"Marta Soto"},
                    .places = {"Ağdam"}};
    Annotations notes;
    notes.speakers.push_back({.name = "Azerbaijani Foreign Ministry"});
    notes.places.push_back(
        {.name = "Nagorno-Karabakh", .country = "AZ", .kind = PlaceKind::region});
    notes.dates.push_back({.date = *Date::parse("2022-11-16"), .precision = DatePrecision::day});
    notes.dates.push_back({.date = *Date::parse("2020-01-01"), .precision = DatePrecision::year});
    writer.add(article, notes);
    writer.commit();
    database_ = Xapian::Database((dir_ / "db").string());
    document_ = database_.get_document(1);
    for (auto it = document_.termlist_begin(); it != document_.termlist_end(); ++it) {
      terms_.insert(*it);
    }
  }

  bool has(const std::string& term) const { return terms_.count(term) > 0; }

  std::vector<Xapian::termpos> positions(const std::string& term) const {
    return {database_.positionlist_begin(1, term), database_.positionlist_end(1, term)};
  }

  testing::TempDir dir_;
  Xapian::Database database_;
  Xapian::Document document_;
  std::set<std::string> terms_;
};

TEST_F(IndexLayout, UsesOmegaPrefixesForIdDatesLanguageAndUrl) {
  EXPECT_TRUE(has("Qstory-1"));
  EXPECT_TRUE(has("D20221201"));
  EXPECT_TRUE(has("M202212"));
  EXPECT_TRUE(has("Y2022"));
  EXPECT_TRUE(has("Len"));
  EXPECT_TRUE(has("Uhttps://example.com/story-1"));
}

TEST_F(IndexLayout, StoresThePublicationDateInSlotZero) {
  EXPECT_EQ(document_.get_value(0), "20221201");
  EXPECT_EQ(document_.get_value(1).size(), 16u);  // fingerprint
}

TEST_F(IndexLayout, KeepsFacetValuesInNumberedSlotsPerField) {
  EXPECT_EQ(document_.get_value(2), "caspian wire");
  EXPECT_EQ(document_.get_value(100), "marta soto");
  EXPECT_EQ(document_.get_value(101), "azerbaijani foreign ministry");
  EXPECT_EQ(document_.get_value(102), "");
  EXPECT_EQ(document_.get_value(200), "agdam");
  EXPECT_EQ(document_.get_value(201), "nagorno-karabakh");
  EXPECT_EQ(document_.get_value(300), "az");
  EXPECT_EQ(document_.get_value(301), "");
}

TEST_F(IndexLayout, IndexesTitleAndBodyWordsWithPositionsAndStems) {
  EXPECT_TRUE(has("Sbaku"));
  EXPECT_TRUE(has("ZSreject"));
  EXPECT_TRUE(has("resolution"));
  EXPECT_TRUE(has("Zresolut"));
  EXPECT_TRUE(has("agdam"));  // diacritics folded
  EXPECT_FALSE(has("ağdam"));
  EXPECT_FALSE(positions("provocation").empty());
  EXPECT_FALSE(has("Zthe"));  // stopwords get no stemmed term
  EXPECT_TRUE(has("the"));    // but stay for phrases
}

TEST_F(IndexLayout, IndexesSpeakersAndPlacesAsExactTermsAndWords) {
  EXPECT_TRUE(has("XSPEAKERmarta soto"));
  EXPECT_TRUE(has("XSPEAKERazerbaijani foreign ministry"));
  EXPECT_TRUE(has("XSWsoto"));
  EXPECT_TRUE(has("XSWministry"));
  EXPECT_TRUE(has("XPLACEagdam"));
  EXPECT_TRUE(has("XPLACEnagorno-karabakh"));
  EXPECT_TRUE(has("XPWkarabakh"));
  EXPECT_TRUE(has("Naz"));
  EXPECT_TRUE(has("XSOURCEcaspian wire"));
  // Words of one name are adjacent; two names are far apart.
  const auto marta = positions("XSWmarta");
  const auto soto = positions("XSWsoto");
  const auto foreign = positions("XSWforeign");
  ASSERT_EQ(marta.size(), 1u);
  ASSERT_EQ(soto.size(), 1u);
  ASSERT_EQ(foreign.size(), 1u);
  EXPECT_EQ(soto[0], marta[0] + 1);
  EXPECT_GT(foreign[0], soto[0] + 50);
}

TEST_F(IndexLayout, IndexesMentionedDatesByPrecision) {
  EXPECT_TRUE(has("XMD20221116"));
  EXPECT_TRUE(has("XMM202211"));
  EXPECT_TRUE(has("XMY2022"));
  EXPECT_TRUE(has("XMY2020"));
  EXPECT_FALSE(has("XMD20200101"));
  EXPECT_FALSE(has("XMM202001"));
}

TEST_F(IndexLayout, StoresJsonDocumentData) {
  const auto data = nlohmann::json::parse(document_.get_data());
  EXPECT_EQ(data["id"], "story-1");
  EXPECT_EQ(data["date"], "2022-12-01");
  EXPECT_EQ(data["title"], "Baku rejects resolution");
  EXPECT_EQ(data["source"], "Caspian Wire");
  EXPECT_EQ(data["speakers"], nlohmann::json({"Marta Soto", "Azerbaijani Foreign Ministry"}));
  EXPECT_EQ(data["places"], nlohmann::json({"Ağdam", "Nagorno-Karabakh"}));
  EXPECT_EQ(data["body"], "Officials in Ağdam said the resolution was a provocation.");
}

TEST_F(IndexLayout, RecordsFormatAndLanguageInMetadata) {
  EXPECT_EQ(database_.get_metadata("newsdex.format"), "2");
  EXPECT_EQ(database_.get_metadata("newsdex.language"), "english");
}

TEST_F(IndexLayout, PlainXapianQueriesWork) {
  Xapian::QueryParser parser;
  parser.set_database(database_);
  parser.set_stemmer(Xapian::Stem("english"));
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser.add_boolean_prefix("speaker", "XSPEAKER");
  Xapian::Enquire enquire(database_);
  enquire.set_query(parser.parse_query("resolutions"));
  EXPECT_EQ(enquire.get_mset(0, 10).size(), 1u);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_VALUE_RANGE, 0, "20221101", "20221231"));
  EXPECT_EQ(enquire.get_mset(0, 10).size(), 1u);
  enquire.set_query(Xapian::Query("XSPEAKERmarta soto"));
  EXPECT_EQ(enquire.get_mset(0, 10).size(), 1u);
}

}  // namespace
}  // namespace newsdex
