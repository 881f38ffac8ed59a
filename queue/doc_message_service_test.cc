#include <gtest/gtest.h>

#include "queue/doc_message.h"
#include "queue/redis_stream.h"
#include "tests/services/throwaway_engines.h"

namespace storyfuse {
namespace {

// A document published by one process is read whole by a worker through a
// real Redis: the encoding survives the server (binary bytes included).
TEST(DocMessageThroughRedis, PublishedDocumentsReachAWorkerWhole) {
  STORYFUSE_SHARED_ENGINE_OR_SKIP(redis, ThrowawayRedis);
  Result<std::unique_ptr<RedisStream>> producer = RedisStream::Connect(redis->url(), "docs-roundtrip");
  Result<std::unique_ptr<RedisStream>> worker = RedisStream::Connect(redis->url(), "docs-roundtrip");
  ASSERT_TRUE(producer.ok() && worker.ok());
  ASSERT_TRUE((*worker)->CreateGroup(kExtractGroup).ok());
  RawDoc d;
  d.id = "quay-7";
  d.source = "inbox/quay-7.html";
  d.format = DocFormat::kHtml;
  d.bytes = std::string("<h1>Quay repairs</h1>\0\xff", 23);
  d.authors = {"Ilse Varga"};
  ASSERT_TRUE((*producer)->Add(DocMessage::Encode(d)).ok());
  Result<std::vector<StreamEntry>> got = (*worker)->ReadGroup(kExtractGroup, "w1", 10, std::chrono::milliseconds(100));
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  ASSERT_EQ(got->size(), 1u);
  Result<RawDoc> back = DocMessage::Decode((*got)[0]);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->id, "quay-7");
  EXPECT_EQ(back->bytes, d.bytes);
  EXPECT_EQ(back->format, DocFormat::kHtml);
  EXPECT_EQ(back->authors, d.authors);
}

}  // namespace
}  // namespace storyfuse
