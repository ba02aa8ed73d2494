#include "cli/command.h"

int main(int argc, char** argv) { return clausegap::cli::Main(argc, argv); }
