#include "base/shared_library.h"

#include <dlfcn.h>

namespace storyfuse {

namespace {

std::string LastDlError() {
  const char* why = dlerror();
  return why != nullptr ? why : "unknown reason";
}

}  // namespace

Result<SharedLibrary> SharedLibrary::Open(std::string_view soname, std::string_view package) {
  std::string name(soname);
  // RTLD_NOW: a library missing a function it needs fails here, with a
  // message, rather than at its first call. RTLD_LOCAL: its symbols stay out
  // of the global namespace, as a linked library's dependencies would not.
  void* handle = dlopen(name.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    return Status::Unsupported(name + " cannot be loaded (install " + std::string(package) +
                               ", see scripts/setup.sh): " + LastDlError());
  }
  return SharedLibrary(handle, soname);
}

Result<void*> SharedLibrary::Symbol(const char* symbol) const {
  dlerror();  // clear a stale error: a symbol's address may legitimately be null
  void* address = dlsym(handle_, symbol);
  if (address == nullptr) {
    return Status::Unsupported(soname_ + " has no function " + symbol + " (too old a version?): " + LastDlError());
  }
  return address;
}

}  // namespace storyfuse
