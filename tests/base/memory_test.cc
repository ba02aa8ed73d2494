#include "base/memory.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <cstring>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace clausegap {
namespace {

#ifdef __GLIBC__
// A 4 MiB block is mapped on its own by default (over 128 KiB) and unmapped
// when freed; once freed memory is kept, it comes from the heap.
TEST_CASE("after KeepFreedMemory a block of a few MiB comes from the heap, not its own mapping") {
  KeepFreedMemory();
  const std::size_t mapped_before = mallinfo2().hblks;
  void* block = std::malloc(4 << 20);
  REQUIRE(block != nullptr);
  std::memset(block, 1, 4 << 20);
  CHECK(mallinfo2().hblks == mapped_before);
  std::free(block);
}
#endif

}  // namespace
}  // namespace clausegap
