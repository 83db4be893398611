#include "checker/render/json.h"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "checker/base/status_macros.h"
#include "checker/storage/release_memory.h"
#include "checker/storage/spill_store.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/type_resolver.h"
#include "google/protobuf/util/type_resolver_util.h"
#include "google/protobuf/wire_format_lite.h"

namespace crosscheck {
namespace {

google::protobuf::util::JsonPrintOptions JsonOptions() {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  return options;
}

// Appends one field of a message's wire bytes: `field_number`'s tag, the
// length of `bytes`, and `bytes` (a message).
void AppendField(int field_number, absl::string_view bytes, std::string* out) {
  using google::protobuf::internal::WireFormatLite;
  uint8_t header[20];
  uint8_t* end = google::protobuf::io::CodedOutputStream::WriteVarint32ToArray(
      WireFormatLite::MakeTag(field_number, WireFormatLite::WIRETYPE_LENGTH_DELIMITED), header);
  end = google::protobuf::io::CodedOutputStream::WriteVarint32ToArray(
      static_cast<uint32_t>(bytes.size()), end);
  out->append(reinterpret_cast<const char*>(header), static_cast<size_t>(end - header));
  out->append(bytes.data(), bytes.size());
}

// Writes the report's wire bytes, as SerializeAsString gives them (fields
// in number order), to value `v` of `sink`, with each element of a repeated
// message field freed as soon as it is written: the report and its bytes
// are never both whole. With `lists`, its articles and copies take the
// place of the report's own, and its findings are followed by those of
// `lists`. Leaves `report` empty.
absl::Status SerializeReleasing(Report* report, ReportLists* lists, SpillStore* sink, int v) {
  using google::protobuf::FieldDescriptor;
  const google::protobuf::Reflection* reflection = report->GetReflection();
  std::vector<const FieldDescriptor*> fields;
  reflection->ListFields(*report, &fields);  // the set fields, in number order
  if (lists != nullptr) {
    for (int number :
         {Report::kArticlesFieldNumber, Report::kFindingsFieldNumber, Report::kCopiesFieldNumber}) {
      const FieldDescriptor* f = Report::descriptor()->FindFieldByNumber(number);
      if (std::find(fields.begin(), fields.end(), f) == fields.end()) fields.push_back(f);
    }
    std::sort(fields.begin(), fields.end(), [](const FieldDescriptor* a, const FieldDescriptor* b) {
      return a->number() < b->number();
    });
  }
  std::string piece;
  auto flush = [&](size_t at_least) {
    if (piece.size() < at_least) return absl::OkStatus();
    absl::Status s = sink->Append(v, piece);
    piece.clear();
    return s;
  };
  constexpr size_t kPiece = size_t{1} << 20;
  for (const FieldDescriptor* f : fields) {
    // Elements of `f` given serialized, by `lists`.
    auto emit = [&](absl::string_view bytes) {
      AppendField(f->number(), bytes, &piece);
      return flush(kPiece);
    };
    const bool listed = lists != nullptr && (f->number() == Report::kArticlesFieldNumber ||
                                             f->number() == Report::kCopiesFieldNumber);
    if (listed) {
      RETURN_IF_ERROR(f->number() == Report::kArticlesFieldNumber ? lists->Articles(emit)
                                                                  : lists->Copies(emit));
    } else if (f->is_repeated() && f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
      const int n = reflection->FieldSize(*report, f);
      for (int i = 0; i < n; ++i) {
        google::protobuf::Message& item = *reflection->MutableRepeatedMessage(report, f, i);
        AppendField(f->number(), item.SerializeAsString(), &piece);
        std::unique_ptr<google::protobuf::Message> empty(item.New());
        item.GetReflection()->Swap(&item, empty.get());  // frees what it held
        RETURN_IF_ERROR(flush(kPiece));
      }
      reflection->ClearField(report, f);
      ReleaseFreeMemory();  // (else the freed pages stay resident for a while)
      if (lists != nullptr && f->number() == Report::kFindingsFieldNumber) {
        RETURN_IF_ERROR(lists->Findings(emit));
      }
    } else {
      // Any other field: serialized alone, from a message that has only it.
      Report part;
      reflection->SwapFields(report, &part, {f});
      piece += part.SerializeAsString();
    }
  }
  return flush(1);
}

}  // namespace

absl::StatusOr<std::string> RenderJson(const Report& report) {
  std::string json;
  const auto status = google::protobuf::util::MessageToJsonString(report, &json, JsonOptions());
  if (!status.ok()) {
    return absl::InternalError(absl::StrCat("cannot render JSON: ", std::string(status.message())));
  }
  return json;
}

absl::Status WriteReportJson(Report report, std::ostream& out, ReportLists* lists) {
  // What MessageToJsonString does, with streams for its input and output:
  // the report's bytes, which wait in a temporary file past a few
  // megabytes, converted by the generated pool's type resolver.
  SpillStore sink(/*memory_budget=*/int64_t{16} << 20);
  const int bytes = sink.NewValue();
  RETURN_IF_ERROR(SerializeReleasing(&report, lists, &sink, bytes));
  const std::string type_url =
      absl::StrCat("type.googleapis.com/", Report::descriptor()->full_name());
  std::unique_ptr<google::protobuf::util::TypeResolver> resolver(
      google::protobuf::util::NewTypeResolverForDescriptorPool(
          "type.googleapis.com", google::protobuf::DescriptorPool::generated_pool()));
  SpillStore::Reader reader = sink.Stream(bytes);
  SpillInputStream input(&reader);
  absl::Status status;
  {
    google::protobuf::io::OstreamOutputStream output(&out);
    const auto converted = google::protobuf::util::BinaryToJsonStream(
        resolver.get(), type_url, &input, &output, JsonOptions());
    if (!reader.status().ok()) {
      status = reader.status();
    } else if (!converted.ok()) {
      status = absl::InternalError(
          absl::StrCat("cannot render JSON: ", std::string(converted.message())));
    }
  }
  if (status.ok() && !out) status = absl::DataLossError("cannot write the JSON");
  return status;
}

}  // namespace crosscheck
