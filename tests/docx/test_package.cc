#include "docx/test_package.h"

#include <zip.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include <doctest/doctest.h>

namespace clausegap::testing {
namespace {

struct Generated {
  std::uint64_t size;
  std::uint64_t position;
  char fill;
  zip_error_t error;
};

// A libzip source that produces |size| copies of |fill| on demand, so a
// gigabyte part never exists in memory.
zip_int64_t GeneratedCallback(void* userdata, void* data, zip_uint64_t length, zip_source_cmd_t cmd) {
  auto* g = static_cast<Generated*>(userdata);
  switch (cmd) {
    case ZIP_SOURCE_OPEN:
      g->position = 0;
      return 0;
    case ZIP_SOURCE_READ: {
      zip_uint64_t n = std::min<zip_uint64_t>(length, g->size - g->position);
      std::memset(data, g->fill, n);
      g->position += n;
      return static_cast<zip_int64_t>(n);
    }
    case ZIP_SOURCE_CLOSE:
      return 0;
    case ZIP_SOURCE_STAT: {
      auto* st = static_cast<zip_stat_t*>(data);
      zip_stat_init(st);
      st->size = g->size;
      st->valid |= ZIP_STAT_SIZE;
      return sizeof(zip_stat_t);
    }
    case ZIP_SOURCE_ERROR:
      return zip_error_to_data(&g->error, data, length);
    case ZIP_SOURCE_FREE:
      zip_error_fini(&g->error);
      delete g;
      return 0;
    case ZIP_SOURCE_SUPPORTS:
      return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                            ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
    default:
      zip_error_set(&g->error, ZIP_ER_OPNOTSUPP, 0);
      return -1;
  }
}

}  // namespace

ZipBuilder& ZipBuilder::Add(std::string name, std::string data, bool store) {
  entries_.push_back({std::move(name), std::move(data), store, false, 0, ' '});
  return *this;
}

ZipBuilder& ZipBuilder::AddGenerated(std::string name, std::uint64_t size, char fill) {
  entries_.push_back({std::move(name), {}, false, true, size, fill});
  return *this;
}

std::string ZipBuilder::Build() const {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* sink = zip_source_buffer_create(nullptr, 0, 0, &error);
  REQUIRE(sink != nullptr);
  zip_t* archive = zip_open_from_source(sink, ZIP_TRUNCATE, &error);
  REQUIRE(archive != nullptr);
  zip_source_keep(sink);
  for (const Entry& entry : entries_) {
    zip_source_t* source = nullptr;
    if (entry.generated) {
      auto* g = new Generated{entry.size, 0, entry.fill, {}};
      zip_error_init(&g->error);
      source = zip_source_function(archive, GeneratedCallback, g);
    } else {
      source = zip_source_buffer(archive, entry.data.data(), entry.data.size(), 0);
    }
    REQUIRE(source != nullptr);
    zip_int64_t index = zip_file_add(archive, entry.name.c_str(), source, ZIP_FL_ENC_UTF_8);
    REQUIRE_MESSAGE(index >= 0, zip_strerror(archive));
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index),
                             entry.store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0);
  }
  REQUIRE_MESSAGE(zip_close(archive) == 0, zip_strerror(archive));
  REQUIRE(zip_source_open(sink) == 0);
  REQUIRE(zip_source_seek(sink, 0, SEEK_END) == 0);
  zip_int64_t size = zip_source_tell(sink);
  REQUIRE(zip_source_seek(sink, 0, SEEK_SET) == 0);
  std::string bytes(static_cast<std::size_t>(size), '\0');
  REQUIRE(zip_source_read(sink, bytes.data(), bytes.size()) == size);
  zip_source_close(sink);
  zip_source_free(sink);
  zip_error_fini(&error);
  return bytes;
}

std::string MakeDocx(const DocxParts& parts) {
  const std::string ns = kNamespaces;
  const std::string decl = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
  std::string types = decl +
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      "<Override PartName=\"/word/document.xml\" ContentType=\"" + parts.main_content_type + "\"/></Types>";
  std::string package_rels = decl +
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
      "Target=\"word/document.xml\"/></Relationships>";
  std::string rels = decl + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  ZipBuilder zip;
  zip.Add("[Content_Types].xml", types).Add("_rels/.rels", package_rels);
  zip.Add("word/document.xml", decl + "<w:document " + ns + "><w:body>" + parts.body + "</w:body></w:document>");
  const std::string type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  auto add = [&](const std::string& content, const char* id, const char* kind, const char* file,
                 const char* root) {
    if (content.empty()) return;
    rels += std::string("<Relationship Id=\"") + id + "\" Type=\"" + type + kind + "\" Target=\"" + file + "\"/>";
    zip.Add(std::string("word/") + file, decl + "<w:" + root + " " + ns + ">" + content + "</w:" + root + ">");
  };
  add(parts.styles, "rIdS", "styles", "styles.xml", "styles");
  add(parts.numbering, "rIdN", "numbering", "numbering.xml", "numbering");
  add(parts.footnotes, "rIdFn", "footnotes", "footnotes.xml", "footnotes");
  add(parts.endnotes, "rIdEn", "endnotes", "endnotes.xml", "endnotes");
  add(parts.comments, "rIdC", "comments", "comments.xml", "comments");
  add(parts.header, "rIdH1", "header", "header1.xml", "hdr");
  add(parts.footer, "rIdF1", "footer", "footer1.xml", "ftr");
  rels += "</Relationships>";
  zip.Add("word/_rels/document.xml.rels", rels);
  return zip.Build();
}

}  // namespace clausegap::testing
