// Delimited records: a message's size as a varint, then its bytes
// (protobuf's delimited format), the framing of claims files and of the
// lists the run keeps in its SpillStore.
//
// Example:
//   std::string records;
//   for (const Finding& f : findings) AppendDelimited(f, &records);
//   RETURN_IF_ERROR(store->Append(value, records));
#ifndef CROSSCHECK_CHECKER_STORAGE_DELIMITED_H_
#define CROSSCHECK_CHECKER_STORAGE_DELIMITED_H_

#include <string>

#include "google/protobuf/message_lite.h"

namespace crosscheck {

// Appends `message` to `out` as a delimited record, serialized in place and
// deterministically (the same message gives the same bytes). `out` grows by
// an eighth when it must, not double: a string of many records kept a
// while would otherwise leave up to half of it unused.
void AppendDelimited(const google::protobuf::MessageLite& message, std::string* out);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_STORAGE_DELIMITED_H_
