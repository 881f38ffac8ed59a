// RedisStream: the project's one wrapper over hiredis (issue #25: Redis
// Streams with consumer groups as the queue between stateless workers).
//
// One object is one connection used on one stream. Delivery is at least
// once: a consumer reads new entries of its group (ReadGroup), processes
// them, then acknowledges them (Ack); entries a dead consumer read but
// never acknowledged are taken over by another after `min_idle` (Claim,
// XAUTOCLAIM). Processing must therefore be idempotent.
//
// Back-pressure: Add() may trim the stream to about `max_len` entries
// (MAXLEN ~), which drops the oldest even if unread, so it is for streams
// whose readers may lose entries. A stream that must lose nothing is bounded
// by its producer instead: consumers Ack with delete, and the producer
// waits while Length() is at its bound (WaitBelow). A lossless stream that
// several groups read is acknowledged without delete and trimmed to what
// every group is done with (TrimConsumed).
//
// Errors are Status values naming the server ("redis HOST:PORT: ...");
// a Redis error reply is InvalidArgument, a lost server IoError. A command
// that fails because the connection is gone is retried once on a new
// connection (so an Add may, rarely, add twice: at least once).
//
// Thread safety: one thread at a time per object. Without hiredis at build
// time, Connect() returns Unsupported.
#ifndef STORYFUSE_QUEUE_REDIS_STREAM_H_
#define STORYFUSE_QUEUE_REDIS_STREAM_H_

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"

struct redisContext;
struct redisReply;

namespace storyfuse {

using StreamFields = std::vector<std::pair<std::string, std::string>>;

struct StreamEntry {
  std::string id;  // "<ms>-<seq>", assigned by Redis
  StreamFields fields;
  // The value of field `name`, or "" when absent.
  std::string Field(std::string_view name) const;
};

class RedisStream {
 public:
  // True for "redis://...".
  static bool IsUrl(std::string_view s);
  // Connects to redis://[:PASSWORD@]HOST[:PORT][/DB] (port 6379, db 0 by
  // default) for `stream`. InvalidArgument for a malformed URL, IoError
  // naming the server when it cannot connect.
  static Result<std::unique_ptr<RedisStream>> Connect(const std::string& url, std::string stream);
  ~RedisStream();
  RedisStream(const RedisStream&) = delete;
  RedisStream& operator=(const RedisStream&) = delete;

  // XADD: appends an entry; returns its id. `max_len` > 0 trims the stream
  // to about that many entries (see the class comment); 0 keeps all.
  Result<std::string> Add(const StreamFields& fields, int64_t max_len = 0);
  // XGROUP CREATE ... MKSTREAM: creates consumer group `group` reading from
  // `start` ("0": the whole stream; "$": only new entries). An existing
  // group is not an error.
  Status CreateGroup(const std::string& group, const std::string& start = "0");
  // The same, telling whether this call made the group (false: it existed).
  Result<bool> CreateGroupIfAbsent(const std::string& group, const std::string& start = "0");
  // XGROUP DESTROY: removes `group` and its pending list (absent: no error).
  Status DestroyGroup(const std::string& group);
  // XREADGROUP ... STREAMS stream >: up to `count` entries never delivered
  // to `group`, now pending for `consumer`; waits up to `block` when there
  // are none (zero: does not wait). Empty when none arrived.
  Result<std::vector<StreamEntry>> ReadGroup(const std::string& group, const std::string& consumer, int count,
                                             std::chrono::milliseconds block);
  // XACK (and XDEL when `delete_entries`, which is what bounds a lossless
  // stream): marks entries processed. Returns how many were pending. With
  // delete, both run in one MULTI/EXEC transaction: a consumer killed
  // between two separate commands would leave entries acknowledged but not
  // deleted, which no consumer reads again and which count toward the
  // stream's length (its bound, a drained check) forever.
  Result<int64_t> Ack(const std::string& group, const std::vector<std::string>& ids, bool delete_entries = false);
  // XAUTOCLAIM: moves up to `count` entries pending for longer than
  // `min_idle` (under any consumer of `group`) to `consumer` and returns
  // them; entries deleted meanwhile are dropped from the pending list.
  Result<std::vector<StreamEntry>> Claim(const std::string& group, const std::string& consumer,
                                         std::chrono::milliseconds min_idle, int count);
  // XLEN and the number of entries of `group` delivered but not acknowledged.
  Result<int64_t> Length();
  Result<int64_t> Pending(const std::string& group);
  // Waits while Length() >= `bound`, polling every `poll`, for at most
  // `timeout`: true when below, false on timeout (the producer's
  // back-pressure for a lossless stream).
  Result<bool> WaitBelow(int64_t bound, std::chrono::milliseconds poll, std::chrono::milliseconds timeout);

  // Trimming a stream several groups read (each acknowledges without
  // deleting, since the others still need the entry): XTRIM MINID to the
  // oldest entry any group of the stream still needs, which for a group is
  // its oldest pending entry or, with none pending, the first entry after
  // its last delivered one. Entries never delivered to every group, and
  // entries any group has pending, are therefore never deleted.
  // `required_set` (a set key) names groups that must exist, as
  // `group_prefix` + member: while one of them does not, nothing is
  // trimmed (a reader declared but not yet started would otherwise miss
  // entries). Trimming nothing also when the stream has no group. When
  // entries are deleted, `mark_key` is set to the MINID trimmed to, so a
  // group created later can tell that it missed the start of the stream.
  // One Lua script, so atomic: a group created meanwhile is respected.
  // Returns the number of entries deleted.
  Result<int64_t> TrimConsumed(const std::string& required_set, const std::string& group_prefix,
                               const std::string& mark_key);

  // Plain keys beside the stream (the workers' shared counters): INCRBY
  // (returns the new value), GET ("" when the key is absent) and SET.
  // IncrBy retried after a lost connection may count twice: callers treat
  // the values as unique, not as contiguous.
  Result<int64_t> IncrBy(const std::string& key, int64_t by);
  Result<std::string> GetKey(const std::string& key);
  Status SetKey(const std::string& key, const std::string& value);
  // MGET: each key's value in order ("" for an absent key).
  Result<std::vector<std::string>> GetKeys(const std::vector<std::string>& keys);
  // Plain sets beside the stream (a registry of its readers): SADD and
  // SMEMBERS (in no particular order).
  Status AddToSet(const std::string& key, const std::string& member);
  Result<std::vector<std::string>> SetMembers(const std::string& key);

  const std::string& server() const { return server_; }
  const std::string& stream() const { return stream_; }
  int reconnects() const { return reconnects_; }

 private:
  struct FreeReply {
    void operator()(redisReply* r) const;
  };
  using Reply = std::unique_ptr<redisReply, FreeReply>;

  RedisStream() = default;
  Status Open();
  // Opens the connection again when the last command broke it (ctx_->err),
  // counting the reconnect.
  Status ReopenIfBroken();
  // Runs one command; InvalidArgument for an error reply, IoError when the
  // server is gone even after one reconnect.
  Result<Reply> Command(const std::vector<std::string>& args, std::chrono::milliseconds timeout);
  // Runs `commands` as one MULTI/EXEC transaction in one round trip: the
  // server applies all of them or, when the connection ends before EXEC,
  // none. Returns EXEC's reply (one element per command); retried once on
  // a new connection like Command, so the commands must be idempotent.
  Result<Reply> Atomically(const std::vector<std::vector<std::string>>& commands, std::chrono::milliseconds timeout);
  Status ErrorReply(const redisReply* r) const;

  redisContext* ctx_ = nullptr;
  std::string host_, password_, server_, stream_;
  int port_ = 0;
  int db_ = 0;
  int reconnects_ = 0;
};

}  // namespace storyfuse

#endif  // STORYFUSE_QUEUE_REDIS_STREAM_H_
