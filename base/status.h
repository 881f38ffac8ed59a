// Status and Result<T>: recoverable errors as values.
//
// Every library function that can fail on bad input or I/O returns a Status
// or a Result<T>; the library never prints or exits. Both types are
// [[nodiscard]] so an ignored error is a compiler warning. Thread safety:
// values, no shared state.
#ifndef STORYFUSE_BASE_STATUS_H_
#define STORYFUSE_BASE_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace storyfuse {

class [[nodiscard]] Status {
 public:
  enum class Code { kOk = 0, kInvalidArgument, kNotFound, kIoError, kCorruption, kUnsupported, kInternal };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string_view msg) { return Status(Code::kInvalidArgument, msg); }
  static Status NotFound(std::string_view msg) { return Status(Code::kNotFound, msg); }
  static Status IoError(std::string_view msg) { return Status(Code::kIoError, msg); }
  static Status Corruption(std::string_view msg) { return Status(Code::kCorruption, msg); }
  static Status Unsupported(std::string_view msg) { return Status(Code::kUnsupported, msg); }
  static Status Internal(std::string_view msg) { return Status(Code::kInternal, msg); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // "<code name>: <message>", or "OK".
  std::string ToString() const;
  // Returns a copy whose message is "<context>: <message>".
  Status WithContext(std::string_view context) const;

 private:
  Status(Code code, std::string_view msg) : code_(code), message_(msg) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// Holds either a value or a non-OK Status. Accessing value() of an error
// Result is a programming error (asserts in debug builds).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& value() & { return checked(); }
  const T& value() const& { return checked(); }
  T&& value() && { return std::move(checked()); }
  T* operator->() { return &checked(); }
  const T* operator->() const { return &checked(); }
  T& operator*() & { return checked(); }
  const T& operator*() const& { return checked(); }

 private:
  T& checked() {
    assert(ok() && "value() of an error Result");
    return *value_;
  }
  const T& checked() const {
    assert(ok() && "value() of an error Result");
    return *value_;
  }

  Status status_;
  std::optional<T> value_;
};

#define STORYFUSE_RETURN_IF_ERROR(expr) \
  do {                                  \
    ::storyfuse::Status _st = (expr);   \
    if (!_st.ok()) return _st;          \
  } while (0)

// STORYFUSE_ASSIGN_OR_RETURN(lhs, expr): evaluates `expr` (a Result<T>);
// on error returns its Status from the enclosing function, else assigns
// the value to `lhs`, which may declare a variable:
//   STORYFUSE_ASSIGN_OR_RETURN(std::string bytes, ReadWholeFile(path));
#define STORYFUSE_ASSIGN_OR_RETURN(lhs, expr) \
  STORYFUSE_ASSIGN_OR_RETURN_IMPL(STORYFUSE_STATUS_CONCAT(_result_, __LINE__), lhs, expr)
#define STORYFUSE_ASSIGN_OR_RETURN_IMPL(result, lhs, expr) \
  auto result = (expr);                                    \
  if (!result.ok()) return result.status();                \
  lhs = std::move(result).value()
#define STORYFUSE_STATUS_CONCAT(a, b) STORYFUSE_STATUS_CONCAT_INNER(a, b)
#define STORYFUSE_STATUS_CONCAT_INNER(a, b) a##b

}  // namespace storyfuse

#endif  // STORYFUSE_BASE_STATUS_H_
