#include "cli/audit.h"

namespace clausegap::cli {

std::string IsoUtc(std::time_t when) {
  std::tm utc{};
  gmtime_r(&when, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

}  // namespace clausegap::cli
