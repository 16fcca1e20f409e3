#pragma once
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <typeindex>
#include <typeinfo>
#include <vector>

#include "assets.h"
#include "config.h"
#include "content.h"
#include "diagnostics.h"
#include "output.h"
#include "source.h"

namespace wijzer {

class Markdown;

// The feature seam (docs/architecture.md, "Features"). A feature has three kinds of data, each
// with its own owner:
//  - what load() reads (data files, front matter): the feature's own members, fixed after load;
//  - models: typed values a feature publishes in load() for other features (Models), declared
//    with provides()/consumes() so the pipeline loads a publisher before its consumers;
//  - per-page contributions (PageContribution): what read/transform/extend find on one page,
//    returned as a value the pipeline stores by page and replaces when the page renders again;
//    finish() gets them read-only (PageContributions).

/// Typed values features publish in load() for other features, one per type (e.g. the glossary's
/// terms). Filled while features load, read-only afterwards.
class Models {
 public:
  template <class T>
  void publish(T value) {
    values_[std::type_index(typeid(T))] = std::make_shared<const T>(std::move(value));
  }
  /// The published value of type T, or null when no feature published one (its data is absent).
  template <class T>
  const T* find() const {
    auto it = values_.find(std::type_index(typeid(T)));
    return it == values_.end() ? nullptr : static_cast<const T*>(it->second.get());
  }

 private:
  std::map<std::type_index, std::shared_ptr<const void>> values_;
};

/// A model type as provides()/consumes() name it.
template <class T>
std::type_index model() {
  return std::type_index(typeid(T));
}

/// What load() gets: the source tree without the markdown pages (reading content/**.md gives
/// nothing), the content with front matter but WITHOUT page bodies (the pipeline holds
/// them aside while features load: every Page::body is empty, so nothing derived in load() can go
/// stale after a body edit), the configuration, the models, and the diagnostics.
class LoadContext {
 public:
  LoadContext(const SourceTree& tree, const Config& config, ContentTree& content, Models& models, Diagnostics& diags,
              std::vector<std::type_index> provides, std::vector<std::type_index> consumes)
      : tree(tree), config(config), content(content), diags(diags), models_(models), provides_(std::move(provides)),
        consumes_(std::move(consumes)) {}

  const SourceTree& tree;
  /// wijzer.yaml: where the feature's data lives, fact fields, labels.
  const Config& config;
  /// Pages without bodies: add pages (add_page), set templates, read front matter.
  ContentTree& content;
  Diagnostics& diags;

  /// Publishes a model this feature declared in provides() (std::logic_error otherwise).
  template <class T>
  void publish(T value) {
    if (!declared(provides_, model<T>())) throw std::logic_error(std::string("model not in provides(): ") + typeid(T).name());
    models_.publish(std::move(value));
  }
  /// A model this feature declared in consumes() (std::logic_error otherwise); null when no
  /// feature published it.
  template <class T>
  const T* consume() const {
    if (!declared(consumes_, model<T>())) throw std::logic_error(std::string("model not in consumes(): ") + typeid(T).name());
    return models_.find<T>();
  }

 private:
  static bool declared(const std::vector<std::type_index>& list, std::type_index type) {
    for (const auto& t : list)
      if (t == type) return true;
    return false;
  }
  Models& models_;
  std::vector<std::type_index> provides_, consumes_;
};

/// What every feature may read while pages render.
struct BuildContext {
  const SourceTree& tree;
  const Config& config;  ///< wijzer.yaml
  const ContentTree& content;
  const AssetManifest& assets;
  /// No later build reuses this one's contributions (`wijzer build`, `check`; not `serve`): what
  /// every page's body adds up to now is final.
  bool one_off = false;
  unsigned threads = 0;  ///< the build's threads (0: all cores), for a feature's own parallel work
};

/// What a feature found on one page and needs in finish() (terms it used, its search document…).
/// Derive a struct per feature. The pipeline keeps one per page and feature; a page rendered
/// again starts with none, so a stale value cannot survive.
struct PageContribution {
  virtual ~PageContribution() = default;
};

/// A feature's per-page slot while one page renders: read, transform and extend may set it (a
/// later stage sees what an earlier one set).
using ContributionSlot = std::unique_ptr<PageContribution>;

/// finish()'s read-only view of one feature's contributions, by page index.
class PageContributions {
 public:
  explicit PageContributions(const std::vector<ContributionSlot>& slots) : slots_(slots) {}
  size_t size() const { return slots_.size(); }
  /// The contribution of page `index` as the feature's own type T, or null when it set none.
  template <class T>
  const T* get(size_t index) const {
    return index < slots_.size() ? static_cast<const T*>(slots_[index].get()) : nullptr;
  }

 private:
  const std::vector<ContributionSlot>& slots_;
};

/// A part of the portal built from data in content/ (glossary, flows, forms, search…).
/// The build calls the stages in order; a feature whose data is absent does nothing, so a plain
/// folder of markdown still builds. Every stage but load() and finish() is const and runs in
/// parallel: per-page results go in the page's ContributionSlot, never in the feature.
class Feature {
 public:
  virtual ~Feature() = default;
  /// The models this feature publishes in load(), and those it reads there: the pipeline loads
  /// a publisher before its consumers (a cycle is a programming error: std::logic_error).
  virtual std::vector<std::type_index> provides() const { return {}; }
  virtual std::vector<std::type_index> consumes() const { return {}; }
  /// Reads and checks the feature's data; may add generated pages (see add_page) or set
  /// templates of existing pages. Sees front matter, never page bodies. Runs once, before the
  /// tree is ordered.
  virtual void load(LoadContext& ctx) = 0;
  /// Reads a markdown page's syntax tree as written (links rewritten, raw HTML neutralised),
  /// before any feature's transform changes it. Runs in parallel.
  virtual void read(const BuildContext&, const Page&, const Markdown&, ContributionSlot&) const {}
  /// Changes a markdown page's syntax tree before it is rendered. Runs in parallel.
  virtual void transform(const BuildContext&, const Page&, Markdown&, ContributionSlot&, Diagnostics&) const {}
  /// Adds top-level template data for a page (markdown or generated): `data` starts as
  /// {"page_css": [], "page_js": []} (URLs of stylesheets and scripts the page needs); keys set
  /// here sit beside `page`, `nav`… in the template data. Runs in parallel.
  virtual void extend(const BuildContext&, const Page&, nlohmann::json& data, ContributionSlot&) const { (void)data; }
  /// Runs after every (re)build, once all pages are rendered (all anchors known), with every
  /// page's contribution: late checks, extra files (indexes, test vectors). Writes all its files
  /// every time.
  virtual void finish(const BuildContext&, const PageContributions&, OutputSink&, Diagnostics&) {}
};

}  // namespace wijzer
