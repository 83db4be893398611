#include "checker/spill_store.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <utility>

#include "absl/strings/str_cat.h"

namespace crosscheck {
namespace {

absl::Status ErrnoError(absl::string_view what, const std::string& path, int error) {
  return absl::InternalError(absl::StrCat(path, ": cannot ", what, " the temporary claims file (",
                                          std::strerror(error),
                                          "); set TMPDIR to a writable directory with free space"));
}

}  // namespace

SpillStore::SpillStore(int64_t memory_budget, std::string dir)
    : budget_(memory_budget), dir_(std::move(dir)) {
  if (dir_.empty()) {
    const char* tmp = std::getenv("TMPDIR");
    dir_ = tmp != nullptr && *tmp != '\0' ? tmp : "/tmp";
  }
}

SpillStore::~SpillStore() {
  if (fd_ >= 0) close(fd_);
}

int SpillStore::NewValue() {
  values_.emplace_back();
  return static_cast<int>(values_.size()) - 1;
}

absl::Status SpillStore::Append(int v, absl::string_view bytes) {
  Value& value = values_[v];
  value.memory.append(bytes.data(), bytes.size());
  value.size += static_cast<int64_t>(bytes.size());
  in_memory_ += static_cast<int64_t>(bytes.size());
  return in_memory_ > budget_ ? Spill() : absl::OkStatus();
}

int64_t SpillStore::size(int v) const { return values_[v].size; }

absl::Status SpillStore::Spill() {
  if (fd_ < 0) {
    std::string name = absl::StrCat(dir_, "/crosscheck-claims-XXXXXX");
    fd_ = mkostemp(&name[0], O_CLOEXEC);
    if (fd_ < 0) return ErrnoError("create", name, errno);
    path_ = name;
    unlink(path_.c_str());  // gone with the process, whatever happens
  }
  for (Value& value : values_) {
    if (value.memory.empty()) continue;
    const char* data = value.memory.data();
    size_t left = value.memory.size();
    while (left > 0) {
      ssize_t n = write(fd_, data, left);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return ErrnoError("write", path_, n < 0 ? errno : ENOSPC);
      data += n;
      left -= static_cast<size_t>(n);
    }
    const int64_t length = static_cast<int64_t>(value.memory.size());
    // Adjacent chunks of one value are one read.
    if (!value.chunks.empty() &&
        value.chunks.back().first + value.chunks.back().second == file_size_) {
      value.chunks.back().second += length;
    } else {
      value.chunks.emplace_back(file_size_, length);
    }
    file_size_ += length;
    in_memory_ -= length;
    std::string().swap(value.memory);
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> SpillStore::Take(int v) {
  Value& value = values_[v];
  std::string out;
  out.resize(static_cast<size_t>(value.size));
  size_t at = 0;
  for (const auto& [offset, length] : value.chunks) {
    int64_t done = 0;
    while (done < length) {
      ssize_t n = pread(fd_, &out[at], static_cast<size_t>(length - done), offset + done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return ErrnoError("read", path_, n < 0 ? errno : EIO);
      done += n;
      at += static_cast<size_t>(n);
    }
  }
  if (!value.memory.empty()) std::memcpy(&out[at], value.memory.data(), value.memory.size());
  in_memory_ -= static_cast<int64_t>(value.memory.size());
  value = Value();
  return out;
}

}  // namespace crosscheck
