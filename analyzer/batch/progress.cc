#include "batch/progress.h"

#include <cinttypes>

namespace clausegap::batch {
namespace {

std::string Duration(double seconds) {
  auto s = static_cast<std::uint64_t>(seconds + 0.5);
  char buffer[32];
  if (s >= 3600) {
    std::snprintf(buffer, sizeof buffer, "%" PRIu64 ":%02u:%02u", s / 3600,
                  static_cast<unsigned>(s / 60 % 60), static_cast<unsigned>(s % 60));
  } else {
    std::snprintf(buffer, sizeof buffer, "%u:%02u", static_cast<unsigned>(s / 60),
                  static_cast<unsigned>(s % 60));
  }
  return buffer;
}

}  // namespace

Progress::Progress(bool enabled, std::FILE* out)
    : enabled_(enabled), out_(out), start_(std::chrono::steady_clock::now()) {}

std::string Progress::Render(std::uint64_t done, std::uint64_t errors, std::uint64_t total,
                             bool total_final, double seconds) {
  constexpr int kWidth = 24;
  std::string bar;
  if (total_final && total > 0) {
    int filled = static_cast<int>(kWidth * done / total);
    bar = "[" + std::string(filled, '#') + std::string(kWidth - filled, '.') + "] ";
  }
  double rate = seconds > 0 ? done / seconds : 0;
  char buffer[160];
  std::snprintf(buffer, sizeof buffer, "%" PRIu64 "/%" PRIu64 "%s files  %.0f/s", done, total,
                total_final ? "" : "+", rate);
  std::string line = bar + buffer;
  if (total_final && rate > 0 && done < total) {
    line += "  ETA " + Duration((total - done) / rate);
  }
  line += "  errors " + std::to_string(errors);
  return line;
}

void Progress::Update(std::uint64_t done, std::uint64_t errors, std::uint64_t total,
                      bool total_final) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - start_ < std::chrono::seconds(1)) return;
  if (drawn_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  double seconds = std::chrono::duration<double>(now - start_).count();
  std::string line = Render(done, errors, total, total_final, seconds);
  // Pad over what the previous line left on screen.
  std::size_t shown = line.size();
  if (shown < width_) line.append(width_ - shown, ' ');
  width_ = shown;
  std::fprintf(out_, "\r%s", line.c_str());
  std::fflush(out_);
  drawn_ = true;
}

void Progress::Clear() {
  if (!enabled_ || !drawn_) return;
  std::fprintf(out_, "\r%s\r", std::string(width_, ' ').c_str());
  std::fflush(out_);
  drawn_ = false;
  width_ = 0;
}

}  // namespace clausegap::batch
