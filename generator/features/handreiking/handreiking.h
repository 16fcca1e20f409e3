#pragma once
// The handreiking begeleidingsnoodzaak (docs/handreiking.md): from one data file (wijzer.yaml
// `handreiking.data`, by default content/hulpmiddelen/handreiking/aspecten.json) the build makes
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

class Handreiking : public Feature {
 public:
  /// `data_path` replaces wijzer.yaml's `handreiking.data` (tests).
  explicit Handreiking(std::string data_path = "") : path_(std::move(data_path)) {}
  /// The form definition, for Forms (which consumes it, so the pipeline loads this feature first).
  std::vector<std::type_index> provides() const override { return {model<GeneratedForms>()}; }
  void load(LoadContext& ctx) override;

 private:
  std::string path_;
};

}  // namespace wijzer
