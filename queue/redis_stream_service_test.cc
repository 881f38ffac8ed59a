#include "queue/redis_stream.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <thread>
#include <utility>

#include "tests/services/throwaway_engines.h"

namespace storyfuse {
namespace {

// Orders two stream entry ids ("<ms>-<seq>") as Redis does.
bool StreamIdLess(const std::string& a, const std::string& b) {
  auto split = [](const std::string& id) {
    size_t dash = id.find('-');
    return std::make_pair(std::stoull(id.substr(0, dash)), std::stoull(id.substr(dash + 1)));
  };
  return split(a) < split(b);
}

using std::chrono::milliseconds;

// Each test its own stream, so tests sharing one server do not interact.
std::unique_ptr<RedisStream> MustConnect(const std::string& url, const std::string& stream) {
  Result<std::unique_ptr<RedisStream>> s = RedisStream::Connect(url, stream);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? std::move(*s) : nullptr;
}

TEST(RedisStream, RejectsMalformedUrls) {
  EXPECT_FALSE(RedisStream::IsUrl("postgresql://x"));
  EXPECT_EQ(RedisStream::Connect("http://h:1", "s").status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(RedisStream::Connect("redis://h:port", "s").status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(RedisStream::Connect("redis://h:1/db", "s").status().code(), Status::Code::kInvalidArgument);
}

TEST(RedisStream, RefusedConnectionNamesTheServer) {
  STORYFUSE_SHARED_ENGINE_OR_SKIP(redis, ThrowawayRedis);
  // Port 1 on loopback: nothing listens there (and it is not the server).
  Result<std::unique_ptr<RedisStream>> s = RedisStream::Connect("redis://127.0.0.1:1", "s");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), Status::Code::kIoError);
  EXPECT_NE(s.status().message().find("127.0.0.1:1"), std::string::npos) << s.status().message();
}

TEST(RedisStream, EntriesGoToOneConsumerOfAGroupAndAckClearsThem) {
  STORYFUSE_SHARED_ENGINE_OR_SKIP(redis, ThrowawayRedis);
  auto s = MustConnect(redis->url(), "deliver");
  ASSERT_NE(s, nullptr);
  ASSERT_TRUE(s->CreateGroup("extract").ok());
  ASSERT_TRUE(s->CreateGroup("extract").ok());  // existing group: fine
  for (int i = 0; i < 5; ++i) {
    // Binary-safe values: a NUL byte and a newline survive.
    Result<std::string> id = s->Add({{"doc", "d" + std::to_string(i)}, {"body", std::string("a\0b\n", 4)}});
    ASSERT_TRUE(id.ok()) << id.status().ToString();
  }
  Result<std::vector<StreamEntry>> a = s->ReadGroup("extract", "worker-a", 3, milliseconds(0));
  Result<std::vector<StreamEntry>> b = s->ReadGroup("extract", "worker-b", 10, milliseconds(0));
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_EQ(a->size(), 3u);
  ASSERT_EQ(b->size(), 2u);  // only what a did not get
  EXPECT_EQ((*a)[0].Field("doc"), "d0");
  EXPECT_EQ((*a)[0].Field("body"), std::string("a\0b\n", 4));
  EXPECT_EQ((*b)[1].Field("doc"), "d4");
  EXPECT_EQ(*s->Pending("extract"), 5);
  std::vector<std::string> ids;
  for (const StreamEntry& e : *a) ids.push_back(e.id);
  EXPECT_EQ(*s->Ack("extract", ids), 3);
  EXPECT_EQ(*s->Ack("extract", ids), 0);  // a second ack changes nothing
  EXPECT_EQ(*s->Pending("extract"), 2);
  // Nothing new: a short block returns empty, not an error.
  Result<std::vector<StreamEntry>> none = s->ReadGroup("extract", "worker-a", 10, milliseconds(20));
  ASSERT_TRUE(none.ok()) << none.status().ToString();
  EXPECT_TRUE(none->empty());
}

TEST(RedisStream, ADeadConsumersEntriesAreClaimedByAnother) {
  STORYFUSE_SHARED_ENGINE_OR_SKIP(redis, ThrowawayRedis);
  auto s = MustConnect(redis->url(), "claim");
  ASSERT_NE(s, nullptr);
  ASSERT_TRUE(s->CreateGroup("brief").ok());
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(s->Add({{"story", std::to_string(i)}}).ok());
  ASSERT_EQ(s->ReadGroup("brief", "dead", 4, milliseconds(0))->size(), 4u);
  // Not idle long enough yet: nothing to take over.
  EXPECT_TRUE(s->Claim("brief", "alive", milliseconds(60000), 10)->empty());
  constexpr milliseconds kIdle(30);
  std::this_thread::sleep_for(kIdle * 2);
  Result<std::vector<StreamEntry>> taken = s->Claim("brief", "alive", kIdle, 10);
  ASSERT_TRUE(taken.ok()) << taken.status().ToString();
  ASSERT_EQ(taken->size(), 4u);
  EXPECT_EQ((*taken)[2].Field("story"), "2");
  std::vector<std::string> ids;
  for (const StreamEntry& e : *taken) ids.push_back(e.id);
  EXPECT_EQ(*s->Ack("brief", ids), 4);
  EXPECT_EQ(*s->Pending("brief"), 0);
}

TEST(RedisStream, MaxLenTrimsAndAckWithDeleteBoundsALosslessStream) {
  STORYFUSE_SHARED_ENGINE_OR_SKIP(redis, ThrowawayRedis);
  auto trimmed = MustConnect(redis->url(), "trimmed");
  ASSERT_NE(trimmed, nullptr);
  constexpr int kMaxLen = 100;
  for (int i = 0; i < 1000; ++i) ASSERT_TRUE(trimmed->Add({{"n", std::to_string(i)}}, kMaxLen).ok());
  // MAXLEN ~ trims whole macro nodes: about kMaxLen, never the 1000.
  int64_t len = *trimmed->Length();
  EXPECT_GE(len, kMaxLen);
  EXPECT_LT(len, 1000);

  auto lossless = MustConnect(redis->url(), "lossless");
  ASSERT_NE(lossless, nullptr);
  ASSERT_TRUE(lossless->CreateGroup("g").ok());
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(lossless->Add({{"n", std::to_string(i)}}).ok());
  // At its bound of 3 the producer waits (and times out here)...
  EXPECT_FALSE(*lossless->WaitBelow(3, milliseconds(5), milliseconds(20)));
  // ...until a consumer acknowledges with delete.
  auto got = lossless->ReadGroup("g", "c", 1, milliseconds(0));
  ASSERT_TRUE(got.ok() && got->size() == 1);
  EXPECT_EQ(*lossless->Ack("g", {(*got)[0].id}, /*delete_entries=*/true), 1);
  EXPECT_TRUE(*lossless->WaitBelow(3, milliseconds(5), milliseconds(20)));
  EXPECT_EQ(*lossless->Length(), 2);
  EXPECT_EQ(*lossless->Pending("g"), 0);
  // Again (a redelivery acknowledged twice): nothing was pending, nothing changes.
  EXPECT_EQ(*lossless->Ack("g", {(*got)[0].id}, /*delete_entries=*/true), 0);
  EXPECT_EQ(*lossless->Length(), 2);
}

// Several groups read one stream and acknowledge without deleting: the
// trim keeps every entry any group still needs (its pending entries and
// what it has not read), and nothing while a declared group is missing.
TEST(RedisStream, TrimConsumedKeepsWhatAnyGroupStillNeeds) {
  STORYFUSE_SHARED_ENGINE_OR_SKIP(redis, ThrowawayRedis);
  auto s = MustConnect(redis->url(), "shared-by-groups");
  ASSERT_NE(s, nullptr);
  const std::string kRequired = "shared-by-groups:readers", kMark = "shared-by-groups:trimmed";
  auto trim = [&] { return *s->TrimConsumed(kRequired, "g:", kMark); };
  EXPECT_EQ(trim(), 0);  // no stream yet
  std::vector<std::string> ids;
  for (int i = 0; i < 10; ++i) ids.push_back(*s->Add({{"n", std::to_string(i)}}));
  EXPECT_EQ(trim(), 0);  // no group: nobody has consumed anything
  EXPECT_TRUE(*s->CreateGroupIfAbsent("g:fast"));
  EXPECT_FALSE(*s->CreateGroupIfAbsent("g:fast"));  // existed
  ASSERT_TRUE(s->CreateGroup("g:slow").ok());
  // fast reads and acknowledges 8; slow reads 5, acknowledges 3 of them.
  auto fast = s->ReadGroup("g:fast", "c", 8, milliseconds(0));
  ASSERT_TRUE(fast.ok() && fast->size() == 8);
  EXPECT_EQ(*s->Ack("g:fast", std::vector<std::string>(ids.begin(), ids.begin() + 8)), 8);
  auto slow = s->ReadGroup("g:slow", "c", 5, milliseconds(0));
  ASSERT_TRUE(slow.ok() && slow->size() == 5);
  EXPECT_EQ(*s->Ack("g:slow", {ids[0], ids[1], ids[3]}), 3);
  // A declared reader without its group holds everything.
  ASSERT_TRUE(s->AddToSet(kRequired, "late").ok());
  EXPECT_EQ(trim(), 0);
  EXPECT_EQ(*s->Length(), 10);
  EXPECT_EQ(*s->GetKey(kMark), "");
  ASSERT_TRUE(s->CreateGroup("g:late").ok());  // at 0: needs the whole stream
  EXPECT_EQ(trim(), 0);
  auto late = s->ReadGroup("g:late", "c", 10, milliseconds(0));
  ASSERT_TRUE(late.ok() && late->size() == 10);
  EXPECT_EQ(*s->Ack("g:late", ids), 10);
  // A destroyed group no longer holds anything.
  EXPECT_TRUE(*s->CreateGroupIfAbsent("g:gone"));
  ASSERT_TRUE(s->DestroyGroup("g:gone").ok());
  EXPECT_TRUE(*s->CreateGroupIfAbsent("g:gone", "$"));
  ASSERT_TRUE(s->DestroyGroup("g:gone").ok());
  // slow's oldest pending entry is ids[2]: 0 and 1 go.
  EXPECT_EQ(trim(), 2);
  EXPECT_EQ(*s->GetKey(kMark), ids[2]);
  EXPECT_EQ(*s->Ack("g:slow", {ids[2], ids[4]}), 2);
  // Nothing pending in slow: it needs what follows its last read (ids[4]).
  EXPECT_EQ(trim(), 3);
  EXPECT_EQ(*s->Length(), 5);
  // The mark is the trim's MINID: the id just after slow's last read, which
  // is ids[5] only when both fell in the same millisecond.
  std::vector<std::string> marks = *s->GetKeys({kMark, "shared-by-groups:absent"});
  ASSERT_EQ(marks.size(), 2u);
  EXPECT_TRUE(StreamIdLess(ids[4], marks[0]) && !StreamIdLess(ids[5], marks[0])) << marks[0];
  EXPECT_EQ(marks[1], "");
  // What slow has not read is still there for it.
  slow = s->ReadGroup("g:slow", "c", 10, milliseconds(0));
  ASSERT_TRUE(slow.ok());
  ASSERT_EQ(slow->size(), 5u);
  EXPECT_EQ((*slow)[0].id, ids[5]);
  std::vector<std::string> members = *s->SetMembers(kRequired);
  EXPECT_EQ(std::set<std::string>(members.begin(), members.end()), (std::set<std::string>{"late"}));
}

TEST(RedisStream, ReconnectsAfterTheServerDropsTheClient) {
  STORYFUSE_SHARED_ENGINE_OR_SKIP(redis, ThrowawayRedis);
  auto s = MustConnect(redis->url(), "reconnect");
  ASSERT_NE(s, nullptr);
  ASSERT_TRUE(s->Add({{"k", "1"}}).ok());
  ASSERT_TRUE(redis->KillClients().ok());
  Result<std::string> id = s->Add({{"k", "2"}});
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  EXPECT_EQ(s->reconnects(), 1);
  EXPECT_EQ(*s->Length(), 2);
  // Acknowledging with delete (one MULTI/EXEC) reconnects the same way.
  ASSERT_TRUE(s->CreateGroup("g").ok());
  Result<std::vector<StreamEntry>> got = s->ReadGroup("g", "c", 2, milliseconds(0));
  ASSERT_TRUE(got.ok() && got->size() == 2);
  ASSERT_TRUE(redis->KillClients().ok());
  Result<int64_t> acked = s->Ack("g", {(*got)[0].id, (*got)[1].id}, /*delete_entries=*/true);
  ASSERT_TRUE(acked.ok()) << acked.status().ToString();
  EXPECT_EQ(*acked, 2);
  EXPECT_EQ(s->reconnects(), 2);
  EXPECT_EQ(*s->Length(), 0);
  EXPECT_EQ(*s->Pending("g"), 0);
}

}  // namespace
}  // namespace storyfuse
