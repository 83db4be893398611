#include "checker/storage/spill_store.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <utility>

#include "absl/strings/str_cat.h"
#include "checker/base/status_macros.h"

namespace crosscheck {
namespace {

absl::Status ErrnoError(absl::string_view what, const std::string& path, int error) {
  return absl::InternalError(absl::StrCat(path, ": cannot ", what, " the temporary claims file (",
                                          std::strerror(error),
                                          "); set TMPDIR to a writable directory with free space"));
}

}  // namespace

namespace {

std::string TempDir(std::string dir) {
  if (!dir.empty()) return dir;
  const char* tmp = std::getenv("TMPDIR");
  return tmp != nullptr && *tmp != '\0' ? tmp : "/tmp";
}

}  // namespace

SpillStore::SpillStore(int64_t memory_budget, std::string dir)
    : budget_(memory_budget), dir_(TempDir(std::move(dir))) {}

SpillStore::~SpillStore() {
  absl::MutexLock lock(&mu_);
  if (fd_ >= 0) close(fd_);
}

int SpillStore::NewValue() {
  absl::MutexLock lock(&mu_);
  values_.emplace_back();
  return static_cast<int>(values_.size()) - 1;
}

absl::Status SpillStore::Append(int v, absl::string_view bytes) {
  absl::MutexLock lock(&mu_);
  Value& value = values_[v];
  value.memory.append(bytes.data(), bytes.size());
  value.size += static_cast<int64_t>(bytes.size());
  ++value.appends;
  // What the buffer holds counts: grown by doubling, hundreds of values
  // held up to twice the budget.
  const int64_t held = static_cast<int64_t>(value.memory.capacity());
  in_memory_ += held - value.held;
  value.held = held;
  return in_memory_ > budget_ ? Spill() : absl::OkStatus();
}

int64_t SpillStore::size(int v) const {
  absl::MutexLock lock(&mu_);
  return values_[v].size;
}

int64_t SpillStore::appends(int v) const {
  absl::MutexLock lock(&mu_);
  return values_[v].appends;
}

absl::Status SpillStore::Flush() {
  absl::MutexLock lock(&mu_);
  return fd_ >= 0 ? Spill() : absl::OkStatus();
}

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
    // At the file's recorded end, whatever an earlier failed write left.
    const char* data = value.memory.data();
    size_t left = value.memory.size();
    int64_t at = file_size_;
    while (left > 0) {
      ssize_t n = pwrite(fd_, data, left, at);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return ErrnoError("write", path_, n < 0 ? errno : ENOSPC);
      data += n;
      at += n;
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
    in_memory_ -= value.held;
    value.held = 0;
    std::string().swap(value.memory);
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> SpillStore::Read(int v, int64_t at, int64_t length) const {
  absl::MutexLock lock(&mu_);
  const Value& value = values_[v];
  if (at < 0 || length < 0 || at + length > value.size) {
    return absl::OutOfRangeError(
        absl::StrCat("bytes ", at, " to ", at + length, " of a stored value of ", value.size));
  }
  std::string out(static_cast<size_t>(length), '\0');
  size_t got = 0;
  int64_t start = 0;  // of the chunk in the value
  for (const auto& [offset, size] : value.chunks) {
    if (got == out.size()) break;
    const int64_t from = std::max(at + static_cast<int64_t>(got), start);
    const int64_t to = std::min(at + length, start + size);
    for (int64_t done = from; done < to;) {
      ssize_t n = pread(fd_, &out[got], static_cast<size_t>(to - done), offset + (done - start));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return ErrnoError("read", path_, n < 0 ? errno : EIO);
      done += n;
      got += static_cast<size_t>(n);
    }
    start += size;
  }
  if (got < out.size()) {  // the rest is in memory
    const size_t from = static_cast<size_t>(at + static_cast<int64_t>(got) - start);
    value.memory.copy(&out[got], out.size() - got, from);
  }
  return out;
}

absl::StatusOr<std::string> SpillStore::Take(int v) {
  std::string out;
  out.reserve(static_cast<size_t>(size(v)));
  Reader reader = Stream(v);
  for (absl::string_view piece; reader.Next(&piece);) out.append(piece.data(), piece.size());
  RETURN_IF_ERROR(reader.status());
  return out;
}

SpillStore::Reader SpillStore::Stream(int v) {
  absl::MutexLock lock(&mu_);
  Value& value = values_[v];
  Reader reader;
  reader.fd_ = fd_;
  reader.path_ = path_;
  reader.chunks_ = std::move(value.chunks);
  reader.memory_ = std::move(value.memory);
  in_memory_ -= value.held;
  value = Value();
  return reader;
}

bool SpillStore::Reader::Next(absl::string_view* piece) {
  constexpr int64_t kReadSize = int64_t{1} << 20;
  if (!status_.ok()) return false;
  while (chunk_ < chunks_.size()) {
    const auto [offset, length] = chunks_[chunk_];
    if (chunk_done_ == length) {
      ++chunk_;
      chunk_done_ = 0;
      continue;
    }
    buffer_.resize(static_cast<size_t>(std::min(kReadSize, length - chunk_done_)));
    size_t got = 0;
    while (got < buffer_.size()) {
      ssize_t n = pread(fd_, &buffer_[got], buffer_.size() - got,
                        offset + chunk_done_ + static_cast<int64_t>(got));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        status_ = ErrnoError("read", path_, n < 0 ? errno : EIO);
        return false;
      }
      got += static_cast<size_t>(n);
    }
    chunk_done_ += static_cast<int64_t>(got);
    *piece = buffer_;
    return true;
  }
  std::string().swap(buffer_);
  if (memory_done_ == memory_.size()) {
    std::string().swap(memory_);
    memory_done_ = 0;
    return false;
  }
  const size_t size = std::min(static_cast<size_t>(kReadSize), memory_.size() - memory_done_);
  *piece = absl::string_view(memory_).substr(memory_done_, size);
  memory_done_ += size;
  return true;
}

bool SpillInputStream::Next(const void** data, int* size) {
  if (backed_up_ == 0) {
    do {
      if (!reader_->Next(&piece_)) return false;
    } while (piece_.empty());
    backed_up_ = static_cast<int>(piece_.size());
  }
  *data = piece_.data() + piece_.size() - backed_up_;
  *size = backed_up_;
  count_ += backed_up_;
  backed_up_ = 0;
  return true;
}

void SpillInputStream::BackUp(int count) {
  backed_up_ = count;
  count_ -= count;
}

bool SpillInputStream::Skip(int count) {
  const void* data;
  int size;
  while (count > 0 && Next(&data, &size)) {
    if (size > count) {
      BackUp(size - count);
      return true;
    }
    count -= size;
  }
  return count == 0;
}

}  // namespace crosscheck
