#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "base/sha256.h"

TEST_CASE("SHA-256 of known vectors, in one piece and in parts") {
  CHECK(clausegap::Sha256Hex("") ==
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(clausegap::Sha256Hex("abc") ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  clausegap::Sha256 parts;
  parts.Update("a");
  parts.Update("bc");
  CHECK(parts.Hex() == clausegap::Sha256Hex("abc"));
}

TEST_CASE("DigestFile gives the digest and size of a file, or a path: cause error") {
  auto path = std::filesystem::temp_directory_path() / "clausegap-sha256-test.bin";
  std::string bytes(200000, 'x');
  std::ofstream(path, std::ios::binary) << bytes;
  auto digest = clausegap::DigestFile(path.string());
  REQUIRE(digest.has_value());
  CHECK(digest->size == bytes.size());
  CHECK(digest->sha256 == clausegap::Sha256Hex(bytes));
  std::filesystem::remove(path);
  auto missing = clausegap::DigestFile(path.string());
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error().message.rfind(path.string() + ": ", 0) == 0);
}
