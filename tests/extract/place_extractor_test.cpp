#include "extract/place_extractor.hpp"

#include <algorithm>
#include <filesystem>
#include <thread>

#include <gtest/gtest.h>

#include <newsdex/error.hpp>

namespace newsdex::detail {
namespace {

const std::filesystem::path kGeoNames = std::filesystem::path(NEWSDEX_TEST_DATA) / "geonames";

class PlaceExtractorTest : public ::testing::Test {
 protected:
  std::vector<Place> extract(std::string_view text) const { return extractor_.extract(text); }

  // The place named `name` in `text`'s extraction, or nullptr.
  static const Place* find(const std::vector<Place>& places, std::string_view name) {
    const auto it = std::find_if(places.begin(), places.end(),
                                 [&](const Place& place) { return place.name == name; });
    return it == places.end() ? nullptr : &*it;
  }

  // The words each mention of the place covers.
  static std::vector<std::string> mentions(std::string_view text, const Place& place) {
    std::vector<std::string> words;
    for (const auto& span : place.mentions) {
      words.emplace_back(text.substr(span.start, span.end - span.start));
    }
    return words;
  }

  static std::vector<std::string> names(const std::vector<Place>& places) {
    std::vector<std::string> out;
    for (const auto& place : places)
      out.push_back(place.name);
    return out;
  }

  PlaceExtractor extractor_{Gazetteer::builtin()};
};

using Words = std::vector<std::string>;

TEST_F(PlaceExtractorTest, FindsTheSeedArticlesPlaces) {
  const std::string text =
      "Relations between the former Soviet republics of Armenia and Azerbaijan have been tense "
      "since 1991, when the Armenian military occupied Nagorno-Karabakh and seven adjacent "
      "regions \u2013 Lachin, Kalbajar, Aghdam, Fuzuli, Jabrayil, Qubadli, and Zangilan. "
      "In 2020 Baku liberated villages in Karabakh, ending in a Moscow-brokered truce. Paris "
      "backed a French resolution, and France\u2019s envoy met Armenia's leaders.";
  const auto places = extract(text);
  for (const auto* region :
       {"Lachin", "Kalbajar", "Aghdam", "Fuzuli", "Jabrayil", "Qubadli", "Zangilan"}) {
    const auto* place = find(places, region);
    ASSERT_NE(place, nullptr) << region;
    EXPECT_EQ(place->country, "AZ") << region;
    EXPECT_EQ(place->kind, PlaceKind::region) << region;
    EXPECT_EQ(mentions(text, *place), Words{region});
  }
  const auto* karabakh = find(places, "Nagorno-Karabakh");
  ASSERT_NE(karabakh, nullptr);
  EXPECT_EQ(karabakh->country, "AZ");
  EXPECT_EQ(mentions(text, *karabakh), (Words{"Nagorno-Karabakh", "Karabakh"}));
  const auto* baku = find(places, "Baku");
  ASSERT_NE(baku, nullptr);
  EXPECT_EQ(baku->kind, PlaceKind::city);
  EXPECT_EQ(baku->country, "AZ");
  const auto* moscow = find(places, "Moscow");
  ASSERT_NE(moscow, nullptr);
  EXPECT_EQ(mentions(text, *moscow), Words{"Moscow"});
  EXPECT_EQ(moscow->country, "RU");
  const auto* paris = find(places, "Paris");
  ASSERT_NE(paris, nullptr);
  EXPECT_EQ(paris->country, "FR");
  const auto* france = find(places, "France");
  ASSERT_NE(france, nullptr);
  EXPECT_EQ(france->kind, PlaceKind::country);
  EXPECT_EQ(mentions(text, *france), (Words{"French", "France"}));
  const auto* armenia = find(places, "Armenia");
  ASSERT_NE(armenia, nullptr);
  EXPECT_EQ(mentions(text, *armenia), (Words{"Armenia", "Armenian", "Armenia"}));
  const auto* azerbaijan = find(places, "Azerbaijan");
  ASSERT_NE(azerbaijan, nullptr);
  EXPECT_EQ(azerbaijan->country, "AZ");
}

TEST_F(PlaceExtractorTest, MentionsAreByteSpansIntoTheText) {
  const std::string text = "Officials in Ağdam and \u201cAzerbaijan\u2019s\u201d capital spoke.";
  const auto places = extract(text);
  const auto* aghdam = find(places, "Aghdam");
  ASSERT_NE(aghdam, nullptr);
  ASSERT_EQ(aghdam->mentions.size(), 1u);
  EXPECT_EQ(aghdam->mentions[0].start, text.find("Ağdam"));
  EXPECT_EQ(aghdam->mentions[0].end, text.find("Ağdam") + std::string("Ağdam").size());
  const auto* azerbaijan = find(places, "Azerbaijan");
  ASSERT_NE(azerbaijan, nullptr);
  EXPECT_EQ(mentions(text, *azerbaijan), Words{"Azerbaijan"});
}

TEST_F(PlaceExtractorTest, PrefersTheLongestName) {
  const std::string text =
      "Flights from New York to Buenos Aires and Papua New Guinea resumed, officials in "
      "New Mexico said.";
  const auto places = extract(text);
  EXPECT_EQ(names(places), (Words{"New York", "Buenos Aires", "Papua New Guinea", "New Mexico"}));
  EXPECT_EQ(mentions(text, *find(places, "Buenos Aires")), Words{"Buenos Aires"});
}

TEST_F(PlaceExtractorTest, DemonymsNameTheirCountry) {
  const std::string text =
      "An Azerbaijani Foreign Ministry statement rejected the French proposal, and Azeris "
      "protested outside the British embassy.";
  const auto places = extract(text);
  const auto* azerbaijan = find(places, "Azerbaijan");
  ASSERT_NE(azerbaijan, nullptr);
  EXPECT_EQ(mentions(text, *azerbaijan), (Words{"Azerbaijani", "Azeris"}));
  ASSERT_NE(find(places, "France"), nullptr);
  EXPECT_EQ(find(places, "France")->country, "FR");
  ASSERT_NE(find(places, "United Kingdom"), nullptr);
}

TEST_F(PlaceExtractorTest, AbbreviationsKeepTheirDots) {
  const std::string text = "The U.S. and the UK agreed. Trade with the US fell; let us wait.";
  const auto places = extract(text);
  const auto* us = find(places, "United States");
  ASSERT_NE(us, nullptr);
  EXPECT_EQ(mentions(text, *us), (Words{"U.S.", "US"}));
  ASSERT_NE(find(places, "United Kingdom"), nullptr);
}

TEST_F(PlaceExtractorTest, GeorgiaFollowsTheRestOfTheArticle) {
  const auto country = extract("Georgia said troops left Tbilisi on Friday.");
  ASSERT_NE(find(country, "Georgia"), nullptr);
  EXPECT_EQ(find(country, "Georgia")->country, "GE");
  EXPECT_EQ(find(country, "Georgia")->kind, PlaceKind::country);
  const auto state = extract("Georgia lawmakers met in Atlanta on Friday.");
  ASSERT_NE(find(state, "Georgia"), nullptr);
  EXPECT_EQ(find(state, "Georgia")->country, "US");
  EXPECT_EQ(find(state, "Georgia")->kind, PlaceKind::region);
  const auto alone = extract("Georgia held elections on Sunday.");
  ASSERT_NE(find(alone, "Georgia"), nullptr);
  EXPECT_EQ(find(alone, "Georgia")->country, "GE");
}

TEST_F(PlaceExtractorTest, OneNameKeepsOneReadingPerArticle) {
  const std::string text =
      "Georgia will vote in May. Voters across Georgia, from Savannah to Atlanta, lined up.";
  const auto places = extract(text);
  const auto* georgia = find(places, "Georgia");
  ASSERT_NE(georgia, nullptr);
  EXPECT_EQ(georgia->country, "US");
  EXPECT_EQ(georgia->mentions.size(), 2u);
}

TEST_F(PlaceExtractorTest, ParisAloneIsInFranceAndParisTexasIsNot) {
  const auto alone = extract("The talks in Paris ended on Tuesday.");
  ASSERT_NE(find(alone, "Paris"), nullptr);
  EXPECT_EQ(find(alone, "Paris")->country, "FR");
  const std::string text = "A storm hit Paris, Texas, and Athens, Ga., overnight.";
  const auto qualified = extract(text);
  const auto* paris = find(qualified, "Paris");
  ASSERT_NE(paris, nullptr);
  EXPECT_EQ(paris->country, "US");
  const auto* athens = find(qualified, "Athens");
  ASSERT_NE(athens, nullptr);
  EXPECT_EQ(athens->country, "US");
  const auto* georgia = find(qualified, "Georgia");
  ASSERT_NE(georgia, nullptr);
  EXPECT_EQ(mentions(text, *georgia), Words{"Ga."});
  EXPECT_EQ(find(qualified, "Texas")->kind, PlaceKind::region);
}

TEST_F(PlaceExtractorTest, QualifierAbbreviationsNeedTheirPlace) {
  // "Ill." and "Miss." are abbreviations of states only right after "Place, ".
  const auto places = extract("Miss. Jones was ill. Mass. transit is cheap in Springfield, Ill.");
  EXPECT_EQ(find(places, "Mississippi"), nullptr);
  EXPECT_EQ(find(places, "Massachusetts"), nullptr);
  ASSERT_NE(find(places, "Illinois"), nullptr);
  ASSERT_NE(find(places, "Springfield"), nullptr);
  EXPECT_EQ(find(places, "Springfield")->country, "US");
}

TEST_F(PlaceExtractorTest, SkipsCommonWordsWithoutSupport) {
  const auto words = extract(
      "Reading is fun. Man overboard! Mobile phones were banned in March. Nice work. "
      "Split the bill. Of course the reading list was nice.");
  EXPECT_TRUE(words.empty()) << ::testing::PrintToString(names(words));
  const std::string text = "She moved from Reading to Nice, then to Mobile, Ala.";
  const auto places = extract(text);
  ASSERT_NE(find(places, "Nice"), nullptr);
  EXPECT_EQ(find(places, "Nice")->country, "FR");
  ASSERT_NE(find(places, "Mobile"), nullptr);
  EXPECT_EQ(find(places, "Mobile")->country, "US");
  ASSERT_NE(find(places, "Alabama"), nullptr);
}

TEST_F(PlaceExtractorTest, SkipsPeoplesNames) {
  const auto people = extract(
      "Mr. Washington spoke first. Michael Jordan scored 30 points, and Jordan said he was "
      "tired. Coach Austin agreed.");
  EXPECT_TRUE(people.empty()) << ::testing::PrintToString(names(people));
  const auto country = extract("Jordan said it would reopen the border crossing with Syria.");
  ASSERT_NE(find(country, "Jordan"), nullptr);
  EXPECT_EQ(find(country, "Jordan")->kind, PlaceKind::country);
  const auto given = extract("Chad Johnson thanked the fans. Mary Wheeler did not.");
  EXPECT_TRUE(given.empty()) << ::testing::PrintToString(names(given));
}

TEST_F(PlaceExtractorTest, SkipsStreetNames) {
  const auto places = extract("The fire at 6016 Dublin Road spread to Paris Avenue.");
  EXPECT_TRUE(places.empty()) << ::testing::PrintToString(names(places));
}

TEST_F(PlaceExtractorTest, FindsCountiesByTheirPattern) {
  const std::string text = "Deputies in Laurel County and Rapides Parish, Louisiana, searched.";
  const auto places = extract(text);
  const auto* laurel = find(places, "Laurel County");
  ASSERT_NE(laurel, nullptr);
  EXPECT_EQ(laurel->kind, PlaceKind::region);
  EXPECT_EQ(laurel->country, "US");
  ASSERT_NE(find(places, "Rapides Parish"), nullptr);
}

TEST_F(PlaceExtractorTest, AreaNamesStartAtTheirOwnWords) {
  const std::string text =
      "In Henrico County, officials met. They learned CPR. Gwinnett County paid. Voters in "
      "Richmond Laurel County agreed.";
  const auto places = extract(text);
  ASSERT_NE(find(places, "Henrico County"), nullptr) << ::testing::PrintToString(names(places));
  EXPECT_EQ(mentions(text, *find(places, "Henrico County")), Words{"Henrico County"});
  ASSERT_NE(find(places, "Gwinnett County"), nullptr);
  EXPECT_EQ(mentions(text, *find(places, "Gwinnett County")), Words{"Gwinnett County"});
  ASSERT_NE(find(places, "Laurel County"), nullptr);
  EXPECT_EQ(mentions(text, *find(places, "Laurel County")), Words{"Laurel County"});
}

TEST_F(PlaceExtractorTest, UnlistedTownsBeforeTheirRegion) {
  // Invented towns, written as wire datelines and local news name them.
  const std::string text =
      "BRAMBLEWICK, Ark., March 3 - A mill in Little Fennow, Ind., closed. GREENWICH, Conn. - "
      "Sales rose in Turkey, Italy and Hungary.";
  const auto places = extract(text);
  const auto* bramblewick = find(places, "Bramblewick");
  ASSERT_NE(bramblewick, nullptr) << ::testing::PrintToString(names(places));
  EXPECT_EQ(bramblewick->country, "US");
  EXPECT_EQ(bramblewick->kind, PlaceKind::city);
  EXPECT_EQ(mentions(text, *bramblewick), Words{"BRAMBLEWICK"});
  ASSERT_NE(find(places, "Arkansas"), nullptr);
  EXPECT_EQ(mentions(text, *find(places, "Arkansas")), Words{"Ark."});
  ASSERT_NE(find(places, "Little Fennow"), nullptr);
  EXPECT_EQ(find(places, "Little Fennow")->country, "US");
  EXPECT_EQ(mentions(text, *find(places, "Indiana")), Words{"Ind."});
  // A listed name that lies in none of the region's countries is another town of the region.
  ASSERT_NE(find(places, "Greenwich"), nullptr);
  EXPECT_EQ(find(places, "Greenwich")->country, "US");
  // Lists of countries stay countries.
  for (const auto* country : {"Turkey", "Italy", "Hungary"}) {
    ASSERT_NE(find(places, country), nullptr) << country;
    EXPECT_EQ(find(places, country)->kind, PlaceKind::country) << country;
  }
  // A date or a function word before a comma names no town.
  EXPECT_EQ(names(extract("On Tuesday, Calif. lawmakers met.")), Words{"California"});
}

TEST_F(PlaceExtractorTest, PlaceNamesInsideTheNamesOfInstitutions) {
  const std::string text =
      "Officers of the Richmond Police Department and the Georgia Bureau of Investigation met "
      "at the Paris Public Library after a crash in Alexandria Friday night. Mary Wheeler "
      "said so.";
  const auto places = extract(text);
  for (const auto* name : {"Richmond", "Georgia", "Paris", "Alexandria"}) {
    EXPECT_NE(find(places, name), nullptr) << name << ::testing::PrintToString(names(places));
  }
  EXPECT_EQ(places.size(), 4u) << ::testing::PrintToString(names(places));
}

TEST_F(PlaceExtractorTest, CompassWordsAndFeaturesNameAnotherPlace) {
  const std::string text =
      "Floods hit South Charleston and towns along the Sacramento River, but not North Korea.";
  const auto places = extract(text);
  const auto* south = find(places, "South Charleston");
  ASSERT_NE(south, nullptr) << ::testing::PrintToString(names(places));
  EXPECT_EQ(south->country, "US");
  EXPECT_EQ(mentions(text, *south), Words{"South Charleston"});
  const auto* river = find(places, "Sacramento River");
  ASSERT_NE(river, nullptr);
  EXPECT_EQ(river->kind, PlaceKind::other);
  EXPECT_EQ(river->country, "US");
  ASSERT_NE(find(places, "North Korea"), nullptr);
  EXPECT_EQ(find(places, "North Korea")->country, "KP");
  EXPECT_EQ(places.size(), 3u) << ::testing::PrintToString(names(places));
}

TEST_F(PlaceExtractorTest, ACompassWordBeforeARegionsAdjectiveNamesAWorldRegion) {
  const std::string text =
      "India, the South Asian giant, courted West African and East Asian buyers while "
      "Southwest Asian markets waited.";
  const auto places = extract(text);
  for (const auto* name : {"South Asia", "West Africa", "East Asia"}) {
    const auto* place = find(places, name);
    ASSERT_NE(place, nullptr) << name << ::testing::PrintToString(names(places));
    EXPECT_EQ(place->kind, PlaceKind::other) << name;
  }
  EXPECT_EQ(mentions(text, *find(places, "South Asia")), Words{"South Asian"});
  // No such region is listed: the adjective still names its continent, and no place is made
  // of the words as written.
  EXPECT_EQ(find(places, "Southwest Asian"), nullptr) << ::testing::PrintToString(names(places));
  ASSERT_NE(find(places, "Asia"), nullptr) << ::testing::PrintToString(names(places));
  EXPECT_EQ(mentions(text, *find(places, "Asia")), Words{"Asian"});
}

TEST_F(PlaceExtractorTest, NamesOfOneOrTwoLettersAreNoTowns) {
  EXPECT_TRUE(extract("The bonds were rated Ba by the agency, and Bo agreed.").empty());
  EXPECT_NE(find(extract("Trade with the UK grew."), "United Kingdom"), nullptr);
}

TEST_F(PlaceExtractorTest, PersonsQuotedAreNoPlaces) {
  const std::string text =
      "Amara Okafor, director of the institute, said cases rose. Okafor met Helena Duarte in "
      "Lagos. Duarte said the clinics were full.";
  const auto without = extract(text);
  EXPECT_NE(find(without, "Lagos"), nullptr);
  const std::vector<std::string> people{"Amara Okafor", "Helena Duarte"};
  const auto places = extractor_.extract(text, people);
  EXPECT_EQ(names(places), Words{"Lagos"});
  // A preposition of place keeps a surname a place.
  const std::string town = "Helena Duarte said the road to Duarte was closed.";
  const auto road = extractor_.extract(town, people);
  ASSERT_NE(find(road, "Duarte"), nullptr) << ::testing::PrintToString(names(road));
  EXPECT_EQ(mentions(town, *find(road, "Duarte")), Words{"Duarte"});
  EXPECT_EQ(find(road, "Duarte")->mentions.front().start, town.rfind("Duarte"));
}

TEST_F(PlaceExtractorTest, HeadlinesInCapitalsStillName) {
  const std::string text = "BAKU REJECTS FRENCH RESOLUTION\n\nHOUSTON, Feb 26 - Oil rose.";
  const auto places = extract(text);
  EXPECT_NE(find(places, "Baku"), nullptr);
  EXPECT_NE(find(places, "France"), nullptr);
  EXPECT_NE(find(places, "Houston"), nullptr);
}

TEST_F(PlaceExtractorTest, EmptyAndPlaceFreeTexts) {
  EXPECT_TRUE(extract("").empty());
  EXPECT_TRUE(extract("the minister said nothing at all, again.").empty());
  EXPECT_TRUE(extract("\xff\xfe broken bytes \xc3").empty());
}

TEST_F(PlaceExtractorTest, IsSafeFromManyThreads) {
  const std::string text = "Baku and Yerevan met in Moscow. Georgia watched from Tbilisi.";
  const auto expected = extract(text);
  std::vector<std::thread> threads;
  std::vector<bool> same(4, false);
  for (std::size_t i = 0; i < same.size(); ++i) {
    threads.emplace_back([&, i] {
      bool all = true;
      for (int round = 0; round < 50; ++round)
        all = all && extractor_.extract(text) == expected;
      same[i] = all;
    });
  }
  for (auto& thread : threads)
    thread.join();
  for (const bool result : same)
    EXPECT_TRUE(result);
}

TEST_F(PlaceExtractorTest, MainCountriesAreInTheLeadOrNamedOften) {
  const std::string text =
      "BAKU, Dec 1 - Azerbaijan rejected the resolution. " + std::string(300, ' ') +
      "Officials later flew to Japan. Canada, Canada and Canada were named too.";
  const auto countries = PlaceExtractor::main_countries(extract(text));
  EXPECT_EQ(countries, (Words{"AZ", "CA"}));
}

TEST(PlaceExtractorGeoNames, UsesAnExtendedGazetteer) {
  const PlaceExtractor extractor(Gazetteer::with_geonames(
      {.cities = kGeoNames / "cities.txt", .country_info = kGeoNames / "countryInfo.txt"}));
  const std::string text = "Residents of Quillmoor and Brambleton Falls cheered.";
  const auto places = extractor.extract(text);
  ASSERT_EQ(places.size(), 2u);
  EXPECT_EQ(places[0].name, "Quillmoor");
  EXPECT_EQ(places[0].country, "AZ");
  EXPECT_EQ(places[1].name, "Brambleton Falls");
  EXPECT_EQ(places[1].country, "US");
}

TEST(PlaceExtractorConstruction, NeedsAGazetteer) {
  EXPECT_THROW(PlaceExtractor(nullptr), InvalidArgumentError);
}

}  // namespace
}  // namespace newsdex::detail
