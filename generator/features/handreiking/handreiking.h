#pragma once
// The handreiking begeleidingsnoodzaak (docs/handreiking.md): from one data file,
// content/hulpmiddelen/handreiking/aspecten.json, the build makes
//   - the voorbeeldvragen pages: one per aspect and an overview (markdown pages, so links,
//     headings, search and glossary treat them like any page);
//   - the blank gespreksformulier and the page that shows the form (invullen);
//   - the form definition "handreiking", handed to Forms in memory (the model GeneratedForms).
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
  explicit Handreiking(std::string data_path = kHandreikingData) : path_(std::move(data_path)) {}
  /// The form definition, for Forms (which consumes it, so the pipeline loads this feature first).
  std::vector<std::type_index> provides() const override { return {model<GeneratedForms>()}; }
  void load(LoadContext& ctx) override;

 private:
  std::string path_;
};

}  // namespace wijzer
