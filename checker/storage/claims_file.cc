#include "checker/storage/claims_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <string>
#include <utility>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "checker/base/status_macros.h"
#include "checker/storage/delimited.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/gzip_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/util/delimited_message_util.h"
#include "proto/claims_file.pb.h"

namespace crosscheck {
namespace {

constexpr char kClaimsFormat[] = "crosscheck.claims/1";

std::string Record(const ClaimsRecord& record) {
  std::string out;
  AppendDelimited(record, &out);
  return out;
}

// The last four bytes of the file `fd`, little-endian: a gzip file's ISIZE.
// 0 when the file is shorter.
uint32_t GzipSizeTrailer(int fd) {
  struct stat st;
  unsigned char b[4];
  if (fstat(fd, &st) != 0 || st.st_size < 4 ||
      pread(fd, b, sizeof(b), st.st_size - 4) != static_cast<ssize_t>(sizeof(b))) {
    return 0;
  }
  return static_cast<uint32_t>(b[0]) | static_cast<uint32_t>(b[1]) << 8 |
         static_cast<uint32_t>(b[2]) << 16 | static_cast<uint32_t>(b[3]) << 24;
}

// Whether `file` starts with gzip's magic bytes (what `extract` writes), or
// holds the records as they are (older files); reads nothing away.
bool StartsGzipped(google::protobuf::io::FileInputStream* file) {
  const void* data = nullptr;
  int size = 0;
  if (!file->Next(&data, &size) || size <= 0) return false;
  const auto* bytes = static_cast<const unsigned char*>(data);
  const bool gzipped = size >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;
  file->BackUp(size);
  return gzipped;
}

// A claims file being read: where it is, and what its errors say.
struct ClaimsFileReading {
  const std::string& path;
  int fd;
  bool gzipped;
  const google::protobuf::io::GzipInputStream& gunzip;
  std::string expected = absl::StrCat("; expected a claims file written by `crosscheck extract` (",
                                      kClaimsFormat, ")");

  // Why the record at `offset` did not parse (`clean_eof`: the stream ended
  // before it), or OK at the end of a file that held `records` whole.
  absl::Status Stopped(int64_t offset, bool clean_eof, int64_t records) const {
    if (gzipped && gunzip.ZlibErrorMessage() != nullptr) {
      return absl::InvalidArgumentError(absl::StrCat(
          path, ": byte ", offset, " (uncompressed): the compressed data is corrupt (zlib: ",
          gunzip.ZlibErrorMessage(), ")", expected));
    }
    // A gzip file ends with the size of what it holds (mod 2^32): a file
    // cut between two records would otherwise read as whole.
    if (gzipped && clean_eof && GzipSizeTrailer(fd) != static_cast<uint32_t>(offset)) {
      return absl::InvalidArgumentError(absl::StrCat(
          path, ": byte ", offset,
          " (uncompressed): the compressed data ends early (the file is truncated)", expected));
    }
    if (clean_eof && records > 0) return absl::OkStatus();
    return absl::InvalidArgumentError(absl::StrCat(
        path, ": byte ", offset, gzipped ? " (uncompressed)" : "", ": ",
        clean_eof ? "empty file" : "not a claims record (truncated or another format)", expected));
  }
};

}  // namespace

std::string ClaimsFileHeaderRecord() {
  ClaimsRecord r;
  r.mutable_header()->set_format(kClaimsFormat);
  return Record(r);
}

std::string ClaimsFileRecord(const ArticleClaims& article) {
  ClaimsRecord r;
  *r.mutable_article() = article;
  return Record(r);
}

std::string ClaimsFileProblemRecord(const Problem& problem) {
  ClaimsRecord r;
  *r.mutable_problem() = problem;
  return Record(r);
}

std::string ClaimsFileBytes(absl::string_view records) {
  std::string out;
  {
    google::protobuf::io::StringOutputStream stream(&out);
    google::protobuf::io::GzipOutputStream::Options options;
    options.format = google::protobuf::io::GzipOutputStream::GZIP;
    options.compression_level = 1;  // extraction is the bottleneck, not bytes
    google::protobuf::io::GzipOutputStream gzip(&stream, options);
    google::protobuf::io::CodedOutputStream coded(&gzip);
    coded.WriteRaw(records.data(), static_cast<int>(records.size()));
  }
  return out;
}

bool IsClaimsFile(const std::string& path) { return absl::EndsWith(path, ".claims"); }

absl::Status ReadClaimsFile(const std::string& path,
                            absl::FunctionRef<absl::Status(ArticleClaims)> add_article,
                            absl::FunctionRef<void(Problem)> add_problem) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return absl::NotFoundError(absl::StrCat(path, ": cannot open file"));
  google::protobuf::io::FileInputStream file(fd);
  file.SetCloseOnDelete(true);
  const bool gzipped = StartsGzipped(&file);
  google::protobuf::io::GzipInputStream gunzip(&file, google::protobuf::io::GzipInputStream::GZIP);
  google::protobuf::io::ZeroCopyInputStream& input =
      gzipped ? static_cast<google::protobuf::io::ZeroCopyInputStream&>(gunzip) : file;
  const ClaimsFileReading reading{path, fd, gzipped, gunzip};
  int64_t records = 0;
  for (;;) {
    const int64_t offset = input.ByteCount();
    ClaimsRecord record;
    bool clean_eof = false;
    if (!google::protobuf::util::ParseDelimitedFromZeroCopyStream(&record, &input, &clean_eof)) {
      return reading.Stopped(offset, clean_eof, records);
    }
    if (records++ == 0) {
      if (!record.has_header() || record.header().format() != kClaimsFormat) {
        return absl::InvalidArgumentError(
            absl::StrCat(path, ": byte 0: no claims file header", reading.expected));
      }
      continue;
    }
    switch (record.record_case()) {
      case ClaimsRecord::kArticle:
        RETURN_IF_ERROR(add_article(std::move(*record.mutable_article())));
        break;
      case ClaimsRecord::kProblem: add_problem(std::move(*record.mutable_problem())); break;
      default:
        return absl::InvalidArgumentError(
            absl::StrCat(path, ": byte ", offset, ": unexpected record", reading.expected));
    }
  }
}

}  // namespace crosscheck
