#include "site.h"

#include "memory.h"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <unordered_map>
#include <stdexcept>
#include <typeinfo>
#include <utility>

#include "frontmatter.h"
#include "html_trim.h"
#include "markdown.h"
#include "page_data.h"
#include "parallel.h"
#include "templates.h"

namespace wijzer {
namespace {

using Features = std::vector<std::unique_ptr<Feature>>;
using Slots = std::vector<ContributionSlot>;  ///< per feature: this page's slot

std::string template_for(const Page& page, const TemplateSources& templates) {
  if (!page.meta.template_name.empty()) return page.meta.template_name;
  if (page.source == "_index.md" && templates.templates.count("home")) return "home";
  return page.is_section ? "section" : "page";
}

void check_templates(const ContentTree& content, const TemplateSources& templates, Diagnostics& diags) {
  for (const Page& page : content.pages) {
    const std::string name = template_for(page, templates);
    if (!templates.templates.count(name) && !templates.broken.count(name))
      diags.error(page.file, 1, 1, "template '" + name + "' bestaat niet (verwacht templates/" + name + ".mustache)");
    const std::string& part = page.content_template;
    if (!part.empty() && !templates.templates.count(part) && !templates.broken.count(name))
      diags.error(page.file, 1, 1, "template '" + part + "' bestaat niet of heeft fouten (verwacht templates/" + part + ".mustache)");
  }
}

/// Markdown → HTML with checked links, then the page template. Sets the page's own headings;
/// reads no other page's, so pages render in parallel.
std::string markdown_html(const BuildContext& ctx, Page& page, const LinkResolver& links,
                          const TemplateSources& sources, const Features& features, Slots& slots,
                          Diagnostics& diags, std::vector<AnchorCheck>& anchor_checks) {
  bool parse = true;
  for (const MarkdownProblem& p : check_markdown_input(page.body)) {
    const int line = page.body_line + p.line - 1;
    if (p.error) diags.error(page.file, line, p.col, p.message);
    else diags.warning(page.file, line, p.col, p.message);
    parse = parse && !p.error;
  }
  if (!parse) {
    page.headings.clear();
    return "";
  }
  Markdown md(page.body, &sources.snippets);
  page.headings = md.take_headings(sources.ids);
  for (const auto& h : page.headings) page.anchors.insert(h.anchor);
  md.neutralize_raw_html([&](int line, int col) {
    diags.warning(page.file, page.body_line + line - 1, col,
                  "ruwe HTML is niet toegestaan en wordt als tekst getoond");
  });
  md.rewrite_links([&](const std::string& url, int line, int col, bool is_image) {
    return links.resolve(page, url, line, col, is_image, diags, anchor_checks);
  });
  for (size_t f = 0; f < features.size(); ++f) features[f]->read(ctx, page, md, slots[f]);
  for (size_t f = 0; f < features.size(); ++f) features[f]->transform(ctx, page, md, slots[f], diags);
  return md.render(page.headings);
}

std::string render_page(const BuildContext& ctx, Page& page, const LinkResolver& links,
                        const TemplateSources& sources, TemplateSet& templates, PageDataCache& shared,
                        const Features& features, Slots& slots, Diagnostics& diags,
                        std::vector<AnchorCheck>& anchor_checks) {
  const std::string html =
      page.generated ? page.html : markdown_html(ctx, page, links, sources, features, slots, diags, anchor_checks);
  const std::string name = template_for(page, sources);
  if (!templates.has(name)) return "";
  // The page's own data (`page` and the features' keys: page_css, nieuw, …) on top of what it
  // shares with the pages around it. A feature's key is never `page` or one of the shared layers'
  // (see PageDataCache).
  const std::vector<const mustache_data*> layers = shared.layers(page);
  const std::string* content = &html;
  if (page.generated && !page.content_template.empty() && templates.has(page.content_template)) {
    // Content rendered from page.data by a component's template (without the features' keys);
    // features (search) see it as html.
    page.html = templates.render(page.content_template, layers, page_data(ctx.content, page, html));
    content = &page.html;
  }
  nlohmann::json extra = {{"page_css", nlohmann::json::array()}, {"page_js", nlohmann::json::array()}};
  for (size_t f = 0; f < features.size(); ++f) features[f]->extend(ctx, page, extra, slots[f]);
  std::string out = templates.render(name, layers, shared.own(page, *content, extra));
  trim_line_ends(out);
  return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------- one-shot

BuildStats build_site(const SourceTree& tree, OutputSink& sink, Diagnostics& diags,
                      std::vector<std::unique_ptr<Feature>> features, unsigned threads, BuilderEnd end) {
  auto given = std::make_shared<Features>(std::move(features));
  auto builder = std::make_unique<SiteBuilder>(tree, [given] { return std::move(*given); }, threads);
  BuildStats stats = builder->build(sink);
  builder->report(diags);
  if (end == BuilderEnd::keep_until_exit) {
    // A plain pointer: nothing destroys it at exit, and leak checkers see it reachable.
    static SiteBuilder* kept = nullptr;
    delete kept;  // a second one-shot build in the same process (never in the CLI)
    kept = builder.release();
  }
  return stats;
}

// ---------------------------------------------------------------------------------------- SiteBuilder

namespace {

/// Records which files a stage writes, passing them on.
class RecordingSink : public OutputSink {
 public:
  explicit RecordingSink(OutputSink& next) : next_(next) {}
  void write(const std::string& path, const std::string& bytes) override {
    {
      std::lock_guard lock(mutex_);
      written.insert(path);
    }
    next_.write(path, bytes);
  }
  std::set<std::string> written;

 private:
  OutputSink& next_;
  std::mutex mutex_;
};

/// Passes files on, and reports an error at the source that already makes that output path (a
/// static file in content/ must not silently replace a generated file; the generated one wins).
class ClaimingSink : public OutputSink {
 public:
  ClaimingSink(OutputSink& next, const std::unordered_map<std::string, std::string>& owners, Diagnostics& diags)
      : next_(next), owners_(owners), diags_(diags) {}
  void write(const std::string& path, const std::string& bytes) override {
    if (auto it = owners_.find(path); it != owners_.end()) {
      diags_.error(it->second, 1, 1,
                   "wordt gepubliceerd als " + path + ", maar de bouw maakt dat bestand zelf (gegenereerd bestand)");
    }
    next_.write(path, bytes);
  }

 private:
  OutputSink& next_;
  const std::unordered_map<std::string, std::string>& owners_;
  Diagnostics& diags_;
};

/// Stage times on stderr when WIJZER_TIMINGS is set (for bench/: where a build spends its time).
class StageClock {
 public:
  StageClock() : on_(std::getenv("WIJZER_TIMINGS") != nullptr), last_(std::chrono::steady_clock::now()) {}
  void lap(const char* stage) {
    if (!on_) return;
    const auto now = std::chrono::steady_clock::now();
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);  // ru_maxrss: the peak so far, in KiB
    const double cpu = seconds(usage.ru_utime) + seconds(usage.ru_stime);
    const double sys = seconds(usage.ru_stime);
    // CPU beside wall: how many cores a stage kept busy, and its kernel share.
    std::fprintf(stderr, "  %-10s %7.1f ms  cpu %7.1f ms (sys %6.1f)  (piek %ld MB)\n", stage,
                 std::chrono::duration<double, std::milli>(now - last_).count(), (cpu - last_cpu_) * 1000,
                 (sys - last_sys_) * 1000, usage.ru_maxrss / 1024);
    last_ = now;
    last_cpu_ = cpu;
    last_sys_ = sys;
  }

 private:
  static double seconds(const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; }
  bool on_;
  std::chrono::steady_clock::time_point last_;
  double last_cpu_ = 0;
  double last_sys_ = 0;
};

/// Runs one feature's `load` or `finish`, and with WIJZER_TIMINGS names it on stderr when it took a
/// millisecond or more.
template <typename Work>
void timed_feature(const char* stage, const Feature& feature, Work&& work) {
  const auto start = std::chrono::steady_clock::now();
  work();
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (ms >= 1 && std::getenv("WIJZER_TIMINGS")) std::fprintf(stderr, "    %-6s %-20s %6.1f ms\n", stage, typeid(feature).name(), ms);
}

/// The features in load order: each after the features that publish a model it consumes, else in
/// the order given. A consumed model nobody provides is fine (that feature's data is absent); a
/// cycle is a programming error.
Features order_features(Features given) {
  Features out;
  std::vector<bool> placed(given.size(), false);
  auto provider_pending = [&](std::type_index type, size_t self) {
    for (size_t j = 0; j < given.size(); ++j)
      if (j != self && !placed[j])
        for (const auto& p : given[j]->provides())
          if (p == type) return true;
    return false;
  };
  while (out.size() < given.size()) {
    bool progress = false;
    for (size_t i = 0; i < given.size(); ++i) {
      if (placed[i]) continue;
      bool ready = true;
      for (const auto& c : given[i]->consumes()) ready = ready && !provider_pending(c, i);
      if (!ready) continue;
      placed[i] = true;
      out.push_back(std::move(given[i]));
      progress = true;
      break;  // restart: keep the given order among the ready ones
    }
    if (!progress) throw std::logic_error("features consume each other's models in a cycle");
  }
  return out;
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

/// The source tree as features' load() sees it: every file but the markdown pages (their front
/// matter is in the content tree; their bodies are not load()'s to read): reading one gives
/// nothing, as for a missing file (not an exception: a data file may name any path, e.g. a form's
/// "opties_uit", and that is the author's error to report, not a crash).
class LoadTree : public SourceTree {
 public:
  explicit LoadTree(const SourceTree& tree) : tree_(tree) {}
  std::vector<std::string> list(const std::string& dir) const override { return tree_.list(dir); }
  std::optional<std::string> read(const std::string& path) const override {
    if (starts_with(path, "content/") && path.size() > 3 && path.compare(path.size() - 3, 3, ".md") == 0)
      return std::nullopt;
    return tree_.read(path);
  }
  std::string display(const std::string& path) const override { return tree_.display(path); }

 private:
  const SourceTree& tree_;
};

}  // namespace

SiteBuilder::SiteBuilder(const SourceTree& tree, FeatureFactory features, unsigned threads)
    : tree_(tree), make_features_(std::move(features)), threads_(threads) {}

SiteBuilder::~SiteBuilder() = default;

BuildStats SiteBuilder::build(OutputSink& sink) {
  full_build(sink, false);
  BuildStats stats;
  stats.pages = content_.pages.size();
  stats.files = stats.pages + assets_.files.size() + content_.static_files.size();
  return stats;
}

BuildStats SiteBuilder::build() {
  files_.clear();
  full_build(files_, true);
  BuildStats stats;
  stats.pages = content_.pages.size();
  stats.files = stats.pages + assets_.files.size() + content_.static_files.size();
  return stats;
}

void SiteBuilder::full_build(OutputSink& sink, bool keep) {
  keep_ = keep;
  valid_ = false;
  features_.clear();
  links_.reset();
  workers_.clear();
  finish_files_.clear();
  features_ = order_features(make_features_());
  models_ = Models();
  StageClock clock;

  Diagnostics diags;
  config_ = load_config(tree_, diags);
  content_ = load_content(tree_, diags);
  // Each folder's left-out entries right after the folder is listed (DiskTree keeps them from that walk).
  tree_.check_entries("content", diags);
  clock.lap("content");
  {
    // load() sees front matter, not bodies: the bodies wait aside until every feature has loaded.
    const LoadTree load_tree(tree_);
    // By source, not index: a feature may insert a page made from data (add_markdown_page) at its
    // place in the order; such a page keeps the body it was made with.
    std::unordered_map<std::string, std::string> bodies;
    bodies.reserve(content_.pages.size());
    for (Page& page : content_.pages) bodies.emplace(page.source, std::exchange(page.body, std::string()));
    for (auto& feature : features_) {
      LoadContext ctx(load_tree, config_, content_, models_, diags, feature->provides(), feature->consumes());
      timed_feature("load", *feature, [&] { feature->load(ctx); });
    }
    for (Page& page : content_.pages)
      if (auto it = bodies.find(page.source); it != bodies.end() && page.made_from.empty())
        page.body = std::move(it->second);
  }
  order_tree(content_);
  clock.lap("features");
  sources_ = load_templates(tree_, diags);
  assets_ = load_assets(tree_, diags);
  for (const char* folder : {"templates", "site-assets"}) tree_.check_entries(folder, diags);
  check_templates(content_, sources_, diags);
  claim_outputs(diags);
  clock.lap("templates");
  load_diags_ = diags.take();
  load_diag_files_.clear();
  for (const auto& d : load_diags_) load_diag_files_.insert(d.path);
  markdown_files_.clear();
  if (keep)
    for (const Page& page : content_.pages)
      if (!page.generated && page.made_from.empty()) markdown_files_.insert("content/" + page.source);

  links_ = std::make_unique<LinkResolver>(content_);
  for (unsigned w = 0; w < worker_count(threads_); ++w) workers_.push_back(std::make_unique<TemplateSet>(sources_));
  const size_t n = content_.pages.size();
  page_diags_.assign(n, {});
  contributions_.clear();
  contributions_.resize(features_.size());
  for (auto& slots : contributions_) slots.resize(n);
  anchor_checks_.assign(n, {});
  anchor_diags_.assign(n, {});
  preset_anchors_.clear();
  if (keep)
    for (const Page& page : content_.pages) preset_anchors_.push_back(page.anchors);

  // Pages made by features first: few, but the largest (the A–Z list and the news list of a large
  // site are megabytes each). Rendered while little else is held, their data does not stack on
  // top of every page's search document (the peak memory), and no core waits on one at the end.
  std::vector<int> all(n);
  for (size_t i = 0; i < n; ++i) all[i] = static_cast<int>(i);
  std::stable_partition(all.begin(), all.end(), [&](int i) { return content_.pages[i].generated; });
  render(all, sink);
  clock.lap("render");
  // A one-off build needs no page sources once every page is rendered (features' finish() works
  // from contributions, headings and anchors); serve keeps them to rebuild a page. A large site's
  // peak memory is at finish.
  if (!keep) {
    for (Page& page : content_.pages) std::string().swap(page.body);
    return_free_memory();
  }
  // The anchor checks read what finish() reads and write only their own diagnostics.
  run_finish(sink, [&] { check_anchors(all); });
  clock.lap("finish");

  for (const auto& asset : assets_.files) sink.write(asset.output, asset.bytes);
  for (const auto& file : static_files_)
    if (!finish_files_.count(file))
      if (auto bytes = tree_.read("content/" + file)) sink.write(file, *bytes);
  clock.lap("assets");
  valid_ = keep;
}

void SiteBuilder::claim_outputs(Diagnostics& diags) {
  static_files_.clear();
  owners_.clear();
  // Pages and assets first; features' finish() writes after this: a file it makes must not be one
  // of these either.
  owners_.reserve(content_.pages.size() + assets_.files.size() + content_.static_files.size());
  for (const Page& page : content_.pages) owners_.emplace(page.output, page.file);
  for (const auto& asset : assets_.files) owners_.emplace(asset.output, tree_.display("site-assets/" + asset.source));
  for (const auto& file : content_.static_files) {
    const std::string source = tree_.display("content/" + file);
    if (auto it = owners_.find(file); it != owners_.end()) {
      diags.error(source, 1, 1, "wordt gepubliceerd als " + file + ", net als " + it->second);
      diags.error(it->second, 1, 1, "wordt gepubliceerd als " + file + ", net als " + source);
      continue;
    }
    static_files_.push_back(file);
    owners_.emplace(file, source);
  }
}

void SiteBuilder::render(const std::vector<int>& pages, OutputSink& sink) {
  const BuildContext ctx{tree_, config_, content_, assets_, !keep_, threads_};
  std::vector<std::unique_ptr<PageDataCache>> shared;  // per worker; the content may have changed since the last call
  for (size_t w = 0; w < workers_.size(); ++w) shared.push_back(std::make_unique<PageDataCache>(content_, assets_, config_));
  parallel_for(pages.size(), threads_, [&](size_t k, unsigned worker) {
    const int i = pages[k];
    Page& page = content_.pages[i];
    if (!preset_anchors_.empty()) page.anchors = preset_anchors_[i];
    anchor_checks_[i].clear();
    Diagnostics diags;
    Slots slots(features_.size());  // a page rendered again starts with no contributions
    std::string html =
        render_page(ctx, page, *links_, sources_, *workers_[worker], *shared[worker], features_, slots, diags,
                    anchor_checks_[i]);
    for (size_t f = 0; f < features_.size(); ++f) contributions_[f][i] = std::move(slots[f]);
    page_diags_[i] = diags.take();
    locate_made_lines(page, page_diags_[i]);
    if (!html.empty()) sink.write(page.output, html);
  });
}

void SiteBuilder::check_anchors(const std::vector<int>& pages) {
  for (int i : pages) {
    Diagnostics diags;
    links_->check_anchors(content_.pages[i], anchor_checks_[i], diags);
    anchor_diags_[i] = diags.take();
    locate_made_lines(content_.pages[i], anchor_diags_[i]);
  }
}

void SiteBuilder::run_finish(OutputSink& sink, const std::function<void()>& alongside) {
  const BuildContext ctx{tree_, config_, content_, assets_, !keep_, threads_};
  // Side by side: each finish() reads the render's results and writes files of its own; while the
  // search index is made (the largest, partly one core's work) the other core does the rest.
  // Diagnostics and the files written are kept per feature and joined in feature order, as if
  // the features had run one after another.
  const size_t n = features_.size();
  std::vector<Diagnostics> diags(n);
  std::vector<std::set<std::string>> written(n);
  parallel_for(n + (alongside ? 1 : 0), threads_, [&](size_t f, unsigned) {
    if (f == n) return alongside();
    ClaimingSink claiming(sink, owners_, diags[f]);
    RecordingSink recorder(claiming);
    timed_feature("finish", *features_[f], [&] { features_[f]->finish(ctx, PageContributions(contributions_[f]), recorder, diags[f]); });
    written[f] = std::move(recorder.written);
  });
  finish_diags_.clear();
  finish_files_.clear();
  for (size_t f = 0; f < n; ++f) {
    for (auto& d : diags[f].take()) finish_diags_.push_back(std::move(d));
    finish_files_.merge(written[f]);
  }
}

void SiteBuilder::finish() {
  const std::set<std::string> before = finish_files_;
  run_finish(files_);
  for (const auto& path : before)
    if (!finish_files_.count(path)) files_.remove(path);
}

size_t SiteBuilder::update(const ChangePlan& plan) {
  switch (plan.scope) {
    case ChangeScope::none:
      return 0;
    case ChangeScope::everything:
      build();
      return content_.pages.size();
    case ChangeScope::files:
    case ChangeScope::pages:
      break;
  }
  for (const auto& file : plan.files)
    if (!finish_files_.count(file))
      if (auto bytes = tree_.read("content/" + file)) files_.write(file, *bytes);
  if (plan.pages.empty()) return 0;
  std::vector<int> pages;
  for (const PageEdit& edit : plan.pages) {
    Page& page = content_.pages[edit.page];
    page.body = edit.body;
    page.body_line = edit.body_line;
    pages.push_back(edit.page);
  }
  // Pages made from other pages' bodies show the edit too.
  for (size_t i = 0; i < content_.pages.size(); ++i)
    if (content_.pages[i].reads_bodies && std::find(pages.begin(), pages.end(), static_cast<int>(i)) == pages.end())
      pages.push_back(static_cast<int>(i));
  try {
    render(pages, files_);
  } catch (...) {
    valid_ = false;
    throw;
  }
  // The changed pages' own links, and every link from another page to one of them: their anchors
  // may have changed.
  std::vector<char> changed(content_.pages.size(), 0);
  for (int i : pages) changed[i] = 1;
  std::vector<int> recheck;
  for (size_t i = 0; i < content_.pages.size(); ++i) {
    bool affected = changed[i];
    for (const auto& check : anchor_checks_[i]) affected = affected || changed[check.target];
    if (affected) recheck.push_back(static_cast<int>(i));
  }
  check_anchors(recheck);
  return pages.size();
}

void SiteBuilder::report(Diagnostics& diags) const {
  for (const auto& d : load_diags_) diags.add(d);
  for (const auto& list : page_diags_)
    for (const auto& d : list) diags.add(d);
  for (const auto& list : anchor_diags_)
    for (const auto& d : list) diags.add(d);
  for (const auto& d : finish_diags_) diags.add(d);
}

bool SiteBuilder::has_errors(bool with_finish) const {
  auto any = [](const std::vector<Diagnostic>& list) {
    for (const auto& d : list)
      if (d.severity == Severity::error) return true;
    return false;
  };
  if (any(load_diags_) || (with_finish && any(finish_diags_))) return true;
  for (const auto& list : page_diags_)
    if (any(list)) return true;
  for (const auto& list : anchor_diags_)
    if (any(list)) return true;
  return false;
}

}  // namespace wijzer
