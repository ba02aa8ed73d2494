// The Python module `clausegap`: api::Analyzer for Python programs.
//
//   import clausegap
//   a = clausegap.Analyzer()                  # loads the pack and dictionaries once
//   doc = a.analyse(b"...docx bytes...", name="contract.docx")
//   doc = a.analyse("contract.docx")          # a path (str or os.PathLike)
//
// analyse returns the report/v1 document object as a dict, equal to what
// `clausegap check --format json` prints for that document; the dict is
// built from the same nlohmann::json value the JSON printer serialises.
// The GIL is released while a document is analysed, so threads analyse in
// parallel on one Analyzer.
#include <dlfcn.h>

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "api/analyzer.h"
#include "pdf/reader.h"
#include "report/json_printer.h"

namespace py = pybind11;

namespace clausegap::python {
namespace {

namespace fs = std::filesystem;

// Returns |text| as a Python str; bytes that are not UTF-8 (a document's
// text is untrusted) become U+FFFD, as in the JSON printer.
py::object Str(const std::string& text) {
  PyObject* s = PyUnicode_DecodeUTF8(text.data(), static_cast<Py_ssize_t>(text.size()), "replace");
  if (s == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(s);
}

// Converts a JSON value into dicts (key order kept), lists, str, int,
// float, bool and None.
py::object ToPython(const nlohmann::ordered_json& value) {
  switch (value.type()) {
    case nlohmann::ordered_json::value_t::object: {
      py::dict dict;
      for (const auto& [key, item] : value.items()) dict[Str(key)] = ToPython(item);
      return dict;
    }
    case nlohmann::ordered_json::value_t::array: {
      py::list list;
      for (const auto& item : value) list.append(ToPython(item));
      return list;
    }
    case nlohmann::ordered_json::value_t::string:
      return Str(value.get_ref<const std::string&>());
    case nlohmann::ordered_json::value_t::boolean:
      return py::bool_(value.get<bool>());
    case nlohmann::ordered_json::value_t::number_integer:
      return py::int_(value.get<std::int64_t>());
    case nlohmann::ordered_json::value_t::number_unsigned:
      return py::int_(value.get<std::uint64_t>());
    case nlohmann::ordered_json::value_t::number_float:
      return py::float_(value.get<double>());
    default:
      return py::none();
  }
}

// The installed layout relative to this module (set by CMake): the data
// folder and the folder of the helper that reads PDFs (clausegap-pdf).
#ifndef CLAUSEGAP_PY_DATA_REL
#define CLAUSEGAP_PY_DATA_REL "../share/clausegap"
#endif
#ifndef CLAUSEGAP_PY_BIN_REL
#define CLAUSEGAP_PY_BIN_REL "../libexec/clausegap"
#endif

fs::path ModuleDir() {
  Dl_info info{};
  if (dladdr(reinterpret_cast<void*>(&ModuleDir), &info) == 0 || info.dli_fname == nullptr) return {};
  std::error_code ec;
  fs::path self = fs::canonical(info.dli_fname, ec);
  return ec ? fs::path() : self.parent_path();
}

class PyAnalyzer {
 public:
  PyAnalyzer(std::vector<std::string> rules, bool default_rules, std::string vendor,
             std::optional<std::string> data_dir) {
    api::Options options;
    options.rules = std::move(rules);
    options.default_rules = default_rules;
    options.vendor = std::move(vendor);
    // An installed module finds share/clausegap and bin/clausegap by the
    // install layout; in the build tree api::Analyzer finds them beside it.
    const fs::path dir = ModuleDir();
    std::error_code ec;
    if (data_dir) {
      options.data_dir = *data_dir;
    } else if (!dir.empty() && fs::is_directory(dir / CLAUSEGAP_PY_DATA_REL / "rules", ec)) {
      options.data_dir = (dir / CLAUSEGAP_PY_DATA_REL).lexically_normal().string();
    }
    const fs::path helper = dir / CLAUSEGAP_PY_BIN_REL / pdf::kHelperExecutable;
    if (!dir.empty() && fs::is_regular_file(helper, ec)) {
      options.pdf_helper = helper.lexically_normal().string();
    }
    Expected<api::Analyzer> loaded = [&] {
      py::gil_scoped_release release;
      return api::Analyzer::Load(options);
    }();
    if (!loaded) throw std::runtime_error(loaded.error().message);
    analyzer_ = std::make_unique<api::Analyzer>(std::move(*loaded));
  }

  py::dict Analyse(py::object document, std::optional<std::string> name, bool original,
                   const std::string& lang, const std::string& fail_on) const {
    auto parsed_lang = i18n::ParseLang(lang);
    if (!parsed_lang) throw py::value_error(parsed_lang.error().message);
    auto parsed_fail_on = report::ParseFailOn(fail_on);
    if (!parsed_fail_on) throw py::value_error(parsed_fail_on.error().message);
    api::ReadOptions read;
    read.view = original ? model::View::kOriginal : model::View::kSigned;

    api::Source source;
    std::string copy;  // bytes of a mutable buffer, copied while the GIL is held
    if (py::isinstance<py::bytes>(document)) {
      char* data = nullptr;
      Py_ssize_t size = 0;
      PyBytes_AsStringAndSize(document.ptr(), &data, &size);
      source.bytes = std::string_view(data, static_cast<std::size_t>(size));
      source.name = name.value_or("<bytes>");
    } else if (PyObject_CheckBuffer(document.ptr())) {
      py::buffer_info info = py::reinterpret_borrow<py::buffer>(document).request();
      if (info.ndim != 1 || info.itemsize != 1) {
        throw py::type_error("analyse: a buffer of bytes (1-dimensional) is needed");
      }
      copy.assign(static_cast<const char*>(info.ptr), static_cast<std::size_t>(info.size));
      source.bytes = copy;
      source.name = name.value_or("<bytes>");
    } else {
      // str or os.PathLike
      py::object path = py::module_::import("os").attr("fspath")(document);
      if (!py::isinstance<py::str>(path)) {
        throw py::type_error("analyse: a path must be str or os.PathLike of str");
      }
      source.path = path.cast<std::string>();
      source.name = name.value_or(source.path);
    }
    nlohmann::ordered_json json;
    {
      py::gil_scoped_release release;
      engine::DocumentReport result = analyzer_->Analyse(source, read);
      json = report::DocumentJson(result, {*parsed_lang, *parsed_fail_on, nullptr});
    }
    return ToPython(json);
  }

  py::dict Info() const {
    report::RunInfo run = analyzer_->run_info();
    py::dict info;
    info["tool"] = "clausegap";
    info["tool_version"] = run.tool_version;
    py::list packs;
    for (const report::RulePackInfo& pack : run.packs) {
      py::dict item;
      item["path"] = Str(pack.path);
      item["name"] = Str(pack.name);
      item["version"] = Str(pack.version);
      item["sha256"] = pack.sha256;
      packs.append(std::move(item));
    }
    info["rule_packs"] = std::move(packs);
    info["rules_sha256"] = run.rules_sha256;
    return info;
  }

 private:
  std::unique_ptr<api::Analyzer> analyzer_;
};

}  // namespace
}  // namespace clausegap::python

PYBIND11_MODULE(clausegap, m) {
  using clausegap::python::PyAnalyzer;
  m.doc() = "clausegap: finds missing or weak information-security clauses in Japanese contracts";
  m.attr("__version__") = clausegap::report::ToolVersion();
  m.attr("REPORT_SCHEMA") = clausegap::report::kReportSchema;
  py::class_<PyAnalyzer>(m, "Analyzer",
                         "Rule packs and dictionaries, loaded once; analyse() may be called from "
                         "many threads at once.")
      .def(py::init<std::vector<std::string>, bool, std::string, std::optional<std::string>>(),
           py::kw_only(), py::arg("rules") = std::vector<std::string>(),
           py::arg("default_rules") = true, py::arg("vendor") = std::string(),
           py::arg("data_dir") = py::none(),
           "Loads the default rule pack (unless default_rules=False), then the packs in rules "
           "(files or folders), then the MeCab and legal dictionaries. Raises RuntimeError "
           "with the reason when one does not load.")
      .def("analyse", &PyAnalyzer::Analyse, py::arg("document"), py::arg("name") = py::none(),
           py::kw_only(), py::arg("original") = false, py::arg("lang") = "ja",
           py::arg("fail_on") = "weak",
           "Analyses one document, given as bytes (a .docx, PDF …; reported under name, "
           "default '<bytes>') or as a path (reported under name, default the path). Returns "
           "the clausegap/report/v1 document object as a dict; a document that cannot be read "
           "gives status 'error' with error and error_code.")
      .def_property_readonly("info", &PyAnalyzer::Info,
                             "The tool version, the rule pack files loaded (path, name, version, "
                             "sha256) and the effective pack's sha256 (rules_sha256).");
}
