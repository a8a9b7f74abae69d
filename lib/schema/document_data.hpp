// The document data newsdex stores with each article: a JSON object holding what results show
// and the text snippets are cut from (README "Index layout"). Readable from any Xapian binding.
#pragma once

#include <string>

#include <newsdex/article.hpp>

namespace newsdex::detail {

// {"id","date","title","source","url","lang","speakers","places","body"}; empty fields are left
// out. `article.speakers` and `article.places` should already hold the canonical names of
// everything indexed for the article.
std::string encode_document_data(const Article& article);

enum class StoredBody { read, skip };

// Inverse of encode_document_data; `data` is parsed in place. Throws IndexFormatError when `data`
// is not such an object. StoredBody::skip leaves `body` empty and stops reading where it starts:
// the body is stored last and is most of the bytes, and results without snippets never look at it.
// What follows it is then not checked.
Article decode_document_data(std::string data, StoredBody body = StoredBody::read);

}  // namespace newsdex::detail
