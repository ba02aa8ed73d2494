#include "run.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zip.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>

extern char** environ;

namespace clausegap::e2e {
namespace fs = std::filesystem;

namespace {

fs::path MakeTempDir() {
  std::string templ = (fs::temp_directory_path() / "clausegap-e2e-XXXXXX").string();
  std::vector<char> buffer(templ.begin(), templ.end());
  buffer.push_back('\0');
  if (mkdtemp(buffer.data()) == nullptr) return {};
  return fs::path(buffer.data());
}

}  // namespace

RunResult RunCommand(const std::vector<std::string>& argv, int timeout_seconds) {
  RunResult result;
  ScratchDir capture;
  fs::path out_path = capture.path() / "stdout";
  fs::path err_path = capture.path() / "stderr";

  std::vector<std::string> full = {"timeout", "--kill-after=5", std::to_string(timeout_seconds)};
  full.insert(full.end(), argv.begin(), argv.end());
  std::vector<char*> cargv;
  for (std::string& arg : full) cargv.push_back(arg.data());
  cargv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  auto start = std::chrono::steady_clock::now();
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, "timeout", &actions, nullptr, cargv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    result.err = std::string("posix_spawnp failed: ") + std::strerror(rc);
    return result;
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (WIFEXITED(status)) {
    result.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result.exit_code = 128 + WTERMSIG(status);
  }
  result.timed_out = result.exit_code == 124 || result.exit_code == 137;
  result.out = ReadFileBytes(out_path);
  result.err = ReadFileBytes(err_path);
  return result;
}

RunResult RunClausegap(const std::vector<std::string>& args, int timeout_seconds) {
  std::vector<std::string> argv = {CLAUSEGAP_EXE};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunCommand(argv, timeout_seconds);
}

std::string SamplePath(std::string_view name) {
  return (fs::path(CLAUSEGAP_SOURCE_DIR) / "samples" / (std::string(name) + ".docx")).string();
}

std::string ReadFileBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

bool WriteFileBytes(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return static_cast<bool>(out);
}

ScratchDir::ScratchDir() : path_(MakeTempDir()) {}

ScratchDir::~ScratchDir() {
  if (path_.empty()) return;
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

std::vector<std::string> ScratchDir::List() const {
  std::vector<std::string> names;
  for (const fs::directory_entry& entry : fs::directory_iterator(path_)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// ------------------------------------------------------------ zip writers

namespace {

std::uint32_t Crc32(std::string_view data) {
  static const std::array<std::uint32_t, 256> table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
      std::uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  std::uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char byte : data) crc = table[(crc ^ byte) & 0xFF] ^ (crc >> 8);
  return crc ^ 0xFFFFFFFFu;
}

void Put16(std::string* out, std::uint32_t v) {
  out->push_back(static_cast<char>(v & 0xFF));
  out->push_back(static_cast<char>((v >> 8) & 0xFF));
}

void Put32(std::string* out, std::uint32_t v) {
  Put16(out, v & 0xFFFF);
  Put16(out, v >> 16);
}

}  // namespace

std::string StoredZip(const std::vector<ZipEntry>& entries) {
  std::string out;
  std::string central;
  const std::uint32_t kDosTime = 0x4800;  // 09:00:00
  const std::uint32_t kDosDate = 0x5881;  // 2024-04-01
  for (const ZipEntry& entry : entries) {
    std::uint32_t offset = static_cast<std::uint32_t>(out.size());
    std::uint32_t crc = Crc32(entry.data);
    std::uint32_t size = static_cast<std::uint32_t>(entry.data.size());
    Put32(&out, 0x04034b50);
    Put16(&out, 20);  // version needed
    Put16(&out, 0);   // flags
    Put16(&out, 0);   // stored
    Put16(&out, kDosTime);
    Put16(&out, kDosDate);
    Put32(&out, crc);
    Put32(&out, size);
    Put32(&out, size);
    Put16(&out, static_cast<std::uint32_t>(entry.name.size()));
    Put16(&out, 0);
    out += entry.name;
    out += entry.data;

    Put32(&central, 0x02014b50);
    Put16(&central, 20);  // made by
    Put16(&central, 20);  // needed
    Put16(&central, 0);
    Put16(&central, 0);
    Put16(&central, kDosTime);
    Put16(&central, kDosDate);
    Put32(&central, crc);
    Put32(&central, size);
    Put32(&central, size);
    Put16(&central, static_cast<std::uint32_t>(entry.name.size()));
    Put16(&central, 0);  // extra
    Put16(&central, 0);  // comment
    Put16(&central, 0);  // disk
    Put16(&central, 0);  // internal attributes
    Put32(&central, 0);  // external attributes
    Put32(&central, offset);
    central += entry.name;
  }
  std::uint32_t central_offset = static_cast<std::uint32_t>(out.size());
  out += central;
  Put32(&out, 0x06054b50);
  Put16(&out, 0);
  Put16(&out, 0);
  Put16(&out, static_cast<std::uint32_t>(entries.size()));
  Put16(&out, static_cast<std::uint32_t>(entries.size()));
  Put32(&out, static_cast<std::uint32_t>(central.size()));
  Put32(&out, central_offset);
  Put16(&out, 0);
  return out;
}

namespace {

// Streams prefix + data×repeat + suffix to libzip without materialising it.
struct RepeatSource {
  const DeflatedEntry* entry;
  std::uint64_t total = 0;
  std::uint64_t position = 0;

  std::uint64_t Size() const {
    return entry->prefix.size() + entry->data.size() * entry->repeat + entry->suffix.size();
  }

  zip_int64_t Read(char* buffer, std::uint64_t length) {
    std::uint64_t written = 0;
    const std::uint64_t pre = entry->prefix.size();
    const std::uint64_t body = entry->data.size() * entry->repeat;
    while (written < length && position < total) {
      if (position < pre) {
        std::uint64_t n = std::min(length - written, pre - position);
        std::memcpy(buffer + written, entry->prefix.data() + position, n);
        written += n;
        position += n;
      } else if (position < pre + body) {
        std::uint64_t in_body = position - pre;
        std::uint64_t at = in_body % entry->data.size();
        std::uint64_t n = std::min({length - written, entry->data.size() - at, pre + body - position});
        std::memcpy(buffer + written, entry->data.data() + at, n);
        written += n;
        position += n;
      } else {
        std::uint64_t at = position - pre - body;
        std::uint64_t n = std::min(length - written, entry->suffix.size() - at);
        std::memcpy(buffer + written, entry->suffix.data() + at, n);
        written += n;
        position += n;
      }
    }
    return static_cast<zip_int64_t>(written);
  }
};

zip_int64_t RepeatCallback(void* state, void* data, zip_uint64_t length, zip_source_cmd_t cmd) {
  auto* source = static_cast<RepeatSource*>(state);
  switch (cmd) {
    case ZIP_SOURCE_OPEN:
      source->position = 0;
      source->total = source->Size();
      return 0;
    case ZIP_SOURCE_READ:
      return source->Read(static_cast<char*>(data), length);
    case ZIP_SOURCE_CLOSE:
      return 0;
    case ZIP_SOURCE_STAT: {
      auto* st = static_cast<zip_stat_t*>(data);
      zip_stat_init(st);
      st->size = source->Size();
      st->mtime = 1711962000;
      st->valid |= ZIP_STAT_SIZE | ZIP_STAT_MTIME;
      return sizeof(zip_stat_t);
    }
    case ZIP_SOURCE_ERROR:
      return 2 * sizeof(int);
    case ZIP_SOURCE_FREE:
      delete source;
      return 0;
    case ZIP_SOURCE_SUPPORTS:
      return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                            ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
    default:
      return -1;
  }
}

}  // namespace

bool WriteDeflatedZip(const fs::path& path, const std::vector<DeflatedEntry>& entries) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (archive == nullptr) return false;
  for (const DeflatedEntry& entry : entries) {
    zip_source_t* source = nullptr;
    if (entry.repeat == 0) {
      std::string whole = entry.prefix + entry.data + entry.suffix;
      char* copy = static_cast<char*>(std::malloc(whole.size() + 1));
      std::memcpy(copy, whole.data(), whole.size());
      source = zip_source_buffer(archive, copy, whole.size(), 1);
    } else {
      source = zip_source_function(archive, RepeatCallback, new RepeatSource{&entry});
    }
    if (source == nullptr) {
      zip_discard(archive);
      return false;
    }
    zip_int64_t index = zip_file_add(archive, entry.name.c_str(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(source);
      zip_discard(archive);
      return false;
    }
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 9);
  }
  return zip_close(archive) == 0;
}

bool WriteDeflatedPackage(const fs::path& path, DeflatedEntry document) {
  std::vector<DeflatedEntry> entries;
  for (const ZipEntry& part : MinimalPackage("")) {
    if (part.name == "word/document.xml") continue;
    DeflatedEntry entry;
    entry.name = part.name;
    entry.data = part.data;
    entries.push_back(std::move(entry));
  }
  document.name = "word/document.xml";
  entries.push_back(std::move(document));
  return WriteDeflatedZip(path, entries);
}

std::vector<ZipEntry> MinimalPackage(std::string document_xml) {
  return {
      {"[Content_Types].xml",
       "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
       "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
       "<Default Extension=\"rels\" "
       "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
       "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
       "<Override PartName=\"/word/document.xml\" "
       "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
       "</Types>"},
      {"_rels/.rels",
       "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
       "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
       "<Relationship Id=\"rId1\" "
       "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
       "Target=\"word/document.xml\"/></Relationships>"},
      {"word/document.xml", std::move(document_xml)},
  };
}

std::string MinimalDocumentXml(const std::vector<std::string>& paragraphs) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
      "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>";
  for (const std::string& text : paragraphs) {
    xml += "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p>";
  }
  xml += "</w:body></w:document>";
  return xml;
}

std::string OleFile(std::string_view payload) {
  std::string bytes("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  bytes.resize(512, '\0');
  bytes += payload;
  bytes.resize(4096, '\0');
  return bytes;
}

std::string Utf16Le(std::string_view ascii) {
  std::string out;
  for (char c : ascii) {
    out.push_back(c);
    out.push_back('\0');
  }
  return out;
}

}  // namespace clausegap::e2e
