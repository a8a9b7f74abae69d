// The index layout: every term prefix, value slot and metadata key newsdex writes, and the
// functions that turn a field value into a term. This is the only place that spells them; the
// README section "Index layout" documents the same table for users of Xapian's own tools.
#pragma once

#include <string>
#include <string_view>

#include <newsdex/article.hpp>

namespace newsdex::detail::schema {

// Term prefixes. Values after a prefix are always lower case (or digits), so a prefix is the run
// of upper-case letters at the start of a term.
inline constexpr std::string_view kId = "Q";                // boolean: article id
inline constexpr std::string_view kTitle = "S";             // positional: title words
inline constexpr std::string_view kStemmed = "Z";           // stemmed form of the next prefix
inline constexpr std::string_view kDay = "D";               // boolean: publication YYYYMMDD
inline constexpr std::string_view kMonth = "M";             // boolean: publication YYYYMM
inline constexpr std::string_view kYear = "Y";              // boolean: publication YYYY
inline constexpr std::string_view kLanguage = "L";          // boolean: ISO 639-1 language code
inline constexpr std::string_view kUrl = "U";               // boolean: url
inline constexpr std::string_view kCountry = "N";           // boolean: ISO 3166-1 alpha-2, lower
inline constexpr std::string_view kSource = "XSOURCE";      // boolean: normalised source name
inline constexpr std::string_view kSpeaker = "XSPEAKER";    // boolean: normalised speaker name
inline constexpr std::string_view kSpeakerWord = "XSW";     // positional: words of speaker names
inline constexpr std::string_view kPlace = "XPLACE";        // boolean: normalised place name
inline constexpr std::string_view kPlaceWord = "XPW";       // positional: words of place names
inline constexpr std::string_view kMentionedDay = "XMD";    // boolean: mentioned YYYYMMDD
inline constexpr std::string_view kMentionedMonth = "XMM";  // boolean: mentioned YYYYMM
inline constexpr std::string_view kMentionedYear = "XMY";   // boolean: mentioned YYYY
inline constexpr std::string_view kDuplicateGroup = "XDG";  // boolean: copies' group key
inline constexpr std::string_view kSignatureBand = "XDB";   // boolean: band of the signature

// Value slots.
inline constexpr unsigned kDateSlot = 0;            // publication date "YYYYMMDD"
inline constexpr unsigned kFingerprintSlot = 1;     // 16 hex digits: hash of the document data
inline constexpr unsigned kSourceSlot = 2;          // normalised source name
inline constexpr unsigned kDuplicateGroupSlot = 3;  // 16 hex digits, on articles with copies
inline constexpr unsigned kSignatureSlot = 4;       // text signature, see below

// The text signature of an article (lib/index/duplicates.hpp): kSignatureHashes MinHash values
// over the distinct stems of its body, the low byte of each in kSignatureSlot (layout revision 1
// stored all 4 bytes big-endian; both are read). An undated article also has one boolean term per
// band of kSignatureRows consecutive values, kSignatureBand + the band's number (2 hex digits) +
// 8 hex digits of a hash of the band's full 4-byte values: undated articles that share a band
// term are candidate copies of each other. (Dated articles had them too up to layout revision 2;
// their candidates are now the articles of the days around theirs.)
inline constexpr std::size_t kSignatureHashes = 64;
inline constexpr std::size_t kSignatureRows = 4;
inline constexpr std::size_t kSignatureBands = kSignatureHashes / kSignatureRows;
static_assert(kSignatureBands * kSignatureRows == kSignatureHashes);

// Many-valued fields keep their i-th distinct value (normalised, as in its boolean term) in slot
// base + i, for i < kFacetSlotsPerField, so that Xapian's own ValueCountMatchSpy can count them
// (one spy per slot), also on remote shards.
inline constexpr unsigned kSpeakerSlots = 100;  // 100..199: speakers
inline constexpr unsigned kPlaceSlots = 200;    // 200..299: places
inline constexpr unsigned kCountrySlots = 300;  // 300..399: countries, ISO 3166-1 alpha-2, lower
inline constexpr unsigned kFacetSlotsPerField = 100;

// Metadata keys.
inline constexpr std::string_view kFormatKey = "newsdex.format";      // decimal format version
inline constexpr std::string_view kLanguageKey = "newsdex.language";  // default stemmer name
inline constexpr std::string_view kSynonymsKey = "newsdex.synonyms";  // user synonym groups
inline constexpr std::string_view kTitleWeightKey = "newsdex.title_weight";  // decimal

// How many times a title word counts in the body terms, unless the index says otherwise (an
// index made before the weight was stored has this one).
inline constexpr unsigned kDefaultTitleWeight = 3;

// Version of the layout above; an index with another number is refused, not misread (format 1
// lacked the facet and duplicate slots and the spelling data).
inline constexpr int kFormatVersion = 2;
// Additions to the layout that readers of the format do without (revision 1: text signatures
// and duplicate groups; revision 2: one byte per signature value; revision 3: band terms on
// undated articles only). Articles carry it in their fingerprints, so indexing the same
// articles again into an older index rewrites them in the current layout.
inline constexpr int kLayoutRevision = 3;

// The title weight an index's kTitleWeightKey metadata holds; kDefaultTitleWeight when it holds
// none or nonsense.
unsigned stored_title_weight(const std::string& metadata);

// Throws IndexFormatError unless `format` (the kFormatKey metadata of the index at `path`) is
// kFormatVersion; the message says what to do about an older or newer index.
void check_format(const std::string& format, const std::string& path);

// Xapian refuses terms longer than this many bytes.
inline constexpr std::size_t kMaxTermBytes = 245;

// Positions left between the values of one field (two speakers, title and body), so that a
// phrase never matches across them.
inline constexpr unsigned kPositionGap = 100;

// prefix + value as given (ids and urls are case-sensitive). Values too long for a term keep
// their start and gain a hash of the whole, so every value still has exactly one term.
std::string raw_term(std::string_view prefix, std::string_view value);

// The term for an article id.
std::string id_term(std::string_view id);

// prefix + normalize_value(value), shortened like id_term when too long. Empty when the value
// normalises to nothing.
std::string value_term(std::string_view prefix, std::string_view value);

// The day, month and year terms for a date under the given prefixes.
std::string day_term(std::string_view prefix, const Date& date);
std::string month_term(std::string_view prefix, const Date& date);
std::string year_term(std::string_view prefix, const Date& date);

}  // namespace newsdex::detail::schema
