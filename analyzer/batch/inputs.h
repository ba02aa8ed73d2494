// Turns what the user names on the command line (files, folders, .zip
// archives, --files-from lists, documents framed on standard input) into a
// stream of candidate documents.
//
// Folders are walked recursively in name order (deterministic whatever the
// file system returns); .zip archives are read entry by entry from the file
// or from memory (nested archives too), never extracted to disk. Inputs are
// produced one at a time, so memory does not grow with the size of a folder
// or an archive. An InputWalker is used by one thread.
//
// The framed stream (`check --stdin frames`), format clausegap-frame/1, is a
// sequence of records, each
//
//   "clausegap-frame/1 " NAME_BYTES " " DATA_BYTES "\n"  NAME  DATA  "\n"
//
// where NAME_BYTES and DATA_BYTES are decimal byte counts (digits only, at
// most 18), NAME is the display name (UTF-8, no NUL or newline, 1–4096 bytes)
// and DATA the document's bytes (.docx, PDF … or a .zip whose members are
// read like an archive's when NAME ends in .zip). The newline after DATA lets
// a wrong count be caught at the record it breaks. Records are read as they
// arrive; the stream ends cleanly only between records. A record whose DATA
// is over the member cap is skipped (read past, reported as too large); a
// header that does not parse, a name that breaks the rules above, or a stream
// that ends inside a record breaks the framing: it is reported once as an
// error input and the walk stops (stream_error()). Writing a record in
// Python: out.write(b"clausegap-frame/1 %d %d\n" % (len(n), len(d)) + n + d + b"\n")
// with n = name.encode("utf-8").
#ifndef CLAUSEGAP_BATCH_INPUTS_H_
#define CLAUSEGAP_BATCH_INPUTS_H_

#include <cstdint>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"

struct zip;

namespace clausegap::batch {

/// One candidate document.
struct Input {
  /// How the document is named in reports: the path as given or found in a
  /// folder, and for archive members "archive.zip!dir/contract.docx"
  /// (nested: "a.zip!inner.zip!x.docx").
  std::string name;
  /// The file to read, for plain files; empty for archive members.
  std::string path;
  /// The member's bytes, for archive members.
  std::string bytes;
  /// Set when the input could not even be produced (unreadable folder,
  /// corrupt archive, member over the size cap): it is reported as an error.
  std::optional<Error> error;
};

/// What the walk saw besides documents.
struct InputStats {
  std::uint64_t documents = 0;  ///< inputs produced (including those with |error|)
  std::uint64_t skipped = 0;    ///< files that are not contracts by their name, skipped
  /// Office lock files (~$…) and OS litter (.DS_Store, __MACOSX/, Thumbs.db,
  /// desktop.ini, ._ AppleDouble files), skipped and counted apart.
  std::uint64_t litter = 0;
  std::uint64_t archives = 0;   ///< .zip archives opened (nested included)
};

/// Caps for archive members.
struct WalkLimits {
  /// Largest member read from an archive. Default: 256 MiB.
  std::uint64_t max_member_bytes = 256ull << 20;
  /// Largest uncompressed/compressed ratio of a member over 1 MiB. Default: 200.
  std::uint64_t max_ratio = 200;
  /// Deepest archive nesting followed (a.zip!b.zip!c.zip). Default: 4.
  int max_nesting = 4;
  /// Largest archive read whole from a stream (--stdin zip). Default: 1 GiB.
  std::uint64_t max_stream_archive_bytes = 1ull << 30;
};

/// Returns whether |name| has an extension clausegap analyses: .docx, .docm,
/// .dotx, .dotm, .pdf, and .doc / .rtf (converted with --convert-legacy,
/// else reported as legacy files).
bool IsDocumentName(const std::string& name);

/// Returns whether |path| is an Office lock file (~$…) or operating-system
/// litter (.DS_Store, Thumbs.db, desktop.ini, ._* AppleDouble files, anything
/// under a __MACOSX folder): never a contract, never an error.
bool IsLitterName(std::string_view path);

/// Returns |raw|, a zip entry name, as UTF-8: as it is when it is valid
/// UTF-8, else decoded as CP932 (Shift-JIS names written by Japanese
/// Windows), else |fallback| (libzip's CP437 reading).
std::string DecodeEntryName(std::string_view raw, std::string_view fallback);

/// Returns whether entry name |a| comes before |b| in the order folders are
/// walked: component by component, the files of a folder before its subfolders.
bool EntryNameLess(std::string_view a, std::string_view b);

/// Returns whether |name| ends in .zip (case-insensitive).
bool IsArchiveName(const std::string& name);

/// Walks inputs and hands each candidate document to a callback.
class InputWalker {
 public:
  /// Called for each document in order; returns false to stop the walk.
  using Emit = std::function<bool(Input&&)>;

  explicit InputWalker(WalkLimits limits = {}) : limits_(limits) {}

  /// Walks |root| (a file, folder or .zip archive). A plain file named on
  /// the command line is always a document, whatever its extension (it may
  /// be a renamed .docx) unless it is a lock file; inside folders and archives only document names
  /// count and the rest is skipped. Returns false when |emit| stopped it.
  bool Walk(const std::string& root, const Emit& emit);

  /// Walks the records of the clausegap-frame/1 stream |stream| (format
  /// above), reported under their names; |stream_name| names the stream in
  /// errors ("standard input"). Returns false when |emit| stopped it or the
  /// framing broke (then stream_error() is set).
  bool WalkFrames(std::istream& stream, const std::string& stream_name, const Emit& emit);

  /// Reads |stream| to its end and walks it as a .zip archive named |name|
  /// (members "name!member"); one larger than max_stream_archive_bytes is an
  /// error input. Returns false when |emit| stopped it.
  bool WalkArchiveStream(const std::string& name, std::istream& stream, const Emit& emit);

  /// Walks every root read from |list| (one path per line; blank lines,
  /// lines of spaces and tabs only, and a trailing '\r' ignored), as they arrive. Returns false when stopped.
  bool WalkList(std::istream& list, const Emit& emit);

  const InputStats& stats() const { return stats_; }

  /// The error that broke a framed stream (WalkFrames); empty when none.
  const std::optional<Error>& stream_error() const { return stream_error_; }

 private:
  bool WalkFolder(const std::string& folder, const Emit& emit);
  bool WalkArchiveFile(const std::string& path, const Emit& emit);
  bool WalkArchive(const std::string& name, std::string_view bytes, int depth, const Emit& emit);
  bool WalkOpenArchive(const std::string& name, zip* archive, int depth, const Emit& emit);
  bool EmitError(std::string name, Error error, const Emit& emit);

  bool WalkRecord(std::string name, std::string data, const Emit& emit);

  WalkLimits limits_;
  InputStats stats_;
  std::optional<Error> stream_error_;
};

}  // namespace clausegap::batch

#endif  // CLAUSEGAP_BATCH_INPUTS_H_
