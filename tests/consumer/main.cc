// consumer CONTRACT: analyses CONTRACT through libclausegap from its path
// and from its bytes, checks that both give the same verdicts, and prints
// the report/v1 document object of the bytes.
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

#include "api/analyzer.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: consumer CONTRACT\n";
    return 2;
  }
  auto analyzer = clausegap::api::Analyzer::Load();
  if (!analyzer) {
    std::cerr << "consumer: " << analyzer.error().message << '\n';
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) {
    std::cerr << "consumer: " << argv[1] << ": cannot read\n";
    return 2;
  }
  clausegap::engine::DocumentReport from_path = analyzer->Analyse({argv[1], argv[1], {}});
  clausegap::engine::DocumentReport from_bytes = analyzer->Analyse({argv[1], "", bytes});
  if (clausegap::api::ToJson(from_path) != clausegap::api::ToJson(from_bytes)) {
    std::cerr << "consumer: the path and the bytes give different reports\n";
    return 1;
  }
  if (!from_bytes.ok || from_bytes.requirements.empty()) {
    std::cerr << "consumer: " << from_bytes.error << '\n';
    return 1;
  }
  std::cout << clausegap::api::ToJson(from_bytes) << '\n';
  return 0;
}
