#include "extract/speaker_extractor.hpp"

#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace newsdex::detail {
namespace {

std::vector<Speaker> speakers_of(std::string_view text) {
  return SpeakerExtractor().extract(text);
}

const Speaker* find(const std::vector<Speaker>& speakers, std::string_view name) {
  for (const auto& speaker : speakers) {
    if (speaker.name == name) return &speaker;
  }
  return nullptr;
}

std::vector<std::string> names_of(const std::vector<Speaker>& speakers) {
  std::vector<std::string> names;
  for (const auto& speaker : speakers)
    names.push_back(speaker.name);
  return names;
}

// The text each mention covers.
std::vector<std::string> mention_texts(std::string_view text, const Speaker& speaker) {
  std::vector<std::string> texts;
  for (const auto& span : speaker.mentions) {
    texts.emplace_back(text.substr(span.start, span.end - span.start));
  }
  return texts;
}

using Names = std::vector<std::string>;
using Texts = std::vector<std::string>;

TEST(SpeakerExtractor, SubjectBeforeTheVerb) {
  const std::string text = "Maria Lindqvist said the harbour would reopen in spring.";
  const auto speakers = speakers_of(text);
  ASSERT_EQ(names_of(speakers), Names{"Maria Lindqvist"});
  EXPECT_EQ(speakers[0].role, "");
  EXPECT_EQ(mention_texts(text, speakers[0]), Texts{"Maria Lindqvist"});
}

TEST(SpeakerExtractor, SubjectAfterTheVerbFollowingAQuote) {
  const std::string text = "“We will not pay,” said Tomas Berg. \"Never,\" added Ana Ruiz.";
  EXPECT_EQ(names_of(speakers_of(text)), (Names{"Tomas Berg", "Ana Ruiz"}));
}

TEST(SpeakerExtractor, QuoteAroundTheAttribution) {
  const std::string text = "“The plan,” Ana Ruiz said, “is dead on arrival.”";
  EXPECT_EQ(names_of(speakers_of(text)), Names{"Ana Ruiz"});
}

TEST(SpeakerExtractor, QuoteAfterTheAttribution) {
  const std::string text = "Ana Ruiz told reporters: “The plan is dead.”";
  EXPECT_EQ(names_of(speakers_of(text)), Names{"Ana Ruiz"});
}

TEST(SpeakerExtractor, AccordingTo) {
  const std::string text =
      "The ferry was late, according to Harbour Master Olav Nes. Fares will rise, according to "
      "a statement from the Transport Ministry.";
  const auto speakers = speakers_of(text);
  ASSERT_EQ(names_of(speakers), (Names{"Olav Nes", "Transport Ministry"}));
  EXPECT_EQ(speakers[0].role, "Harbour Master");
}

TEST(SpeakerExtractor, PossessorAndTitleBecomeTheRole) {
  const std::string text =
      "\"Armenia occupied the territory for 30 years,\" wrote Azerbaijan’s Ambassador to France "
      "Leyla Abdullayeva on Twitter.";
  const auto speakers = speakers_of(text);
  ASSERT_EQ(names_of(speakers), Names{"Leyla Abdullayeva"});
  EXPECT_EQ(speakers[0].role, "Ambassador to France");
  EXPECT_EQ(mention_texts(text, speakers[0]), Texts{"Leyla Abdullayeva"});
}

TEST(SpeakerExtractor, TitlesBeforeANameAreStripped) {
  const auto speakers = speakers_of(
      "Foreign Minister Anders Holm said so. Secretary of State Jane Whitfield agreed, telling "
      "reporters nothing. Republican presidential candidate Tom Briggs said no.");
  ASSERT_NE(find(speakers, "Anders Holm"), nullptr);
  EXPECT_EQ(find(speakers, "Anders Holm")->role, "Foreign Minister");
  ASSERT_NE(find(speakers, "Jane Whitfield"), nullptr);
  EXPECT_EQ(find(speakers, "Jane Whitfield")->role, "Secretary of State");
  ASSERT_NE(find(speakers, "Tom Briggs"), nullptr);
  EXPECT_EQ(find(speakers, "Tom Briggs")->role, "Republican presidential candidate");
}

TEST(SpeakerExtractor, HonorificsAreNeitherNameNorRole) {
  const auto speakers = speakers_of("Mr. Briggs said he was tired.");
  ASSERT_EQ(names_of(speakers), Names{"Briggs"});
  EXPECT_EQ(speakers[0].role, "");
}

TEST(SpeakerExtractor, AppositionBetweenCommasIsTheRole) {
  const auto speakers = speakers_of(
      "John Smith, the mayor of Springfield, said the bridge was safe. Haley Moss, a spokeswoman "
      "for the campaign, said nothing had changed.");
  ASSERT_EQ(names_of(speakers), (Names{"John Smith", "Haley Moss"}));
  EXPECT_EQ(speakers[0].role, "mayor of Springfield");
  EXPECT_EQ(speakers[1].role, "spokeswoman for the campaign");
}

TEST(SpeakerExtractor, AppositionAfterAnInvertedVerb) {
  const auto speakers =
      speakers_of("“The bridge is safe,” said John Smith, the mayor of Springfield.");
  ASSERT_EQ(names_of(speakers), Names{"John Smith"});
  EXPECT_EQ(speakers[0].role, "mayor of Springfield");
}

TEST(SpeakerExtractor, RoleBeforeANameInApposition) {
  const auto speakers = speakers_of(
      "The chief executive of Nordvik Shipping, Karin Aas, said orders were up. “We are "
      "hiring,” said the company's finance director, Per Moen.");
  ASSERT_EQ(names_of(speakers), (Names{"Karin Aas", "Per Moen"}));
  EXPECT_EQ(speakers[0].role, "chief executive of Nordvik Shipping");
  EXPECT_EQ(speakers[1].role, "finance director");
}

TEST(SpeakerExtractor, AppositionWithCommasAndARelativeClause) {
  const auto speakers = speakers_of(
      "Rachel Dunn, a teacher from Dover, Del., said she would vote. Omar Haddad, who ran the "
      "shelter for a decade, said it was full.");
  EXPECT_EQ(names_of(speakers), (Names{"Rachel Dunn", "Omar Haddad"}));
}

TEST(SpeakerExtractor, ParenthesisAfterTheName) {
  const auto speakers = speakers_of("Sen. Jane Roe (D-Ore.) said the bill would pass.");
  ASSERT_EQ(names_of(speakers), Names{"Jane Roe"});
  EXPECT_EQ(speakers[0].role, "Sen.");
}

TEST(SpeakerExtractor, PartyAndStateBetweenCommas) {
  const auto speakers = speakers_of(
      "Sen. Jane Roe, D-Ore., said the bill would pass. Tom Dale, R-Ky., said it would not.");
  ASSERT_EQ(names_of(speakers), (Names{"Jane Roe", "Tom Dale"}));
  EXPECT_EQ(speakers[0].role, "Sen.");
  EXPECT_EQ(speakers[1].role, "R-Ky.");
}

TEST(SpeakerExtractor, ACommaAfterThePartyAndState) {
  const auto speakers = speakers_of(
      "Sen. Jane Roe (D-Ore.), said the bill would pass. The bill, backed by Tom Dale (R-Ky.), "
      "said little about taxes.");
  ASSERT_EQ(names_of(speakers), Names{"Jane Roe"});
  EXPECT_EQ(speakers[0].role, "Sen.");
}

TEST(SpeakerExtractor, OrganisationStatementThenReferencesBack) {
  const std::string text =
      "“The resolution is a provocation,” said an Azerbaijani Foreign Ministry statement.\n\n"
      "The statement says the vote harms the peace process.\n\n"
      "“We call on Paris to reconsider,” the statement added. The ministry said it had "
      "summoned the envoy.";
  const auto speakers = speakers_of(text);
  ASSERT_EQ(names_of(speakers), Names{"Azerbaijani Foreign Ministry"});
  EXPECT_EQ(speakers[0].role, "");
  EXPECT_EQ(
      mention_texts(text, speakers[0]),
      (Texts{"Azerbaijani Foreign Ministry", "The statement", "the statement", "The ministry"}));
}

// Reuters capitalises the head noun of a reference back ("The Bank said"); a company's suffix
// makes it "the company".
TEST(SpeakerExtractor, ACapitalisedHeadNounAfterTheRefersBack) {
  const std::string text =
      "The Bank of England said it bought bills. The Bank said the market was short. Harlow Co "
      "said it sold the unit. The company said it would invest. The Commission said nothing.";
  const auto speakers = speakers_of(text);
  ASSERT_EQ(names_of(speakers), (Names{"Bank of England", "Harlow Co"}));
  EXPECT_EQ(mention_texts(text, speakers[0]), (Texts{"Bank of England", "The Bank"}));
  EXPECT_EQ(mention_texts(text, speakers[1]), (Texts{"Harlow Co", "The company"}));
}

// "Standard and Poor's Corp said ... S and P said": initials stand for the organisation named
// before.
TEST(SpeakerExtractor, InitialsReferBackToTheOrganisationTheyAbbreviate) {
  const std::string text =
      "The Securities and Exchange Commission said it would look. Harlow and Finch's Corp said "
      "it cut the rating. The SEC said it agreed. H and F said the outlook was stable. The "
      "IMF said nothing.";
  const auto speakers = speakers_of(text);
  ASSERT_EQ(names_of(speakers),
            (Names{"Securities and Exchange Commission", "Harlow and Finch's Corp", "IMF"}));
  EXPECT_EQ(mention_texts(text, speakers[0]), (Texts{"Securities and Exchange Commission", "SEC"}));
  EXPECT_EQ(mention_texts(text, speakers[1]), (Texts{"Harlow and Finch's Corp", "H and F"}));
}

TEST(SpeakerExtractor, OrganisationsByName) {
  const auto speakers = speakers_of(
      "The Nordic Fisheries Council said quotas would fall. The Clinton campaign said it was "
      "pleased. A Quinnipiac University poll found that voters were split.");
  EXPECT_EQ(names_of(speakers),
            (Names{"Nordic Fisheries Council", "Clinton campaign", "Quinnipiac University"}));
}

TEST(SpeakerExtractor, PossessiveOrganisation) {
  const auto speakers = speakers_of("Martin Olsen’s campaign says it will move staff to Iowa.");
  EXPECT_EQ(names_of(speakers), Names{"Martin Olsen campaign"});
}

TEST(SpeakerExtractor, PronounsAndSurnamesReferBack) {
  const std::string text =
      "“It is a dark day,” said Leyla Abdullayeva, the ambassador. “We expected better,” she "
      "said.\n\nAbdullayeva added that talks would go on. Tomas Berg, her deputy, declined to "
      "comment. “Not now,” he said.";
  const auto speakers = speakers_of(text);
  ASSERT_EQ(names_of(speakers), Names{"Leyla Abdullayeva"});
  EXPECT_EQ(speakers[0].role, "ambassador");
  EXPECT_EQ(mention_texts(text, speakers[0]), (Texts{"Leyla Abdullayeva", "she", "Abdullayeva"}));
}

TEST(SpeakerExtractor, PronounMatchesGender) {
  const std::string text =
      "Mrs. Vance said the mill would close. Mr. Okafor said it would not. “It will,” she said.";
  const auto speakers = speakers_of(text);
  ASSERT_EQ(names_of(speakers), (Names{"Vance", "Okafor"}));
  EXPECT_EQ(mention_texts(text, speakers[0]), (Texts{"Vance", "she"}));
  EXPECT_EQ(mention_texts(text, speakers[1]), Texts{"Okafor"});
}

TEST(SpeakerExtractor, BareSurnameTakesTheFullNameNamedEarlier) {
  const std::string text =
      "Inspector Grete Solberg visited the site on Monday. Solberg said the wall was unsafe.";
  const auto speakers = speakers_of(text);
  ASSERT_EQ(names_of(speakers), Names{"Grete Solberg"});
  EXPECT_EQ(mention_texts(text, speakers[0]), Texts{"Solberg"});
}

TEST(SpeakerExtractor, LaterFullNameCompletesAnEarlierSurname) {
  const auto speakers = speakers_of("Okafor said no. Later, Daniel Okafor said yes.");
  EXPECT_EQ(names_of(speakers), Names{"Daniel Okafor"});
}

TEST(SpeakerExtractor, GivenNameAloneRefersBack) {
  const std::string text = "Bernard Sandoval said he would run. “We win,” Bernard said.";
  const auto speakers = speakers_of(text);
  ASSERT_EQ(names_of(speakers), Names{"Bernard Sandoval"});
  EXPECT_EQ(mention_texts(text, speakers[0]), (Texts{"Bernard Sandoval", "Bernard"}));
}

TEST(SpeakerExtractor, PassiveAttribution) {
  EXPECT_EQ(names_of(speakers_of("The move was first reported by the Bergen Tribune.")),
            Names{"Bergen Tribune"});
}

TEST(SpeakerExtractor, DocumentsSpeakForTheirAuthors) {
  EXPECT_EQ(names_of(speakers_of("A Gallup poll showed a tie. The Justice Department found no "
                                 "fault. Canadian records show a rise. Trump found a seat.")),
            (Names{"Gallup", "Justice Department"}));
}

TEST(SpeakerExtractor, ParticiplesThatAddNoWords) {
  EXPECT_TRUE(speakers_of("Ana Ruiz won the primary, adding to her lead.").empty());
}

TEST(SpeakerExtractor, NeverPronounsOrGenericNouns) {
  EXPECT_TRUE(speakers_of("He said the plan was bad. Officials said it was good. Critics say "
                          "otherwise. The statement said nothing. They told reporters so. It "
                          "said more. Analysts warned of delays. A spokesman said no. Democrats "
                          "say so. Figures reported on Sunday suggest more.")
                  .empty());
}

TEST(SpeakerExtractor, TwoSubjectsJoinedByAnd) {
  EXPECT_EQ(names_of(speakers_of("Ana Ruiz and Tomas Berg said they disagreed.")),
            (Names{"Ana Ruiz", "Tomas Berg"}));
}

// "Board for Margarine, Fats and Oils said": capitalised common nouns that the text also uses
// in lower case are a list of goods inside a name, not two speakers.
TEST(SpeakerExtractor, JoinedWordsTheTextAlsoWritesInLowerCaseAreNoSpeakers) {
  EXPECT_TRUE(speakers_of("Imports of fats and oils rose, the Commodity Board for Margarine, "
                          "Fats and Oils said.")
                  .empty());
  EXPECT_EQ(names_of(speakers_of("Trade in oils rose. France and Germany said they agreed.")),
            (Names{"France", "Germany"}));
}

// "Clayton Yeutter Monday warned": the weekday dates the statement and is no part of the name.
TEST(SpeakerExtractor, AWeekdayAfterTheNameIsNotPartOfIt) {
  const std::string text =
      "U.S. trade representative Clayton Yeutter Monday warned of a trade row. Baker Tuesday "
      "said the dollar was stable.";
  const auto speakers = speakers_of(text);
  ASSERT_EQ(names_of(speakers), (Names{"Clayton Yeutter", "Baker"}));
  EXPECT_EQ(speakers[0].role, "U.S. trade representative");
  EXPECT_EQ(mention_texts(text, speakers[0]), Texts{"Clayton Yeutter"});
}

TEST(SpeakerExtractor, CompanyNamesWithAndArePlainNames) {
  EXPECT_EQ(names_of(speakers_of("Harlow and Finch's Corp said it affirmed the ratings of the "
                                 "utility. The outlook is stable, H and F said.")),
            Names{"Harlow and Finch's Corp"});  // "H and F" is the same company
  EXPECT_EQ(names_of(speakers_of("The outlook is stable, H and F said.")), Names{"H and F"});
  EXPECT_EQ(names_of(speakers_of("Quarry Holdings Inc said it sold the unit.")),
            Names{"Quarry Holdings Inc"});
  EXPECT_EQ(names_of(speakers_of("Marlow's Shipping Co said freight rates fell.")),
            Names{"Marlow's Shipping Co"});
  // A possessive before a role still gives context, not a name.
  EXPECT_EQ(names_of(speakers_of("Norway's Ambassador Ida Berg said the talks went well.")),
            Names{"Ida Berg"});
}

// Reuters' business pages: "and" and a parenthesis inside one organisation's name.
TEST(SpeakerExtractor, OrganisationNamesWithAndOrAParenthesisAreOneSpeaker) {
  EXPECT_EQ(names_of(speakers_of("Harlow, Finch and Co said it sold the unit. Marlow Tanning "
                                 "and Co Inc said it bought it.")),
            (Names{"Harlow, Finch and Co", "Marlow Tanning and Co Inc"}));
  EXPECT_EQ(names_of(speakers_of("Northern Telephone and Telegraph Co said it cut rates. First "
                                 "Federal Savings and Loan Association said it merged.")),
            (Names{"Northern Telephone and Telegraph Co",
                   "First Federal Savings and Loan "
                   "Association"}));
  EXPECT_EQ(names_of(speakers_of("The Ministry of International Trade and Industry said exports "
                                 "fell. The Organisation for Economic Cooperation and "
                                 "Development said growth slowed.")),
            (Names{"Ministry of International Trade and Industry",
                   "Organisation for Economic Cooperation and Development"}));
  EXPECT_EQ(names_of(speakers_of("Harlow Securities Co (Europe) Ltd said the issue was priced.")),
            Names{"Harlow Securities Co (Europe) Ltd"});
  // Two organisations, and a person with an organisation, stay two.
  EXPECT_EQ(names_of(speakers_of("The Bank of England and Bundesbank said they bought dollars.")),
            (Names{"Bank of England", "Bundesbank"}));
  EXPECT_EQ(names_of(speakers_of("Harlow Motors Corp and Finch Motor Co said prices rose.")),
            (Names{"Harlow Motors Corp", "Finch Motor Co"}));
}

TEST(SpeakerExtractor, RelativePronounAfterAComma) {
  EXPECT_EQ(names_of(speakers_of("The plan was drawn up by Ana Ruiz, who said it was cheap.")),
            Names{"Ana Ruiz"});
}

TEST(SpeakerExtractor, ParticipleTakesTheSubjectOfItsSentence) {
  EXPECT_EQ(names_of(speakers_of("Tomas Berg defended the budget, saying it was fair.")),
            Names{"Tomas Berg"});
}

TEST(SpeakerExtractor, ObjectsAndPlacesAreNotSpeakers) {
  EXPECT_TRUE(speakers_of("WASHINGTON, Dec. 8 — The senator left, saying nothing. Everybody in "
                          "Washington said it was over. Western states claims rose.")
                  .empty());
}

TEST(SpeakerExtractor, NewswireQuotesWithApostrophes) {
  EXPECT_EQ(names_of(speakers_of("''It is over,'' said Gov. Ruth Alder of Iowa.")),
            Names{"Ruth Alder"});
}

TEST(SpeakerExtractor, ListsThePersonsForThePlaceExtractor) {
  std::vector<std::string> people;
  const auto speakers = SpeakerExtractor().extract(
      "\"We will not yield,\" said an Azerbaijani Foreign Ministry statement. Amara Okafor, a "
      "director, said cases rose. Okafor added more. Kenya said nothing.",
      &people);
  EXPECT_EQ(names_of(speakers),
            (std::vector<std::string>{"Azerbaijani Foreign Ministry", "Amara Okafor", "Kenya"}));
  // Organisations and one-word names are not listed.
  EXPECT_EQ(people, std::vector<std::string>{"Amara Okafor"});
}

TEST(SpeakerExtractor, PluralPossessiveInsideAnOrganisationsName) {
  const auto speakers = speakers_of(
      "According to the Chilean Mining Producers\u2019 Council, the plan risks investment. "
      "The cost was high, according to the West Coast Exporters' Association.");
  EXPECT_EQ(names_of(speakers), (std::vector<std::string>{"Chilean Mining Producers\u2019 Council",
                                                          "West Coast Exporters' Association"}));
}

TEST(SpeakerExtractor, PossessorBeforeAFullNameIsNoPartOfIt) {
  const auto speakers = speakers_of(
      "Ethiopia\u2019s Hirut Desta won on Sunday. \u201cIt was hard,\u201d Desta said.");
  EXPECT_EQ(names_of(speakers), std::vector<std::string>{"Hirut Desta"});
}

TEST(SpeakerExtractor, PlacesAfterAPrepositionAreNoSpeakers) {
  const auto speakers = speakers_of(
      "Officials in Finland and Latvia said they saw similar traffic. Campaigners have long "
      "said the sector is lax. Trump and Clinton said nothing. A study by Vanderbilt "
      "University and the Brookings Institution found gaps.");
  EXPECT_EQ(names_of(speakers),
            (std::vector<std::string>{"Trump", "Clinton", "Vanderbilt University",
                                      "Brookings Institution"}));
}

TEST(SpeakerExtractor, AddingAQuantitySaysNothing) {
  EXPECT_TRUE(speakers_of("Kenya will add 300 megawatts by 2027, officials said.").empty());
  EXPECT_EQ(names_of(speakers_of("\"More will come,\" Ana Ruiz added.")),
            std::vector<std::string>{"Ana Ruiz"});
}

TEST(SpeakerExtractor, RolesEndBeforeTheirPreposition) {
  const auto speakers = speakers_of(
      "A spokeswoman for the University Hospital said 40 people had been treated. According to "
      "the Azerbaijani presidency of the conference, talks would continue.");
  ASSERT_EQ(names_of(speakers), std::vector<std::string>{"University Hospital"});
  EXPECT_EQ(speakers[0].role, "spokeswoman");
}

TEST(SpeakerExtractor, MentionsAreUtf8ByteSpans) {
  const std::string text = "«Nein», sagte er. “Yes,” said Şahin Öztürk, and Öztürk added more.";
  const auto speakers = speakers_of(text);
  ASSERT_EQ(names_of(speakers), Names{"Şahin Öztürk"});
  EXPECT_EQ(mention_texts(text, speakers[0]), (Texts{"Şahin Öztürk", "Öztürk"}));
  EXPECT_EQ(speakers[0].mentions[0].start, text.find("Şahin"));
}

TEST(SpeakerExtractor, EmptyAndBrokenText) {
  EXPECT_TRUE(speakers_of("").empty());
  EXPECT_TRUE(speakers_of("said").empty());
  EXPECT_TRUE(speakers_of("\"\"\",,,said\"").empty());
  const std::string broken = "Ana \xC3 Ruiz said \xFF\xFE no.";
  EXPECT_NO_THROW(speakers_of(broken));
}

TEST(SpeakerExtractor, SameResultFromManyThreads) {
  const std::string text =
      "“It is a dark day,” said Leyla Abdullayeva. The Fisheries Council said quotas would fall, "
      "and she said more.";
  const SpeakerExtractor extractor;
  const auto expected = extractor.extract(text);
  ASSERT_EQ(expected.size(), 2u);
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        if (extractor.extract(text) != expected) ++mismatches[static_cast<std::size_t>(t)];
      }
    });
  }
  for (auto& thread : threads)
    thread.join();
  EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

}  // namespace
}  // namespace newsdex::detail
