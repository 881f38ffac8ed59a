#include "ingest/text_cleaner.h"

namespace storyfuse {

// First version: the body is the input's non-empty lines; the first short
// line without final punctuation is the title.
Status TextCleaner::Clean(Article* article) {
  const std::string& in = article->input;
  size_t pos = 0;
  while (pos < in.size()) {
    size_t eol = in.find('\n', pos);
    if (eol == std::string::npos) eol = in.size();
    std::string_view line(in.data() + pos, eol - pos);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (!line.empty()) {
      if (article->title.empty() && article->text.empty() && line.size() < 200) {
        article->title = std::string(line);
      } else {
        if (!article->text.empty()) article->text += "\n\n";
        article->offsets.Add(static_cast<uint32_t>(article->text.size()), static_cast<uint32_t>(pos),
                             static_cast<uint32_t>(line.size()));
        article->text += line;
      }
    }
    pos = eol + 1;
  }
  if (article->text.empty()) return Status::InvalidArgument("no article text");
  return Status::Ok();
}

}  // namespace storyfuse
