// SharedLibrary: a system shared library opened at run time (dlopen) instead
// of linked, so a process pays for loading it, and everything it pulls in,
// only when it first uses it (issue #21). The network clients' wrappers
// (store/pg_connection.cc, queue/redis_stream.cc, feed/http_fetcher.cc) load
// libpq, hiredis and libcurl this way: batch commands such as `eval cluster`
// never map them or their ~30 dependencies (gnutls, krb5, ldap, ...).
//
// Each wrapper keeps its library's C header for types and constants and
// resolves the functions it calls into one table of function pointers,
// once per process (a function-local static), e.g.
//
//   STORYFUSE_ASSIGN_OR_RETURN(SharedLibrary lib, SharedLibrary::Open("libpq.so.5", "libpq5"));
//   STORYFUSE_RETURN_IF_ERROR(lib.Resolve("PQexec", &table.PQexec));
//
// Errors are Unsupported and name the library (and the Debian package that
// ships it, and the symbol when one is missing), never a crash at start-up.
// Ownership: an opened library is never closed; it stays mapped for the
// life of the process, so resolved pointers never dangle. SharedLibrary is a
// copyable handle. Thread safety: Open and Resolve may run on any thread
// (dlopen and dlsym are thread-safe).
#ifndef STORYFUSE_BASE_SHARED_LIBRARY_H_
#define STORYFUSE_BASE_SHARED_LIBRARY_H_

#include <string>
#include <string_view>

#include "base/status.h"

namespace storyfuse {

class SharedLibrary {
 public:
  // Opens `soname` (e.g. "libpq.so.5"), resolving all its symbols now.
  // Unsupported "<soname> cannot be loaded (install <package>...): <why>"
  // when it is absent or broken.
  static Result<SharedLibrary> Open(std::string_view soname, std::string_view package);

  // The address of `symbol`; Unsupported naming the library and the symbol
  // when the library lacks it (e.g. an older version).
  Result<void*> Symbol(const char* symbol) const;

  // Resolves `symbol` into the function pointer `*out`.
  template <typename Function>
  Status Resolve(const char* symbol, Function* out) const {
    Result<void*> address = Symbol(symbol);
    if (!address.ok()) return address.status();
    *out = reinterpret_cast<Function>(*address);
    return Status::Ok();
  }

  const std::string& soname() const { return soname_; }

 private:
  SharedLibrary(void* handle, std::string_view soname) : handle_(handle), soname_(soname) {}
  void* handle_;
  std::string soname_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_BASE_SHARED_LIBRARY_H_
