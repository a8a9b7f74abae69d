#include "extract/speaker_lexicon.hpp"

#include <string_view>
#include <unordered_map>

namespace newsdex::detail::speaker_lexicon {

namespace {

struct WordList {
  std::uint32_t classes;
  std::string_view words;  // separated by single spaces
};

// General English news vocabulary, written for this project; nothing here names a person.
constexpr WordList kWordLists[] = {
    {kReportingVerb,
     // Plural-noun look-alikes ("states", "claims", "notes", "reports") are left out: "Western
     // states" and "Republican claims" are not attributions.
     "said says told tells wrote writes added adds stated announced announces claimed insisted "
     "insists warned warns accused accuses noted explained explains argued argues asked asks "
     "replied replies responded tweeted declared declares acknowledged acknowledges "
     "admitted admits confirmed confirms denied denies suggested suggests continued recalled "
     "recalls conceded concedes observed observes remarked commented testified testifies "
     "predicted predicts promised vowed pledged urged urges stressed emphasized emphasised "
     "emphasizes emphasises reported cautioned complained complains countered quipped alleged "
     "alleges boasted revealed wondered contended contends asserted asserts "
     // verbs that state a view in words: "X called the move a provocation"
     "called criticized criticised praised described cited blamed dismissed rejected questioned "
     "indicated mentioned reiterated echoed joked lamented maintained estimated slammed blasted "
     "touted defended signaled signalled conceded recounted emailed texted posted "
     // base forms, for plural subjects and after auxiliaries: "critics say", "would add"
     "say tell write add warn argue insist explain ask declare acknowledge admit confirm deny "
     "suggest predict urge emphasize emphasise complain allege contend assert"},
    {kInvertible,
     "said says added adds wrote writes asked asks replied continued explained insisted noted "
     "warned declared tweeted recalled observed remarked countered quipped conceded argued stated "
     "announced cautioned complained stressed responded claimed wondered"},
    {kParticiple,
     "saying adding noting telling arguing claiming insisting warning explaining accusing "
     "writing stating declaring suggesting acknowledging admitting stressing emphasizing "
     "emphasising complaining urging vowing predicting promising denying asserting contending "
     "tweeting"},
    {kAccording, "according"},
    {kReportingVerb | kNeedsDocument, "found finds shows showed"},
    {kDeterminer, "the a an this that these those another"},
    {kDefinite, "the this that these those"},
    {kPronounPerson, "he she"},
    {kPronounThing, "it"},
    {kPronounOther,
     "they we i you us them him her me his its their our my your one ones someone everyone "
     "anyone somebody everybody anybody nobody none mine yours ours theirs hers i've i'll i'm i'd "
     "we've we'll we're we'd "
     "you've you'll you're you'd they've they'll they're they'd he'll he'd she'll she'd it'll"},
    {kRelative, "who which"},
    {kHonorific, "mr mrs ms miss mx dr sir dame madam messrs mme mlle"},
    {kTitle,
     "president vice prime premier minister secretary ambassador envoy senator sen sens rep reps "
     "representative congressman congresswoman gov governor lt mayor councilman councilwoman "
     "councillor councilor alderman gen general adm admiral col colonel capt captain maj major "
     "sgt sergeant cmdr commander lieutenant judge justice chancellor chairman chairwoman "
     "chairperson chair ceo cfo coo director chief spokesman spokeswoman spokesperson speaker "
     "leader king queen prince princess emperor sheikh pope cardinal bishop archbishop rabbi imam "
     "rev reverend pastor professor prof attorney commissioner superintendent sheriff coach "
     "detective inspector deputy treasurer comptroller prosecutor counsel president-elect "
     "ayatollah patriarch marshal constable magistrate lord master"},
    {kRoleNoun,
     "president minister secretary ambassador envoy senator representative congressman "
     "congresswoman governor mayor general admiral colonel captain commander judge justice "
     "chancellor chairman chairwoman chair ceo director chief spokesman spokeswoman spokesperson "
     "speaker leader king queen prince professor attorney commissioner sheriff coach deputy "
     "prosecutor counsel official aide adviser advisor lawyer candidate nominee hopeful "
     "strategist analyst economist researcher expert founder co-founder executive member "
     "lawmaker legislator diplomat negotiator manager consultant pollster activist supporter "
     "critic donor voter resident witness author writer editor correspondent reporter columnist "
     "host anchor owner partner wife husband son daughter mother father brother sister friend "
     "colleague neighbor neighbour student teacher doctor physician nurse scientist historian "
     "scholar fellow operative staffer organizer organiser employee worker officer agent "
     "investigator trooper soldier veteran businessman businesswoman billionaire developer "
     "actor actress singer player athlete entrepreneur investor banker lobbyist surrogate "
     "delegate challenger incumbent rival opponent contender frontrunner front-runner user "
     "administrator head president-elect premier treasurer director-general secretary-general "
     "commissioner ombudsman mediator observer representative chairman mate pastor priest"},
    {kRoleModifier,
     "former then presidential vice-presidential deputy senior junior chief general foreign "
     "acting interim top longtime long-time press campaign national security state federal local "
     "regional political communications policy economic military defense defence interior "
     "finance justice health education trade energy labor labour assistant associate managing "
     "executive principal lead founding current outgoing incoming new retired prominent leading "
     "party district county city majority minority ranking senate house congressional "
     "parliamentary opposition government company union agency research polling staff legal "
     "medical digital media intelligence police public affairs human rights civil advocacy "
     "presumptive likely potential prospective self-described special white running "
     "communications republican democratic independent conservative liberal progressive "
     "libertarian centrist socialist nationalist"},
    {kOrgHead,
     "ministry department dept office agency committee commission council party court bank "
     "police army navy embassy government administration union association institute "
     "institution university college school corporation corp inc co ltd llc plc company group "
     "times post news press journal herald tribune gazette telegraph network service services "
     "foundation center centre organization organisation federation bureau house senate congress "
     "parliament assembly cabinet kremlin pentagon board authority fund forum coalition alliance "
     "television tv radio society secretariat command forces guard magazine daily channel media "
     "trust club league chamber caucus campaign project initiative directorate tribunal republic "
     "reuters bloomberg politico cnn msnbc afp nbc cbs abc fox bbc"},
    {kOrgNoun,
     "campaign administration government office team camp ministry embassy party company firm "
     "organization organisation foundation family lawyers attorneys spokesmen"},
    {kCommunication,
     "statement statements report release communique communiqué letter tweet post message memo "
     "memorandum survey poll study analysis document documents filing complaint lawsuit ruling "
     "website account email e-mail note announcement notice interview op-ed editorial article "
     "story book column blog video ad advertisement transcript speech testimony findings data "
     "figures records estimates forecast assessment review audit indictment verdict guidance "
     "bulletin broadcast readout"},
    {kGeneric,
     "officials official sources source experts expert analysts critics observers residents "
     "witnesses people authorities supporters aides advisers advisors lawmakers diplomats "
     "investigators prosecutors researchers scientists doctors economists officers members "
     "leaders voters others some many most several few both all everyone someone either neither "
     "each opponents proponents activists protesters organizers reporters journalists staff "
     "staffers insiders allies friends families parents students teachers workers employees "
     "users customers citizens polls surveys studies reports police man woman men women person "
     "group team spokesman spokeswoman spokesperson government administration campaign "
     "ministry company statement campaigners demonstrators traders investors bankers dealers "
     "brokers producers farmers growers exporters importers manufacturers retailers consumers "
     "shoppers passengers patients nurses unions rebels militants troops soldiers villagers "
     "locals neighbours neighbors fans commentators historians scholars lawyers judges "
     // groups named by party, creed or nation: plural nouns, not names
     "democrats republicans conservatives liberals progressives independents moderates "
     "socialists evangelicals millennials americans europeans"},
    {kSkippable,
     "also later then previously recently repeatedly once again has have had would will already "
     "often frequently publicly privately reportedly initially subsequently ultimately quickly "
     "simply just further still even originally first earlier separately similarly likewise "
     "finally immediately long did does do never not"},
    {kNameParticle, "de da di del della der den van von bin ibn al el la le du dos das ter ten"},
    {kConnector, "of to for"},
    {kFunction,
     "and or but nor so yet that which who whom whose when where while whether if because as "
     "after before since until unless although though than then there here now today yesterday "
     "tomorrow tonight meanwhile however still also instead indeed moreover furthermore "
     "nevertheless nonetheless otherwise thus therefore hence besides perhaps maybe even just "
     "only not no yes in on at by with without from into onto about above below over under "
     "between among through throughout during against toward towards upon within across behind "
     "beyond near off out up down around like unlike despite per via is was were are be been "
     "being am has have had do does did will would shall should can could may might must what "
     "how why all any every each such both few many much more most some other another one two "
     "three asked speaking according of to for last next earlier later amid usually"},
    {kCalendar,
     "january february march april may june july august september october november december jan "
     "feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday "
     "saturday sunday"},
    {kMale,
     "he mr sir lord king prince father congressman spokesman chairman businessman husband son "
     "brother councilman"},
    {kFemale,
     "she mrs ms miss madam dame queen princess congresswoman spokeswoman chairwoman "
     "businesswoman wife daughter sister mother actress councilwoman"},
    {kSourceMarker, "from by"},
    {kPreposition,
     "in on at from with by for about after before into onto over under between among through "
     "during against toward towards upon within across behind beyond near like unlike despite "
     "via amid than without around"},
    {kComplement,
     "state defense defence justice health interior finance education foreign affairs economy "
     "trade energy labor labour agriculture commerce transport transportation treasury homeland "
     "security development staff war culture environment housing veterans internal external "
     "information communications planning industry tourism sport sports youth science technology "
     "immigration nations states union kingdom"},
};

std::unordered_map<std::string_view, std::uint32_t> build_lexicon() {
  std::unordered_map<std::string_view, std::uint32_t> lexicon;
  lexicon.reserve(1500);
  for (const WordList& list : kWordLists) {
    std::string_view words = list.words;
    while (!words.empty()) {
      const auto space = words.find(' ');
      lexicon[words.substr(0, space)] |= list.classes;
      if (space == std::string_view::npos) break;
      words.remove_prefix(space + 1);
    }
  }
  return lexicon;
}

}  // namespace

std::uint32_t classes_of(std::string_view key) {
  static const auto lexicon = build_lexicon();
  const auto found = lexicon.find(key);
  return found == lexicon.end() ? 0 : found->second;
}

}  // namespace newsdex::detail::speaker_lexicon
