// End-to-end tests of the formats beside .docx, on files LibreOffice makes
// from the samples: a PDF export of every sample must get the verdicts its
// .docx gets (pages cited), and legacy .doc / .rtf files are converted only
// with --convert-legacy. Then the archive the issue describes: .docx, text
// PDFs, a scan, a .doc, lock files and a Shift-JIS-named zip in one folder.
//
// LibreOffice (soffice) is installed by scripts/deps; without it these tests
// say so and check only what needs no conversion.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "e2e/run.h"
#include "pdf/pdf_writer.h"

namespace clausegap::e2e {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

bool HaveSoffice() { return RunCommand({"sh", "-c", "command -v soffice"}, 10).exit_code == 0; }

// Converts |inputs| to |format| ("pdf", "doc", "rtf") into |outdir| with one
// headless LibreOffice run and its own profile.
void Convert(const std::vector<std::string>& inputs, const std::string& format,
             const fs::path& outdir, const fs::path& profile) {
  std::vector<std::string> argv = {"soffice", "-env:UserInstallation=file://" + profile.string(),
                                   "--headless", "--norestore", "--convert-to", format,
                                   "--outdir", outdir.string()};
  argv.insert(argv.end(), inputs.begin(), inputs.end());
  RunResult r = RunCommand(argv, 300);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
}

// The samples, by name without extension.
std::vector<std::string> Samples() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(fs::path(CLAUSEGAP_SOURCE_DIR) / "samples")) {
    if (entry.path().extension() == ".docx") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// file name (last component, no extension) → requirement id → status.
std::map<std::string, std::map<std::string, std::string>> Statuses(const Json& report) {
  std::map<std::string, std::map<std::string, std::string>> out;
  for (const Json& d : report["documents"]) {
    fs::path file = std::string(d["file"]);
    for (const Json& r : d["requirements"]) out[file.stem().string()][r["id"]] = r["status"];
  }
  return out;
}

TEST_CASE("a PDF export of every sample gets the verdicts of its .docx, citing pages") {
  if (!HaveSoffice()) {
    MESSAGE("soffice not installed (scripts/deps installs it): PDF export test skipped");
    return;
  }
  ScratchDir scratch;
  std::vector<std::string> docx;
  for (const std::string& name : Samples()) docx.push_back(SamplePath(name));
  Convert(docx, "pdf", scratch.path() / "pdf", scratch.path() / "profile");

  std::vector<std::string> pdfs;
  for (const std::string& name : Samples()) {
    // A PDF export shows pending tracked changes as markup (deleted text
    // struck through but present), so its text is not the signed text.
    if (name == "tracked-changes") continue;
    pdfs.push_back((scratch.path() / "pdf" / (name + ".pdf")).string());
  }
  std::vector<std::string> args = {"check", "--format", "json", "--fail-on", "never", "--quiet"};
  RunResult from_docx = RunClausegap([&] {
    auto a = args;
    a.insert(a.end(), docx.begin(), docx.end());
    return a;
  }(), 120);
  auto pdf_args = args;
  pdf_args.insert(pdf_args.end(), pdfs.begin(), pdfs.end());
  RunResult from_pdf = RunClausegap(pdf_args, 120);
  REQUIRE(from_pdf.exit_code == 0);
  Json pdf_report = Json::parse(from_pdf.out);
  auto want = Statuses(Json::parse(from_docx.out));
  auto got = Statuses(pdf_report);
  REQUIRE(got.size() == pdfs.size());
  for (const auto& [name, statuses] : got) {
    CAPTURE(name);
    CHECK(statuses == want[name]);
  }
  // Evidence names the page: the call-centre contract's 第14条 is on page 2 or later.
  bool paged = false;
  for (const Json& d : pdf_report["documents"]) {
    for (const Json& r : d["requirements"]) {
      for (const Json& e : r["evidence"]) {
        REQUIRE(e.contains("page"));
        paged = paged || e["page"].get<int>() > 1;
      }
    }
  }
  CHECK(paged);
  RunResult text = RunClausegap({"check", "--fail-on", "never", pdfs.front()});
  CHECK(text.out.find("（1頁）") != std::string::npos);
  RunResult english = RunClausegap({"check", "--lang", "en", "--fail-on", "never", pdfs.front()});
  CHECK(english.out.find(", p. 1") != std::string::npos);
}

TEST_CASE("an archive of real life: one row per contract, scans and legacy files explained") {
  ScratchDir scratch;
  fs::path in = scratch.path() / "archive";
  fs::create_directories(in);
  const bool soffice = HaveSoffice();
  fs::copy_file(SamplePath("nda-gaps"), in / "nda.docx");
  REQUIRE(WriteFileBytes(in / "~$nda.docx", std::string(162, '\0')));
  REQUIRE(WriteFileBytes(in / "scan.pdf", testing::MakePdf({{}, {}})));
  // 委託契約書.docx in CP932 inside a zip made without the UTF-8 flag.
  REQUIRE(WriteFileBytes(in / "windows.zip",
                         StoredZip({{"\x88\xcf\x91\xf5\x8c\x5f\x96\xf1\x8f\x91.docx",
                                     ReadFileBytes(SamplePath("itaku-callcenter"))}})));
  if (soffice) {
    Convert({SamplePath("payroll")}, "pdf", in, scratch.path() / "profile");
    Convert({SamplePath("data-entry")}, "doc", in, scratch.path() / "profile");
    Convert({SamplePath("besshi-tokki")}, "rtf", in, scratch.path() / "profile");
  }

  RunResult plain = RunClausegap({"check", "--format", "csv", "--fail-on", "never", "--quiet",
                                  in.string()},
                                 120);
  RunResult converted = RunClausegap({"check", "--format", "json", "--fail-on", "never",
                                      "--quiet", "--jobs", "2", "--convert-legacy", in.string()},
                                     300);
  std::size_t rows = 0;
  for (char c : plain.out) rows += c == '\n';
  // Header + nda, scan, zip member (+ payroll.pdf, data-entry.doc, besshi-tokki.rtf).
  CHECK(rows == 1 + 3 + (soffice ? 3 : 0));
  CHECK(plain.out.find("委託契約書.docx") != std::string::npos);
  CHECK(plain.err.find("scan.pdf: no text layer") != std::string::npos);
  Json report = Json::parse(converted.out);
  std::map<std::string, Json> docs;
  for (const Json& d : report["documents"]) docs[fs::path(std::string(d["file"])).filename()] = d;
  CHECK(docs["scan.pdf"]["error_code"] == "no-text-layer");
  CHECK(report["summary"]["litter"] == 1);
  if (!soffice) {
    MESSAGE("soffice not installed (scripts/deps installs it): conversion not tested");
    return;
  }
  CHECK(plain.err.find("data-entry.doc: legacy Word 97-2003 .doc") != std::string::npos);
  CHECK(plain.err.find("--convert-legacy") != std::string::npos);
  CHECK(plain.err.find("besshi-tokki.rtf: Rich Text Format") != std::string::npos);
  CHECK_MESSAGE(docs["payroll.pdf"]["status"] == "ok", docs["payroll.pdf"].dump());
  // Converted files are read, and say so; their verdicts are the .docx's.
  RunResult originals = RunClausegap({"check", "--format", "json", "--fail-on", "never", "--quiet",
                                      SamplePath("data-entry"), SamplePath("besshi-tokki")});
  auto want = Statuses(Json::parse(originals.out));
  auto got = Statuses(report);
  for (const char* name : {"data-entry", "besshi-tokki"}) {
    CAPTURE(name);
    CHECK(got[name] == want[name]);
  }
  CHECK(docs["data-entry.doc"]["converted_from"] == "doc");
  CHECK(docs["besshi-tokki.rtf"]["converted_from"] == "rtf");
}

TEST_CASE("--convert-legacy without LibreOffice names what to install") {
  ScratchDir scratch;
  fs::path doc = scratch.path() / "old.doc";
  REQUIRE(WriteFileBytes(doc, OleFile(Utf16Le("WordDocument"))));
  // A PATH without soffice: only the directory of `env`.
  RunResult r = RunCommand({"env", "PATH=/nonexistent", CLAUSEGAP_EXE, "check", "--convert-legacy",
                            doc.string()});
  CHECK(r.exit_code == 2);
  if (fs::exists("/usr/lib/libreoffice/program/soffice")) {
    // Found in its usual place all the same; this dummy file is no Word file.
    CHECK(r.err.find("old.doc: legacy .doc: LibreOffice could not convert it") != std::string::npos);
  } else {
    CHECK(r.err.find("old.doc: legacy .doc: --convert-legacy needs LibreOffice") != std::string::npos);
  }
}

}  // namespace
}  // namespace clausegap::e2e
