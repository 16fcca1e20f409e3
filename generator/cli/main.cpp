// wijzer: compiles content/, templates/ and site-assets/ into a static portal.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "build_info.h"
#include "diagnostics.h"
#include "eval_command.h"
#include "new_command.h"
#include "offline.h"
#include "output.h"
#include "paths.h"
#include "serve.h"
#include "portal.h"
#include "site.h"
#include "source.h"
#include "theme.h"

// jemalloc's settings, read when it starts (the binary links it; without it this is unused):
// - freed pages go back to the system after 1 s instead of 10, so the memory of pages already
//   written is reused or returned while a large build runs (10,000 pages: peak 157 → 140 MB);
// - its memory in huge pages where the kernel allows them (transparent huge pages "madvise" or
//   "always"): 45,000 page faults → 8,000 on 10,000 pages, 2.17 → 1.95 s CPU and 1.14 → 1.02 s
//   wall (medians of 8, alternating), for 12 MB more peak memory (131 → 143 MB);
// - blocks up to 64 KiB cached per thread (default 32 KiB): libyaml takes a 48 KiB buffer for
//   every front matter it parses. Content stage 223 → 205 ms CPU, the build 1.22 → 1.16 s wall
//   (medians of 6 and 8, alternating); 256 KiB was no better.
extern "C" {
const char* malloc_conf = "dirty_decay_ms:1000,thp:always,tcache_max:65536";
}

namespace fs = std::filesystem;
using namespace wijzer;

namespace {

constexpr int kOk = 0, kContentError = 1, kUsageError = 2;

void print_diagnostics(const Diagnostics& diags) {
  for (const auto& d : diags.sorted()) std::cerr << format_diagnostic(d) << "\n";
}

std::string seconds_since(std::chrono::steady_clock::time_point start) {
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", s);
  std::string out = buf;
  for (auto& c : out)
    if (c == '.') c = ',';
  return out + " s";
}

bool valid_source(const fs::path& source) {
  if (!fs::is_directory(source / "content")) {
    std::cerr << "wijzer: " << source.string() << " heeft geen map content/ (gebruik --source MAP)\n";
    return false;
  }
  if (!fs::exists(source / "templates") && !installed_theme()) {
    std::cerr << "wijzer: " << source.string()
              << " heeft geen map templates/ en er is geen geïnstalleerd thema (zie docs/install.md)\n";
    return false;
  }
  return true;
}

/// The folder itself when it exists, else its nearest existing parent's real path plus the rest.
fs::path real_path(const fs::path& path) {
  std::error_code ec;
  fs::path real = fs::weakly_canonical(fs::absolute(path, ec), ec);
  return ec ? fs::absolute(path).lexically_normal() : real;
}

/// Refuses output folders whose replacement would destroy sources or files wijzer did not write.
bool safe_output(const fs::path& source, const fs::path& out) {
  const fs::path dst = real_path(out);
  // Each source folder by its real path: a symlinked content/ is protected where it really is.
  bool overlaps = path_within(real_path(source), dst);
  for (const char* folder : {"content", "templates", "site-assets"})
    overlaps = overlaps || path_within(dst, real_path(source / folder));
  if (overlaps) {
    std::cerr << "wijzer: --out " << out.string() << " zou de bronbestanden overschrijven\n";
    return false;
  }
  if (const std::string refusal = output_refusal(resolve_output(out)); !refusal.empty()) {
    std::cerr << "wijzer: --out " << out.string() << " " << refusal << "; er is niets gewijzigd\n";
    return false;
  }
  return true;
}

int run_build(const fs::path& source, const fs::path& out, unsigned threads) {
  if (!valid_source(source) || !safe_output(source, out)) return kUsageError;
  const auto start = std::chrono::steady_clock::now();
  const ThemedTree tree(source, installed_theme());
  Diagnostics diags;
  try {
    StagedDirectory staged(resolve_output(out));
    BuildStats stats = build_site(tree, staged, diags, threads, BuilderEnd::keep_until_exit);
    print_diagnostics(diags);
    if (diags.has_errors()) {
      std::cerr << diags.error_count() << " fout(en); " << out.string() << " is niet gewijzigd\n";
      return kContentError;
    }
    // The zip of the whole site goes into the staging folder too, so the swap publishes both at once.
    Diagnostics config_diags;  // reported by the build already
    const Config config = load_config(tree, config_diags);
    if (offline_zip_enabled(tree, config)) {
      const auto zip_start = std::chrono::steady_clock::now();
      const size_t bytes = add_offline_zip(staged.staging(), config.offline.name);
      if (std::getenv("WIJZER_TIMINGS"))  // like the stage times of site.cpp (bench/)
        std::fprintf(stderr, "  %-10s %7.1f ms (%zu bytes)\n", "zip",
                     std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - zip_start).count(), bytes);
    }
    staged.commit();
    std::cout << stats.pages << " pagina's, " << stats.files << " bestanden in " << seconds_since(start) << " → "
              << out.string() << "\n";
  } catch (const std::exception& e) {
    print_diagnostics(diags);
    std::cerr << "wijzer: " << e.what() << "\n";
    return kContentError;
  }
  return kOk;
}

int run_check(const fs::path& source, unsigned threads) {
  if (!valid_source(source)) return kUsageError;
  const auto start = std::chrono::steady_clock::now();
  const ThemedTree tree(source, installed_theme());
  Diagnostics diags;
  MemorySink discard(false);
  BuildStats stats = build_site(tree, discard, diags, threads, BuilderEnd::keep_until_exit);
  print_diagnostics(diags);
  if (diags.has_errors()) {
    std::cerr << diags.error_count() << " fout(en), " << diags.warning_count() << " waarschuwing(en)\n";
    return kContentError;
  }
  std::cout << stats.pages << " pagina's gecontroleerd in " << seconds_since(start) << ": geen fouten, "
            << diags.warning_count() << " waarschuwing(en)\n";
  return kOk;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"wijzer: bouwt de Begeleidingswijzer (of elke map met markdown) tot een statische site."};
  app.set_version_flag("--version", std::string("wijzer ") + wijzer_version());
  app.require_subcommand(1);

  std::string source = ".", out = "_site";
  unsigned threads = 0;
  // Each thread has its own stack and buffers: a huge count aborts instead of helping.
  const CLI::Range kThreadRange(0u, 256u);

  auto* build = app.add_subcommand("build", "Bouw de site in een map (standaard _site).");
  build->add_option("--source", source, "Map met content/, templates/ en site-assets/")->capture_default_str();
  build->add_option("--out", out, "Uitvoermap; wordt pas vervangen als de bouw slaagt")->capture_default_str();
  build->add_option("--threads", threads, "Aantal threads (0: alle kernen)")->capture_default_str()->check(kThreadRange);

  auto* check = app.add_subcommand("check", "Controleer alles zonder iets te schrijven.");
  check->add_option("--source", source, "Map met content/, templates/ en site-assets/")->capture_default_str();
  check->add_option("--threads", threads, "Aantal threads (0: alle kernen)")->capture_default_str()->check(kThreadRange);

  ServeOptions serve_options;
  std::string serve_source = ".";
  auto* serve_cmd = app.add_subcommand(
      "serve", "Bouw de site in het geheugen, toon haar op http://127.0.0.1:POORT/ en bouw opnieuw bij elke wijziging.");
  serve_cmd->add_option("--source", serve_source, "Map met content/, templates/ en site-assets/")->capture_default_str();
  serve_cmd->add_option("--port", serve_options.port, "Poort op 127.0.0.1 (0: een vrije poort)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  serve_cmd->add_option("--threads", serve_options.threads, "Aantal threads (0: alle kernen)")->capture_default_str()->check(kThreadRange);
  serve_cmd->footer(
      "Schrijft niets naar schijf: de site staat in het geheugen. Open pagina's laden vanzelf opnieuw;\n"
      "een fout staat in de terminal en in de browser, terwijl de laatste goede versie zichtbaar blijft.");

  std::string new_dir;
  auto* new_cmd = app.add_subcommand("new", "Maak een nieuwe portal met een voorbeeld van elk onderdeel in MAP.");
  new_cmd->add_option("MAP", new_dir, "Een nieuwe of lege map")->required();
  new_cmd->footer("De portal gebruikt het geïnstalleerde thema; MAP/README.md zegt wat u kunt aanpassen.");

  std::string rule, data;
  auto* eval = app.add_subcommand("eval", "Evalueer één JSON Logic-regel en druk het resultaat af als JSON.");
  eval->add_option("RULE", rule, "De regel als JSON-tekst, of @bestand")->required();
  eval->add_option("DATA", data, "De gegevens als JSON-tekst, of @bestand (standaard null)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kOk : kUsageError;
  }
  if (*build) return run_build(source, out, threads);
  if (*check) return run_check(source, threads);
  if (*serve_cmd) {
    if (!valid_source(serve_source)) return kUsageError;
    serve_options.source = serve_source;
    return serve(serve_options, std::cout, std::cerr);
  }
  if (*new_cmd) {
    const auto theme = installed_theme();
    return run_new(theme ? *theme / "starter" : fs::path("share/wijzer/starter"), new_dir, std::cout, std::cerr);
  }
  if (*eval) return run_eval(rule, data, std::cout, std::cerr);
  return kUsageError;
}
