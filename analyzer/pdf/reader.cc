#include "pdf/reader.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <mutex>
#include <new>
#include <utility>
#include <vector>

#include "base/file.h"

#if defined(__SANITIZE_ADDRESS__)
#define CLAUSEGAP_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CLAUSEGAP_ASAN 1
#endif
#endif

namespace clausegap::pdf {

// Defined in pdf/poppler/extract.cc, linked only into the programs that run
// poppler themselves (clausegap-pdf, the library, tests, fuzzers); weak, so
// that the clausegap executable, which reads PDFs through clausegap-pdf,
// loads neither poppler nor its libraries.
Expected<std::vector<Paragraph>> ExtractParagraphs(std::string_view bytes, const std::string& name,
                                                   const PdfLimits& limits)
    __attribute__((weak));

namespace {

// Runs ExtractParagraphs, or says it is not part of this program.
Expected<std::vector<Paragraph>> ExtractHere(std::string_view bytes, const std::string& name,
                                            const PdfLimits& limits) {
  if (&ExtractParagraphs == nullptr) {
    return MakeError(ErrorCode::kUnsupported,
                     name + ": this program reads PDFs only through the clausegap-pdf helper");
  }
  return ExtractParagraphs(bytes, name, limits);
}

std::string MiB(std::uint64_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

// The wire format from the child: 'P', count, then (page, length, text) per
// paragraph; or 'E', code, length, message. Integers are 4 bytes, host order.
void PutU32(std::string* out, std::uint32_t v) { out->append(reinterpret_cast<const char*>(&v), 4); }

bool GetU32(std::string_view* in, std::uint32_t* v) {
  if (in->size() < 4) return false;
  std::memcpy(v, in->data(), 4);
  in->remove_prefix(4);
  return true;
}

std::string Encode(const Expected<std::vector<Paragraph>>& result) {
  std::string out;
  if (!result) {
    out += 'E';
    PutU32(&out, static_cast<std::uint32_t>(result.error().code));
    PutU32(&out, static_cast<std::uint32_t>(result.error().message.size()));
    out += result.error().message;
    return out;
  }
  out += 'P';
  PutU32(&out, static_cast<std::uint32_t>(result->size()));
  for (const Paragraph& p : *result) {
    PutU32(&out, static_cast<std::uint32_t>(p.page));
    PutU32(&out, static_cast<std::uint32_t>(p.text.size()));
    out += p.text;
  }
  return out;
}

Expected<std::vector<Paragraph>> Decode(std::string_view in, const std::string& name) {
  auto corrupt = [&] {
    return MakeError(ErrorCode::kCorruptPdf, name + ": the PDF reader stopped without a result");
  };
  if (in.empty()) return corrupt();
  char tag = in.front();
  in.remove_prefix(1);
  std::uint32_t a = 0, b = 0;
  if (tag == 'E') {
    if (!GetU32(&in, &a) || !GetU32(&in, &b) || in.size() != b) return corrupt();
    return MakeError(static_cast<ErrorCode>(a), std::string(in));
  }
  if (tag != 'P' || !GetU32(&in, &a)) return corrupt();
  std::vector<Paragraph> out;
  for (std::uint32_t i = 0; i < a; ++i) {
    if (!GetU32(&in, &b)) return corrupt();
    Paragraph p;
    p.page = static_cast<int>(b);
    if (!GetU32(&in, &b) || in.size() < b) return corrupt();
    p.text = std::string(in.substr(0, b));
    in.remove_prefix(b);
    out.push_back(std::move(p));
  }
  if (!in.empty()) return corrupt();
  return out;
}

// Returns the address space this process maps now (VmSize), in bytes.
rlim_t MappedBytes() {
  unsigned long pages = 0;
  if (std::FILE* statm = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(statm, "%lu", &pages) != 1) pages = 0;
    std::fclose(statm);
  }
  return static_cast<rlim_t>(pages) * static_cast<rlim_t>(sysconf(_SC_PAGESIZE));
}

// Limits the child process: CPU time, no core file, and (outside ASan,
// which reserves terabytes of address space) its address space to |base|
// plus the allowance. Only async-signal-safe calls: it runs between fork
// and exec.
void LimitChild(const PdfLimits& limits, rlim_t base) {
  rlimit none{0, 0};
  setrlimit(RLIMIT_CORE, &none);
  rlimit cpu{static_cast<rlim_t>(limits.seconds), static_cast<rlim_t>(limits.seconds) + 1};
  setrlimit(RLIMIT_CPU, &cpu);
#ifndef CLAUSEGAP_ASAN
  rlim_t cap = base + static_cast<rlim_t>(limits.max_memory_bytes);
  rlimit as{cap, cap};
  setrlimit(RLIMIT_AS, &as);
#else
  (void)base;
#endif
}

// The executable that serves kHelperCommand; empty: fork without exec.
std::string& Helper() {
  static std::string helper;
  return helper;
}

// The child's whole reply to |bytes|, errors included: what the helper
// writes and the fork-only child sends.
std::string Reply(std::string_view bytes, const std::string& name, const PdfLimits& limits) {
  try {
    return Encode(ExtractHere(bytes, name, limits));
  } catch (const std::bad_alloc&) {
    return Encode(MakeError(ErrorCode::kTooLarge, name + ": reading this PDF needs more than " +
                                                      MiB(limits.max_memory_bytes) + " of memory"));
  } catch (...) {
    return Encode(MakeError(ErrorCode::kCorruptPdf, name + ": damaged PDF"));
  }
}

bool WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// Reads the child's reply from |fd| until end of file or the deadline,
// reaps |pid| (killing it on the deadline) and turns what happened into a
// result.
Expected<std::vector<Paragraph>> Collect(pid_t pid, int fd, const std::string& name,
                                         const PdfLimits& limits) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(limits.seconds);
  const std::uint64_t max_reply = limits.max_text_bytes + (1u << 20);
  std::string reply;
  bool timed_out = false, too_large = false;
  char buffer[64 * 1024];
  while (true) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    pollfd poll_fd{fd, POLLIN, 0};
    int ready = poll(&poll_fd, 1, static_cast<int>(std::min<long long>(left.count(), INT_MAX)));
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) continue;  // the deadline is checked above
    ssize_t n = read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // end of file: the child is done (or died)
    reply.append(buffer, static_cast<std::size_t>(n));
    if (reply.size() > max_reply) {
      too_large = true;
      break;
    }
  }
  close(fd);
  if (timed_out || too_large) kill(pid, SIGKILL);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (timed_out || (WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU)) {
    return MakeError(ErrorCode::kCorruptPdf, name + ": reading this PDF took longer than " +
                                                 std::to_string(limits.seconds) +
                                                 " s; stopped (damaged or hostile PDF?)");
  }
  if (too_large) {
    return MakeError(ErrorCode::kTooLarge,
                     name + ": PDF text larger than " + MiB(limits.max_text_bytes));
  }
  if (WIFSIGNALED(status)) {
    return MakeError(ErrorCode::kCorruptPdf, name + ": the PDF reader failed on this file (signal " +
                                                 std::to_string(WTERMSIG(status)) +
                                                 "): damaged or hostile PDF");
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127 && reply.empty()) {
    return MakeError(ErrorCode::kIo, name + ": cannot start the PDF reader " + Helper());
  }
  return Decode(reply, name);
}

Expected<std::vector<Paragraph>> StartError(const std::string& name) {
  return MakeError(ErrorCode::kIo, name + ": cannot start the PDF reader: " + std::strerror(errno));
}

// Runs ExtractParagraphs in a child process under |limits|: the helper
// executable when one is set (fork + exec: a fresh process, safe whatever
// the other threads of this one hold), else a forked copy of this process
// (for single-threaded callers such as tests).
Expected<std::vector<Paragraph>> ExtractIsolated(std::string_view bytes, const std::string& name,
                                                 const PdfLimits& limits) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return StartError(name);
  const std::string helper = Helper();
  if (!helper.empty()) {
    // The PDF goes to the helper's standard input through an anonymous
    // file, so neither side can block on a full pipe.
    int input = memfd_create("clausegap-pdf", MFD_CLOEXEC);
    if (input < 0 || !WriteAll(input, bytes) || lseek(input, 0, SEEK_SET) != 0) {
      if (input >= 0) close(input);
      close(fds[0]);
      close(fds[1]);
      return StartError(name);
    }
    // Everything the child needs is built before fork: after it, only
    // async-signal-safe calls until exec.
    std::vector<std::string> args = {helper,
                                     kHelperCommand,
                                     name,
                                     std::to_string(limits.seconds),
                                     std::to_string(limits.max_pages),
                                     std::to_string(limits.max_text_bytes),
                                     std::to_string(limits.max_memory_bytes)};
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
    pid_t pid = fork();
    if (pid == 0) {
      dup2(input, 0);
      dup2(fds[1], 1);
      if (null >= 0) dup2(null, 2);
      LimitChild(limits, 0);
      execv(argv[0], argv.data());
      _exit(127);
    }
    int error = errno;
    close(input);
    if (null >= 0) close(null);
    close(fds[1]);
    if (pid < 0) {
      close(fds[0]);
      errno = error;
      return StartError(name);
    }
    return Collect(pid, fds[0], name, limits);
  }
  const rlim_t base = MappedBytes();
  pid_t pid = fork();
  if (pid < 0) {
    int error = errno;
    close(fds[0]);
    close(fds[1]);
    errno = error;
    return StartError(name);
  }
  if (pid == 0) {
    // The child: keep only the pipe's write end, so that no other reader's
    // pipe stays open here, then read under the limits and report.
    int out = fds[1];
    if (out != 3) {
      dup2(out, 3);
      out = 3;
    }
    close_range(4, ~0U, 0);
    LimitChild(limits, base);
    _exit(WriteAll(out, Reply(bytes, name, limits)) ? 0 : 1);
  }
  close(fds[1]);
  return Collect(pid, fds[0], name, limits);
}

model::Document ToDocument(std::vector<Paragraph> paragraphs, const std::string& name) {
  model::Document document;
  document.file = name;
  document.blocks.reserve(paragraphs.size());
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    model::Block block;
    block.kind = model::BlockKind::kParagraph;
    block.part = "pdf";
    block.index = static_cast<int>(i);
    block.page = paragraphs[i].page;
    block.text = std::move(paragraphs[i].text);
    document.blocks.push_back(std::move(block));
  }
  return document;
}

}  // namespace

void SetIsolationHelper(std::string executable) { Helper() = std::move(executable); }

std::string FindHelper(const std::string& dir) {
  namespace fs = std::filesystem;
  const fs::path base(dir);
  const fs::path candidates[] = {base / kHelperExecutable,
                                 base.parent_path() / "libexec" / "clausegap" / kHelperExecutable};
  for (const fs::path& candidate : candidates) {
    if (access(candidate.c_str(), X_OK) == 0) return candidate.lexically_normal().string();
  }
  return "";
}

int RunIsolationHelper(int argc, char** argv) {
  if (argc != 7 || std::string_view(argv[1]) != kHelperCommand) return 2;
  PdfLimits limits;
  limits.isolate = false;
  limits.seconds = std::atoi(argv[3]);
  limits.max_pages = std::atoi(argv[4]);
  limits.max_text_bytes = std::strtoull(argv[5], nullptr, 10);
  limits.max_memory_bytes = std::strtoull(argv[6], nullptr, 10);
  std::string bytes;
  char buffer[64 * 1024];
  while (true) {
    ssize_t n = read(0, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    bytes.append(buffer, static_cast<std::size_t>(n));
    if (bytes.size() > limits.max_bytes) break;  // ExtractParagraphs refuses it
  }
  return WriteAll(1, Reply(bytes, argv[2], limits)) ? 0 : 1;
}

bool LooksLikePdf(std::string_view bytes) {
  return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

Expected<model::Document> ReadPdfBytes(std::string_view bytes, const std::string& name,
                                       const PdfLimits& limits) {
  auto paragraphs = limits.isolate ? ExtractIsolated(bytes, name, limits)
                                   : ExtractHere(bytes, name, limits);
  if (!paragraphs) return tl::unexpected(paragraphs.error());
  return ToDocument(std::move(*paragraphs), name);
}

Expected<model::Document> ReadPdf(const std::string& path, const PdfLimits& limits) {
  auto bytes = ReadFileCapped(path, limits.max_bytes);
  if (!bytes) return tl::unexpected(bytes.error());
  return ReadPdfBytes(*bytes, path, limits);
}

}  // namespace clausegap::pdf
