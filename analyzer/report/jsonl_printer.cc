#include "report/jsonl_printer.h"

#include "report/json_printer.h"

namespace clausegap::report {

void JsonlPrinter::Document(const engine::DocumentReport& report) {
  out_ << DocumentToJson(report, {options_.lang, options_.fail_on, &options_.run}) << '\n';
  out_.flush();
}

}  // namespace clausegap::report
