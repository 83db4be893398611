#include "checker/storage/atomic_file.h"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "absl/status/status.h"
#include "checker/internal/testing.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

std::string Read(const std::string& path) {
  std::ifstream in(path);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

TEST(WriteFileAtomicallyTest, ReplacesWholeAndLeavesNoTemporary) {
  std::string dir = std::string(std::getenv("TEST_TMPDIR")) + "/atomic";
  std::filesystem::create_directories(dir);
  std::string path = dir + "/f.txt";
  ASSERT_OK(WriteFileAtomically(path, "first"));
  ASSERT_OK(WriteFileAtomically(path, "second"));
  EXPECT_EQ(Read(path), "second");
  int entries = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) entries += !e.path().empty();
  EXPECT_EQ(entries, 1);
}

// A writer that fails halfway leaves the old file as it was, and no
// temporary file.
TEST(WriteFileAtomicallyTest, AStreamedWriterThatFailsChangesNothing) {
  std::string dir = std::string(std::getenv("TEST_TMPDIR")) + "/atomic_stream";
  std::filesystem::create_directories(dir);
  std::string path = dir + "/f.json";
  ASSERT_OK(WriteFileAtomicallyFrom(path, [](std::ostream& out) {
    out << "{\"whole\": true}";
    return absl::OkStatus();
  }));
  absl::Status failed = WriteFileAtomicallyFrom(path, [](std::ostream& out) {
    out << "{\"half";
    return absl::InternalError("cannot render JSON");
  });
  EXPECT_EQ(failed.code(), absl::StatusCode::kInternal);
  EXPECT_EQ(Read(path), "{\"whole\": true}");
  int entries = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) entries += !e.path().empty();
  EXPECT_EQ(entries, 1);
}

TEST(WriteFileAtomicallyTest, ASpecialFileIsWrittenThroughNotReplaced) {
  // `--output=/dev/null` once replaced the device with a regular file.
  std::string fifo = std::string(std::getenv("TEST_TMPDIR")) + "/fifo";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  std::string received;
  std::thread reader([&] { received = Read(fifo); });
  ASSERT_OK(WriteFileAtomically(fifo, "through"));
  reader.join();
  EXPECT_EQ(received, "through");
  EXPECT_TRUE(std::filesystem::is_fifo(fifo));
}

TEST(WriteFileAtomicallyTest, FailureLeavesTheTargetAlone) {
  EXPECT_FALSE(WriteFileAtomically("/nonexistent-dir/f.txt", "x").ok());
}

}  // namespace
}  // namespace crosscheck
