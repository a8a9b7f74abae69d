// index_folder: index the articles of folders and files. The writer finds the speakers, places
// and dates in each text as it indexes (WriterOptions::extract, on by default).
//
//   index_folder news.db examples/articles
//
// Creates the index when it is missing; indexing the same files again replaces what changed.
#include <iostream>
#include <string>
#include <vector>

#include <newsdex/newsdex.hpp>

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: index_folder DB INPUT...\n";
    return 2;
  }
  try {
    auto writer = newsdex::IndexWriter::open(argv[1]);  // holds the write lock until destroyed
    newsdex::ArticleReader reader(std::vector<std::string>(argv + 2, argv + argc));

    std::size_t skipped = 0;
    auto report_problems = [&] {
      for (const newsdex::InputProblem& problem : reader.take_problems()) {
        std::cerr << problem.to_string() << '\n';  // "FILE:LINE: message (skipped)"
        if (problem.skipped) ++skipped;
      }
    };
    while (auto article = reader.next()) {
      writer.add(*article);  // replaces an article with the same id; skips an identical one
      report_problems();
    }
    report_problems();  // an unreadable last file is found after the last article
    writer.commit();    // durable and visible to readers from here on

    const newsdex::WriterStats& stats = writer.stats();
    std::cout << "added " << stats.added << ", replaced " << stats.replaced << ", unchanged "
              << stats.unchanged << ", skipped " << skipped << "; " << writer.size()
              << " articles in " << argv[1] << '\n';
    return skipped == 0 ? 0 : 3;
  } catch (const newsdex::Error& error) {
    std::cerr << "index_folder: " << error.what() << '\n';
    return 1;
  }
}
