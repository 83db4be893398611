#include "checker/storage/stored_records.h"

#include <algorithm>
#include <cstdint>
#include <string>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "checker/base/status_macros.h"
#include "checker/storage/spill_store.h"

namespace crosscheck {

absl::Status ForEachStoredRecord(
    const SpillStore& store, int v,
    absl::FunctionRef<absl::Status(int64_t at, absl::string_view bytes)> fn) {
  const int64_t size = store.size(v);
  std::string buffer;  // bytes [buffer_start, buffer_start + buffer.size()) of the value
  int64_t buffer_start = 0;
  int64_t pos = 0;  // the next record's start
  // Makes the buffer reach `end` (or the value's end).
  auto reach = [&](int64_t end) -> absl::Status {
    end = std::min(end, size);
    const int64_t have = buffer_start + static_cast<int64_t>(buffer.size());
    if (have >= end) return absl::OkStatus();
    buffer.erase(0, static_cast<size_t>(pos - buffer_start));
    buffer_start = pos;
    const int64_t want = std::min(std::max(end - have, int64_t{1} << 20), size - have);
    ASSIGN_OR_RETURN(const std::string more, store.Read(v, have, want));
    buffer += more;
    return absl::OkStatus();
  };
  while (pos < size) {
    RETURN_IF_ERROR(reach(pos + 5));  // a varint32's most
    const char* at = buffer.data() + (pos - buffer_start);
    const int64_t available = buffer_start + static_cast<int64_t>(buffer.size()) - pos;
    uint32_t length = 0;
    int header = 0;
    for (int shift = 0;; shift += 7) {
      if (header == available || header == 5) {
        return absl::InternalError("a record the run stored is cut short");
      }
      const uint8_t byte = static_cast<uint8_t>(at[header++]);
      length |= static_cast<uint32_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) break;
    }
    const int64_t begin = pos + header, end = begin + length;
    if (end > size) return absl::InternalError("a record the run stored is cut short");
    RETURN_IF_ERROR(reach(end));
    RETURN_IF_ERROR(fn(begin, absl::string_view(buffer.data() + (begin - buffer_start), length)));
    pos = end;
  }
  return absl::OkStatus();
}

}  // namespace crosscheck
