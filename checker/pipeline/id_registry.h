// The duplicate check on article ids across a whole input: each id and the
// path it came from are kept once, packed in large blocks (about 100 bytes
// an article; a map of strings took 300), and a JSONL file's path once for
// all its records.
//
// Example:
//   IdRegistry ids;
//   for (const Article& a : articles) RETURN_IF_ERROR(ids.Register(a.id(), a.path()));
#ifndef CROSSCHECK_CHECKER_PIPELINE_ID_REGISTRY_H_
#define CROSSCHECK_CHECKER_PIPELINE_ID_REGISTRY_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace crosscheck {

class IdRegistry {
 public:
  // Registers `id`, read from `path`; an InvalidArgument error naming both
  // paths when `id` was registered before (and `id` is not registered
  // again).
  absl::Status Register(absl::string_view id, absl::string_view path);

  // The size of a block of ids and paths (one id and path larger than it
  // gets a block of its own).
  static constexpr size_t kBlock = size_t{1} << 20;

 private:
  // The header packed before an id.
  struct Header {
    uint32_t file = 0;  // 1 + index into files_ of the path's file, or 0
    uint32_t rest = 0;  // the length of the rest of the path
  };

  // Copies [header][id][path, or the part after its file] into a block;
  // returns the id's copy. A JSONL record's path is its file's, a colon and
  // its line: the file's path is kept once (at 1 GB, 20 MB less).
  absl::string_view Pack(absl::string_view id, absl::string_view path);

  // The path packed after `id` (a view Pack returned).
  std::string PathOf(absl::string_view id) const;

  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t block_size_ = 0;                        // of the last block
  size_t used_ = 0;                              // of the last block
  absl::flat_hash_set<absl::string_view> seen_;  // views into blocks_
  std::vector<std::string> files_;
  absl::flat_hash_map<std::string, size_t> file_index_;
  size_t last_file_ = 0;  // of the last path packed with a file
};

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_PIPELINE_ID_REGISTRY_H_
