#include "checker/storage/atomic_file.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "absl/strings/str_cat.h"

namespace crosscheck {

absl::Status WriteFileAtomicallyFrom(const std::string& path,
                                     absl::FunctionRef<absl::Status(std::ostream&)> write) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::file_status status = fs::status(path, ec);
  if (!ec && fs::exists(status) && !fs::is_regular_file(status)) {
    // /dev/null, a FIFO, /dev/stdout: renaming over them would replace the
    // device with a file. Write through; there is nothing to keep whole.
    std::ofstream out(path, std::ios::binary);
    absl::Status written = write(out);
    out.flush();
    if (!written.ok()) return written;
    return out ? absl::OkStatus()
               : absl::PermissionDeniedError(absl::StrCat(path, ": cannot write"));
  }
  std::string tmp = absl::StrCat(path, ".tmp.", ::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    absl::Status written = out ? write(out) : absl::OkStatus();
    out.flush();
    if (!written.ok() || !out) {
      out.close();
      fs::remove(tmp, ec);
      return !written.ok() ? written
                           : absl::PermissionDeniedError(absl::StrCat(path, ": cannot write"));
    }
  }
  fs::rename(tmp, path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return absl::PermissionDeniedError(absl::StrCat(path, ": cannot write: ", ec.message()));
  }
  return absl::OkStatus();
}

absl::Status WriteFileAtomically(const std::string& path, absl::string_view content) {
  return WriteFileAtomicallyFrom(path, [&](std::ostream& out) {
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    return absl::OkStatus();
  });
}

}  // namespace crosscheck
