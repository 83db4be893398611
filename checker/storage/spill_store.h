// Byte strings built by appending, kept in memory up to a budget and beyond
// it in a temporary file: the report's claims, which must all be kept until
// the comparison and are most of what a large corpus leaves in memory.
//
// The file is created in the temporary directory on the first spill and
// unlinked at once, so it never outlives the process (not even a crash) and
// the page cache, not the process, holds what the system has room for.
//
// Example:
//   SpillStore store(/*memory_budget=*/32 << 20);
//   int deaths = store.NewValue();
//   RETURN_IF_ERROR(store.Append(deaths, bytes));
//   ...
//   absl::StatusOr<std::string> all = store.Take(deaths);
//   // or, a piece at a time (a large value need not be in memory whole):
//   SpillStore::Reader reader = store.Stream(deaths);
//   for (absl::string_view piece; reader.Next(&piece);) Use(piece);
//   RETURN_IF_ERROR(reader.status());
#ifndef CROSSCHECK_CHECKER_STORAGE_SPILL_STORE_H_
#define CROSSCHECK_CHECKER_STORAGE_SPILL_STORE_H_

#include <cstdint>
#include <deque>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "google/protobuf/io/zero_copy_stream.h"

namespace crosscheck {

// Thread-safe: any call may run concurrently with any other (a value's
// appends in the order they are made).
class SpillStore {
 public:
  // When the memory the values hold (their buffers' capacity, not only
  // their bytes) passes `memory_budget`, their bytes are
  // written to the file (0: every append is). `dir`: where the file goes;
  // empty: $TMPDIR, else /tmp.
  explicit SpillStore(int64_t memory_budget, std::string dir = "");
  ~SpillStore();

  SpillStore(const SpillStore&) = delete;
  SpillStore& operator=(const SpillStore&) = delete;

  // A new, empty value; returns its handle (0, 1, 2, ...).
  int NewValue();

  // Appends `bytes` to value `v`. Fails only when spilling fails (no space,
  // no temporary directory); the error names the file.
  absl::Status Append(int v, absl::string_view bytes);

  // The size of value `v` in bytes, in memory and in the file.
  int64_t size(int v) const;

  // How many times `Append` was called for value `v` since it was last
  // taken (the number of records, when each append is one).
  int64_t appends(int v) const;

  // `length` bytes of value `v` from byte `at` on, leaving the value as it
  // is. An error when they are not all there.
  absl::StatusOr<std::string> Read(int v, int64_t at, int64_t length) const;

  // Value `v` whole, in append order; it is then empty.
  absl::StatusOr<std::string> Take(int v);

  // Reads a value taken by `Stream`, a piece of at most 1 MB at a time: what
  // was spilled, then what was still in memory (freed at the end). Usable
  // after the store is gone only if nothing was spilled.
  class Reader {
   public:
    Reader(Reader&&) = default;
    Reader& operator=(Reader&&) = default;

    // The next piece, valid until the next call; false at the end or on an
    // error.
    bool Next(absl::string_view* piece);
    // Ok, or the read error (naming the file) that ended the pieces.
    const absl::Status& status() const { return status_; }

   private:
    friend class SpillStore;
    Reader() = default;

    int fd_ = -1;
    std::string path_;
    std::vector<std::pair<int64_t, int64_t>> chunks_;
    size_t chunk_ = 0;        // the next chunk to read
    int64_t chunk_done_ = 0;  // bytes of it read
    std::string buffer_;      // the last piece read from the file
    std::string memory_;
    size_t memory_done_ = 0;  // bytes of memory_ given
    absl::Status status_;
  };

  // Value `v` as a Reader (what Take would return, in pieces); the value
  // is then empty, as after Take. The reader reads without the store's
  // lock.
  Reader Stream(int v);

  // Writes what the values hold in memory to the file now, if the store has
  // spilled before (a store within its budget stays in memory): for a stage
  // that needs the memory more.
  absl::Status Flush();

  // Bytes written to the file so far (for tests and timings).
  int64_t spilled_bytes() const {
    absl::MutexLock lock(&mu_);
    return file_size_;
  }

 private:
  struct Value {
    std::string memory;                               // not yet spilled
    std::vector<std::pair<int64_t, int64_t>> chunks;  // (offset, length) in the file
    int64_t size = 0;
    int64_t appends = 0;
    int64_t held = 0;  // `memory`'s capacity, as counted in in_memory_
  };

  // Writes every value's memory bytes to the file.
  absl::Status Spill() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const int64_t budget_;
  const std::string dir_;
  mutable absl::Mutex mu_;
  std::string path_ ABSL_GUARDED_BY(mu_);  // the file's name when created (for errors; unlinked)
  int fd_ ABSL_GUARDED_BY(mu_) = -1;
  int64_t file_size_ ABSL_GUARDED_BY(mu_) = 0;
  int64_t in_memory_ ABSL_GUARDED_BY(mu_) = 0;
  // (a deque: a value's address survives NewValue)
  std::deque<Value> values_ ABSL_GUARDED_BY(mu_);
};

// A SpillStore::Reader as a protobuf input stream (to parse or convert
// what a value holds without holding it whole). The reader must outlive it;
// read errors end the stream and stay in reader->status().
class SpillInputStream : public google::protobuf::io::ZeroCopyInputStream {
 public:
  explicit SpillInputStream(SpillStore::Reader* reader) : reader_(reader) {}

  bool Next(const void** data, int* size) override;
  void BackUp(int count) override;
  bool Skip(int count) override;
  int64_t ByteCount() const override { return count_; }

 private:
  SpillStore::Reader* reader_;
  absl::string_view piece_;
  int backed_up_ = 0;  // the end of piece_ not yet consumed
  int64_t count_ = 0;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_STORAGE_SPILL_STORE_H_
