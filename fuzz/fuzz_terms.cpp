// TextTerms on any bytes: exactly the terms, wdf and positions Xapian's TermGenerator makes of
// them (STEM_SOME, STOP_STEMMED, English), or Xapian's QueryParser would look for terms the index
// does not have. The first byte picks a prefix and a wdf increment, as titles use them.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <xapian.h>

#include "analysis/analysis.hpp"
#include "analysis/text_terms.hpp"
#include "fuzz_check.hpp"

namespace {

// Every term with its wdf and positions, in order.
std::string describe(const Xapian::Document& document) {
  std::string out;
  for (auto it = document.termlist_begin(); it != document.termlist_end(); ++it) {
    out += *it + ' ' + std::to_string(it.get_wdf());
    for (auto pos = it.positionlist_begin(); pos != it.positionlist_end(); ++pos)
      out += ' ' + std::to_string(*pos);
    out += '\n';
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace newsdex;
  if (size < 1) return 0;
  const std::string prefix = data[0] & 1 ? "S" : "";
  const Xapian::termcount wdf_inc = 1 + (data[0] >> 1) % 3;
  const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);

  static const Xapian::Stem stemmer = detail::make_stemmer("english");
  static const Xapian::Stopper* const stopper = detail::stopper_for("english");
  Xapian::TermGenerator generator;
  generator.set_stemmer(stemmer);
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  generator.set_stopper(stopper);
  generator.set_stopper_strategy(Xapian::TermGenerator::STOP_STEMMED);
  Xapian::Document expected;
  generator.set_document(expected);
  generator.index_text(text, wdf_inc, prefix);
  generator.increase_termpos(100);
  generator.index_text(text);

  static detail::WordAnalyzer words(stemmer, stopper);
  detail::TextTerms terms(words);
  Xapian::Document actual;
  terms.set_document(actual);
  terms.index_text(text, wdf_inc, prefix);
  terms.increase_termpos(100);
  terms.index_text(text);

  fuzz::require(describe(expected) == describe(actual), "terms that TermGenerator does not make");
  return 0;
}
