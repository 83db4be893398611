// An ordered parallel map: items read in order by one producer, mapped on
// several threads, and their results handed to a consumer in input order,
// so what the consumer sees does not depend on the number of threads or on
// which finished first. Memory stays bounded however slow the consumer or
// fast the producer: at most `max_in_flight` items are between the two.
//
// Used for extraction (articles read, extracted on every core, handed on in
// input order) and for the comparison of claim groups (one turn per group).
//
// Example:
//   ParallelMapOptions options;
//   options.threads = 4;
//   options.max_in_flight = 256;
//   RETURN_IF_ERROR(OrderedParallelMap<std::string, int>(
//       options,
//       [&](absl::FunctionRef<absl::Status(std::string)> emit) {
//         for (const std::string& line : lines) RETURN_IF_ERROR(emit(line));
//         return absl::OkStatus();
//       },
//       [](std::string& line) { return static_cast<int>(line.size()); },
//       [&](int size) {
//         sizes.push_back(size);  // in the order of `lines`
//         return absl::OkStatus();
//       }));
#ifndef CROSSCHECK_CHECKER_PIPELINE_PARALLEL_MAP_H_
#define CROSSCHECK_CHECKER_PIPELINE_PARALLEL_MAP_H_

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "checker/base/status_macros.h"

namespace crosscheck {

struct ParallelMapOptions {
  // Threads that run `map` (at least one).
  int threads = 1;
  // Items emitted and not yet consumed, at most (the producer waits); 0: no
  // bound. When the bound is reached, the producer waits until half of them
  // are consumed: one wake-up per item costs more than producing one.
  int64_t max_in_flight = 0;
  // Items a thread takes at a time (and waits for): one wake-up per item
  // for every thread costs more than mapping a small item. A bound below it
  // counts as `batch`.
  int batch = 1;
};

// Calls `produce` on a thread of its own with an `emit` function, which it
// calls with each item in input order; `map` on `options.threads` threads
// with each item (concurrently: it must be thread-safe); and, on the calling
// thread, `consume` with each result in input order.
//
// The first error of `consume` ends the run: no item is mapped after it,
// `emit` returns a CancelledError from then on (which `produce` should
// return at once), and the run returns that error once every thread has
// stopped. Otherwise every item emitted is mapped and consumed, and the run
// returns what `produce` returned. Errors of `map` are for its Result to
// carry (e.g. an absl::StatusOr) and for `consume` to act on.
template <typename Item, typename Result>
absl::Status OrderedParallelMap(
    const ParallelMapOptions& options,
    absl::FunctionRef<absl::Status(absl::FunctionRef<absl::Status(Item)> emit)> produce,
    absl::FunctionRef<Result(Item&)> map, absl::FunctionRef<absl::Status(Result)> consume);

// OrderedParallelMap over the items 0, 1, ..., `n` - 1, known up front (no
// producer): `map` is called with each index on `threads` threads, the
// calling thread one of them (it maps while the next result is not ready:
// what it allocates stays in its own allocator arena, as when it did the
// work alone), and `consume` with each index and its result in index order,
// on the calling thread; `consume`'s first error ends the run, as above.
template <typename Result>
absl::Status OrderedParallelFor(int threads, size_t n, absl::FunctionRef<Result(size_t)> map,
                                absl::FunctionRef<absl::Status(size_t, Result)> consume);

// Implementation.

namespace parallel_map_internal {

// What the producer, the mapping threads and the consumer share.
template <typename Item, typename Result>
class Run {
 public:
  explicit Run(const ParallelMapOptions& options)
      : threads_(options.threads < 1 ? 1 : options.threads),
        batch_(options.batch < 1 ? size_t{1} : static_cast<size_t>(options.batch)),
        max_in_flight_(options.max_in_flight <= 0              ? 0
                       : options.max_in_flight < options.batch ? options.batch
                                                               : options.max_in_flight) {}

  int threads() const { return threads_; }

  // The producer's `emit`: queues `item` as the next one.
  absl::Status Emit(Item item) {
    absl::MutexLock lock(&mu_);
    while (!cancelled_ && max_in_flight_ > 0 && produced_ - next_ >= max_in_flight_) {
      room_.Wait(&mu_);
    }
    if (cancelled_) return absl::CancelledError("cancelled");
    todo_.emplace_back(produced_++, std::move(item));
    if (todo_.size() >= batch_) work_ready_.Signal();
    return absl::OkStatus();
  }

  // The producer is done: `status` is what it returned.
  void EndInput(absl::Status status) {
    absl::MutexLock lock(&mu_);
    input_done_ = true;
    produce_status_ = std::move(status);
    work_ready_.SignalAll();
    result_ready_.SignalAll();
  }

  // A mapping thread: takes items a batch at a time until the input ends or
  // the run is cancelled.
  void MapItems(absl::FunctionRef<Result(Item&)> map) {
    std::vector<std::pair<int64_t, Item>> batch;
    std::vector<std::pair<int64_t, Result>> results;
    while (TakeBatch(&batch)) MapBatch(&batch, map, &results);
  }

  // The consumer: hands the results on in input order until they are all
  // handed on or `consume` fails; returns its error, or OK. With `help`,
  // maps items itself while the next result is not ready.
  absl::Status ConsumeInOrder(absl::FunctionRef<absl::Status(Result)> consume,
                              const absl::FunctionRef<Result(Item&)>* help = nullptr) {
    std::vector<std::pair<int64_t, Item>> batch;
    std::vector<std::pair<int64_t, Result>> results;
    for (;;) {
      std::optional<Result> result = NextResult(help != nullptr ? &batch : nullptr);
      if (!batch.empty()) {
        MapBatch(&batch, *help, &results);
        continue;
      }
      if (!result.has_value()) return absl::OkStatus();  // all handed on
      RETURN_IF_ERROR(consume(std::move(*result)));
    }
  }

  // Stops every thread that waits (nothing more is mapped or emitted).
  void Cancel() {
    absl::MutexLock lock(&mu_);
    cancelled_ = true;
    work_ready_.SignalAll();
    result_ready_.SignalAll();
    room_.SignalAll();
  }

  // What `produce` returned (once it has returned).
  absl::Status produce_status() {
    absl::MutexLock lock(&mu_);
    return produce_status_;
  }

 private:
  // Waits for a batch of items (or the input's end) and moves it to
  // `batch`; false when there is nothing more to map.
  bool TakeBatch(std::vector<std::pair<int64_t, Item>>* batch) {
    batch->clear();
    absl::MutexLock lock(&mu_);
    while (!cancelled_ && todo_.size() < batch_ && !input_done_) work_ready_.Wait(&mu_);
    if (cancelled_ || todo_.empty()) return false;
    MoveBatch(batch);
    if (!todo_.empty()) work_ready_.Signal();  // more for another thread
    return true;
  }

  // Maps the items of `batch` (then empty) and leaves their results for the
  // consumer; `results`: the thread's own, reused.
  void MapBatch(std::vector<std::pair<int64_t, Item>>* batch, absl::FunctionRef<Result(Item&)> map,
                std::vector<std::pair<int64_t, Result>>* results) {
    results->clear();
    for (auto& [position, item] : *batch) results->emplace_back(position, map(item));
    batch->clear();
    absl::MutexLock lock(&mu_);
    bool has_next = false;
    for (auto& [position, result] : *results) {
      has_next |= position == next_;
      done_.emplace(position, std::move(result));
    }
    if (has_next) result_ready_.Signal();
  }

  // Waits for the next result in input order and takes it; none when all
  // were handed on. With `batch`, when the next result is not ready and
  // items wait to be mapped, moves a batch of them there instead (and
  // returns none).
  std::optional<Result> NextResult(std::vector<std::pair<int64_t, Item>>* batch) {
    absl::MutexLock lock(&mu_);
    while (done_.find(next_) == done_.end() && !(input_done_ && next_ == produced_)) {
      if (batch != nullptr && !cancelled_ && !todo_.empty()) {
        MoveBatch(batch);
        return std::nullopt;
      }
      result_ready_.Wait(&mu_);
    }
    auto it = done_.find(next_);
    if (it == done_.end()) return std::nullopt;
    std::optional<Result> result(std::move(it->second));
    done_.erase(it);
    ++next_;
    // The producer waits until half the items in flight are handed on.
    if (max_in_flight_ > 0 && produced_ - next_ == max_in_flight_ / 2) room_.Signal();
    return result;
  }

  // Moves up to a batch of items from todo_ to `batch`.
  void MoveBatch(std::vector<std::pair<int64_t, Item>>* batch) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    while (!todo_.empty() && batch->size() < batch_) {
      batch->push_back(std::move(todo_.front()));
      todo_.pop_front();
    }
  }

  const int threads_;
  const size_t batch_;
  const int64_t max_in_flight_;  // 0: no bound
  absl::Mutex mu_;
  absl::CondVar work_ready_;    // todo_ has a batch, or the input ended
  absl::CondVar result_ready_;  // done_ has the next result, or the input ended
  absl::CondVar room_;          // fewer items in flight
  std::deque<std::pair<int64_t, Item>> todo_ ABSL_GUARDED_BY(mu_);
  std::map<int64_t, Result> done_ ABSL_GUARDED_BY(mu_);
  int64_t produced_ ABSL_GUARDED_BY(mu_) = 0;
  int64_t next_ ABSL_GUARDED_BY(mu_) = 0;  // the next position to hand on
  bool input_done_ ABSL_GUARDED_BY(mu_) = false;
  bool cancelled_ ABSL_GUARDED_BY(mu_) = false;
  absl::Status produce_status_ ABSL_GUARDED_BY(mu_);
};

}  // namespace parallel_map_internal

template <typename Item, typename Result>
absl::Status OrderedParallelMap(
    const ParallelMapOptions& options,
    absl::FunctionRef<absl::Status(absl::FunctionRef<absl::Status(Item)> emit)> produce,
    absl::FunctionRef<Result(Item&)> map, absl::FunctionRef<absl::Status(Result)> consume) {
  parallel_map_internal::Run<Item, Result> run(options);
  std::thread producer([&] {
    absl::Status status = produce([&](Item item) { return run.Emit(std::move(item)); });
    run.EndInput(std::move(status));
  });
  std::vector<std::thread> mappers;
  for (int t = 0; t < run.threads(); ++t) mappers.emplace_back([&] { run.MapItems(map); });
  absl::Status status = run.ConsumeInOrder(consume);
  run.Cancel();
  producer.join();
  for (std::thread& m : mappers) m.join();
  if (!status.ok()) return status;
  return run.produce_status();
}

template <typename Result>
absl::Status OrderedParallelFor(int threads, size_t n, absl::FunctionRef<Result(size_t)> map,
                                absl::FunctionRef<absl::Status(size_t, Result)> consume) {
  ParallelMapOptions options;
  options.threads = threads;
  parallel_map_internal::Run<size_t, Result> run(options);
  for (size_t i = 0; i < n; ++i) run.Emit(i).IgnoreError();  // (no bound: no wait)
  run.EndInput(absl::OkStatus());
  auto map_index = [&](size_t& i) { return map(i); };
  const absl::FunctionRef<Result(size_t&)> help = map_index;
  std::vector<std::thread> mappers;
  for (int t = 1; t < run.threads(); ++t) mappers.emplace_back([&] { run.MapItems(map_index); });
  size_t consumed = 0;
  absl::Status status = run.ConsumeInOrder(
      [&](Result result) { return consume(consumed++, std::move(result)); }, &help);
  run.Cancel();
  for (std::thread& m : mappers) m.join();
  return status;
}

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_PIPELINE_PARALLEL_MAP_H_
