// castkit SDK: memory hints for importers and exporters that build large buffers.
#pragma once

#include <cstddef>

namespace castkit {

/// Asks the kernel to back the freshly reserved, not yet written buffer [data, data + bytes)
/// with transparent huge pages, so filling it costs a few hundred page faults instead of
/// thousands. Only buffers of at least 4 MiB are advised; elsewhere, and where the system does
/// not support it, this does nothing. Call it right after reserving (before writing).
void advise_huge_pages(const void* data, std::size_t bytes);

}  // namespace castkit
