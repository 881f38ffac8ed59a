// libFuzzer target: arbitrary bytes as an article's text through the
// number, date and entity analyzers (and the aligner). Checks that nothing
// crashes or hangs and that every span lies inside the text, every date is
// ISO cut to its granularity, and every range is ordered.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "analyze/date_resolver.h"
#include "analyze/entity_linker.h"
#include "analyze/number_aligner.h"
#include "analyze/number_extractor.h"
#include "text/word_lexer.h"

namespace {

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

bool Inside(storyfuse::Span s, std::string_view text) { return s.begin <= s.end && s.end <= text.size(); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace storyfuse;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<LexToken> tokens = WordLexer::Lex(text);
  for (const LexToken& t : tokens) Check(Inside(t.span, text) && !t.span.empty());
  std::vector<DateMention> dates = DateResolver::Extract(text, tokens, "2025-07-11");
  for (const DateMention& d : dates) {
    Check(Inside(d.span, text) && Inside(d.sentence, text));
    size_t want = d.granularity == DateGranularity::kYear ? 4 : d.granularity == DateGranularity::kMonth ? 7 : 10;
    Check(d.iso.empty() || d.iso.size() == want);
  }
  std::vector<Quantity> qs = NumberExtractor::Extract(text, tokens, dates);
  NumberAligner aligner;
  for (size_t i = 0; i < qs.size(); ++i) {
    const Quantity& q = qs[i];
    Check(Inside(q.span, text) && Inside(q.figure, text) && Inside(q.clause, text));
    Check(q.min <= q.max);
    if (i > 0) aligner.Conflict(qs[i - 1], text, q, text);
  }
  EntityLinker linker;
  linker.AddArticle("a", text, tokens);
  linker.AddArticle("b", text, tokens);
  for (const Entity& e : linker.Entities()) {
    for (const EntityMention& m : e.mentions) Check(Inside(m.span, text));
  }
  return 0;
}
