#pragma once
#include <cstddef>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <functional>
#include <utility>

namespace wijzer {

/// Remembers the last few results of a pure function of its key text. Templates and assets are
/// usually the same from one build to the next (`wijzer serve` rebuilds on every front-matter
/// edit; the fuzzers build thousands of sites), and parsing them is most of a small build.
/// Thread-safe; `make` runs outside the lock.
template <typename Value>
class Memo {
 public:
  explicit Memo(size_t capacity) : capacity_(capacity) {}

  /// The value remembered for `key`, or `make()` (then remembered).
  template <typename Make>
  Value get(const std::string& key, Make make) {
    {
      std::lock_guard lock(mutex_);
      for (auto it = entries_.begin(); it != entries_.end(); ++it)
        if (it->first == key) {
          entries_.splice(entries_.begin(), entries_, it);  // most recent first
          return it->second;
        }
    }
    Value value = make();
    std::lock_guard lock(mutex_);
    entries_.emplace_front(key, value);
    if (entries_.size() > capacity_) entries_.pop_back();
    return value;
  }

 private:
  size_t capacity_;
  std::mutex mutex_;
  std::list<std::pair<std::string, Value>> entries_;
};

/// Adds a file to a Memo key: its name, then its size and a 64-bit digest of its bytes (or that it
/// was unreadable). A digest, not the bytes: keys of a few hundred KB cost more to build and compare
/// (copies, page faults) than parsing saves on small builds; two different honest files sharing
/// size and digest is a 2^-64 chance.
inline void append_key_part(std::string& key, const std::string& name, const std::optional<std::string>& bytes) {
  key.append(name);
  key.push_back('\0');
  if (bytes) {
    key.append(std::to_string(bytes->size()));
    key.push_back(':');
    key.append(std::to_string(std::hash<std::string_view>{}(*bytes)));
  } else {
    key.push_back('-');
  }
  key.push_back('\0');
}

}  // namespace wijzer
