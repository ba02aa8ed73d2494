// analysis_bench: characters per second of the analysis stages
// (normalisation, structure, tokenisation) on one large contract.
//
//   analysis_bench [--chars N] [--seconds S] [contract.docx]
//
// Without a .docx it generates a contract-like document of about N
// characters (default 15000) deterministically, so runs are comparable.
// Each stage is repeated for at least S seconds (default 1) and at least
// three times; the mean time per run is reported. Not a test: it asserts
// nothing and is never run by ctest.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "docx/reader.h"
#include "model/document.h"
#include "text/normalize.h"
#include "tokenize/tokenizer.h"
#ifdef CLAUSEGAP_BENCH_STRUCTURE
#include "structure/structure.h"
#endif

namespace clausegap {
namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  std::string docx;
  std::size_t chars = 15000;
  double seconds = 1.0;
};

// A small deterministic generator (64-bit LCG) so every run sees the same text.
class Random {
 public:
  std::uint32_t Next() {
    state_ = state_ * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<std::uint32_t>(state_ >> 33);
  }
  template <typename T, std::size_t N>
  const T& Pick(const T (&items)[N]) {
    return items[Next() % N];
  }

 private:
  std::uint64_t state_ = 20240601;
};

std::size_t CountChars(std::string_view text) {
  std::size_t count = 0;
  for (unsigned char c : text) count += (c & 0xC0) != 0x80;
  return count;
}

const char* const kHeadings[] = {"目的", "定義", "委託業務", "再委託", "秘密保持",
                                 "個人情報の取扱い", "安全管理措置", "事故発生時の対応",
                                 "監査", "返還及び廃棄", "損害賠償", "契約の解除",
                                 "反社会的勢力の排除", "有効期間", "協議事項"};

const char* const kSentences[] = {
    "受託者は、委託者の事前の書面による承諾を得た場合を除き、本業務の全部又は一部を第三者に"
    "再委託してはならない。",
    "受託者は、前項の承諾を得て再委託する場合には、再委託先に対し本契約に定める受託者の義務と"
    "同等の義務を負わせるものとする。",
    "受託者は、秘密情報を本業務の目的以外に利用してはならず、委託者の承諾なく複製してはならない。",
    "受託者は、個人情報の漏えい、滅失又は毀損の防止その他の安全管理のために必要かつ適切な措置を"
    "講じなければならない。",
    "受託者は、個人情報の漏えい等の事故が発生し、又は発生したおそれがあることを知ったときは、"
    "直ちに委託者に報告し、その指示に従うものとする。",
    "委託者は、必要があると認めるときは、受託者の事業所に立ち入り、個人情報の管理状況を"
    "調査することができる。",
    "受託者は、本契約が終了したときは、委託者から提供を受けた資料及びその複製物を速やかに"
    "返還し、又は復元不可能な方法で消去し、廃棄証明書を提出するものとする。",
    "甲又は乙は、本契約に違反して相手方に損害を与えたときは、その損害を賠償する責任を負う。"
    "ただし、故意又は重過失による場合を除き、賠償額は委託料の総額を上限とする。",
    "甲又は乙は、相手方が次の各号のいずれかに該当したときは、何らの催告を要せず直ちに本契約を"
    "解除することができる。",
    "本契約の有効期間は、締結日から１年間とし、期間満了の３か月前までにいずれからも申出がない"
    "ときは、同一の条件でさらに１年間更新されるものとし、以後も同様とする。",
    "本契約に定めのない事項又は本契約の解釈について疑義が生じた事項については、甲乙誠実に"
    "協議のうえ解決する。",
    "受託者は、従業者に対し、在職中及び退職後においても秘密情報を第三者に開示しないよう"
    "必要な教育及び監督を行うものとする。",
    "委託料は、毎月末日締めとし、翌月末日までに受託者の指定する銀行口座に振り込む方法により"
    "支払う。",
};

const char* const kItems[] = {
    "監督官庁から営業の停止又は営業許可の取消し等の処分を受けたとき",
    "差押え、仮差押え若しくは競売の申立てがあったとき",
    "破産手続開始、民事再生手続開始又は会社更生手続開始の申立てがあったとき",
    "本契約の条項に違反し、相当の期間を定めて催告したにもかかわらず是正されないとき",
    "暴力団その他の反社会的勢力に該当し、又はこれと関係を有することが判明したとき",
};

const char* const kKanjiDigits[] = {"一", "二", "三", "四", "五"};

model::Block MakeBlock(std::string text, int index) {
  model::Block block;
  block.part = "word/document.xml";
  block.index = index;
  block.text = std::move(text);
  return block;
}

// A contract of about |chars| characters: title, preamble, articles 条 with
// headings, 項 and some 号, a signature block.
model::Document GenerateContract(std::size_t chars) {
  Random random;
  model::Document doc;
  doc.file = "(generated)";
  doc.main_part = "word/document.xml";
  std::size_t total = 0;
  auto add = [&](std::string text) {
    total += CountChars(text);
    doc.blocks.push_back(MakeBlock(std::move(text), static_cast<int>(doc.blocks.size())));
  };
  add("業務委託契約書");
  add("株式会社甲野商事（以下「甲」という。）と株式会社乙山システム（以下「乙」という。）は、"
      "甲の業務の委託に関し、次のとおり契約を締結する。");
  for (int article = 1; total < chars; ++article) {
    add("第" + std::to_string(article) + "条（" + random.Pick(kHeadings) + "）");
    int paragraphs = 1 + static_cast<int>(random.Next() % 3);
    for (int p = 1; p <= paragraphs; ++p) {
      std::string text = p == 1 ? "" : std::to_string(p) + "　";
      int sentences = 1 + static_cast<int>(random.Next() % 2);
      for (int s = 0; s < sentences; ++s) text += random.Pick(kSentences);
      add(std::move(text));
      if (random.Next() % 4 == 0) {
        int items = 2 + static_cast<int>(random.Next() % 3);
        for (int i = 0; i < items; ++i) {
          add(std::string(kKanjiDigits[i]) + "　" + random.Pick(kItems));
        }
      }
    }
  }
  add("以上、本契約の成立を証するため、本書２通を作成し、甲乙記名押印のうえ各１通を保有する。");
  add("２０２４年４月１日");
  return doc;
}

// Splits |text| after each 。 (the benchmark's own splitter, used when the
// structure stage is not built in).
void SplitSentences(const std::string& text, std::vector<std::string>* out) {
  static constexpr std::string_view kPeriod = "。";
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(kPeriod, start);
    end = end == std::string::npos ? text.size() : end + kPeriod.size();
    out->push_back(text.substr(start, end - start));
    start = end;
  }
}

// Runs |run| until |seconds| have passed (and at least three times);
// returns the mean seconds per run.
double Time(double seconds, const std::function<void()>& run) {
  int runs = 0;
  Clock::time_point start = Clock::now();
  double elapsed = 0;
  while (runs < 3 || elapsed < seconds) {
    run();
    ++runs;
    elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  }
  return elapsed / runs;
}

void Report(const char* stage, std::size_t chars, double seconds) {
  std::printf("%-38s %9.3f ms  %12.0f chars/s  %7.3f ms per 15,000 chars\n", stage,
              seconds * 1e3, chars / seconds, seconds * 1e3 * 15000.0 / chars);
}

bool ParseArgs(int argc, char** argv, Options* options) {
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--chars" && i + 1 < argc) {
      options->chars = std::strtoull(argv[++i], nullptr, 10);
    } else if (arg == "--seconds" && i + 1 < argc) {
      options->seconds = std::strtod(argv[++i], nullptr);
    } else if (!arg.empty() && arg[0] != '-' && options->docx.empty()) {
      options->docx = arg;
    } else {
      return false;
    }
  }
  return options->chars > 0;
}

int Run(const Options& options) {
  model::Document doc;
  if (!options.docx.empty()) {
    Expected<model::Document> read = docx::ReadDocx(options.docx);
    if (!read) {
      std::fprintf(stderr, "analysis_bench: %s\n", read.error().message.c_str());
      return 1;
    }
    doc = std::move(*read);
  } else {
    doc = GenerateContract(options.chars);
  }
  std::size_t chars = 0;
  std::size_t bytes = 0;
  for (const model::Block& block : doc.blocks) {
    chars += CountChars(block.text);
    bytes += block.text.size();
  }
  std::printf("input: %s, %zu blocks, %zu characters (%zu bytes)\n", doc.file.c_str(),
              doc.blocks.size(), chars, bytes);

  Clock::time_point load_start = Clock::now();
  Expected<tokenize::DictionaryPaths> paths = tokenize::FindDictionaries();
  if (!paths) {
    std::fprintf(stderr, "analysis_bench: %s\n", paths.error().message.c_str());
    return 1;
  }
  Expected<std::shared_ptr<const tokenize::Model>> model = tokenize::Model::Load(*paths);
  if (!model) {
    std::fprintf(stderr, "analysis_bench: %s\n", model.error().message.c_str());
    return 1;
  }
  double load = std::chrono::duration<double>(Clock::now() - load_start).count();
  std::printf("model load (%s + %s): %.1f ms, once per process\n\n",
              paths->system_dir.c_str(), paths->user_dic.c_str(), load * 1e3);
  tokenize::Tagger tagger(*model);

  std::size_t sink = 0;  // keeps the work observable

  // Normalisation of every block.
  std::vector<std::string> normalized_blocks;
  double normalize = Time(options.seconds, [&] {
    normalized_blocks.clear();
    for (const model::Block& block : doc.blocks) {
      normalized_blocks.push_back(text::Normalize(block.text).text);
    }
    sink += normalized_blocks.size();
  });
  Report("normalise (per block)", chars, normalize);

  // Structure, and the sentences that get tokenized.
  std::vector<std::string> sentences;
  double structure_seconds = 0;
#ifdef CLAUSEGAP_BENCH_STRUCTURE
  structure::Structure structure;
  structure_seconds = Time(options.seconds, [&] {
    structure = structure::Analyze(doc);
    sink += structure.sentences.size();
  });
  Report("structure::Analyze", chars, structure_seconds);
  for (const structure::Sentence& sentence : structure.sentences) {
    sentences.push_back(sentence.normalized);
  }
#else
  std::printf("%-38s (not built in: analyzer/structure has no Analyze yet)\n",
              "structure::Analyze");
  for (const std::string& block : normalized_blocks) SplitSentences(block, &sentences);
#endif

  std::vector<tokenize::Token> tokens;
  std::size_t token_count = 0;
  double per_sentence = Time(options.seconds, [&] {
    token_count = 0;
    for (const std::string& sentence : sentences) {
      tagger.TokenizeInto(sentence, &tokens);
      token_count += tokens.size();
    }
    sink += token_count;
  });
  Report("tokenise, one call per sentence", chars, per_sentence);

  double per_block = Time(options.seconds, [&] {
    for (const std::string& block : normalized_blocks) {
      tagger.TokenizeInto(block, &tokens);
      sink += tokens.size();
    }
  });
  Report("tokenise, one call per block", chars, per_block);

  std::string whole;
  for (const std::string& block : normalized_blocks) {
    whole += block;
    whole += '\n';
  }
  std::size_t whole_count = 0;
  double whole_text = Time(options.seconds, [&] {
    tagger.TokenizeInto(whole, &tokens);
    whole_count = tokens.size();
    sink += whole_count;
  });
  Report("tokenise, one call for the text", chars, whole_text);

  double total = normalize + structure_seconds + per_sentence;
  std::printf("\n");
  Report("total (normalise+structure+tokenise)", chars, total);
  std::printf("%zu sentences, %zu tokens per sentence-wise run (%zu whole-text); "
              "tokenisation is %.0f%% of the total\n",
              sentences.size(), token_count, whole_count, 100.0 * per_sentence / total);
  std::fflush(stdout);
  std::fprintf(stderr, "(checksum %zu)\n", sink);
  return 0;
}

}  // namespace
}  // namespace clausegap

int main(int argc, char** argv) {
  clausegap::Options options;
  if (!clausegap::ParseArgs(argc, argv, &options)) {
    std::fprintf(stderr, "usage: analysis_bench [--chars N] [--seconds S] [contract.docx]\n");
    return 2;
  }
  return clausegap::Run(options);
}
