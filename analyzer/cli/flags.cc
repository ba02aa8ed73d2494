#include "cli/flags.h"

#include <charconv>
#include <cstdlib>

#include "i18n/messages.h"

namespace clausegap::cli {

Expected<int> ParseCount(std::string_view text) {
  int value = -1;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec == std::errc() && end == text.data() + text.size() && value >= 0 && value <= 100000) {
    return value;
  }
  i18n::Lang lang =
      i18n::LangFromEnvironment(std::getenv("LC_ALL"), std::getenv("LC_MESSAGES"), std::getenv("LANG"));
  return MakeError(ErrorCode::kUsage, "'" + std::string(text) + "': " +
                                          std::string(i18n::Text(lang, i18n::Msg::kCountRange)));
}

}  // namespace clausegap::cli
