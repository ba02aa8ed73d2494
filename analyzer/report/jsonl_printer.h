// The JSON Lines printer (`--format jsonl`): one clausegap/report/v1
// document object (exactly the objects of the "documents" array of the json
// format, see json_printer.h) per line, written and flushed as soon as each
// document is done, and nothing else — no summary line — so that the output
// can feed any engine that pipes records (Spark RDD.pipe, Hadoop Streaming).
#ifndef CLAUSEGAP_REPORT_JSONL_PRINTER_H_
#define CLAUSEGAP_REPORT_JSONL_PRINTER_H_

#include <ostream>

#include "report/printer.h"

namespace clausegap::report {

class JsonlPrinter : public Printer {
 public:
  explicit JsonlPrinter(std::ostream& out, PrinterOptions options = {})
      : out_(out), options_(std::move(options)) {}
  void Begin() override {}
  void Document(const engine::DocumentReport& report) override;
  void End(const Summary&) override { out_.flush(); }

 private:
  std::ostream& out_;
  PrinterOptions options_;
};

}  // namespace clausegap::report

#endif  // CLAUSEGAP_REPORT_JSONL_PRINTER_H_
