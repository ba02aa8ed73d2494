// Runs work items on N threads and hands the results back in input order.
//
// One producer (the calling thread's |produce| callback, run on a feeder
// thread) generates items; |jobs| workers process them; the calling thread
// consumes the results strictly in the order the items were produced. At
// most |queued| items wait for a worker (items can be large: archive members
// in memory) and at most |window| are in flight (produced but not yet
// consumed; finished results are small), so memory is bounded by these, not
// by the number of items. One slow item delays the output of later ones, not
// their processing, until the window is full.
#ifndef CLAUSEGAP_BATCH_ORDERED_POOL_H_
#define CLAUSEGAP_BATCH_ORDERED_POOL_H_

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace clausegap::batch {

/// Runs the pipeline and returns when every produced item was consumed, or
/// as soon as |stop| becomes true (items not yet consumed are dropped).
/// |produce(push)| calls push(item) for each item; push returns false when
/// the run is stopping, and produce should then return. |work(item, worker)|
/// runs on worker |worker| (0 ≤ worker < jobs) and must not throw.
/// |consume(result)| runs on the calling thread. Returns the number of
/// results consumed.
template <typename Item, typename Result>
std::uint64_t RunOrdered(int jobs, std::size_t queued, std::size_t window,
                         const std::function<void(const std::function<bool(Item&&)>&)>& produce,
                         const std::function<Result(Item&&, int)>& work,
                         const std::function<void(Result&&)>& consume,
                         const std::atomic<bool>& stop) {
  if (jobs < 1) jobs = 1;
  if (queued < 1) queued = 1;
  if (window < static_cast<std::size_t>(jobs) + queued) window = static_cast<std::size_t>(jobs) + queued;

  std::mutex mu;
  std::condition_variable cv;  // every state change: simple and rarely contended
  std::deque<std::pair<std::uint64_t, Item>> queue;
  std::map<std::uint64_t, Result> done;
  std::uint64_t produced = 0;
  std::uint64_t consumed = 0;
  bool producing = true;
  bool quit = false;

  auto stopping = [&] { return quit || stop.load(std::memory_order_relaxed); };

  std::thread feeder([&] {
    produce([&](Item&& item) {
      std::unique_lock lock(mu);
      cv.wait(lock, [&] {
        return stopping() || (queue.size() < queued && produced - consumed < window);
      });
      if (stopping()) return false;
      queue.emplace_back(produced++, std::move(item));
      cv.notify_all();
      return true;
    });
    std::lock_guard lock(mu);
    producing = false;
    cv.notify_all();
  });

  std::vector<std::thread> workers;
  workers.reserve(static_cast<std::size_t>(jobs));
  for (int w = 0; w < jobs; ++w) {
    workers.emplace_back([&, w] {
      while (true) {
        std::unique_lock lock(mu);
        cv.wait(lock, [&] { return stopping() || !queue.empty() || !producing; });
        if (stopping() || queue.empty()) return;
        auto [seq, item] = std::move(queue.front());
        queue.pop_front();
        lock.unlock();
        Result result = work(std::move(item), w);
        lock.lock();
        done.emplace(seq, std::move(result));
        cv.notify_all();
      }
    });
  }

  while (true) {
    std::unique_lock lock(mu);
    // Wake up at least every 100 ms so that |stop| is noticed even when
    // nothing else happens (it is set from a signal handler).
    cv.wait_for(lock, std::chrono::milliseconds(100), [&] {
      return stop.load(std::memory_order_relaxed) || done.count(consumed) != 0 ||
             (!producing && consumed == produced);
    });
    if (stop.load(std::memory_order_relaxed)) break;
    auto it = done.find(consumed);
    if (it == done.end()) {
      if (!producing && consumed == produced) break;
      continue;
    }
    Result result = std::move(it->second);
    done.erase(it);
    lock.unlock();
    consume(std::move(result));
    lock.lock();
    ++consumed;
    cv.notify_all();
  }
  {
    std::lock_guard lock(mu);
    quit = true;
    cv.notify_all();
  }
  feeder.join();
  for (std::thread& t : workers) t.join();
  return consumed;
}

}  // namespace clausegap::batch

#endif  // CLAUSEGAP_BATCH_ORDERED_POOL_H_
