// Copies of one story found while indexing: text signatures, and the group keys IndexWriter
// gives copies (README "Duplicates").
#include "index/duplicates.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include <newsdex/error.hpp>
#include <newsdex/index_writer.hpp>

#include "analysis/analysis.hpp"
#include "schema/schema.hpp"
#include "support/temp_dir.hpp"
#include "text/fold.hpp"

namespace newsdex {
namespace {

// A wire story, a reprint with a byline, a dateline and a few words changed, and a different
// story about the same dispute, people and place.
const std::string kStory =
    "Harbour pilots in Bergen stopped work on Tuesday in a dispute over rest periods, leaving "
    "three cruise ships and a dozen freighters waiting outside the port and forcing the coastal "
    "express to skip its morning call. The pilots' association said its members had worked "
    "double shifts for most of the spring because of a shortage of qualified staff. \"We cannot "
    "guide a ship of 300 metres through the fjord after eighteen hours on duty,\" said Ingrid "
    "Solheim, who leads the association's Bergen branch. The Norwegian Coastal Administration, "
    "which employs the pilots, said it regretted the stoppage and had offered to hire retired "
    "pilots for the summer season. Talks are due to resume on Thursday.";
const std::string kReprint =
    "By Kari Dahl, Fjord Wire\n\nBERGEN (Fjord Wire) - Harbour pilots in Bergen stopped work on "
    "Tuesday in a dispute over rest periods, leaving three cruise ships and a dozen freighters "
    "waiting outside the port and forcing the coastal express to skip its morning call. The "
    "pilots' association said its members had worked double shifts for most of the spring "
    "because of a shortage of qualified staff. \"We cannot guide a ship of 300 metres through "
    "the fjord after eighteen hours on duty,\" said Ingrid Solheim, head of the association's "
    "Bergen branch. The Norwegian Coastal Administration, which employs the pilots, said it "
    "regretted the strike and had offered to hire retired pilots for the summer. Talks are due "
    "to resume on Thursday.";
const std::string kOtherStory =
    "The harbour pilots' association and the Norwegian Coastal Administration agreed on Thursday "
    "to let a state mediator settle their dispute over rest periods, and the pilots returned to "
    "work in Bergen in the afternoon. Ingrid Solheim, who leads the association's Bergen branch, "
    "said the mediator would report within a month. \"Our members want to work, but they want "
    "to work safely,\" she told reporters at the pilot station. The first of the cruise ships "
    "that had waited outside the port since Tuesday docked in the evening.";

std::optional<detail::TextSignature> english_signature(const std::string& text) {
  detail::WordAnalyzer words(detail::make_stemmer("english"), detail::stopper_for("english"));
  return detail::text_signature(detail::fold_diacritics(text), words);
}

detail::TextSignature signature_of(const std::string& text) {
  const auto signature = english_signature(text);
  EXPECT_TRUE(signature.has_value());
  return signature.value_or(detail::TextSignature{});
}

TEST(TextSignature, EstimatesTheShareOfWordsTwoTextsHaveInCommon) {
  const auto story = signature_of(kStory);
  EXPECT_EQ(detail::signature_similarity(story, signature_of(kStory)), 1.0);
  EXPECT_GT(detail::signature_similarity(story, signature_of(kReprint)), 0.7);
  EXPECT_LT(detail::signature_similarity(story, signature_of(kOtherStory)), 0.4);
  // Case, diacritics and word forms do not matter; the order of words neither.
  const std::string words =
      "Pilots guided the Ships through the Fjord past Ålesund to the quays of Bergen, Stavanger, "
      "Haugesund and Florø on Monday, Tuesday and Wednesday, while tugboats, ferries, trawlers, "
      "fishing boats, tankers and yachts waited near lighthouses, islands and harbours";
  const std::string shuffled =
      "near harbours, islands and lighthouses: yachts, tankers, boats for fishing, trawlers, "
      "ferries and a tugboat waiting; wednesday, tuesday, monday: floro, haugesund, stavanger and "
      "bergen quays; past alesund, the fjord, ships guided by a pilot";
  EXPECT_EQ(detail::signature_similarity(signature_of(words), signature_of(shuffled)), 1.0);
}

TEST(TextSignature, SimilarityComparesLowBytesLessTheirChanceAgreement) {
  detail::TextSignature a{};
  detail::TextSignature b{};
  for (std::size_t i = 0; i < a.size(); ++i) {
    a[i] = static_cast<std::uint32_t>(i);
    // The same low byte as a's in the first half only, and other high bytes throughout.
    b[i] = (i < a.size() / 2 ? a[i] : a[i] + 100) | 0xabcd0000u;
  }
  EXPECT_DOUBLE_EQ(detail::signature_similarity(a, b), (0.5 - 1.0 / 256) / (1 - 1.0 / 256));
  for (std::size_t i = 0; i < a.size(); ++i)
    b[i] = a[i] + 1;
  EXPECT_EQ(detail::signature_similarity(a, b), 0.0);
}

TEST(TextSignature, NeedsEnoughWordsToTellCopiesApart) {
  // A notice of figures: another company's would differ in a word or two.
  EXPECT_FALSE(english_signature(
      "Qtly div 20 cts vs 20 cts prior. Pay April 1. Record March 15. Shareholders approved the "
      "payout at the annual meeting."));
}

TEST(TextSignature, RoundTripsThroughItsStoredFormAndHasOneTermPerBand) {
  const auto story = signature_of(kStory);
  const std::string stored = detail::encode_signature(story);
  ASSERT_EQ(stored.size(), detail::schema::kSignatureHashes);
  const auto decoded = detail::decode_signature(stored);
  ASSERT_TRUE(decoded);
  for (std::size_t i = 0; i < story.size(); ++i)
    EXPECT_EQ((*decoded)[i], story[i] & 0xff);
  EXPECT_EQ(detail::signature_similarity(*decoded, story), 1.0);
  EXPECT_EQ(detail::signature_similarity(*decoded, signature_of(kReprint)),
            detail::signature_similarity(story, signature_of(kReprint)));
  EXPECT_FALSE(detail::decode_signature(stored.substr(1)));
  // An index of layout revision 1 stored each value's 4 bytes, big-endian.
  std::string revision_1;
  for (const std::uint32_t value : story) {
    for (int shift = 24; shift >= 0; shift -= 8)
      revision_1.push_back(static_cast<char>((value >> shift) & 0xff));
  }
  EXPECT_EQ(detail::decode_signature(revision_1), decoded);
  EXPECT_FALSE(detail::decode_signature(revision_1.substr(1)));
  const auto bands = detail::signature_band_terms(story);
  ASSERT_EQ(bands.size(), detail::schema::kSignatureHashes / detail::schema::kSignatureRows);
  EXPECT_EQ(bands[0].substr(0, 5), "XDB00");
  EXPECT_EQ(bands[15].substr(0, 5), "XDB0f");
  EXPECT_EQ(bands[0].size(), 3u + 2u + 8u);
  EXPECT_EQ(std::set<std::string>(bands.begin(), bands.end()).size(), bands.size());
}

// Signatures made by hand: `changed` values of `base` replaced, from `from` on.
detail::TextSignature altered(detail::TextSignature base, std::size_t from, std::size_t changed) {
  for (std::size_t i = from; i < from + changed; ++i)
    base[i] += 1000;
  return base;
}

TEST(GroupCopies, AGroupAdmitsOnlyCopiesOfEveryMemberSoChainsDoNotMerge) {
  testing::TempDir dir;
  Xapian::WritableDatabase database((dir / "db").string(), Xapian::DB_CREATE);
  detail::DaySignatures days;
  const detail::GroupingShard shards[] = {{&database, &days}};
  detail::TextSignature first;
  for (std::size_t i = 0; i < first.size(); ++i)
    first[i] = static_cast<std::uint32_t>(i);
  // b is a copy of a (48 of 64 values equal), c of b, but c is not a copy of a (32 of 64).
  const auto second = altered(first, 0, 16);
  const auto third = altered(second, 16, 16);
  const auto fourth = altered(first, 0, 8);  // a copy of a and of b
  std::vector<Xapian::Document> documents(4);
  const std::vector<detail::TextSignature> signatures{first, second, third, fourth};
  std::vector<detail::PendingArticle> chunk;
  for (std::size_t i = 0; i < 4; ++i) {
    chunk.push_back({.id_term = "Qa" + std::to_string(i),
                     .fingerprint = std::to_string(i),
                     .date = Date::parse("2022-05-10"),
                     .signature = signatures[i],
                     .document = &documents[i]});
  }
  EXPECT_TRUE(detail::group_copies(shards, chunk, {}).empty());
  const std::string key = documents[0].get_value(detail::schema::kDuplicateGroupSlot);
  EXPECT_EQ(key, detail::new_group_key(first));
  EXPECT_EQ(documents[1].get_value(detail::schema::kDuplicateGroupSlot), key);
  EXPECT_EQ(documents[2].get_value(detail::schema::kDuplicateGroupSlot), "");
  EXPECT_EQ(documents[3].get_value(detail::schema::kDuplicateGroupSlot), key);
  EXPECT_EQ(*documents[3].termlist_begin(), "XDG" + key);

  // Indexed articles join a group too: they are tagged, not rewritten by the caller.
  for (std::size_t i = 0; i < 2; ++i) {
    Xapian::Document indexed;
    indexed.add_boolean_term("Qindexed" + std::to_string(i));
    indexed.add_value(detail::schema::kSignatureSlot, detail::encode_signature(signatures[i]));
    indexed.add_value(detail::schema::kDateSlot, "20220510");
    indexed.add_boolean_term("D20220510");
    days.add(database.add_document(indexed), *Date::parse("2022-05-10"), signatures[i]);
  }
  Xapian::Document copy;
  std::vector<detail::PendingArticle> one{{.id_term = "Qnew",
                                           .fingerprint = "x",
                                           .date = Date::parse("2022-05-12"),
                                           .signature = first,
                                           .document = &copy}};
  const auto tags = detail::group_copies(shards, one, {});
  ASSERT_EQ(tags.size(), 1u);
  EXPECT_EQ(tags[0].docid, 1u);  // the exact copy, the closest
  EXPECT_EQ(tags[0].key, detail::new_group_key(first));
  EXPECT_EQ(copy.get_value(detail::schema::kDuplicateGroupSlot), tags[0].key);
  one[0].date = Date::parse("2022-05-13");  // three days later: too late with the default rules
  Xapian::Document late;
  one[0].document = &late;
  EXPECT_TRUE(detail::group_copies(shards, one, {}).empty());
  EXPECT_EQ(late.get_value(detail::schema::kDuplicateGroupSlot), "");
}

// Adds a document dated `day` (YYYYMMDD) with `signature` (none when nullopt), as the writer
// would, leaving DaySignatures to read it from the database.
Xapian::docid add_dated(Xapian::WritableDatabase& database, const std::string& day,
                        const std::optional<detail::TextSignature>& signature) {
  Xapian::Document document;
  document.add_boolean_term("D" + day);
  document.add_value(detail::schema::kDateSlot, day);
  if (signature)
    document.add_value(detail::schema::kSignatureSlot, detail::encode_signature(*signature));
  return database.add_document(document);
}

std::vector<std::pair<std::size_t, Xapian::docid>> found_on(
    detail::DaySignatures& days, Xapian::Database& database, const std::string& day,
    const detail::TextSignature& signature) {
  std::vector<std::pair<std::size_t, Xapian::docid>> shared;
  const Date date = *Date::parse(day);
  days.find(database, date, date, signature, shared);
  std::sort(shared.begin(), shared.end());
  return shared;
}

TEST(DaySignatures, ReadsADayOnceThenTakesWhatIsWrittenAndForgetsTheDaysLeastUsed) {
  testing::TempDir dir;
  Xapian::WritableDatabase database((dir / "db").string(), Xapian::DB_CREATE);
  const auto story = signature_of(kStory);
  const auto other = signature_of(kOtherStory);
  const auto edited = altered(story, 0, 16);  // 4 of the 16 bands changed
  const Xapian::docid wire = add_dated(database, "20220510", story);
  const Xapian::docid reprint = add_dated(database, "20220510", edited);
  add_dated(database, "20220510", std::nullopt);  // too short for a signature
  add_dated(database, "20220510", other);         // no band in common
  const Xapian::docid next_day = add_dated(database, "20220511", story);

  detail::DaySignatures days(3);
  using Found = std::vector<std::pair<std::size_t, Xapian::docid>>;
  EXPECT_EQ(found_on(days, database, "2022-05-10", story), (Found{{12, reprint}, {16, wire}}));
  EXPECT_EQ(days.articles(), 3u);

  // Once read, a day changes only through add().
  const Xapian::docid later = add_dated(database, "20220510", story);
  EXPECT_EQ(found_on(days, database, "2022-05-10", story).size(), 2u);
  days.add(later, *Date::parse("2022-05-10"), story);
  EXPECT_EQ(found_on(days, database, "2022-05-10", story),
            (Found{{12, reprint}, {16, wire}, {16, later}}));
  days.add(99, *Date::parse("2022-06-01"), story);  // a day not read: read when asked for
  EXPECT_EQ(days.articles(), 4u);

  // Reading another day goes over the bound: the day used least recently is forgotten, and read
  // again when asked for.
  EXPECT_EQ(found_on(days, database, "2022-05-11", story), (Found{{16, next_day}}));
  EXPECT_EQ(days.articles(), 1u);
  EXPECT_EQ(found_on(days, database, "2022-05-10", edited).size(), 3u);
  EXPECT_EQ(days.articles(), 4u);
  EXPECT_TRUE(found_on(days, database, "2022-05-12", story).empty());
}

class DuplicateGroups : public ::testing::Test {
 protected:
  static Article article(std::string id, std::string date, std::string body,
                         std::string source = "Fjord Wire") {
    return {.id = std::move(id),
            .date = Date::parse(date),
            .title = "Pilots in Bergen",
            .body = std::move(body),
            .source = std::move(source)};
  }

  // The group key of each article, by id ("" for articles in no group).
  std::map<std::string, std::string> groups() const {
    Xapian::Database database(path().string());
    std::map<std::string, std::string> keys;
    for (auto id = database.allterms_begin("Q"); id != database.allterms_end("Q"); ++id) {
      const Xapian::Document document = database.get_document(*database.postlist_begin(*id));
      const std::string key = document.get_value(detail::schema::kDuplicateGroupSlot);
      keys[(*id).substr(1)] = key;
    }
    for (const auto& [id, key] : keys) {
      if (!key.empty()) {
        EXPECT_EQ(database.get_termfreq("XDG" + key), members(keys, key)) << id;
      }
    }
    return keys;
  }

  std::filesystem::path path() const { return dir_ / "db"; }

  static std::size_t members(const std::map<std::string, std::string>& keys,
                             const std::string& key) {
    return static_cast<std::size_t>(std::count_if(
        keys.begin(), keys.end(), [&](const auto& entry) { return entry.second == key; }));
  }

  testing::TempDir dir_;
};

TEST_F(DuplicateGroups, CopiesUnderOtherIdsAndSourcesShareAGroupAndOtherStoriesDoNot) {
  auto writer = IndexWriter::open(path());
  writer.add(article("wire", "2022-05-10", kStory));
  writer.add(article("reprint", "2022-05-11", kReprint, "Westland Herald"));
  writer.add(article("same-text", "2022-05-10", kStory, "Coastal Courier"));
  writer.add(article("talks", "2022-05-12", kOtherStory));
  writer.commit();
  const auto keys = groups();
  EXPECT_EQ(keys.at("wire").size(), 16u);
  EXPECT_EQ(keys.at("reprint"), keys.at("wire"));
  EXPECT_EQ(keys.at("same-text"), keys.at("wire"));
  EXPECT_EQ(keys.at("talks"), "");
}

TEST_F(DuplicateGroups, CopiesMustBePublishedWithinTheWindow) {
  {
    auto writer = IndexWriter::open(path());
    writer.add(article("wire", "2022-05-10", kStory));
    writer.add(article("week-later", "2022-05-17", kStory));
    writer.add(article("undated", "", kReprint));
    writer.add(article("copy", "2022-05-11", kReprint));
    writer.commit();
  }
  {
    // Undated copies find each other across commits, through their band terms.
    auto writer = IndexWriter::open(path());
    writer.add(article("undated-too", "", kStory));
    writer.commit();
  }
  auto keys = groups();
  EXPECT_EQ(keys.at("week-later"), "");
  EXPECT_NE(keys.at("wire"), "");
  EXPECT_EQ(keys.at("copy"), keys.at("wire"));
  // An undated article is a copy of undated ones only.
  EXPECT_NE(keys.at("undated"), "");
  EXPECT_NE(keys.at("undated"), keys.at("wire"));
  EXPECT_EQ(keys.at("undated-too"), keys.at("undated"));
  {
    // Only undated articles carry band terms.
    Xapian::Database indexed(path().string());
    for (auto id = indexed.allterms_begin("Q"); id != indexed.allterms_end("Q"); ++id) {
      const Xapian::docid docid = *indexed.postlist_begin(*id);
      const bool dated = !indexed.get_document(docid).get_value(detail::schema::kDateSlot).empty();
      std::size_t bands = 0;
      for (auto term = indexed.termlist_begin(docid); term != indexed.termlist_end(docid); ++term)
        bands += (*term).starts_with("XDB") ? 1 : 0;
      EXPECT_EQ(bands, dated ? 0u : 16u) << *id;
    }
  }

  testing::TempDir other;
  {
    auto writer = IndexWriter::open(other / "db", {.duplicate_max_days = 7});
    writer.add(article("wire", "2022-05-10", kStory));
    writer.add(article("week-later", "2022-05-17", kStory));
    writer.commit();
  }
  Xapian::Database database((other / "db").string());
  EXPECT_EQ(database.get_document(1).get_value(detail::schema::kDuplicateGroupSlot),
            database.get_document(2).get_value(detail::schema::kDuplicateGroupSlot));
  EXPECT_NE(database.get_document(1).get_value(detail::schema::kDuplicateGroupSlot), "");
}

TEST_F(DuplicateGroups, ABatchAcrossShardsGroupsAsArticleByArticleDoes) {
  const std::vector<Article> articles{
      article("wire", "2022-05-10", kStory), article("talks", "2022-05-12", kOtherStory),
      article("reprint", "2022-05-11", kReprint), article("same-text", "2022-05-10", kStory)};
  {
    auto writer = IndexWriter::open(path(), {.threads = 2, .shards = 3});
    writer.add_batch(articles);
    writer.commit();
  }
  testing::TempDir other;
  {
    auto writer = IndexWriter::open(other / "db");
    for (const auto& one : articles)
      writer.add(one);
    writer.commit();
  }
  const auto keys = groups();
  EXPECT_NE(keys.at("wire"), "");
  EXPECT_EQ(keys.at("reprint"), keys.at("wire"));
  EXPECT_EQ(keys.at("same-text"), keys.at("wire"));
  EXPECT_EQ(keys.at("talks"), "");
  Xapian::Database database((other / "db").string());
  EXPECT_EQ(database.get_document(1).get_value(detail::schema::kDuplicateGroupSlot),
            keys.at("wire"));
}

// add_batch() builds a batch in chunks, the next while the last is written, and commits inside
// them: copies far apart in a batch must still find each other.
TEST_F(DuplicateGroups, CopiesFarApartInALargeBatchShareAGroup) {
  // Texts of 40 words that no other shares.
  auto filler = [](std::size_t number) {
    std::string text;
    for (std::size_t word = 0; word < 40; ++word) {
      std::size_t code = number * 40 + word;
      text += " z";
      for (int letter = 0; letter < 4; ++letter, code /= 26)
        text += static_cast<char>('a' + code % 26);
    }
    return text;
  };
  std::vector<Article> articles;
  for (std::size_t i = 0; i < 700; ++i)
    articles.push_back(article("filler-" + std::to_string(i), "2022-05-10", filler(i)));
  articles[10] = article("wire", "2022-05-10", kStory);
  articles[200] = article("talks", "2022-05-12", kOtherStory);
  articles[300] = article("same-text", "2022-05-11", kStory);
  articles[420] = article("reprint", "2022-05-11", kReprint);
  articles[690] = article("late-copy", "2022-05-12", kStory);
  {
    auto writer = IndexWriter::open(path(), {.batch_articles = 100, .threads = 2, .shards = 2});
    writer.add_batch(articles);
    EXPECT_GE(writer.stats().commits, 6u);
  }
  const auto keys = groups();
  ASSERT_NE(keys.at("wire"), "");
  for (const char* copy : {"same-text", "reprint", "late-copy"})
    EXPECT_EQ(keys.at(copy), keys.at("wire")) << copy;
  EXPECT_EQ(members(keys, keys.at("wire")), 4u);
  EXPECT_EQ(keys.at("talks"), "");
  EXPECT_EQ(keys.at("filler-0"), "");
}

TEST_F(DuplicateGroups, ReindexingKeepsGroupsAndAnEditedArticleLeavesItsGroup) {
  {
    auto writer = IndexWriter::open(path());
    writer.add(article("wire", "2022-05-10", kStory));
    writer.add(article("reprint", "2022-05-11", kReprint));
    writer.commit();
  }
  const auto before = groups();
  ASSERT_NE(before.at("wire"), "");
  {
    auto writer = IndexWriter::open(path());
    EXPECT_EQ(writer.add(article("wire", "2022-05-10", kStory)), AddOutcome::unchanged);
    EXPECT_EQ(writer.add(article("reprint", "2022-05-11", kReprint)), AddOutcome::unchanged);
    writer.commit();
  }
  EXPECT_EQ(groups(), before);
  {
    auto writer = IndexWriter::open(path());
    EXPECT_EQ(writer.add(article("reprint", "2022-05-11", kOtherStory)), AddOutcome::replaced);
    writer.commit();
  }
  EXPECT_EQ(groups().at("reprint"), "");
}

TEST_F(DuplicateGroups, CopiesAreFoundByWhatIsIndexedNowNotByWhatWasThere) {
  {
    auto writer = IndexWriter::open(path());
    writer.add(article("wire", "2022-05-10", kStory));
    writer.add(article("gone", "2022-06-01", kStory));
    writer.commit();
  }
  {
    // A new writer reads the days around a new article from the index.
    auto writer = IndexWriter::open(path());
    writer.add(article("reprint", "2022-05-12", kReprint));
    writer.commit();
  }
  auto keys = groups();
  EXPECT_NE(keys.at("wire"), "");
  EXPECT_EQ(keys.at("reprint"), keys.at("wire"));
  EXPECT_EQ(keys.at("gone"), "");
  {
    // Within one writer: an article edited into another story, or removed, is no longer a
    // copy of its former text, though the writer read that text before.
    auto writer = IndexWriter::open(path());
    writer.add(article("talks", "2022-06-01", kOtherStory));
    writer.commit();
    EXPECT_EQ(writer.add(article("gone", "2022-06-01", kOtherStory)), AddOutcome::replaced);
    writer.commit();
    writer.add(article("story", "2022-06-02", kStory));
    writer.commit();
    ASSERT_TRUE(writer.remove("story"));
    writer.commit();
    writer.add(article("story-reprint", "2022-06-03", kReprint));
    writer.commit();
  }
  keys = groups();
  EXPECT_EQ(keys.at("story-reprint"), "");
  EXPECT_NE(keys.at("gone"), "");
  EXPECT_EQ(keys.at("gone"), keys.at("talks"));
  EXPECT_EQ(keys.count("story"), 0u);
}

TEST_F(DuplicateGroups, CanBeTurnedOffAndRefusesBadRules) {
  {
    auto writer = IndexWriter::open(path(), {.group_duplicates = false});
    writer.add(article("wire", "2022-05-10", kStory));
    writer.add(article("same-text", "2022-05-10", kStory));
    writer.commit();
  }
  EXPECT_EQ(groups().at("same-text"), "");
  EXPECT_THROW(IndexWriter::open(path(), {.duplicate_similarity = 0}), InvalidArgumentError);
  EXPECT_THROW(IndexWriter::open(path(), {.duplicate_similarity = 1.5}), InvalidArgumentError);
  EXPECT_THROW(IndexWriter::open(path(), {.duplicate_max_days = -1}), InvalidArgumentError);
}

}  // namespace
}  // namespace newsdex
