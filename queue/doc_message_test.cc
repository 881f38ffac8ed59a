#include "queue/doc_message.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

RawDoc Sample() {
  RawDoc d;
  d.id = "ferry-1";
  d.source = "feeds/harbour.jsonl:3";
  d.bytes = std::string("<p>Fog kept the ferry in port.</p>\0tail", 39);
  d.format = DocFormat::kHtml;
  d.url = "https://gazette.example/ferry";
  d.outlet = "Harbour Gazette";
  d.authors = {"Mira Solberg", "Tomas \"TJ\" Ek"};
  d.published = "2031-03-14";
  d.language = "en";
  return d;
}

TEST(DocMessage, RoundTripsEveryField) {
  RawDoc d = Sample();
  StreamEntry e{"1-0", DocMessage::Encode(d)};
  Result<RawDoc> back = DocMessage::Decode(e);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->id, d.id);
  EXPECT_EQ(back->source, d.source);
  EXPECT_EQ(back->bytes, d.bytes);  // the NUL byte and what follows survive
  EXPECT_EQ(back->format, DocFormat::kHtml);
  EXPECT_EQ(back->url, d.url);
  EXPECT_EQ(back->outlet, d.outlet);
  EXPECT_EQ(back->authors, d.authors);
  EXPECT_EQ(back->published, d.published);
  EXPECT_EQ(back->language, d.language);
  EXPECT_EQ(back->title, "");
}

TEST(DocMessage, OmitsAbsentMetadata) {
  RawDoc d;
  d.id = "plain";
  d.bytes = "Text.";
  StreamFields f = DocMessage::Encode(d);
  EXPECT_EQ(f.size(), 5u);  // v, id, source, format, bytes
}

TEST(DocMessage, RefusesWhatItCannotRead) {
  struct Case {
    const char* what;
    std::string field;
    std::string value;  // replaces the field's value; "\x01" removes it
  };
  const Case cases[] = {
      {"another version", "v", "2"},
      {"no version", "v", "\x01"},
      {"no id", "id", ""},
      {"no bytes", "bytes", "\x01"},
      {"unknown format", "format", "pdf"},
      {"authors not an array", "authors", "\"Mira\""},
      {"an author not a string", "authors", "[1]"},
  };
  for (const Case& c : cases) {
    StreamEntry e{"7-1", DocMessage::Encode(Sample())};
    StreamFields kept;
    for (auto& [k, v] : e.fields) {
      if (k != c.field) {
        kept.emplace_back(k, v);
      } else if (c.value != "\x01") {
        kept.emplace_back(k, c.value);
      }
    }
    e.fields = kept;
    Result<RawDoc> r = DocMessage::Decode(e);
    EXPECT_FALSE(r.ok()) << c.what;
    if (!r.ok()) EXPECT_NE(r.status().message().find("7-1"), std::string::npos) << c.what;
  }
}

}  // namespace
}  // namespace storyfuse
