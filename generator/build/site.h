#pragma once
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "assets.h"
#include "content.h"
#include "diagnostics.h"
#include "feature.h"
#include "file_store.h"
#include "links.h"
#include "output.h"
#include "source.h"
#include "templates.h"

namespace wijzer {

/// What a build produced.
struct BuildStats {
  size_t pages = 0;
  size_t files = 0;  ///< pages, assets and copied content files together.
};

/// What becomes of build_site's builder (the site's pages, search entries and template data)
/// when it returns: destroyed, or, for a process that ends right after (`wijzer build`), kept
/// reachable and never freed: freeing a large site's data takes about 3 % of its build.
enum class BuilderEnd { destroy, keep_until_exit };

/// The whole pipeline: load → validate → render → write, with the given features (the portal's
/// are in features/portal.h; tests build with none, or one). Problems go to `diags`; the caller
/// publishes the sink's files only when there are no errors. `threads` 0 uses every core.
BuildStats build_site(const SourceTree& tree, OutputSink& sink, Diagnostics& diags,
                      std::vector<std::unique_ptr<Feature>> features, unsigned threads = 0,
                      BuilderEnd end = BuilderEnd::destroy);

/// Makes a fresh set of features; called for every full build.
using FeatureFactory = std::function<std::vector<std::unique_ptr<Feature>>()>;

/// How far a change of source files reaches (docs/architecture.md, "Incremental builds").
enum class ChangeScope {
  none,        ///< nothing the site is built from (hidden files, files outside the three folders)
  files,       ///< content files that are copied as they are: copy them again
  pages,       ///< markdown bodies under unchanged front matter: render those pages again
  everything,  ///< anything else: a full build
};

/// A markdown body that changed under the same front matter.
struct PageEdit {
  int page = -1;
  std::string body;
  int body_line = 1;
};

/// What a set of changed source files needs (SiteBuilder::plan).
struct ChangePlan {
  ChangeScope scope = ChangeScope::none;
  std::vector<PageEdit> pages;     ///< scope `pages`
  std::vector<std::string> files;  ///< scopes `files` and `pages`: content/ files to copy again
  std::string reason;              ///< scope `everything`: the path that needs it, and why
};

/// The pipeline with its state kept between builds, so a change rebuilds only what it affects.
/// A full build (build()) loads everything and renders every page; plan() classifies changed
/// source paths and update() carries the plan out. The result always equals a full build of the
/// same sources, byte for byte (tests/unit/incremental_test.cpp). Not thread-safe: one caller.
class SiteBuilder {
 public:
  explicit SiteBuilder(const SourceTree& tree, FeatureFactory features, unsigned threads = 0);
  ~SiteBuilder();
  SiteBuilder(const SiteBuilder&) = delete;
  SiteBuilder& operator=(const SiteBuilder&) = delete;

  /// A full build that writes every file to `sink` and keeps no files (`wijzer build`).
  BuildStats build(OutputSink& sink);
  /// A full build kept in files(), ready for update().
  BuildStats build();

  /// Classifies changed paths, relative to the source root ("content/a/b.md",
  /// "templates/page.mustache"; removed files too). Reads the changed markdown files.
  ChangePlan plan(const std::vector<std::string>& changed) const;
  /// Carries out a plan on files(). Scope `everything` is a full build, features' finish included;
  /// for scope `pages` call finish() afterwards. Returns the number of pages rendered.
  size_t update(const ChangePlan& plan);
  /// Runs every feature's finish() again; their files in files() are replaced (files a feature no
  /// longer writes are removed).
  void finish();

  /// The files of the last build (after build() without a sink).
  const FileStore& files() const { return files_; }
  const SourceTree& tree() const { return tree_; }
  /// wijzer.yaml as the last full build read it.
  const Config& config() const { return config_; }
  /// Every problem of the current state, as a full build of the same sources reports them.
  void report(Diagnostics& diags) const;
  /// Whether report() has errors; `with_finish` false leaves out what finish() reported.
  bool has_errors(bool with_finish = true) const;
  size_t page_count() const { return content_.pages.size(); }

 private:
  void full_build(OutputSink& sink, bool keep);
  void render(const std::vector<int>& pages, OutputSink& sink);
  void check_anchors(const std::vector<int>& pages);
  /// Every feature's finish(), side by side with each other and with `alongside` (if any).
  void run_finish(OutputSink& sink, const std::function<void()>& alongside = {});
  void claim_outputs(Diagnostics& diags);

  const SourceTree& tree_;
  FeatureFactory make_features_;
  unsigned threads_;
  bool keep_ = true;  ///< the last full build keeps its state for update() (not `wijzer build`)
  bool valid_ = false;  ///< a full build completed: update() may build on the state

  Config config_;                                   ///< wijzer.yaml of the last full build
  std::vector<std::unique_ptr<Feature>> features_;  ///< in load order (provides/consumes)
  Models models_;                                   ///< what features published in load()
  /// Per feature, per page: what read/transform/extend contributed (replaced when the page renders).
  std::vector<std::vector<ContributionSlot>> contributions_;
  ContentTree content_;
  TemplateSources sources_;
  AssetManifest assets_;
  std::unique_ptr<LinkResolver> links_;
  std::vector<std::unique_ptr<TemplateSet>> workers_;
  std::set<std::string> markdown_files_;  ///< content/*.md read by the last full build

  std::vector<Diagnostic> load_diags_;                 ///< content, features' load, templates, assets
  std::set<std::string> load_diag_files_;              ///< files with a load diagnostic
  std::vector<std::vector<Diagnostic>> page_diags_;    ///< per page: rendering
  std::vector<std::vector<AnchorCheck>> anchor_checks_;
  std::vector<std::vector<Diagnostic>> anchor_diags_;  ///< per page: its links' anchors on other pages
  std::vector<std::set<std::string>> preset_anchors_;  ///< per page: anchors before rendering
  std::vector<Diagnostic> finish_diags_;
  std::set<std::string> finish_files_;                 ///< files features' finish() wrote
  std::unordered_map<std::string, std::string> owners_;  ///< output path → the source that makes it
  std::vector<std::string> static_files_;              ///< content files copied as they are, clashes left out

  FileStore files_;
};

}  // namespace wijzer
