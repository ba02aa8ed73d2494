#include "base/memory.h"

#include <cstdlib>  // defines __GLIBC__ with glibc

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace clausegap {

void KeepFreedMemory() {
#ifdef __GLIBC__
  // Setting either fixes both: glibc then stops raising them on its own.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
}

}  // namespace clausegap
