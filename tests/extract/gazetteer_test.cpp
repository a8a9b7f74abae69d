#include <algorithm>
#include <filesystem>
#include <fstream>
#include <thread>

#include <gtest/gtest.h>

#include <newsdex/error.hpp>
#include <newsdex/gazetteer.hpp>

#include "extract/gazetteer_access.hpp"
#include "extract/gazetteer_sources.hpp"
#include "extract/gazetteer_store.hpp"

namespace newsdex {
namespace {

const std::filesystem::path kGeoNames = std::filesystem::path(NEWSDEX_TEST_DATA) / "geonames";

bool has_place(const std::vector<GazetteerPlace>& places, std::string_view name,
               std::string_view country, PlaceKind kind) {
  return std::any_of(places.begin(), places.end(), [&](const GazetteerPlace& place) {
    return place.name == name && place.country == country && place.kind == kind;
  });
}

TEST(Gazetteer, BuiltinIsSharedAndLoadedOnce) {
  const auto first = Gazetteer::builtin();
  const auto second = Gazetteer::builtin();
  EXPECT_EQ(first.get(), second.get());
  EXPECT_GT(first->place_count(), 5000u);
  EXPECT_GT(first->name_count(), first->place_count());
}

TEST(Gazetteer, BuiltinLoadsSafelyFromManyThreads) {
  std::vector<const Gazetteer*> seen(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < seen.size(); ++i) {
    threads.emplace_back([&, i] { seen[i] = Gazetteer::builtin().get(); });
  }
  for (auto& thread : threads)
    thread.join();
  for (const auto* gazetteer : seen)
    EXPECT_EQ(gazetteer, seen.front());
}

TEST(Gazetteer, CountryCodeFromNamesCodesAndDemonyms) {
  const auto places = Gazetteer::builtin();
  EXPECT_EQ(places->country_code("Azerbaijan"), "AZ");
  EXPECT_EQ(places->country_code("az"), "AZ");
  EXPECT_EQ(places->country_code("AZE"), "AZ");
  EXPECT_EQ(places->country_code("Azerbaijani"), "AZ");
  EXPECT_EQ(places->country_code("Azeris"), "AZ");
  EXPECT_EQ(places->country_code("Republic of Azerbaijan"), "AZ");
  EXPECT_EQ(places->country_code("U.S."), "US");
  EXPECT_EQ(places->country_code("united states of america"), "US");
  EXPECT_EQ(places->country_code("Britain"), "GB");
  EXPECT_EQ(places->country_code("UK"), "GB");
  EXPECT_EQ(places->country_code("British"), "GB");
  EXPECT_EQ(places->country_code("French"), "FR");
  EXPECT_EQ(places->country_code("Côte d’Ivoire"), "CI");
  EXPECT_EQ(places->country_code("Turkiye"), "TR");
  // "Georgia" is also a US state; as a country name it is the country.
  EXPECT_EQ(places->country_code("Georgia"), "GE");
}

TEST(Gazetteer, CountryCodeRejectsWhatIsNoCountry) {
  const auto places = Gazetteer::builtin();
  EXPECT_EQ(places->country_code(""), std::nullopt);
  EXPECT_EQ(places->country_code("Lachin"), std::nullopt);
  EXPECT_EQ(places->country_code("Paris"), std::nullopt);
  EXPECT_EQ(places->country_code("Atlantis"), std::nullopt);
  EXPECT_EQ(places->country_code("zz"), std::nullopt);
}

TEST(Gazetteer, CountryName) {
  const auto places = Gazetteer::builtin();
  EXPECT_EQ(places->country_name("AZ"), "Azerbaijan");
  EXPECT_EQ(places->country_name("fr"), "France");
  EXPECT_EQ(places->country_name("GB"), "United Kingdom");
  EXPECT_EQ(places->country_name("US-GA"), "");
  EXPECT_EQ(places->country_name("ZZ"), "");
}

TEST(Gazetteer, AliasesResolveToOneCanonicalName) {
  const auto places = Gazetteer::builtin();
  const std::vector<std::string> karabakh = {"Nagorno-Karabakh"};
  EXPECT_EQ(places->canonical_names("Nagorno-Karabakh"), karabakh);
  EXPECT_EQ(places->canonical_names("Karabakh"), karabakh);
  EXPECT_EQ(places->canonical_names("nagorno karabakh"), karabakh);
  const std::vector<std::string> kingdom = {"United Kingdom"};
  EXPECT_EQ(places->canonical_names("UK"), kingdom);
  EXPECT_EQ(places->canonical_names("Britain"), kingdom);
  EXPECT_EQ(places->canonical_names("Great Britain"), kingdom);
  EXPECT_TRUE(places->canonical_names("Nowhereville").empty());
}

TEST(Gazetteer, DiacriticsAndCaseDoNotMatter) {
  const auto places = Gazetteer::builtin();
  EXPECT_EQ(places->canonical_names("Ağdam"), std::vector<std::string>{"Aghdam"});
  EXPECT_EQ(places->canonical_names("AGDAM"), std::vector<std::string>{"Aghdam"});
  EXPECT_EQ(places->canonical_names("Aghdam"), std::vector<std::string>{"Aghdam"});
  EXPECT_EQ(places->canonical_names("Laçın"), std::vector<std::string>{"Lachin"});
}

TEST(Gazetteer, LookupListsEveryReadingMostLikelyFirst) {
  const auto places = Gazetteer::builtin();
  const auto georgia = places->lookup("Georgia");
  ASSERT_GE(georgia.size(), 2u);
  EXPECT_EQ(georgia.front().kind, PlaceKind::country);
  EXPECT_EQ(georgia.front().code, "GE");
  EXPECT_TRUE(has_place(georgia, "Georgia", "US", PlaceKind::region));
  const auto lachin = places->lookup("Lachin");
  ASSERT_FALSE(lachin.empty());
  EXPECT_EQ(lachin.front().country, "AZ");
  EXPECT_EQ(lachin.front().kind, PlaceKind::region);
  const auto atlanta = places->lookup("Atlanta");
  ASSERT_FALSE(atlanta.empty());
  EXPECT_EQ(atlanta.front().region, "US-GA");
  EXPECT_EQ(places->lookup("Paris").front().country, "FR");
}

TEST(Gazetteer, HasEveryKindOfPlace) {
  const auto places = Gazetteer::builtin();
  EXPECT_TRUE(has_place(places->lookup("Baku"), "Baku", "AZ", PlaceKind::city));
  EXPECT_TRUE(has_place(places->lookup("Buenos Aires"), "Buenos Aires", "AR", PlaceKind::city));
  EXPECT_TRUE(has_place(places->lookup("Bavaria"), "Bavaria", "DE", PlaceKind::region));
  EXPECT_TRUE(has_place(places->lookup("Ohio"), "Ohio", "US", PlaceKind::region));
  // A first-level region known only from iso-codes.
  EXPECT_TRUE(has_place(places->lookup("Sindh"), "Sindh", "PK", PlaceKind::region));
  EXPECT_TRUE(has_place(places->lookup("Middle East"), "Middle East", "", PlaceKind::other));
  EXPECT_TRUE(has_place(places->lookup("Soviet Union"), "Soviet Union", "SU", PlaceKind::country));
}

TEST(Gazetteer, EveryCountryHasACapital) {
  const auto& store = detail::GazetteerAccess::store(*Gazetteer::builtin());
  std::vector<std::string> without_capital;
  for (const auto& place : store.places()) {
    if (place.kind != PlaceKind::country) continue;
    const bool has_capital =
        std::any_of(store.places().begin(), store.places().end(), [&](const auto& city) {
          return city.kind == PlaceKind::city && city.country == place.code &&
                 city.rank >= detail::place_rank::kCapital;
        });
    if (!has_capital) without_capital.push_back(place.code);
  }
  // Uninhabited territories, former states and Tokelau have none; Saint Helena's Jamestown
  // ranks as a town, as US towns of that name are named far more often.
  const std::vector<std::string> expected = {"AQ", "BV", "CS", "DD", "HM", "IO",
                                             "SH", "SU", "TF", "TK", "UM", "YU"};
  std::sort(without_capital.begin(), without_capital.end());
  std::vector<std::string> unexpected;
  std::set_difference(without_capital.begin(), without_capital.end(), expected.begin(),
                      expected.end(), std::back_inserter(unexpected));
  EXPECT_TRUE(unexpected.empty()) << "no capital for " << ::testing::PrintToString(unexpected);
}

TEST(GazetteerStore, SerializesAndReadsBackEqual) {
  detail::GazetteerBuilder builder;
  const auto country = builder.add_place({.name = "Zequoria",
                                          .country = "ZQ",
                                          .code = "ZQ",
                                          .region = {},
                                          .kind = PlaceKind::country,
                                          .rank = 100});
  builder.add_name("Zequoria", country, detail::NameRole::name);
  builder.add_name("ZQ", country, detail::NameRole::code);
  builder.add_name("Zequorian", country, detail::NameRole::demonym, /*weak=*/true);
  builder.add_common_word("Port");
  const auto store = builder.freeze();
  const auto copy = detail::GazetteerStore::deserialize(store.serialize());
  EXPECT_EQ(copy.places(), store.places());
  ASSERT_EQ(copy.find("zequorian").size(), 1u);
  EXPECT_EQ(copy.find("zequorian")[0], store.find("zequorian")[0]);
  EXPECT_TRUE(copy.find("zequorian")[0].weak);
  EXPECT_TRUE(copy.is_common_word("port"));
  EXPECT_EQ(copy.serialize(), store.serialize());
}

TEST(GazetteerStore, RejectsDamagedData) {
  detail::GazetteerBuilder builder;
  builder.add_name("Zequoria", builder.add_place({.name = "Zequoria"}), detail::NameRole::name);
  const std::string bytes = builder.freeze().serialize();
  EXPECT_THROW(detail::GazetteerStore::deserialize(bytes.substr(0, bytes.size() - 3)), Error);
  EXPECT_THROW(detail::GazetteerStore::deserialize("not a gazetteer"), Error);
}

TEST(GazetteerGeoNames, AddsCitiesRegionsAndCountries) {
  const auto places =
      Gazetteer::with_geonames({.cities = kGeoNames / "cities.txt",
                                .country_info = kGeoNames / "countryInfo.txt",
                                .admin1_codes = kGeoNames / "admin1CodesASCII.txt"});
  EXPECT_GT(places->place_count(), Gazetteer::builtin()->place_count());
  // A country only countryInfo.txt knows, and its capital.
  EXPECT_EQ(places->country_code("Zequoria"), "ZQ");
  const auto port = places->lookup("Port Zeq");
  ASSERT_EQ(port.size(), 1u);
  EXPECT_EQ(port.front().country, "ZQ");
  EXPECT_EQ(port.front().kind, PlaceKind::city);
  // A region only admin1CodesASCII.txt knows holds a city; other names of large cities count.
  const auto quillmoor = places->lookup("Quillmoor");
  ASSERT_FALSE(quillmoor.empty());
  EXPECT_EQ(quillmoor.front().country, "AZ");
  EXPECT_EQ(quillmoor.front().region, "AZ.99");
  EXPECT_TRUE(
      has_place(places->lookup("Quillmoor Rayon"), "Quillmoor Rayon", "AZ", PlaceKind::region));
  EXPECT_EQ(places->canonical_names("Zeqport"), std::vector<std::string>{"Port Zeq"});
  // US admin1 codes are ISO 3166-2 codes.
  const auto falls = places->lookup("Brambleton Falls");
  ASSERT_EQ(falls.size(), 1u);
  EXPECT_EQ(falls.front().region, "US-GA");
  // The ASCII name is a name too.
  EXPECT_EQ(places->canonical_names("Sirvanli"), std::vector<std::string>{"Şirvanlı"});
  // The built-in gazetteer is left as it was.
  EXPECT_TRUE(Gazetteer::builtin()->lookup("Quillmoor").empty());
}

TEST(GazetteerGeoNames, CitiesAloneAndZippedWork) {
  const auto places = Gazetteer::with_geonames({.cities = kGeoNames / "cities.zip"});
  EXPECT_EQ(places->lookup("Brambleton Falls").size(), 1u);
  // Without countryInfo.txt, a city of an unknown country is left out.
  EXPECT_TRUE(places->lookup("Port Zeq").empty());
  // Without admin1CodesASCII.txt, a US city still finds its state.
  EXPECT_EQ(places->lookup("Brambleton Falls").front().region, "US-GA");
}

TEST(GazetteerGeoNames, ReportsMissingAndMalformedFiles) {
  try {
    Gazetteer::with_geonames({.cities = kGeoNames / "no-such-file.txt"});
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), (kGeoNames / "no-such-file.txt").string());
  }
  const auto bad = std::filesystem::temp_directory_path() / "newsdex-bad-cities.txt";
  {
    std::ofstream out(bad);
    out << "1\tOkay\tOkay\t\t0\t0\tP\tPPL\tAZ\t\t99\t\t\t\t20000\t\t0\tAsia/Baku\t2024-01-01\n"
        << "2\tShort row\n";
  }
  try {
    Gazetteer::with_geonames({.cities = bad});
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.line(), 2u);
  }
  std::filesystem::remove(bad);
}

}  // namespace
}  // namespace newsdex
