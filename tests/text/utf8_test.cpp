#include "text/utf8.hpp"

#include <gtest/gtest.h>

namespace newsdex::detail {
namespace {

TEST(Utf8, DecodesAndEncodesEveryLength) {
  const std::string text = "a\u00e9\u20ac\U0001F600";
  std::size_t pos = 0;
  EXPECT_EQ(decode_utf8(text, pos), U'a');
  EXPECT_EQ(decode_utf8(text, pos), U'\u00e9');
  EXPECT_EQ(decode_utf8(text, pos), U'\u20ac');
  EXPECT_EQ(decode_utf8(text, pos), U'\U0001F600');
  EXPECT_EQ(pos, text.size());
  std::string out;
  for (char32_t cp : {U'a', U'\u00e9', U'\u20ac', U'\U0001F600'})
    append_utf8(out, cp);
  EXPECT_EQ(out, text);
}

TEST(Utf8, FindsIllFormedSequences) {
  EXPECT_EQ(find_invalid_utf8("valid \u00e9 text"), std::string::npos);
  EXPECT_EQ(find_invalid_utf8("growth.\xFC side"), 7u);  // Latin-1 byte
  EXPECT_EQ(find_invalid_utf8("ab\xC0\xAF"), 2u);        // overlong '/'
  EXPECT_EQ(find_invalid_utf8("x\xED\xA0\x80"), 1u);     // UTF-16 surrogate
  EXPECT_EQ(find_invalid_utf8("cut \xE2\x82"), 4u);      // truncated
  EXPECT_EQ(find_invalid_utf8("\xF4\x90\x80\x80"), 0u);  // above U+10FFFF
}

TEST(Utf8, RepairReplacesEachBadByte) {
  EXPECT_EQ(repair_utf8("a\xFC"
                        "b"),
            "a\uFFFD"
            "b");
  EXPECT_EQ(repair_utf8("ok"), "ok");
  EXPECT_EQ(find_invalid_utf8(repair_utf8("\xC0\xAF\xE2\x82")), std::string::npos);
}

}  // namespace
}  // namespace newsdex::detail
