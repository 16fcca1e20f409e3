// YAML to JSON with libyaml's event parser: one pass over the events, an explicit stack (no
// recursion, so hostile nesting cannot overflow ours), aliases repeated from their anchor.
#include "yaml_json.h"

#include <cstdio>
#include <cstring>
#include <map>
#include <new>
#include <optional>
#include <set>

#include "text.h"
#include "yaml_events.h"
#include "yaml_marks.h"

namespace wijzer {
namespace {

/// An anchored node (&name), kept to be repeated where an alias (*name) names it.
struct Anchor {
  nlohmann::json value;
  bool scalar = false;
  std::string key;     ///< a scalar's text as a map key
  size_t nodes = 1;    ///< values it stands for, its own aliases expanded
  int height = 0;      ///< levels of nesting below it
  std::vector<YamlPosition> positions;  ///< pointers relative to the anchored node
};

/// A sequence or map whose end has not come yet.
struct Frame {
  bool map = false;
  nlohmann::json value;
  std::string pointer;
  int depth = 0;
  int deepest = 0;          ///< depth of its deepest node so far
  size_t index = 0;         ///< a sequence's next item
  bool has_key = false;     ///< a map's key was read; its value comes next
  std::string key;
  std::pair<int, int> key_at;
  std::string anchor;       ///< empty: none
  size_t positions_from = 0;
  size_t nodes_from = 0;
};

/// libyaml's text as char.
const char* c_str(const yaml_char_t* s) { return reinterpret_cast<const char*>(s); }

/// The plain scalars YAML reads as null.
bool null_text(std::string_view s) { return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL"; }

/// Builds the JSON of the first document from libyaml's events.
class Builder {
 public:
  Builder(std::string_view text, const YamlOptions& options) : text_(text), marks_(text), options_(options) {}

  /// Reads events up to the end of the first document.
  YamlDocument run() {
    EventReader reader(text_);
    for (;;) {
      if (!reader.next()) throw syntax_error(reader.parser());
      const yaml_event_t& e = reader.event();
      switch (e.type) {
        case YAML_SCALAR_EVENT:
        case YAML_ALIAS_EVENT:
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT:
          node(e);
          if (stopped_) return finish();
          break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
          if (!skipping_) end();
          else if (skipped_open_ > 0) --skipped_open_;
          break;
        case YAML_DOCUMENT_END_EVENT:  // the first document only, as yaml-cpp's Load read it
        case YAML_STREAM_END_EVENT:
          return finish();
        default:
          break;
      }
    }
  }

 private:
  /// A limit or meaning error: kept until the whole document has parsed, since a syntax error
  /// anywhere in it is reported first (as before, when the text was parsed before conversion);
  /// only nesting too deep stops at once (stop_if_too_deep).
  void fail(const yaml_mark_t& mark, const std::string& message) {
    if (!limit_) {
      auto [line, col] = marks_.of_char(mark.index);
      limit_ = YamlError(line, col, message);
    }
    skipping_ = true;
  }

  /// The document, or the limit error found on the way.
  YamlDocument finish() {
    if (limit_) throw *limit_;
    return std::move(doc_);
  }

  /// Nesting past the limit ends the parse at once: libyaml's scanner checks every open flow
  /// level at every token, so reading 100,000 levels of '[' to the end would take minutes.
  void stop_if_too_deep(size_t open) {
    if (open > static_cast<size_t>(kMaxYamlDepth) + 1) stopped_ = true;
  }

  /// What libyaml could not read, where: a reader error has a byte offset, others a mark.
  YamlError syntax_error(const yaml_parser_t& p) {
    if (p.error == YAML_MEMORY_ERROR) throw std::bad_alloc();
    if (p.error == YAML_READER_ERROR) {
      auto [line, col] = marks_.of_byte(p.problem_offset);
      char code[16];
      std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(p.problem_value));
      if (p.problem_value >= 0)
        return YamlError(line, col, std::string("teken ") + code + " mag niet in YAML staan (een stuurteken)");
      return YamlError(line, col, p.problem ? p.problem : "onleesbare tekst");
    }
    auto [line, col] = marks_.of_char(p.problem_mark.index);
    std::string message = p.problem ? p.problem : "syntax error";
    if (p.context) message += std::string(", ") + p.context;
    return YamlError(line, col, message);
  }

  /// The anchor an alias names; null when there is none to use (an alias inside its own anchor
  /// is an error; while skipping, a known name is enough). An unknown name throws: it is a syntax
  /// error, as it was in yaml-cpp.
  const Anchor* lookup(const yaml_event_t& e) {
    const std::string name = c_str(e.data.alias.anchor);
    for (const auto& f : frames_)
      if (f.anchor == name) {
        fail(e.start_mark, "alias *" + name + " herhaalt de lijst of map waar hij zelf in staat");
        return nullptr;
      }
    auto it = anchors_.find(name);
    if (it != anchors_.end()) return &it->second;
    if (skipped_anchors_.count(name)) return nullptr;
    auto [line, col] = marks_.of_char(e.start_mark.index);
    throw YamlError(line, col, "alias *" + name + " noemt geen anker: zet eerder in het bestand &" + name);
  }

  /// The &name of a node event, or null.
  static const yaml_char_t* anchor_of(const yaml_event_t& e) {
    switch (e.type) {
      case YAML_SCALAR_EVENT: return e.data.scalar.anchor;
      case YAML_SEQUENCE_START_EVENT: return e.data.sequence_start.anchor;
      case YAML_MAPPING_START_EVENT: return e.data.mapping_start.anchor;
      default: return nullptr;
    }
  }

  /// A scalar, alias, sequence or map begins: a map's key, or a value.
  void node(const yaml_event_t& e) {
    if (skipping_) {
      if (e.type == YAML_SEQUENCE_START_EVENT || e.type == YAML_MAPPING_START_EVENT)
        stop_if_too_deep(frames_.size() + ++skipped_open_);
      if (const yaml_char_t* a = anchor_of(e)) skipped_anchors_.insert(c_str(a));
      if (e.type == YAML_ALIAS_EVENT) lookup(e);
      return;
    }
    if (!frames_.empty() && frames_.back().map && !frames_.back().has_key) return key(e);
    const bool root = frames_.empty();
    if (root) {
      doc_.root = e.type == YAML_MAPPING_START_EVENT    ? YamlDocument::Root::map
                  : e.type == YAML_SEQUENCE_START_EVENT ? YamlDocument::Root::sequence
                                                        : YamlDocument::Root::scalar;
      if (options_.map_root_only && doc_.root == YamlDocument::Root::sequence) {
        skipping_ = true;
        return node(e);
      }
    }
    const int depth = root ? 0 : frames_.back().depth + 1;
    std::string pointer = root ? std::string() : child_pointer(frames_.back());
    if (e.type == YAML_ALIAS_EVENT) return alias(e, depth, pointer);
    // Hostile input can nest thousands of levels; every later walk of the value recurses.
    if (depth > kMaxYamlDepth) {
      stopped_ = true;
      return fail(e.start_mark, "te diep genest (meer dan " + std::to_string(kMaxYamlDepth) + " niveaus)");
    }
    if (used_ >= options_.max_nodes) return too_many(e.start_mark);
    const size_t positions_from = doc_.positions.size(), nodes_from = used_++;
    if (options_.positions == YamlPositions::all) position(pointer, e.start_mark);
    if (e.type == YAML_SCALAR_EVENT) {
      nlohmann::json value = options_.values ? scalar_value(e) : nlohmann::json();
      if (const yaml_char_t* a = e.data.scalar.anchor) {
        Anchor& anchor = anchors_[c_str(a)] = Anchor{value, true, key_text(e), 1, 0, {}};
        if (options_.positions == YamlPositions::all) anchor.positions.push_back(relative(doc_.positions.back(), pointer));
      }
      return add(std::move(value), depth);
    }
    Frame f;
    f.map = e.type == YAML_MAPPING_START_EVENT;
    if (options_.values) f.value = f.map ? nlohmann::json::object() : nlohmann::json::array();
    f.pointer = std::move(pointer);
    f.depth = f.deepest = depth;
    if (const yaml_char_t* a = anchor_of(e)) f.anchor = c_str(a);
    f.positions_from = positions_from;
    f.nodes_from = nodes_from;
    frames_.push_back(std::move(f));
  }

  /// A map's key: text (a scalar, or an alias of one); its value follows.
  void key(const yaml_event_t& e) {
    Frame& f = frames_.back();
    f.key_at = marks_.of_char(e.start_mark.index);
    if (e.type == YAML_SCALAR_EVENT) {
      f.key = key_text(e);
      if (const yaml_char_t* a = e.data.scalar.anchor)
        anchors_[c_str(a)] = Anchor{options_.values ? scalar_value(e) : nlohmann::json(), true, f.key, 1, 0,
                                    {{"", f.key_at.first, f.key_at.second}}};
    } else if (e.type == YAML_ALIAS_EVENT) {
      const Anchor* anchor = lookup(e);
      if (!anchor) return;
      if (!anchor->scalar) return fail(e.start_mark, "een sleutel moet tekst zijn, geen lijst of map");
      f.key = anchor->key;
    } else {
      return fail(e.start_mark, "een sleutel moet tekst zijn, geen lijst of map");
    }
    f.has_key = true;
    if (options_.positions == YamlPositions::top_keys && frames_.size() == 1) {
      std::string pointer = "/";  // (not "/" + …: GCC 12 warns falsely, -Wrestrict)
      doc_.positions.push_back({pointer += pointer_token(f.key), f.key_at.first, f.key_at.second});
    }
  }

  /// *name: its anchor's value again, counted again against the limits.
  void alias(const yaml_event_t& e, int depth, const std::string& pointer) {
    const Anchor* anchor = lookup(e);
    if (!anchor) return;
    if (depth + anchor->height > kMaxYamlDepth)
      return fail(e.start_mark, "te diep genest (meer dan " + std::to_string(kMaxYamlDepth) + " niveaus)");
    if (anchor->nodes > options_.max_nodes - used_) return too_many(e.start_mark);
    used_ += anchor->nodes;
    for (const auto& p : anchor->positions) doc_.positions.push_back({pointer + p.pointer, p.line, p.col});
    add(anchor->value, depth + anchor->height);
  }

  /// The node budget is spent.
  void too_many(const yaml_mark_t& mark) {
    fail(mark, "te veel waarden: aliassen (*naam) herhalen hier te veel (alias-bom?)");
  }

  /// A sequence or map ends: it becomes a value of its parent (and an anchor, when it has one).
  void end() {
    Frame f = std::move(frames_.back());
    frames_.pop_back();
    if (!f.anchor.empty()) {
      Anchor& anchor = anchors_[f.anchor] = Anchor{f.value, false, "", used_ - f.nodes_from, f.deepest - f.depth, {}};
      for (size_t i = f.positions_from; i < doc_.positions.size(); ++i)
        anchor.positions.push_back(relative(doc_.positions[i], f.pointer));
    }
    add(std::move(f.value), f.deepest);
  }

  /// Puts a finished value into its parent; `deepest` is the depth of its deepest node.
  void add(nlohmann::json value, int deepest) {
    if (frames_.empty()) {
      doc_.value = std::move(value);
      return;
    }
    Frame& f = frames_.back();
    f.deepest = std::max(f.deepest, deepest);
    if (!f.map) {
      if (options_.values) f.value.push_back(std::move(value));
      ++f.index;
      return;
    }
    if (options_.values) f.value[f.key] = std::move(value);  // a repeated key: the last one wins
    if (options_.positions == YamlPositions::all) doc_.positions.push_back({child_pointer(f), f.key_at.first, f.key_at.second});
    f.has_key = false;
  }

  /// The pointer of the value that comes next in `f`.
  static std::string child_pointer(const Frame& f) {
    return f.pointer + "/" + (f.map ? pointer_token(f.key) : std::to_string(f.index));
  }

  /// `p` with the anchored node's pointer `base` taken off, to be put under an alias's.
  static YamlPosition relative(const YamlPosition& p, const std::string& base) {
    return {p.pointer.substr(base.size()), p.line, p.col};
  }

  /// Records where the node at `pointer` starts.
  void position(const std::string& pointer, const yaml_mark_t& mark) {
    auto [line, col] = marks_.of_char(mark.index);
    doc_.positions.push_back({pointer, line, col});
  }

  /// Quoted and block scalars, and those tagged "!", are text; plain ones are typed.
  static nlohmann::json scalar_value(const yaml_event_t& e) {
    const auto& s = e.data.scalar;
    std::string text = valid_utf8(std::string_view(c_str(s.value), s.length));
    const bool quoted = s.tag ? std::strcmp(c_str(s.tag), "!") == 0 : s.style != YAML_PLAIN_SCALAR_STYLE;
    return quoted ? nlohmann::json(std::move(text)) : yaml_scalar(text);
  }

  /// A scalar as a map key: its text; a plain null ("~", empty) is the key "null".
  static std::string key_text(const yaml_event_t& e) {
    const auto& s = e.data.scalar;
    std::string text = valid_utf8(std::string_view(c_str(s.value), s.length));
    if (s.style == YAML_PLAIN_SCALAR_STYLE && !s.tag && null_text(text)) return "null";
    return text;
  }

  std::string_view text_;
  YamlMarks marks_;
  const YamlOptions& options_;
  YamlDocument doc_;
  std::vector<Frame> frames_;
  std::map<std::string, Anchor> anchors_;
  std::set<std::string> skipped_anchors_;  ///< anchors seen while skipping (no value kept)
  size_t used_ = 0;                        ///< values so far, aliases expanded
  bool skipping_ = false;                  ///< after a limit error, or past a root that is no map
  size_t skipped_open_ = 0;                ///< lists and maps opened while skipping, not yet closed
  bool stopped_ = false;                   ///< nested too deep: read no further
  std::optional<YamlError> limit_;
};

}  // namespace

YamlDocument parse_yaml(std::string_view text, const YamlOptions& options) {
  // A byte-order mark is no content: positions count from after it.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  return Builder(text, options).run();
}

}  // namespace wijzer
