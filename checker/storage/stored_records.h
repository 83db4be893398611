// Reading back the delimited records (checker/storage/delimited.h) that a
// run keeps in a SpillStore value: in place, with where each starts
// (ForEachStoredRecord), or taken from the store and parsed a record at a
// time (TakeEach, TakeMessages), so a value's bytes are never in memory
// whole beside its messages.
//
// Example:
//   RETURN_IF_ERROR(ForEachStoredRecord(store, v, [&](int64_t at, absl::string_view bytes) {
//     places.push_back({at, bytes.size()});
//     return absl::OkStatus();
//   }));
//   ASSIGN_OR_RETURN(std::vector<Claim> claims, TakeMessages<Claim>(&store, v));
#ifndef CROSSCHECK_CHECKER_STORAGE_STORED_RECORDS_H_
#define CROSSCHECK_CHECKER_STORAGE_STORED_RECORDS_H_

#include <cstdint>
#include <utility>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "checker/base/status_macros.h"
#include "checker/storage/spill_store.h"
#include "google/protobuf/util/delimited_message_util.h"

namespace crosscheck {

// Calls `fn` with the message bytes of each record of value `v` of `store`
// and where they start in the value, leaving the value as it is; reads a
// megabyte at a time. Stops at, and returns, the first error of `fn`; a
// record cut short is an internal error (the run wrote it).
absl::Status ForEachStoredRecord(
    const SpillStore& store, int v,
    absl::FunctionRef<absl::Status(int64_t at, absl::string_view bytes)> fn);

// Takes value `v` of `store` (which is then empty) and parses it a record at
// a time, calling `fn` with each message (which it may move from). A record
// that does not parse is an internal error; a read error is the store's.
template <typename Message>
absl::Status TakeEach(SpillStore* store, int v, absl::FunctionRef<void(Message&)> fn) {
  SpillStore::Reader reader = store->Stream(v);
  {
    SpillInputStream input(&reader);
    Message m;
    for (int64_t n = 0;; ++n) {
      bool clean_eof = false;
      m.Clear();  // (parsing a delimited record merges)
      if (!google::protobuf::util::ParseDelimitedFromZeroCopyStream(&m, &input, &clean_eof)) {
        if (clean_eof) break;
        RETURN_IF_ERROR(reader.status());
        return absl::InternalError(absl::StrCat("record ", n, " of a ",
                                                Message::descriptor()->name(),
                                                " list the run itself stored does not parse"));
      }
      fn(m);
    }
  }
  return reader.status();
}

// All of value `v` as messages (taken as by TakeEach), in a vector sized
// once: growing it would briefly hold two copies of its elements.
template <typename Message>
absl::StatusOr<std::vector<Message>> TakeMessages(SpillStore* store, int v) {
  std::vector<Message> messages;
  messages.reserve(static_cast<size_t>(store->appends(v)));
  RETURN_IF_ERROR(
      TakeEach<Message>(store, v, [&](Message& m) { messages.push_back(std::move(m)); }));
  return messages;
}

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_STORAGE_STORED_RECORDS_H_
