#include "base/memory.h"
#include "cli/command.h"

int main(int argc, char** argv) {
  clausegap::KeepFreedMemory();  // a batch reuses each document's memory for the next
  return clausegap::cli::Main(argc, argv);
}
