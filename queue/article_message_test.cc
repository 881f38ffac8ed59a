#include "queue/article_message.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

StreamEntry AsEntry(const StreamFields& f) { return StreamEntry{"1-0", f}; }

TEST(ArticleMessage, CarriesTheStoredFieldsAndTheSequenceNumber) {
  ArticleMessage m;
  m.seq = 42;
  m.doc_id = "hd-1";
  m.warning = "text cut";
  m.article.id = "hd-1";
  m.article.outlet = "Harbour Daily";
  m.article.title = "Velmora bridge reopens";
  m.article.authors = {"Ana Sorvik", "Jon Meridan"};
  m.article.published = {"2031-05-02", "meta"};
  m.article.wire = "Fjord Wire";
  m.article.text = "The bridge reopened.";
  m.article.input = "<p>The bridge reopened.</p>";
  m.article.corrections.push_back({{3, 10}, "An earlier version named the wrong day."});
  Result<ArticleMessage> back = ArticleMessage::Decode(AsEntry(m.Encode()));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->seq, 42);
  EXPECT_FALSE(back->rejected);
  EXPECT_EQ(back->warning, "text cut");
  EXPECT_EQ(back->article.outlet, "Harbour Daily");
  EXPECT_EQ(back->article.authors, m.article.authors);
  EXPECT_EQ(back->article.published.iso, "2031-05-02");
  EXPECT_EQ(back->article.wire, "Fjord Wire");
  EXPECT_EQ(back->article.text, m.article.text);
  EXPECT_EQ(back->article.input, m.article.input);
  ASSERT_EQ(back->article.corrections.size(), 1u);
  EXPECT_EQ(back->article.corrections[0].input.end, 10u);
  EXPECT_EQ(back->partition, "");  // one partition: no field
  for (const auto& [k, v] : m.Encode()) EXPECT_NE(k, "partition");
}

TEST(ArticleMessage, CarriesItsPartition) {
  ArticleMessage m;
  m.seq = 3;
  m.article.id = "hd-2";
  m.article.text = "The ferry strike ended.";
  m.partition = "en.2031-01";
  Result<ArticleMessage> back = ArticleMessage::Decode(AsEntry(m.Encode()));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->partition, "en.2031-01");
}

TEST(ArticleMessage, ARejectedDocumentStillCarriesItsNumber) {
  ArticleMessage m;
  m.seq = 7;
  m.doc_id = "empty";
  m.rejected = true;
  m.reason = "no article text";
  m.batch = 200;
  m.last = true;  // the input's last document: the assigner settles after it even so
  Result<ArticleMessage> back = ArticleMessage::Decode(AsEntry(m.Encode()));
  ASSERT_TRUE(back.ok());
  EXPECT_TRUE(back->rejected);
  EXPECT_EQ(back->seq, 7);
  EXPECT_EQ(back->reason, "no article text");
  EXPECT_EQ(back->batch, 200);
  EXPECT_TRUE(back->last);
  m.last = false;
  m.batch = 0;
  back = ArticleMessage::Decode(AsEntry(m.Encode()));
  ASSERT_TRUE(back.ok());
  EXPECT_FALSE(back->last);
  EXPECT_EQ(back->batch, 0);
}

TEST(ArticleMessage, RefusesAnotherVersionOrAMissingNumber) {
  ArticleMessage m;
  m.seq = 1;
  m.article.id = "a";
  m.article.text = "x";
  StreamFields f = m.Encode();
  f[0].second = "2";
  EXPECT_FALSE(ArticleMessage::Decode(AsEntry(f)).ok());
  f = m.Encode();
  f[1].second = "";
  EXPECT_FALSE(ArticleMessage::Decode(AsEntry(f)).ok());
}

}  // namespace
}  // namespace storyfuse
