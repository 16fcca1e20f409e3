#pragma once
// The handreiking begeleidingsnoodzaak (docs/handreiking.md): from one data file,
// content/hulpmiddelen/handreiking/aspecten.json, the build makes
//   - the voorbeeldvragen pages: one per aspect and an overview (markdown pages, so links,
//     headings, search and glossary treat them like any page);
//   - the blank gespreksformulier and the page that shows the form (invullen);
//   - the form definition "handreiking", handed to Forms in memory (GeneratedForms).
// Absent file: nothing. Problems are errors at aspecten.json:line:col, all in one run.
#include <memory>
#include <string>

#include "feature.h"
#include "forms.h"

namespace wijzer {

/// Where the handreiking's data lives (relative to the source root).
inline constexpr const char* kHandreikingData = "content/hulpmiddelen/handreiking/aspecten.json";

class Handreiking : public Feature {
 public:
  /// `forms` receives the generated form definition; portal_features() passes the same object
  /// to Forms and lists this feature first, so the definition exists when Forms loads.
  explicit Handreiking(std::shared_ptr<GeneratedForms> forms, std::string data_path = kHandreikingData)
      : forms_(std::move(forms)), path_(std::move(data_path)) {}
  void load(const SourceTree& tree, ContentTree& content, Diagnostics& diags) override;

 private:
  std::shared_ptr<GeneratedForms> forms_;
  std::string path_;
};

}  // namespace wijzer
