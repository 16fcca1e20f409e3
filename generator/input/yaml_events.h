#pragma once
// libyaml's event parser behind a small C++ owner (only generator/input/yaml_json.cpp uses it).
#include <yaml.h>

#include <new>
#include <string_view>

namespace wijzer {

/// libyaml's parser and its current event, released on every path.
class EventReader {
 public:
  explicit EventReader(std::string_view text) {
    if (!yaml_parser_initialize(&parser_)) throw std::bad_alloc();
    yaml_parser_set_encoding(&parser_, YAML_UTF8_ENCODING);
    yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  }
  ~EventReader() {
    release();
    yaml_parser_delete(&parser_);
  }
  EventReader(const EventReader&) = delete;
  EventReader& operator=(const EventReader&) = delete;

  /// Reads the next event; false on invalid YAML (parser() says why).
  bool next() {
    release();
    if (!yaml_parser_parse(&parser_, &event_)) return false;
    live_ = true;
    return true;
  }
  const yaml_event_t& event() const { return event_; }
  const yaml_parser_t& parser() const { return parser_; }

 private:
  void release() {
    if (live_) yaml_event_delete(&event_);
    live_ = false;
  }
  yaml_parser_t parser_;
  yaml_event_t event_;
  bool live_ = false;
};

}  // namespace wijzer
