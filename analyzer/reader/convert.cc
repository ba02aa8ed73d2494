#include "reader/convert.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include "base/file.h"

namespace clausegap::reader {
namespace {

namespace fs = std::filesystem;

bool IsExecutable(const fs::path& path) {
  std::error_code ec;
  return fs::is_regular_file(path, ec) && access(path.c_str(), X_OK) == 0;
}

// A temporary directory removed with its contents when the object goes.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "clausegap-convert-XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// Runs |argv| in its own process group with stdin, stdout and stderr on
// /dev/null; returns its exit status, or -1 when it had to be killed after
// |seconds| (the whole group is killed: soffice starts helpers).
int RunWithDeadline(const std::vector<std::string>& argv, int seconds) {
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = fork();
  if (pid < 0) return -2;
  if (pid == 0) {
    setpgid(0, 0);
    int null = open("/dev/null", O_RDWR);
    if (null >= 0) {
      dup2(null, 0);
      dup2(null, 1);
      dup2(null, 2);
    }
    execv(args[0], args.data());
    _exit(127);
  }
  setpgid(pid, pid);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  int status = 0;
  while (true) {
    pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) return -2;
    if (std::chrono::steady_clock::now() >= deadline) {
      kill(-pid, SIGKILL);
      while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
      }
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  // Helpers left in the group (a stuck oosplash …) go with it.
  kill(-pid, SIGKILL);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

std::string FindSoffice() {
  if (const char* path = std::getenv("PATH")) {
    std::string_view rest(path);
    while (!rest.empty()) {
      std::size_t colon = rest.find(':');
      std::string_view dir = rest.substr(0, colon);
      if (!dir.empty()) {
        for (const char* exe : {"soffice", "libreoffice"}) {
          fs::path candidate = fs::path(std::string(dir)) / exe;
          if (IsExecutable(candidate)) return candidate.string();
        }
      }
      if (colon == std::string_view::npos) break;
      rest.remove_prefix(colon + 1);
    }
  }
  fs::path fallback = "/usr/lib/libreoffice/program/soffice";
  return IsExecutable(fallback) ? fallback.string() : std::string();
}

Expected<std::string> ConvertToDocx(std::string_view bytes, std::string_view extension,
                                    const std::string& name, int seconds) {
  const std::string what = "legacy ." + std::string(extension);
  std::string soffice = FindSoffice();
  if (soffice.empty()) {
    return MakeError(ErrorCode::kConversion,
                     name + ": " + what + ": --convert-legacy needs LibreOffice, which is not "
                     "installed (apt-get install libreoffice-writer-nogui), or save the file as .docx");
  }
  TempDir dir;
  if (dir.path().empty()) {
    return MakeError(ErrorCode::kConversion, name + ": " + what + ": cannot create a temporary directory");
  }
  fs::path input = dir.path() / ("contract." + std::string(extension));
  {
    std::ofstream out(input, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
      return MakeError(ErrorCode::kConversion, name + ": " + what + ": cannot write a temporary copy");
    }
  }
  // An isolated profile: no shared lock with a running LibreOffice, no
  // settings or macros from the user's own.
  std::string profile = "-env:UserInstallation=file://" + (dir.path() / "profile").string();
  int status = RunWithDeadline({soffice, profile, "--headless", "--invisible", "--norestore",
                                "--nolockcheck", "--nodefault", "--nologo", "--convert-to",
                                "docx:MS Word 2007 XML", "--outdir", (dir.path() / "out").string(),
                                input.string()},
                               seconds);
  if (status == -1) {
    return MakeError(ErrorCode::kConversion, name + ": " + what + ": LibreOffice took longer than " +
                                                 std::to_string(seconds) + " s to convert it; stopped");
  }
  fs::path output = dir.path() / "out" / "contract.docx";
  std::error_code ec;
  if (status != 0 || !fs::exists(output, ec)) {
    return MakeError(ErrorCode::kConversion,
                     name + ": " + what + ": LibreOffice could not convert it (exit status " +
                         std::to_string(status) + "): damaged or not a Word file?");
  }
  auto converted = ReadFileCapped(output.string(), 256ull << 20);
  if (!converted) {
    return MakeError(ErrorCode::kConversion, name + ": " + what + ": " + converted.error().message);
  }
  return converted;
}

}  // namespace clausegap::reader
