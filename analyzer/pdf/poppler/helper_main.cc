// clausegap-pdf: the child process that reads one PDF with poppler for
// clausegap (pdf::RunIsolationHelper: `clausegap-pdf __pdf-text NAME SECONDS
// PAGES TEXT MEMORY`, the PDF on standard input, the paragraphs on standard
// output). Not meant to be run by hand.
#include "pdf/reader.h"

int main(int argc, char** argv) { return clausegap::pdf::RunIsolationHelper(argc, argv); }
