#include "site_zip.h"

#include <zip.h>

#include <cstdlib>
#include <memory>
#include <stdexcept>

namespace wijzer {
namespace {

/// Extensions of formats that are compressed already: deflating them again costs time, saves nothing.
bool compressed_already(const std::string& path) {
  static const char* const kStored[] = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".woff", ".woff2", ".zip", ".gz", ".pdf"};
  for (const char* ext : kStored) {
    const std::string e = ext;
    if (path.size() > e.size() && path.compare(path.size() - e.size(), e.size(), e) == 0) return true;
  }
  return false;
}

/// libzip turns a time_t into a DOS date with localtime(): hand it the time whose local reading
/// is `stamp`'s UTC reading, so the zip does not depend on the machine's time zone.
std::time_t local_equivalent(std::time_t stamp) {
  std::tm utc{};
  gmtime_r(&stamp, &utc);
  utc.tm_isdst = -1;
  return std::mktime(&utc);
}

void check(bool ok, zip_t* archive, const char* what) {
  if (!ok) throw std::runtime_error(std::string("zip: ") + what + ": " + zip_strerror(archive));
}

}  // namespace

std::time_t zip_stamp() {
  if (const char* env = std::getenv("SOURCE_DATE_EPOCH"); env && *env) {
    char* end = nullptr;
    const long long value = std::strtoll(env, &end, 10);
    // Before 1980 a DOS date cannot say it; fall back rather than write a wrong date.
    if (end && *end == '\0' && value >= 315532800) return static_cast<std::time_t>(value);
  }
  return 1767225600;  // 2026-01-01T00:00:00Z
}

std::string make_site_zip(const std::map<std::string, std::string>& files, const std::string& folder,
                          std::time_t stamp) {
  zip_error_t error;
  zip_error_init(&error);
  // The archive is written into memory; the caller writes it where the build's files go.
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (!buffer) throw std::runtime_error(std::string("zip: ") + zip_error_strerror(&error));
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (!archive) {
    zip_source_free(buffer);
    throw std::runtime_error(std::string("zip: ") + zip_error_strerror(&error));
  }
  zip_source_keep(buffer);  // read it back after zip_close
  const std::time_t mtime = local_equivalent(stamp);
  try {
    for (const auto& [path, bytes] : files) {  // std::map: sorted by path
      zip_source_t* data = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
      check(data != nullptr, archive, "bron");
      const zip_int64_t index = zip_file_add(archive, (folder + "/" + path).c_str(), data, ZIP_FL_ENC_UTF_8);
      if (index < 0) zip_source_free(data);
      check(index >= 0, archive, path.c_str());
      const auto i = static_cast<zip_uint64_t>(index);
      check(zip_set_file_compression(archive, i, compressed_already(path) ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0) == 0,
            archive, "compressie");
      check(zip_file_set_mtime(archive, i, mtime, 0) == 0, archive, "tijd");
      check(zip_file_set_external_attributes(archive, i, 0, ZIP_OPSYS_UNIX, 0100644u << 16) == 0, archive, "rechten");
    }
    check(zip_close(archive) == 0, archive, "schrijven");
  } catch (...) {
    zip_discard(archive);
    zip_source_free(buffer);
    throw;
  }
  std::string out;
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_source_stat(buffer, &stat) != 0 || zip_source_open(buffer) != 0) {
    zip_source_free(buffer);
    throw std::runtime_error("zip: het archief is niet terug te lezen");
  }
  out.resize(stat.size);
  const zip_int64_t read = zip_source_read(buffer, out.data(), stat.size);
  zip_source_close(buffer);
  zip_source_free(buffer);
  if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size) throw std::runtime_error("zip: het archief is onvolledig");
  return out;
}

}  // namespace wijzer
