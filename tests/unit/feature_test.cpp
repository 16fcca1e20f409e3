// The feature seam (build/feature.h): load sees no bodies, models order the features, per-page
// contributions are stored by the pipeline and replaced when a page renders again.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>

#include "markdown.h"
#include "output.h"
#include "site.h"
#include "source.h"

using namespace wijzer;

namespace {

MemoryTree small_site() {
  MemoryTree tree;
  tree.set("templates/page.mustache", "{{{page.content}}}");
  tree.set("templates/section.mustache", "{{{page.content}}}");
  tree.set("content/_index.md", "---\ntitle: Home\n---\nEen twee drie.\n");
  tree.set("content/a.md", "---\ntitle: A\n---\nVier vijf.\n");
  return tree;
}

struct Count {
  int value = 0;
};

/// Publishes a Count; records whether load() saw any page body.
struct Publisher : Feature {
  std::vector<std::string>* log;
  bool* saw_body;
  Publisher(std::vector<std::string>* log, bool* saw_body) : log(log), saw_body(saw_body) {}
  std::vector<std::type_index> provides() const override { return {model<Count>()}; }
  void load(LoadContext& ctx) override {
    log->push_back("publisher");
    for (const Page& page : ctx.content.pages) *saw_body = *saw_body || !page.body.empty();
    ctx.publish(Count{42});
  }
};

/// Consumes the Count; per page, the number of words its text has; finish writes the total.
struct Consumer : Feature {
  struct Words : PageContribution {
    size_t count = 0;
  };
  std::vector<std::string>* log;
  int seen = -1;
  explicit Consumer(std::vector<std::string>* log) : log(log) {}
  std::vector<std::type_index> consumes() const override { return {model<Count>()}; }
  void load(LoadContext& ctx) override {
    log->push_back("consumer");
    const Count* count = ctx.consume<Count>();
    seen = count ? count->value : -1;
  }
  void read(const BuildContext&, const Page&, const Markdown& md, ContributionSlot& out) const override {
    auto words = std::make_unique<Words>();
    for (const auto& text : md.section_texts())
      for (size_t i = 0; i < text.size(); ++i)
        if (text[i] != ' ' && text[i] != '\n' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\n')) ++words->count;
    out = std::move(words);
  }
  void finish(const BuildContext&, const PageContributions& pages, OutputSink& sink, Diagnostics&) override {
    size_t total = 0;
    for (size_t p = 0; p < pages.size(); ++p)
      if (const Words* w = pages.get<Words>(p)) total += w->count;
    sink.write("words.txt", std::to_string(total) + " " + std::to_string(seen));
  }
};

/// Publishes a model it did not declare.
struct Undeclared : Feature {
  void load(LoadContext& ctx) override { ctx.publish(Count{1}); }
};

}  // namespace

TEST_CASE("feature seam: a publisher loads before its consumer, whatever the order given", "[feature]") {
  MemoryTree tree = small_site();
  std::vector<std::string> log;
  bool saw_body = false;
  Consumer* consumer = nullptr;
  SiteBuilder builder(tree, [&] {
    std::vector<std::unique_ptr<Feature>> features;
    auto c = std::make_unique<Consumer>(&log);
    consumer = c.get();
    features.push_back(std::move(c));
    features.push_back(std::make_unique<Publisher>(&log, &saw_body));
    return features;
  }, 1);
  builder.build();
  CHECK(log == std::vector<std::string>{"publisher", "consumer"});
  CHECK(consumer->seen == 42);
  CHECK_FALSE(saw_body);  // load() sees front matter only
  CHECK(*builder.files().get("words.txt") == "5 42");

  // A body edit replaces that page's contribution; finish sees the new count.
  tree.set("content/a.md", "---\ntitle: A\n---\nVier vijf zes zeven.\n");
  builder.update(builder.plan({"content/a.md"}));
  builder.finish();
  CHECK(*builder.files().get("words.txt") == "7 42");
  CHECK_FALSE(saw_body);
}

TEST_CASE("feature seam: a model nobody provides is null; an undeclared one is a programming error", "[feature]") {
  MemoryTree tree = small_site();
  std::vector<std::string> log;
  {
    std::vector<std::unique_ptr<Feature>> features;
    features.push_back(std::make_unique<Consumer>(&log));
    MemorySink sink;
    Diagnostics diags;
    build_site(tree, sink, diags, std::move(features), 1);
    CHECK(sink.files.at("words.txt") == "5 -1");
  }
  std::vector<std::unique_ptr<Feature>> features;
  features.push_back(std::make_unique<Undeclared>());
  MemorySink sink;
  Diagnostics diags;
  CHECK_THROWS_AS(build_site(tree, sink, diags, std::move(features), 1), std::logic_error);
}

namespace {

struct Other {
  int value = 0;
};

/// Provides `P`, consumes `C`.
template <class P, class C>
struct Both : Feature {
  std::vector<std::type_index> provides() const override { return {model<P>()}; }
  std::vector<std::type_index> consumes() const override { return {model<C>()}; }
  void load(LoadContext&) override {}
};

/// Reads a page's markdown file in load().
struct ReadsBody : Feature {
  bool* got;
  explicit ReadsBody(bool* got) : got(got) {}
  void load(LoadContext& ctx) override { *got = ctx.tree.read("content/a.md").has_value(); }
};

/// Reads a model it did not declare.
struct UndeclaredConsumer : Feature {
  void load(LoadContext& ctx) override { (void)ctx.consume<Count>(); }
};

}  // namespace

TEST_CASE("feature seam: a cycle of models and an undeclared consume are programming errors; load reads no page files", "[feature]") {
  MemoryTree tree = small_site();
  {
    std::vector<std::unique_ptr<Feature>> features;
    features.push_back(std::make_unique<Both<Count, Other>>());
    features.push_back(std::make_unique<Both<Other, Count>>());
    MemorySink sink;
    Diagnostics diags;
    CHECK_THROWS_AS(build_site(tree, sink, diags, std::move(features), 1), std::logic_error);
  }
  std::vector<std::unique_ptr<Feature>> features;
  features.push_back(std::make_unique<UndeclaredConsumer>());
  MemorySink sink;
  Diagnostics diags;
  CHECK_THROWS_AS(build_site(tree, sink, diags, std::move(features), 1), std::logic_error);
  std::vector<std::unique_ptr<Feature>> reader;
  bool got = true;
  reader.push_back(std::make_unique<ReadsBody>(&got));
  build_site(tree, sink, diags, std::move(reader), 1);
  CHECK_FALSE(got);  // load() cannot read a page's file either
}

namespace {

/// In finish(): says it has started, waits (at most two seconds) for `together` features to have
/// started, then reports a warning and writes a file, both named after it.
struct Meets : Feature {
  std::string name;
  std::atomic<int>* started;
  int together;
  bool met = false;
  Meets(std::string name, std::atomic<int>* started, int together) : name(std::move(name)), started(started), together(together) {}
  void load(LoadContext&) override {}
  void finish(const BuildContext&, const PageContributions&, OutputSink& sink, Diagnostics& diags) override {
    ++*started;
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    while (*started < together && std::chrono::steady_clock::now() < until)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    met = *started >= together;
    diags.warning(name, 1, 1, "klaar");
    sink.write(name + ".txt", name);
  }
};

}  // namespace

TEST_CASE("feature seam: finish() runs side by side; its diagnostics and files are as if one after another", "[feature]") {
  MemoryTree tree = small_site();
  for (const unsigned threads : {2u, 1u}) {
    std::atomic<int> started{0};
    Meets* first = nullptr;
    Meets* second = nullptr;
    SiteBuilder builder(tree, [&] {
      std::vector<std::unique_ptr<Feature>> features;
      auto a = std::make_unique<Meets>("b-eerste", &started, 2);
      auto b = std::make_unique<Meets>("a-tweede", &started, 2);
      first = a.get();
      second = b.get();
      features.push_back(std::move(a));
      features.push_back(std::move(b));
      return features;
    }, threads);
    builder.build();
    INFO("threads " << threads);
    // Two workers: each finish() saw the other one start. One worker: the first waited in vain.
    CHECK(first->met == (threads == 2));
    CHECK(second->met);
    Diagnostics diags;
    builder.report(diags);
    std::vector<std::string> order;
    for (const auto& d : diags.take()) order.push_back(d.path);
    CHECK(order == std::vector<std::string>{"b-eerste", "a-tweede"});  // feature order, not path order
    CHECK(*builder.files().get("b-eerste.txt") == "b-eerste");
    CHECK(*builder.files().get("a-tweede.txt") == "a-tweede");
  }
}
