#include "checker/pipeline/id_registry.h"

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace crosscheck {

absl::Status IdRegistry::Register(absl::string_view id, absl::string_view path) {
  auto it = seen_.find(id);
  if (it == seen_.end()) {
    seen_.insert(Pack(id, path));
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError(
      absl::StrCat(path, ": duplicate article id '", id, "' (also ", PathOf(*it),
                   "); ids must be unique: rename the file or fix the \"id\""));
}

absl::string_view IdRegistry::Pack(absl::string_view id, absl::string_view path) {
  Header header;
  const size_t colon = path.rfind(':');
  if (colon != absl::string_view::npos && colon + 1 < path.size() &&
      std::all_of(path.begin() + colon + 1, path.end(), absl::ascii_isdigit)) {
    const absl::string_view file = path.substr(0, colon);
    if (files_.empty() || files_[last_file_] != file) {  // (mostly the last one's)
      auto [it, added] = file_index_.try_emplace(std::string(file), files_.size());
      if (added) files_.emplace_back(file);
      last_file_ = it->second;
    }
    header.file = static_cast<uint32_t>(last_file_) + 1;
    path = path.substr(colon);
  }
  header.rest = static_cast<uint32_t>(path.size());
  const size_t size = sizeof(Header) + id.size() + path.size();
  if (blocks_.empty() || used_ + size > block_size_) {
    block_size_ = std::max(kBlock, size);
    blocks_.push_back(std::make_unique<char[]>(block_size_));
    used_ = 0;
  }
  char* at = blocks_.back().get() + used_;
  used_ += size;
  std::memcpy(at, &header, sizeof(header));
  std::memcpy(at + sizeof(header), id.data(), id.size());
  std::memcpy(at + sizeof(header) + id.size(), path.data(), path.size());
  return absl::string_view(at + sizeof(header), id.size());
}

std::string IdRegistry::PathOf(absl::string_view id) const {
  Header header;
  std::memcpy(&header, id.data() - sizeof(header), sizeof(header));
  const absl::string_view rest(id.data() + id.size(), header.rest);
  if (header.file == 0) return std::string(rest);
  return absl::StrCat(files_[header.file - 1], rest);
}

}  // namespace crosscheck
