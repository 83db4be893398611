#include "checker/storage/delimited.h"

#include <cstdint>
#include <cstring>
#include <string>

#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"

namespace crosscheck {

void AppendDelimited(const google::protobuf::MessageLite& message, std::string* out) {
  const size_t size = message.ByteSizeLong();
  uint8_t header[10];
  const size_t header_size =
      static_cast<size_t>(google::protobuf::io::CodedOutputStream::WriteVarint32ToArray(
                              static_cast<uint32_t>(size), header) -
                          header);
  // Grown by an eighth, not doubled: a group's findings, kept serialized,
  // would otherwise leave up to half of their string unused.
  const size_t at = out->size();
  const size_t needed = at + header_size + size;
  if (needed > out->capacity()) out->reserve(needed + needed / 8);
  out->resize(needed);
  auto* target = reinterpret_cast<uint8_t*>(&(*out)[at]);
  std::memcpy(target, header, header_size);
  // Serialized in place (no string of its own), deterministically.
  google::protobuf::io::ArrayOutputStream array(target + header_size, static_cast<int>(size));
  google::protobuf::io::CodedOutputStream coded(&array);
  coded.SetSerializationDeterministic(true);
  message.SerializeWithCachedSizes(&coded);
}

}  // namespace crosscheck
