// Tests of the ordered worker pool: input order kept whatever the timing,
// bounded in-flight window, stop.
#include "batch/ordered_pool.h"

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include <doctest/doctest.h>

namespace clausegap::batch {
namespace {

TEST_CASE("results come back in input order with several workers") {
  std::atomic<bool> stop{false};
  std::vector<int> out;
  std::uint64_t n = RunOrdered<int, int>(
      3, 4, 8,
      [](const std::function<bool(int&&)>& push) {
        for (int i = 0; i < 200; ++i) {
          if (!push(int(i))) return;
        }
      },
      [](int&& item, int) {
        // Early items take longest, so they finish last.
        if (item % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(300));
        return item * 2;
      },
      [&](int&& result) { out.push_back(result); }, stop);
  CHECK(n == 200);
  REQUIRE(out.size() == 200);
  for (int i = 0; i < 200; ++i) CHECK(out[static_cast<std::size_t>(i)] == i * 2);
}

TEST_CASE("no more than the window is in flight") {
  std::atomic<bool> stop{false};
  std::atomic<int> in_flight{0};
  std::atomic<int> max_in_flight{0};
  RunOrdered<int, int>(
      2, 2, 4,
      [&](const std::function<bool(int&&)>& push) {
        for (int i = 0; i < 100; ++i) {
          int now = ++in_flight;
          int seen = max_in_flight.load();
          while (now > seen && !max_in_flight.compare_exchange_weak(seen, now)) {
          }
          if (!push(int(i))) return;
        }
      },
      [](int&& item, int) { return item; },
      [&](int&&) {
        std::this_thread::sleep_for(std::chrono::microseconds(100));
        --in_flight;
      },
      stop);
  // The producer counts an item before pushing it, so it may be one ahead.
  CHECK(max_in_flight.load() <= 5);
}

TEST_CASE("a slow item does not stop the other worker while the window has room") {
  std::atomic<bool> stop{false};
  std::atomic<int> done_while_slow{0};
  std::atomic<bool> slow_running{false};
  RunOrdered<int, int>(
      2, 2, 64,
      [](const std::function<bool(int&&)>& push) {
        for (int i = 0; i < 40; ++i) push(int(i));
      },
      [&](int&& item, int) {
        if (item == 0) {
          slow_running = true;
          std::this_thread::sleep_for(std::chrono::milliseconds(200));
          slow_running = false;
        } else if (slow_running) {
          ++done_while_slow;
        }
        return item;
      },
      [](int&&) {}, stop);
  // Everything after the slow first item fits in the window, so the other
  // worker finishes it all while item 0 is still running.
  CHECK(done_while_slow.load() >= 35);  // a few may start before item 0 does
}

TEST_CASE("each worker index is in range, and one worker runs everything in order") {
  std::atomic<bool> stop{false};
  std::vector<int> workers_seen;
  std::vector<std::string> out;
  RunOrdered<std::string, std::string>(
      1, 1, 1,
      [](const std::function<bool(std::string&&)>& push) {
        for (const char* s : {"a", "b", "c"}) push(std::string(s));
      },
      [&](std::string&& item, int worker) {
        CHECK(worker == 0);
        return item + "!";
      },
      [&](std::string&& r) { out.push_back(r); }, stop);
  CHECK(out == std::vector<std::string>{"a!", "b!", "c!"});
}

TEST_CASE("stop ends the run early and drops the rest") {
  std::atomic<bool> stop{false};
  int consumed = 0;
  std::uint64_t n = RunOrdered<int, int>(
      2, 2, 4,
      [](const std::function<bool(int&&)>& push) {
        for (int i = 0; i < 100000; ++i) {
          if (!push(int(i))) return;
        }
      },
      [](int&& item, int) { return item; },
      [&](int&&) {
        if (++consumed == 10) stop.store(true);
      },
      stop);
  CHECK(n == 10);
  CHECK(consumed == 10);
}

TEST_CASE("an empty input finishes at once") {
  std::atomic<bool> stop{false};
  std::uint64_t n = RunOrdered<int, int>(
      4, 8, 16, [](const std::function<bool(int&&)>&) {}, [](int&& i, int) { return i; },
      [](int&&) { FAIL("nothing to consume"); }, stop);
  CHECK(n == 0);
}

}  // namespace
}  // namespace clausegap::batch
