#pragma once
#include <kainjow/mustache.hpp>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "diagnostics.h"
#include "snippet.h"
#include "source.h"

namespace wijzer {

using mustache_data = kainjow::mustache::data;

/// The mustache sources of templates/, checked, with partials (files in sub-folders) inlined.
struct TemplateSources {
  std::map<std::string, std::string> templates;  ///< name → source with partials inlined; component partials
                                                 ///< ("wizard/node") too, for generated pages' content
  std::map<std::string, std::string> files;      ///< name → path, for diagnostics
  std::set<std::string> broken;                  ///< names whose file has errors (already reported)
  std::set<std::string> ids;                     ///< literal id="…" values in templates: not for headings
  std::map<std::string, std::vector<size_t>> cuts;  ///< name → where it may render in pieces (TemplateSet)
  Snippets snippets;  ///< partials under markdown/ and glossary/, for HTML made inside markdown (snippet.h)
};

/// Reads and checks templates/*.mustache and the partials in its sub-folders.
TemplateSources load_templates(const SourceTree& tree, Diagnostics& diags);

/// Parsed templates by name.
using CompiledTemplates = std::map<std::string, kainjow::mustache::mustache>;
class CompiledPool;
struct TemplateReads;

/// The text a piece of a page template rendered last, and what it read to make it.
struct RenderedPiece {
  RenderedPiece();
  ~RenderedPiece();
  RenderedPiece(RenderedPiece&&) noexcept;
  RenderedPiece& operator=(RenderedPiece&&) noexcept;
  std::string text;
  std::unique_ptr<TemplateReads> reads;  ///< none: not rendered yet, or not to be reused
  unsigned renders = 0, hits = 0, misses = 0;
};

/// A page template cut where its parts render alone (TemplateSources::cuts), each part parsed.
struct Pieces {
  std::vector<kainjow::mustache::mustache> compiled;
  std::vector<RenderedPiece> rendered;
};

/// Compiled templates for one worker thread (kainjow's renderer is not thread-safe). The parsed
/// templates are borrowed from a pool per distinct set of sources and given back on destruction,
/// so later builds with the same templates neither parse nor copy them.
class TemplateSet {
 public:
  explicit TemplateSet(const TemplateSources& sources);
  ~TemplateSet();
  TemplateSet(const TemplateSet&) = delete;
  TemplateSet& operator=(const TemplateSet&) = delete;
  bool has(const std::string& name) const;
  /// Renders template `name`; values are HTML-escaped unless a template uses {{{triple}}}.
  std::string render(const std::string& name, const mustache_data& data);
  /// Renders with `data` on top of `layers` (bottom first): a name not in `data` is looked up in
  /// the layers, as if they were one object. A template with cuts renders in pieces, and a piece
  /// that reads the same values as for the page before gives the same text without rendering.
  std::string render(const std::string& name, const std::vector<const mustache_data*>& layers, const mustache_data& data);
  /// Pieces given from an earlier page's text so far (for tests and timings).
  size_t pieces_reused() const { return reused_; }

 private:
  void render_pieces(Pieces& pieces, const std::vector<const mustache_data*>& layers, const mustache_data& data,
                     std::string& out);
  std::shared_ptr<CompiledPool> pool_;
  std::unique_ptr<CompiledTemplates> compiled_;
  std::map<std::string, Pieces> pieces_;  ///< per template; a piece's last text and reads
  size_t reused_ = 0;
};

/// Builds a mustache object without kainjow's deep copies (its set() copies the whole value).
class MustacheObject {
 public:
  MustacheObject& set(const std::string& key, mustache_data&& value);
  MustacheObject& set(const std::string& key, const std::string& text);  ///< "" is false
  MustacheObject& set(const std::string& key, const char* text) { return set(key, std::string(text)); }
  MustacheObject& set(const std::string& key, bool flag) { return set(key, mustache_data{flag}); }
  mustache_data take() { return std::move(data_); }

 private:
  mustache_data data_{mustache_data::type::object};
};

/// A mustache list that takes over `items`.
mustache_data mustache_list(std::vector<mustache_data>&& items);

/// JSON → mustache data (numbers as text, arrays as lists, objects as objects, "" and null as false).
kainjow::mustache::data to_mustache(const nlohmann::json& value);

}  // namespace wijzer
