// The allocator policy of a process that analyses many documents.
#ifndef CLAUSEGAP_BASE_MEMORY_H_
#define CLAUSEGAP_BASE_MEMORY_H_

namespace clausegap {

/// Has the C library's allocator keep the memory one document freed for the
/// next instead of returning it to the system: blocks of up to 32 MiB come
/// from the heap rather than from their own mappings, and up to 64 MiB free
/// at the heap's top stays there. Each document allocates and frees a few
/// MiB; returned and taken again, they cost a page fault per 4 KiB, a fifth
/// of a batch's CPU time. The peak stays the peak: memory is reused, not
/// added. Process-wide; call once at start-up, before threads start. No-op
/// without glibc.
void KeepFreedMemory();

}  // namespace clausegap

#endif  // CLAUSEGAP_BASE_MEMORY_H_
