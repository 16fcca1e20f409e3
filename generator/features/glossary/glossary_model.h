#pragma once
#include <string>
#include <vector>

namespace wijzer {

/// The glossary as other features see it: a model the Glossary feature publishes in load()
/// (Feature::provides) and Search reads (Feature::consumes), so the terms, their anchors and the
/// page that lists them have one owner.
struct GlossaryModel {
  /// One term as its entry states it.
  struct Entry {
    std::string term;                   ///< as written
    std::string anchor;                 ///< its id on the glossary page ("begrip-…", unique)
    std::string definition;             ///< "definitie"
    std::vector<std::string> variants;  ///< "varianten" as written (text entries only)
    std::string client_definition;      ///< "voor_clienten": the same in plain words (B1), or empty
    bool jargon = false;                ///< "jargon": clients need it explained at first use
  };
  std::string page_source;  ///< the page that lists the terms, relative to content/
  std::vector<Entry> terms;
};

}  // namespace wijzer
