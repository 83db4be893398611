// Claims files: what `crosscheck extract` writes and the comparison stage
// reads (proto/claims_file.proto). A gzip stream (or, in older files, the
// bare stream) of delimited ClaimsRecord messages: a header naming the
// format, then one record per article's claims or per skipped bad input.
// Writers give deterministic bytes; the reader names the file and the byte
// where a file is not a claims file, is cut short or is corrupt.
//
// Example:
//   std::string records = ClaimsFileHeaderRecord();
//   for (const ArticleClaims& a : articles) absl::StrAppend(&records, ClaimsFileRecord(a));
//   RETURN_IF_ERROR(WriteFileAtomically("out.claims", ClaimsFileBytes(records)));
//   ...
//   RETURN_IF_ERROR(ReadClaimsFile(
//       "out.claims", [&](ArticleClaims a) { return builder.Add(std::move(a)); },
//       [&](Problem p) { builder.AddProblem(std::move(p)); }));
#ifndef CROSSCHECK_CHECKER_STORAGE_CLAIMS_FILE_H_
#define CROSSCHECK_CHECKER_STORAGE_CLAIMS_FILE_H_

#include <string>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "proto/claim.pb.h"
#include "proto/report.pb.h"

namespace crosscheck {

// The records of a claims file: `ClaimsFileHeaderRecord` first, then one
// per article or problem, each a delimited ClaimsRecord. Deterministic
// bytes.
std::string ClaimsFileHeaderRecord();
std::string ClaimsFileRecord(const ArticleClaims& article);
std::string ClaimsFileProblemRecord(const Problem& problem);

// The bytes of a claims file made of `records` (the functions above): gzip
// (zlib level 1, no name or time in its header: deterministic). Copy
// fingerprints and quotes make the records larger than the articles' text;
// compressed, they are about half the size.
std::string ClaimsFileBytes(absl::string_view records);

// Whether `path` names a claims file (by its `.claims` extension).
bool IsClaimsFile(const std::string& path);

// Streams the records of the claims file `path` (gzip, or records as they
// are) to `add_article` and `add_problem`; stops at, and returns, the first
// error of `add_article`. A file that is not a claims file, or is cut short
// (also between two records: gzip's size trailer tells), is an
// InvalidArgument error naming the file and the byte offset (in the
// uncompressed records); a file that cannot be opened is NotFound.
absl::Status ReadClaimsFile(const std::string& path,
                            absl::FunctionRef<absl::Status(ArticleClaims)> add_article,
                            absl::FunctionRef<void(Problem)> add_problem);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_STORAGE_CLAIMS_FILE_H_
