#include "queue/redis_stream.h"

#include <sys/time.h>

#include <charconv>
#include <thread>

#if STORYFUSE_HAVE_HIREDIS
#include <hiredis/hiredis.h>
#endif

namespace storyfuse {
namespace {

constexpr int kDefaultPort = 6379;
// A command (beyond its own BLOCK time) that takes this long means the
// server is gone or wedged; a worker should see an error and retry.
constexpr std::chrono::milliseconds kCommandTimeout(10000);

}  // namespace

std::string StreamEntry::Field(std::string_view name) const {
  for (const auto& [k, v] : fields) {
    if (k == name) return v;
  }
  return "";
}

bool RedisStream::IsUrl(std::string_view s) { return s.starts_with("redis://"); }

#if STORYFUSE_HAVE_HIREDIS

namespace {

timeval ToTimeval(std::chrono::milliseconds ms) {
  timeval tv;
  tv.tv_sec = static_cast<time_t>(ms.count() / 1000);
  tv.tv_usec = static_cast<suseconds_t>((ms.count() % 1000) * 1000);
  return tv;
}

bool ParseInt(std::string_view s, int* out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

std::string Str(const redisReply* r) {
  return r && (r->type == REDIS_REPLY_STRING || r->type == REDIS_REPLY_STATUS) ? std::string(r->str, r->len) : "";
}

// One stream entry: [id, [field, value, ...]]. Entries whose body is nil
// (deleted while pending, Redis 6) come back with no fields.
StreamEntry ParseEntry(const redisReply* e) {
  StreamEntry out;
  if (e->type != REDIS_REPLY_ARRAY || e->elements < 1) return out;
  out.id = Str(e->element[0]);
  if (e->elements >= 2 && e->element[1]->type == REDIS_REPLY_ARRAY) {
    const redisReply* f = e->element[1];
    for (size_t i = 0; i + 1 < f->elements; i += 2) out.fields.emplace_back(Str(f->element[i]), Str(f->element[i + 1]));
  }
  return out;
}

std::vector<StreamEntry> ParseEntries(const redisReply* list) {
  std::vector<StreamEntry> out;
  if (list == nullptr || list->type != REDIS_REPLY_ARRAY) return out;
  for (size_t i = 0; i < list->elements; ++i) {
    StreamEntry e = ParseEntry(list->element[i]);
    if (!e.id.empty()) out.push_back(std::move(e));
  }
  return out;
}

}  // namespace

void RedisStream::FreeReply::operator()(redisReply* r) const { freeReplyObject(r); }

Result<std::unique_ptr<RedisStream>> RedisStream::Connect(const std::string& url, std::string stream) {
  if (!IsUrl(url)) return Status::InvalidArgument("not a redis:// URL: " + url);
  std::unique_ptr<RedisStream> s(new RedisStream());
  std::string_view rest = std::string_view(url).substr(sizeof("redis://") - 1);
  size_t slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  if (slash != std::string_view::npos && slash + 1 < rest.size() && !ParseInt(rest.substr(slash + 1), &s->db_)) {
    return Status::InvalidArgument("redis URL: bad database number in " + url);
  }
  if (size_t at = authority.rfind('@'); at != std::string_view::npos) {
    std::string_view userinfo = authority.substr(0, at);
    size_t colon = userinfo.find(':');
    s->password_ = std::string(colon == std::string_view::npos ? userinfo : userinfo.substr(colon + 1));
    authority = authority.substr(at + 1);
  }
  s->port_ = kDefaultPort;
  if (size_t colon = authority.rfind(':'); colon != std::string_view::npos) {
    if (!ParseInt(authority.substr(colon + 1), &s->port_))
      return Status::InvalidArgument("redis URL: bad port in " + url);
    authority = authority.substr(0, colon);
  }
  s->host_ = authority.empty() ? "127.0.0.1" : std::string(authority);
  s->server_ = s->host_ + ":" + std::to_string(s->port_);
  s->stream_ = std::move(stream);
  STORYFUSE_RETURN_IF_ERROR(s->Open());
  return s;
}

Status RedisStream::Open() {
  if (ctx_ != nullptr) redisFree(ctx_);
  ctx_ = redisConnectWithTimeout(host_.c_str(), port_, ToTimeval(kCommandTimeout));
  if (ctx_ == nullptr || ctx_->err) {
    std::string why = ctx_ ? ctx_->errstr : "out of memory";
    return Status::IoError("redis " + server_ + ": cannot connect: " + why);
  }
  auto run = [&](std::vector<std::string> args) -> Status {
    std::vector<const char*> argv;
    std::vector<size_t> lens;
    for (const std::string& a : args) {
      argv.push_back(a.data());
      lens.push_back(a.size());
    }
    Reply r(static_cast<redisReply*>(redisCommandArgv(ctx_, static_cast<int>(argv.size()), argv.data(), lens.data())));
    if (r == nullptr) return Status::IoError("redis " + server_ + ": " + ctx_->errstr);
    if (r->type == REDIS_REPLY_ERROR) return ErrorReply(r.get());
    return Status::Ok();
  };
  if (!password_.empty()) STORYFUSE_RETURN_IF_ERROR(run({"AUTH", password_}));
  if (db_ != 0) STORYFUSE_RETURN_IF_ERROR(run({"SELECT", std::to_string(db_)}));
  return Status::Ok();
}

RedisStream::~RedisStream() {
  if (ctx_ != nullptr) redisFree(ctx_);
}

Status RedisStream::ErrorReply(const redisReply* r) const {
  return Status::InvalidArgument("redis " + server_ + ": " + std::string(r->str, r->len));
}

Result<RedisStream::Reply> RedisStream::Command(const std::vector<std::string>& args,
                                                std::chrono::milliseconds timeout) {
  std::vector<const char*> argv;
  std::vector<size_t> lens;
  for (const std::string& a : args) {
    argv.push_back(a.data());
    lens.push_back(a.size());
  }
  for (int attempt = 0; attempt < 2; ++attempt) {
    STORYFUSE_RETURN_IF_ERROR(ReopenIfBroken());
    redisSetTimeout(ctx_, ToTimeval(timeout));
    Reply r(static_cast<redisReply*>(redisCommandArgv(ctx_, static_cast<int>(argv.size()), argv.data(), lens.data())));
    if (r == nullptr) continue;  // I/O error: ctx_->err is set; reconnect and retry once
    if (r->type == REDIS_REPLY_ERROR) return ErrorReply(r.get());
    return r;
  }
  return Status::IoError("redis " + server_ + ": connection lost: " + std::string(ctx_->errstr));
}

Status RedisStream::ReopenIfBroken() {
  if (!ctx_->err) return Status::Ok();
  STORYFUSE_RETURN_IF_ERROR(Open());
  ++reconnects_;
  return Status::Ok();
}

Result<RedisStream::Reply> RedisStream::Atomically(const std::vector<std::vector<std::string>>& commands,
                                                   std::chrono::milliseconds timeout) {
  std::vector<std::vector<std::string>> all = {{"MULTI"}};
  all.insert(all.end(), commands.begin(), commands.end());
  all.push_back({"EXEC"});
  for (int attempt = 0; attempt < 2; ++attempt) {
    STORYFUSE_RETURN_IF_ERROR(ReopenIfBroken());
    redisSetTimeout(ctx_, ToTimeval(timeout));
    bool sent = true;
    for (const std::vector<std::string>& args : all) {
      std::vector<const char*> argv;
      std::vector<size_t> lens;
      for (const std::string& a : args) {
        argv.push_back(a.data());
        lens.push_back(a.size());
      }
      sent = sent && redisAppendCommandArgv(ctx_, static_cast<int>(argv.size()), argv.data(), lens.data()) == REDIS_OK;
    }
    // Replies: MULTI's OK, QUEUED per command, then EXEC's array.
    Reply exec;
    Status error = Status::Ok();
    bool lost = !sent;
    for (size_t i = 0; i < all.size() && !lost; ++i) {
      void* raw = nullptr;
      if (redisGetReply(ctx_, &raw) != REDIS_OK) {
        lost = true;  // ctx_->err is set: reconnect and retry once
        break;
      }
      Reply r(static_cast<redisReply*>(raw));
      if (r->type == REDIS_REPLY_ERROR && error.ok()) error = ErrorReply(r.get());
      exec = std::move(r);
    }
    if (lost) continue;
    if (!error.ok()) return error;
    if (exec->type != REDIS_REPLY_ARRAY || exec->elements != commands.size()) {
      return Status::IoError("redis " + server_ + ": transaction aborted");
    }
    for (size_t i = 0; i < exec->elements; ++i) {
      if (exec->element[i]->type == REDIS_REPLY_ERROR) return ErrorReply(exec->element[i]);
    }
    return exec;
  }
  return Status::IoError("redis " + server_ + ": connection lost: " + std::string(ctx_->errstr));
}

Result<std::string> RedisStream::Add(const StreamFields& fields, int64_t max_len) {
  std::vector<std::string> args = {"XADD", stream_};
  if (max_len > 0) {
    args.insert(args.end(), {"MAXLEN", "~", std::to_string(max_len)});
  }
  args.push_back("*");
  for (const auto& [k, v] : fields) {
    args.push_back(k);
    args.push_back(v);
  }
  STORYFUSE_ASSIGN_OR_RETURN(Reply r, Command(args, kCommandTimeout));
  return Str(r.get());
}

Status RedisStream::CreateGroup(const std::string& group, const std::string& start) {
  return CreateGroupIfAbsent(group, start).status();
}

Result<bool> RedisStream::CreateGroupIfAbsent(const std::string& group, const std::string& start) {
  Result<Reply> r = Command({"XGROUP", "CREATE", stream_, group, start, "MKSTREAM"}, kCommandTimeout);
  if (!r.ok() && r.status().message().find("BUSYGROUP") != std::string::npos) return false;
  STORYFUSE_RETURN_IF_ERROR(r.status());
  return true;
}

Status RedisStream::DestroyGroup(const std::string& group) {
  return Command({"XGROUP", "DESTROY", stream_, group}, kCommandTimeout).status();
}

namespace {

// TrimConsumed's script. KEYS: the stream, the required set, the mark;
// ARGV: the group prefix. Ids are "<ms>-<seq>"; both parts fit a Lua
// number (a double) exactly (ms since 1970 < 2^53).
constexpr const char* kTrimConsumedScript = R"lua(
local stream, required, mark, prefix = KEYS[1], KEYS[2], KEYS[3], ARGV[1]
if redis.call('EXISTS', stream) == 0 then return 0 end
local groups = redis.call('XINFO', 'GROUPS', stream)
if #groups == 0 then return 0 end
local best_ms, best_seq
local function consider(ms, seq)
  if best_ms == nil or ms < best_ms or (ms == best_ms and seq < best_seq) then
    best_ms, best_seq = ms, seq
  end
end
local function split(id)
  local dash = string.find(id, '-', 1, true)
  return tonumber(string.sub(id, 1, dash - 1)), tonumber(string.sub(id, dash + 1))
end
local present = {}
for _, g in ipairs(groups) do
  local f = {}
  for i = 1, #g, 2 do f[g[i]] = g[i + 1] end
  present[f['name']] = true
  if f['pending'] > 0 then
    local p = redis.call('XPENDING', stream, f['name'])
    consider(split(p[2]))
  else
    local ms, seq = split(f['last-delivered-id'])
    consider(ms, seq + 1)
  end
end
for _, m in ipairs(redis.call('SMEMBERS', required)) do
  if not present[prefix .. m] then return 0 end
end
local minid = string.format('%.0f-%.0f', best_ms, best_seq)
local n = redis.call('XTRIM', stream, 'MINID', minid)
if n > 0 then redis.call('SET', mark, minid) end
return n
)lua";

}  // namespace

Result<int64_t> RedisStream::TrimConsumed(const std::string& required_set, const std::string& group_prefix,
                                          const std::string& mark_key) {
  STORYFUSE_ASSIGN_OR_RETURN(
      Reply r,
      Command({"EVAL", kTrimConsumedScript, "3", stream_, required_set, mark_key, group_prefix}, kCommandTimeout));
  return static_cast<int64_t>(r->integer);
}

Result<std::vector<StreamEntry>> RedisStream::ReadGroup(const std::string& group, const std::string& consumer,
                                                        int count, std::chrono::milliseconds block) {
  std::vector<std::string> args = {"XREADGROUP", "GROUP", group, consumer, "COUNT", std::to_string(count)};
  if (block.count() > 0) args.insert(args.end(), {"BLOCK", std::to_string(block.count())});
  args.insert(args.end(), {"STREAMS", stream_, ">"});
  STORYFUSE_ASSIGN_OR_RETURN(Reply r, Command(args, block + kCommandTimeout));
  // [[stream, [entry, ...]]], or nil when nothing arrived in time.
  if (r->type != REDIS_REPLY_ARRAY || r->elements == 0) return std::vector<StreamEntry>();
  const redisReply* s = r->element[0];
  if (s->type != REDIS_REPLY_ARRAY || s->elements < 2) return std::vector<StreamEntry>();
  return ParseEntries(s->element[1]);
}

Result<int64_t> RedisStream::Ack(const std::string& group, const std::vector<std::string>& ids, bool delete_entries) {
  if (ids.empty()) return int64_t{0};
  std::vector<std::string> args = {"XACK", stream_, group};
  args.insert(args.end(), ids.begin(), ids.end());
  if (!delete_entries) {
    STORYFUSE_ASSIGN_OR_RETURN(Reply r, Command(args, kCommandTimeout));
    return static_cast<int64_t>(r->integer);
  }
  std::vector<std::string> del = {"XDEL", stream_};
  del.insert(del.end(), ids.begin(), ids.end());
  STORYFUSE_ASSIGN_OR_RETURN(Reply r, Atomically({args, del}, kCommandTimeout));
  return static_cast<int64_t>(r->element[0]->integer);
}

Result<std::vector<StreamEntry>> RedisStream::Claim(const std::string& group, const std::string& consumer,
                                                    std::chrono::milliseconds min_idle, int count) {
  STORYFUSE_ASSIGN_OR_RETURN(Reply r, Command({"XAUTOCLAIM", stream_, group, consumer, std::to_string(min_idle.count()),
                                               "0-0", "COUNT", std::to_string(count)},
                                              kCommandTimeout));
  // [next-start-id, [entry, ...], (Redis 7) [deleted id, ...]]
  if (r->type != REDIS_REPLY_ARRAY || r->elements < 2) return std::vector<StreamEntry>();
  return ParseEntries(r->element[1]);
}

Result<int64_t> RedisStream::Length() {
  STORYFUSE_ASSIGN_OR_RETURN(Reply r, Command({"XLEN", stream_}, kCommandTimeout));
  return static_cast<int64_t>(r->integer);
}

Result<int64_t> RedisStream::Pending(const std::string& group) {
  STORYFUSE_ASSIGN_OR_RETURN(Reply r, Command({"XPENDING", stream_, group}, kCommandTimeout));
  // Summary form: [count, smallest id, greatest id, [[consumer, count], ...]]
  if (r->type != REDIS_REPLY_ARRAY || r->elements < 1) return int64_t{0};
  return static_cast<int64_t>(r->element[0]->integer);
}

Result<int64_t> RedisStream::IncrBy(const std::string& key, int64_t by) {
  STORYFUSE_ASSIGN_OR_RETURN(Reply r, Command({"INCRBY", key, std::to_string(by)}, kCommandTimeout));
  return static_cast<int64_t>(r->integer);
}

Result<std::string> RedisStream::GetKey(const std::string& key) {
  STORYFUSE_ASSIGN_OR_RETURN(Reply r, Command({"GET", key}, kCommandTimeout));
  if (r->type != REDIS_REPLY_STRING) return std::string();
  return Str(r.get());
}

Status RedisStream::SetKey(const std::string& key, const std::string& value) {
  return Command({"SET", key, value}, kCommandTimeout).status();
}

Result<std::vector<std::string>> RedisStream::GetKeys(const std::vector<std::string>& keys) {
  if (keys.empty()) return std::vector<std::string>();
  std::vector<std::string> args = {"MGET"};
  args.insert(args.end(), keys.begin(), keys.end());
  STORYFUSE_ASSIGN_OR_RETURN(Reply r, Command(args, kCommandTimeout));
  std::vector<std::string> out;
  if (r->type != REDIS_REPLY_ARRAY) return out;
  for (size_t i = 0; i < r->elements; ++i) out.push_back(Str(r->element[i]));
  return out;
}

Status RedisStream::AddToSet(const std::string& key, const std::string& member) {
  return Command({"SADD", key, member}, kCommandTimeout).status();
}

Result<std::vector<std::string>> RedisStream::SetMembers(const std::string& key) {
  STORYFUSE_ASSIGN_OR_RETURN(Reply r, Command({"SMEMBERS", key}, kCommandTimeout));
  std::vector<std::string> out;
  if (r->type != REDIS_REPLY_ARRAY) return out;
  for (size_t i = 0; i < r->elements; ++i) out.push_back(Str(r->element[i]));
  return out;
}

#else  // !STORYFUSE_HAVE_HIREDIS

void RedisStream::FreeReply::operator()(redisReply*) const {}
Result<std::unique_ptr<RedisStream>> RedisStream::Connect(const std::string&, std::string) {
  return Status::Unsupported(
      "this storyfuse was built without hiredis: install libhiredis-dev (scripts/setup.sh) and rebuild");
}
RedisStream::~RedisStream() {}
Status RedisStream::Open() { return Status::Unsupported("built without hiredis"); }
Result<std::string> RedisStream::Add(const StreamFields&, int64_t) {
  return Status::Unsupported("built without hiredis");
}
Status RedisStream::CreateGroup(const std::string&, const std::string&) {
  return Status::Unsupported("built without hiredis");
}
Result<bool> RedisStream::CreateGroupIfAbsent(const std::string&, const std::string&) {
  return Status::Unsupported("built without hiredis");
}
Status RedisStream::DestroyGroup(const std::string&) { return Status::Unsupported("built without hiredis"); }
Result<int64_t> RedisStream::TrimConsumed(const std::string&, const std::string&, const std::string&) {
  return Status::Unsupported("built without hiredis");
}
Result<std::vector<std::string>> RedisStream::GetKeys(const std::vector<std::string>&) {
  return Status::Unsupported("built without hiredis");
}
Status RedisStream::AddToSet(const std::string&, const std::string&) {
  return Status::Unsupported("built without hiredis");
}
Result<std::vector<std::string>> RedisStream::SetMembers(const std::string&) {
  return Status::Unsupported("built without hiredis");
}
Result<std::vector<StreamEntry>> RedisStream::ReadGroup(const std::string&, const std::string&, int,
                                                        std::chrono::milliseconds) {
  return Status::Unsupported("built without hiredis");
}
Result<int64_t> RedisStream::Ack(const std::string&, const std::vector<std::string>&, bool) {
  return Status::Unsupported("built without hiredis");
}
Result<std::vector<StreamEntry>> RedisStream::Claim(const std::string&, const std::string&, std::chrono::milliseconds,
                                                    int) {
  return Status::Unsupported("built without hiredis");
}
Result<int64_t> RedisStream::Length() { return Status::Unsupported("built without hiredis"); }
Result<int64_t> RedisStream::Pending(const std::string&) { return Status::Unsupported("built without hiredis"); }
Result<int64_t> RedisStream::IncrBy(const std::string&, int64_t) {
  return Status::Unsupported("built without hiredis");
}
Result<std::string> RedisStream::GetKey(const std::string&) { return Status::Unsupported("built without hiredis"); }
Status RedisStream::SetKey(const std::string&, const std::string&) {
  return Status::Unsupported("built without hiredis");
}

#endif  // STORYFUSE_HAVE_HIREDIS

Result<bool> RedisStream::WaitBelow(int64_t bound, std::chrono::milliseconds poll, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    STORYFUSE_ASSIGN_OR_RETURN(int64_t n, Length());
    if (n < bound) return true;
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(poll);
  }
}

}  // namespace storyfuse
