// newsdex/newsdex.hpp: everything a host needs, in one include.
//
// newsdex indexes news articles into a Xapian database and answers ranked queries that mix
// free text with fields for dates, speakers and places.
//
//   #include <newsdex/newsdex.hpp>
//   auto writer = newsdex::IndexWriter::open("news.db");
//   writer.add({.id = "a1", .date = newsdex::Date::parse("2022-12-01"), .body = "..."});
//   writer.commit();
//   auto results = newsdex::Index::open("news.db").search({.query = "resolution"});
#pragma once

#include <newsdex/annotations.hpp>
#include <newsdex/article.hpp>
#include <newsdex/error.hpp>
#include <newsdex/extract.hpp>
#include <newsdex/gazetteer.hpp>
#include <newsdex/index.hpp>
#include <newsdex/index_writer.hpp>
#include <newsdex/ingest.hpp>
#include <newsdex/version.hpp>
