// floor_bench: `clausegap check` on a corpus against the floor of the same
// work, unzip + XML parse + MeCab tokenisation alone.
//
//   floor_bench --list FILE --clausegap EXE [--rss-lists SMALL,LARGE]
//               [--single DOCX]... [--fixed DOCX] [--runs N] [--rounds N] [--jobs N]
//               [--check-arg ARG]...
//
// --list FILE       the corpus, one .docx path per line (bench/make_corpus.py)
// --clausegap EXE   the binary to measure
// --rss-lists A,B   two --files-from lists (e.g. 1,000 and 20,000 documents)
//                   checked with --jobs N for their peak RSS
// --single DOCX     a contract checked as its own process --runs times
//                   (repeatable); the mean and best wall times are printed
// --fixed DOCX      a short contract for the per-process fixed cost, printed
//                   beside the floor: CPU of `clausegap --version` and of
//                   `check DOCX` as their own processes (mean of --runs)
// --runs N          runs per single-process measurement. Default: 20
// --rounds N        rounds of "floor, then check --jobs 1" back to back; the
//                   ratio printed is the median of the rounds' ratios (and the
//                   least check over the least floor beside it). Default: 5
// --jobs N          "all cores". Default: std::thread::hardware_concurrency()
// --check-arg ARG   an extra argument for every check run (repeatable), e.g.
//                   --check-arg --rules --check-arg my-pack.jsonc
//
// The floor reads each file, runs docx::ReadDocx and tokenises every block's
// normalised text sentence by sentence with one kept-alive Tagger (the
// normalisation and splitting that feed MeCab are timed apart and left out
// of the floor). `check` runs as a subprocess (--format jsonl -q, stdout to
// /dev/null); its wall time, CPU time and peak RSS come from wait4(). CPU
// time is printed beside wall time because the machine may be shared: it is
// the steadier figure. The floor and `check --jobs 1` are measured back to
// back in each of --rounds rounds, so that a change of CPU clock or load
// between two distant measurements does not move their ratio; the median of
// the per-round ratios is the figure. Then the per-document figure, steadier
// still: in this process, document by document, the floor's work and then
// check's own (api::Analyzer::Analyse and the document's JSONL line, with
// the default pack), so that each document's two figures see the same
// machine; --rounds rounds, the median ratio. Not a test: it asserts nothing
// and ctest never runs it.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "api/analyzer.h"
#include "base/memory.h"
#include "docx/reader.h"
#include "model/document.h"
#include "report/json_printer.h"
#include "structure/sentences.h"
#include "text/normalize.h"
#include "tokenize/tokenizer.h"

namespace clausegap {
namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  std::string list;
  std::string clausegap;
  std::vector<std::string> rss_lists;
  std::vector<std::string> singles;
  std::string fixed;  // a short contract for the per-process fixed cost
  std::vector<std::string> check_args;  // extra arguments of every check run
  int runs = 20;
  int rounds = 5;
  int jobs = 0;
};

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

double ThreadCpu() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

std::vector<std::string> ReadList(const std::string& path) {
  std::vector<std::string> out;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

std::size_t CountChars(std::string_view text) {
  std::size_t count = 0;
  for (unsigned char c : text) count += (c & 0xC0) != 0x80;
  return count;
}

// What one subprocess cost.
struct RunCost {
  double wall = 0;    // seconds
  double cpu = 0;     // user + system seconds
  long max_rss = 0;   // KiB
  int exit_code = -1;
};

// Runs |argv| with stdout and stderr on /dev/null; returns its cost.
RunCost RunProcess(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  RunCost cost;
  Clock::time_point start = Clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    int null = open("/dev/null", O_WRONLY);
    dup2(null, STDOUT_FILENO);
    dup2(null, STDERR_FILENO);
    execv(args[0], args.data());
    _exit(127);
  }
  if (pid < 0) return cost;
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  cost.wall = Seconds(start);
  cost.cpu = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
             static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6;
  cost.max_rss = usage.ru_maxrss;
  cost.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return cost;
}

RunCost RunCheck(const Options& options, const std::string& list, int jobs) {
  std::vector<std::string> argv = {options.clausegap, "check", "--jobs", std::to_string(jobs),
                                   "--format", "jsonl", "-q", "--files-from", list};
  argv.insert(argv.end(), options.check_args.begin(), options.check_args.end());
  return RunProcess(argv);
}

RunCost RunSingle(const Options& options, const std::string& docx) {
  std::vector<std::string> argv = {options.clausegap, "check", "--format", "text", docx};
  argv.insert(argv.end(), options.check_args.begin(), options.check_args.end());
  return RunProcess(argv);
}

// The floor and its parts, in seconds of thread CPU time over the corpus.
struct Floor {
  double read = 0;       // file read + unzip + XML parse + model (docx::ReadDocx)
  double prepare = 0;    // normalisation and sentence splitting (not floor)
  double tokenize = 0;   // MeCab
  double wall = 0;       // everything, wall clock
  std::size_t docs = 0;
  std::size_t failed = 0;
  std::size_t chars = 0;
  std::size_t tokens = 0;
  double floor() const { return read + tokenize; }
};

// Adds |file|'s floor to |f|: ReadDocx, then (timed apart) normalisation and
// the sentence split, then MeCab sentence by sentence. The document is freed
// on return, untimed. Returns false when the file cannot be read.
bool AddFloor(const std::string& file, tokenize::Tagger& tagger, std::vector<std::string>& sentences,
              std::vector<tokenize::Token>& tokens, Floor* f) {
  double t0 = ThreadCpu();
  Expected<model::Document> doc = docx::ReadDocx(file);
  double t1 = ThreadCpu();
  f->read += t1 - t0;
  if (!doc) {
    ++f->failed;
    return false;
  }
  ++f->docs;
  sentences.clear();
  for (const model::Block& block : doc->blocks) {
    f->chars += CountChars(block.text);
    std::string normalized = text::Normalize(block.text).text;
    for (const structure::SentenceSpan& span : structure::SplitSentences(normalized)) {
      sentences.push_back(normalized.substr(span.begin, span.end - span.begin));
    }
  }
  double t2 = ThreadCpu();
  f->prepare += t2 - t1;
  for (const std::string& sentence : sentences) {
    tagger.TokenizeInto(sentence, &tokens);
    f->tokens += tokens.size();
  }
  f->tokenize += ThreadCpu() - t2;
  return true;
}

Floor MeasureFloor(const std::vector<std::string>& files, tokenize::Tagger& tagger) {
  Floor f;
  std::vector<tokenize::Token> tokens;
  std::vector<std::string> sentences;
  Clock::time_point start = Clock::now();
  for (const std::string& file : files) AddFloor(file, tagger, sentences, tokens, &f);
  f.wall = Seconds(start);
  return f;
}

// The floor and check's own work on each document, back to back in this
// process: per document, thread CPU seconds of the floor (read + MeCab, as
// MeasureFloor) and then of what `check` does for it (api::Analyzer::Analyse:
// read, structure, MeCab, rules; then its JSONL line). A document's two
// figures are taken milliseconds apart, so a change of CPU clock or of the
// other load on the machine moves both: their ratio holds still where two
// whole-corpus runs measured seconds apart do not.
struct Paired {
  double floor = 0;  // read + MeCab
  double check = 0;  // Analyse + the JSONL line
  std::size_t docs = 0;
  double ratio() const { return check / floor; }
};

Paired MeasurePaired(const std::vector<std::string>& files, tokenize::Tagger& tagger,
                     const api::Analyzer& analyzer, api::Session& session) {
  Paired p;
  Floor floor;
  std::vector<tokenize::Token> tokens;
  std::vector<std::string> sentences;
  report::JsonStringCache cache;
  const report::RunInfo run = analyzer.run_info();
  std::string line;
  for (const std::string& file : files) {
    AddFloor(file, tagger, sentences, tokens, &floor);  // an unreadable file costs both sides
    const double t0 = ThreadCpu();
    {
      engine::DocumentReport report = analyzer.Analyse({file, file, {}}, {}, session);
      line.clear();
      report::AppendDocumentJson(report, {i18n::Lang::kJa, report::FailOn::kWeak, &run}, &cache,
                                 &line);
    }  // the report is freed inside check's time, as check frees it
    p.check += ThreadCpu() - t0;
    ++p.docs;
  }
  p.floor = floor.floor();
  return p;
}

bool ParseArgs(int argc, char** argv, Options* o) {
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (arg == "--list") {
      o->list = value();
    } else if (arg == "--clausegap") {
      o->clausegap = value();
    } else if (arg == "--rss-lists") {
      std::string v = value();
      std::size_t comma = v.find(',');
      if (comma == std::string::npos) return false;
      o->rss_lists = {v.substr(0, comma), v.substr(comma + 1)};
    } else if (arg == "--single") {
      o->singles.push_back(value());
    } else if (arg == "--fixed") {
      o->fixed = value();
    } else if (arg == "--check-arg") {
      o->check_args.push_back(value());
    } else if (arg == "--runs") {
      o->runs = std::atoi(value().c_str());
    } else if (arg == "--rounds") {
      o->rounds = std::atoi(value().c_str());
    } else if (arg == "--jobs") {
      o->jobs = std::atoi(value().c_str());
    } else {
      return false;
    }
  }
  return !o->list.empty() && !o->clausegap.empty() && o->runs > 0 && o->rounds > 0;
}

int Run(Options options) {
  if (options.jobs <= 0) options.jobs = std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  std::vector<std::string> files = ReadList(options.list);
  if (files.empty()) {
    std::fprintf(stderr, "floor_bench: %s: no documents listed\n", options.list.c_str());
    return 2;
  }
  auto paths = tokenize::FindDictionaries();
  if (!paths) {
    std::fprintf(stderr, "floor_bench: %s\n", paths.error().message.c_str());
    return 2;
  }
  auto model = tokenize::Model::Load(*paths);
  if (!model) {
    std::fprintf(stderr, "floor_bench: %s\n", model.error().message.c_str());
    return 2;
  }
  tokenize::Tagger tagger(*model);

  // Warm the page cache, the allocator and the binary, and check that
  // `check` runs at all.
  MeasureFloor({files.begin(), files.begin() + std::min<std::size_t>(files.size(), 20)}, tagger);
  RunCost warm = RunCheck(options, options.list, 1);
  if (warm.exit_code != 0 && warm.exit_code != 1) {
    std::fprintf(stderr, "floor_bench: %s check failed (exit %d)\n", options.clausegap.c_str(),
                 warm.exit_code);
    return 1;
  }

  // The floor and `check --jobs 1` back to back, round after round: both
  // figures of a round see the same CPU clock and load, so their ratio is
  // steadier than either figure; the median round is reported.
  struct Round {
    Floor floor;
    RunCost check;
    double ratio() const { return check.cpu / floor.floor(); }
  };
  std::vector<Round> rounds;
  for (int r = 0; r < options.rounds; ++r) {
    Round round;
    round.floor = MeasureFloor(files, tagger);
    round.check = RunCheck(options, options.list, 1);
    rounds.push_back(round);
  }
  const double n = static_cast<double>(rounds.front().floor.docs);
  std::printf("corpus: %zu documents (%zu unreadable), %.0f characters per document on average\n",
              rounds.front().floor.docs, rounds.front().floor.failed,
              static_cast<double>(rounds.front().floor.chars) / n);
  std::printf("\n%-44s %10s %10s %10s\n", "rounds: floor, then check --jobs 1 (CPU ms/doc)",
              "floor", "check", "ratio");
  for (std::size_t r = 0; r < rounds.size(); ++r) {
    std::printf("%-44s %10.3f %10.3f %9.2f×\n", ("  round " + std::to_string(r + 1)).c_str(),
                rounds[r].floor.floor() * 1e3 / n, rounds[r].check.cpu * 1e3 / n,
                rounds[r].ratio());
  }
  // The median round (the lower middle one for an even count): its figures
  // are the ones printed below.
  std::vector<Round> sorted = rounds;
  std::sort(sorted.begin(), sorted.end(),
            [](const Round& x, const Round& y) { return x.ratio() < y.ratio(); });
  const Round& median = sorted[(sorted.size() - 1) / 2];
  const Floor& f = median.floor;
  const RunCost& one = median.check;

  std::printf("\n%-44s %10s %10s\n", "per document, one core (median round)", "ms (CPU)", "share");
  std::printf("%-44s %10.3f %9.0f%%\n", "  read: file + unzip + XML parse + model", f.read * 1e3 / n,
              100 * f.read / f.floor());
  std::printf("%-44s %10.3f %9.0f%%\n", "  MeCab, sentence by sentence", f.tokenize * 1e3 / n,
              100 * f.tokenize / f.floor());
  std::printf("%-44s %10.3f\n", "floor (read + MeCab)", f.floor() * 1e3 / n);
  std::printf("%-44s %10.3f\n", "  (normalise + split, outside the floor)", f.prepare * 1e3 / n);
  if (!options.fixed.empty()) {
    // Start-up, loading and exit: what a process costs before its first
    // document, paid once per process however many documents it checks.
    auto mean = [&](const std::vector<std::string>& argv) {
      RunProcess(argv);  // warm
      RunCost sum;
      for (int r = 0; r < options.runs; ++r) {
        RunCost cost = RunProcess(argv);
        sum.cpu += cost.cpu;
        sum.wall += cost.wall;
      }
      return RunCost{sum.wall / options.runs, sum.cpu / options.runs, 0, 0};
    };
    RunCost version = mean({options.clausegap, "--version"});
    std::vector<std::string> argv = {options.clausegap, "check", "--format", "jsonl", "-q",
                                     "--fail-on", "never", options.fixed};
    argv.insert(argv.end(), options.check_args.begin(), options.check_args.end());
    RunCost check = mean(argv);
    std::printf("%-44s %10.3f  (--version %.1f; wall %.1f and %.1f)\n",
                "per-process fixed cost: check, 1 short doc", check.cpu * 1e3, version.cpu * 1e3,
                check.wall * 1e3, version.wall * 1e3);
  }

  RunCost all = RunCheck(options, options.list, options.jobs);
  std::printf("\n%-44s %10s %10s %10s %10s\n", "check on the corpus", "docs/s", "ms/doc",
              "CPU ms/doc", "peak RSS");
  std::printf("%-44s %10.1f %10.3f %10.3f %7.1f MiB\n", "  --jobs 1 (median round)", n / one.wall,
              one.wall * 1e3 / n, one.cpu * 1e3 / n, one.max_rss / 1024.0);
  std::printf("%-44s %10.1f %10.3f %10.3f %7.1f MiB\n",
              ("  --jobs " + std::to_string(options.jobs)).c_str(), n / all.wall,
              all.wall * 1e3 / n, all.cpu * 1e3 / n, all.max_rss / 1024.0);
  std::printf("%-44s %10.2f×\n", ("  speed-up, " + std::to_string(options.jobs) + " jobs").c_str(),
              one.wall / all.wall);
  std::printf("%-44s %10.2f× (median of %zu rounds, %.2f×–%.2f×; wall %.2f×)\n",
              "  check --jobs 1 / floor, CPU per document", median.ratio(), rounds.size(),
              sorted.front().ratio(), sorted.back().ratio(), one.wall / f.wall);
  // Other load only ever adds CPU time: the least of each side over the
  // rounds is the nearest to an idle machine's.
  double least_floor = rounds.front().floor.floor(), least_check = rounds.front().check.cpu;
  for (const Round& r : rounds) {
    least_floor = std::min(least_floor, r.floor.floor());
    least_check = std::min(least_check, r.check.cpu);
  }
  std::printf("%-44s %10.2f× (%.3f / %.3f ms)\n", "  the same, least of each over the rounds",
              least_check / least_floor, least_check * 1e3 / n, least_floor * 1e3 / n);

  // The per-document figure: floor and check's work document by document,
  // in this process (start-up and loading are the fixed cost above).
  api::Options load;
  auto analyzer = api::Analyzer::Load(load);
  if (!analyzer) {
    std::fprintf(stderr, "floor_bench: %s\n", analyzer.error().message.c_str());
    return 2;
  }
  api::Session session(*analyzer);
  MeasurePaired({files.begin(), files.begin() + std::min<std::size_t>(files.size(), 20)}, tagger,
                *analyzer, session);  // warm
  std::vector<Paired> paired;
  for (int r = 0; r < options.rounds; ++r) paired.push_back(MeasurePaired(files, tagger, *analyzer, session));
  std::printf("\n%-44s %10s %10s %10s\n", "document by document, floor then check (CPU ms)",
              "floor", "check", "ratio");
  for (std::size_t r = 0; r < paired.size(); ++r) {
    const double d = static_cast<double>(paired[r].docs);
    std::printf("%-44s %10.3f %10.3f %9.2f×\n", ("  round " + std::to_string(r + 1)).c_str(),
                paired[r].floor * 1e3 / d, paired[r].check * 1e3 / d, paired[r].ratio());
  }
  std::vector<Paired> by_ratio = paired;
  std::sort(by_ratio.begin(), by_ratio.end(),
            [](const Paired& x, const Paired& y) { return x.ratio() < y.ratio(); });
  std::printf("%-44s %10.2f× (median of %zu rounds, %.2f×–%.2f×)%s\n",
              "  check / floor, CPU per document", by_ratio[(by_ratio.size() - 1) / 2].ratio(),
              by_ratio.size(), by_ratio.front().ratio(), by_ratio.back().ratio(),
              options.check_args.empty() ? "" : " [default pack: --check-arg is not applied here]");

  if (options.rss_lists.size() == 2) {
    std::printf("\n%-44s %10s %10s %10s\n",
                ("peak RSS, --jobs " + std::to_string(options.jobs)).c_str(), "documents", "RSS",
                "docs/s");
    for (const std::string& list : options.rss_lists) {
      std::size_t count = ReadList(list).size();
      RunCost cost = RunCheck(options, list, options.jobs);
      std::printf("%-44s %10zu %6.1f MiB %10.1f\n", ("  " + list).c_str(), count,
                  cost.max_rss / 1024.0, static_cast<double>(count) / cost.wall);
    }
  }

  if (!options.singles.empty()) {
    std::printf("\n%-44s %10s %10s %10s\n",
                ("one contract as its own process, " + std::to_string(options.runs) + " runs")
                    .c_str(),
                "mean ms", "best ms", "CPU ms");
    for (const std::string& single : options.singles) {
      RunSingle(options, single);  // warm
      double total = 0, best = 1e9, cpu = 0;
      for (int r = 0; r < options.runs; ++r) {
        RunCost cost = RunSingle(options, single);
        total += cost.wall;
        cpu += cost.cpu;
        best = std::min(best, cost.wall);
      }
      std::string name = single.substr(single.rfind('/') + 1);
      std::printf("%-44s %10.1f %10.1f %10.1f\n", ("  " + name).c_str(), total * 1e3 / options.runs,
                  best * 1e3, cpu * 1e3 / options.runs);
    }
  }
  std::fflush(stdout);
  std::fprintf(stderr, "(%zu tokens)\n", f.tokens);
  return 0;
}

}  // namespace
}  // namespace clausegap

int main(int argc, char** argv) {
  // The allocator policy of `clausegap` itself, so that the floor and check
  // are measured under the same one.
  clausegap::KeepFreedMemory();
  clausegap::Options options;
  if (!clausegap::ParseArgs(argc, argv, &options)) {
    std::fprintf(stderr,
                 "usage: floor_bench --list FILE --clausegap EXE [--rss-lists SMALL,LARGE] "
                 "[--single DOCX]... [--fixed DOCX] [--runs N] [--rounds N] [--jobs N] "
                 "[--check-arg ARG]...\n");
    return 2;
  }
  return clausegap::Run(options);
}
