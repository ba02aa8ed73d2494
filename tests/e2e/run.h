// Helpers for the end-to-end tests: run the built clausegap binary, capture
// its output, make scratch directories and write hostile packages.
//
// Not thread-safe (doctest runs the cases one after another).
#ifndef CLAUSEGAP_TESTS_E2E_RUN_H_
#define CLAUSEGAP_TESTS_E2E_RUN_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace clausegap::e2e {

/// What one run of a command produced.
struct RunResult {
  int exit_code = -1;     ///< the exit status; 128+N when killed by signal N
  bool timed_out = false; ///< `timeout` killed it (exit code 124 or 137)
  double seconds = 0;     ///< wall-clock time of the run
  std::string out;        ///< everything written to stdout
  std::string err;        ///< everything written to stderr
};

/// Runs `timeout <seconds> CLAUSEGAP_EXE <args…>` with stdout and stderr
/// captured through temporary files; never throws on a failing command.
RunResult RunClausegap(const std::vector<std::string>& args, int timeout_seconds = 60);

/// Runs `timeout <seconds> <argv…>` (argv[0] looked up in PATH) like RunClausegap.
RunResult RunCommand(const std::vector<std::string>& argv, int timeout_seconds = 60);

/// Returns the path of samples/<name>.docx in the source tree.
std::string SamplePath(std::string_view name);

/// Returns the contents of |path|, or an empty string if it cannot be read.
std::string ReadFileBytes(const std::filesystem::path& path);

/// Writes |bytes| to |path| (truncating); returns false on failure.
bool WriteFileBytes(const std::filesystem::path& path, std::string_view bytes);

/// A fresh directory under the system temp dir, removed with its contents
/// when the object is destroyed.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  /// Returns the sorted names of the entries directly in the directory.
  std::vector<std::string> List() const;

 private:
  std::filesystem::path path_;
};

/// One entry of a zip archive written by StoredZip.
struct ZipEntry {
  std::string name;
  std::string data;
};

/// Returns a zip archive whose entries are stored uncompressed, written byte
/// by byte, so names libzip would refuse (duplicates, "../x", "/abs") can be
/// produced.
std::string StoredZip(const std::vector<ZipEntry>& entries);

/// One entry of a zip archive written by WriteDeflatedZip.
struct DeflatedEntry {
  std::string name;
  std::string data;
  std::uint64_t repeat = 0;  ///< 0: |data| once; N: |data| N times (streamed)
  std::string prefix;        ///< written before the repeated data
  std::string suffix;        ///< written after the repeated data
};

/// Writes MinimalPackage's content types and relationships plus |document|
/// as word/document.xml, deflated, at |path|. Returns false on a libzip failure.
bool WriteDeflatedPackage(const std::filesystem::path& path, DeflatedEntry document);

/// Writes a deflate-compressed zip at |path| with libzip: each entry holds
/// prefix + data (|repeat| times when > 0, streamed without holding it in
/// memory) + suffix. Returns false on a libzip failure.
bool WriteDeflatedZip(const std::filesystem::path& path, const std::vector<DeflatedEntry>& entries);

/// The parts of a minimal valid package around |document_xml|: content
/// types, package relationships and word/document.xml.
std::vector<ZipEntry> MinimalPackage(std::string document_xml);

/// A minimal WordprocessingML body with one paragraph per element of |paragraphs|.
std::string MinimalDocumentXml(const std::vector<std::string>& paragraphs);

/// Returns an OLE compound file (the container of .doc files and of
/// encrypted OOXML): its signature, then a sector holding |payload|.
std::string OleFile(std::string_view payload);

/// Returns |ascii| in UTF-16LE, as OLE directory entries store names.
std::string Utf16Le(std::string_view ascii);

}  // namespace clausegap::e2e

#endif  // CLAUSEGAP_TESTS_E2E_RUN_H_
