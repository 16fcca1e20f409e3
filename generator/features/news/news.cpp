#include "news.h"

#include <algorithm>
#include <cctype>

#include "atom_feed.h"
#include "component_page.h"
#include "paths.h"

namespace wijzer {
namespace {

constexpr const char* kPageSource = "nieuw.md";
constexpr const char* kFeedFile = "nieuw.xml";

/// The title of the top-level section a page is in, "" for the home page and top-level pages.
std::string section_title(const ContentTree& content, int index) {
  int top = -1;
  for (int at = content.pages[index].parent; at > 0; at = content.pages[at].parent) top = at;
  if (top < 0 && content.pages[index].is_section && content.pages[index].parent == 0) top = index;
  return top < 0 ? "" : content.pages[top].meta.title;
}

/// "November 2026" from "2026-11-22" (the day left out of the Dutch date; a heading starts with a
/// capital, and Dutch month names are ASCII).
std::string month_of(const std::string& iso) {
  const std::string date = dutch_date(iso);
  const size_t space = date.find(' ');
  std::string month = space == std::string::npos ? date : date.substr(space + 1);
  if (!month.empty()) month[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(month[0])));
  return month;
}

}  // namespace

std::vector<News::Change> changes(const ContentTree& content) {
  std::vector<News::Change> out;
  for (size_t i = 0; i < content.pages.size(); ++i) {
    const Page& page = content.pages[i];
    if (page.meta.bijgewerkt.empty() || page.meta.draft || page.hidden || dutch_date(page.meta.bijgewerkt).empty()) continue;
    out.push_back({static_cast<int>(i), page.meta.bijgewerkt, section_title(content, static_cast<int>(i))});
  }
  std::sort(out.begin(), out.end(), [&](const News::Change& a, const News::Change& b) {
    if (a.date != b.date) return a.date > b.date;
    if (a.section != b.section) return a.section < b.section;
    const Page &pa = content.pages[a.page], &pb = content.pages[b.page];
    return pa.meta.title != pb.meta.title ? pa.meta.title < pb.meta.title : pa.output < pb.output;
  });
  return out;
}

void News::load(LoadContext& ctx) {
  enabled_ = ctx.tree.read("templates/nieuw.mustache").has_value();
  if (!enabled_) return;
  Page page = component_page(ctx.tree, kPageSource, "nieuw");
  feed_title_ = template_text(ctx.tree, "templates/nieuw/feed-title.mustache");
  if (!add_page(ctx.content, std::move(page), ctx.diags)) enabled_ = false;
}

void News::extend(const BuildContext& ctx, const Page& page, nlohmann::json& data, ContributionSlot&) const {
  if (!enabled_) return;
  const std::string root = root_prefix(page.output);
  data["nieuw"] = {{"url", root + output_path_for(kPageSource)}};
  if (page.source != kPageSource) return;
  data["feed"] = {{"url", relative_url(page.output, kFeedFile)}};
  nlohmann::json months = nlohmann::json::array();
  const std::vector<Change> all = changes(ctx.content);
  for (const Change& change : all) {
    const Page& target = ctx.content.pages[change.page];
    const std::string month = month_of(change.date);
    if (months.empty() || months.back()["month"] != month)
      months.push_back({{"month", month}, {"id", "maand-" + change.date.substr(0, 7)}, {"pages", nlohmann::json::array()}});
    months.back()["pages"].push_back({{"title", target.meta.title},
                                      {"url", relative_url(page.output, target.output)},
                                      {"section", change.section},
                                      {"date", dutch_date(change.date)},
                                      {"date_iso", change.date},
                                      {"description", target.meta.description}});
  }
  data["nieuw"]["months"] = std::move(months);
  data["nieuw"]["count"] = std::to_string(all.size());
}

void News::finish(const BuildContext& ctx, const PageContributions&, OutputSink& sink, Diagnostics&) {
  if (!enabled_) return;
  const std::string& base = ctx.config.news.base_url;  // empty: links relative to the feed
  const std::string site = ctx.config.site.title.empty() && !ctx.content.pages.empty()
                               ? ctx.content.pages[0].meta.title
                               : ctx.config.site.title;
  Feed feed;
  feed.title = feed_title_.empty() ? site : site + ": " + feed_title_;
  feed.author = site;
  feed.self_href = base + kFeedFile;
  feed.page_href = base + output_path_for(kPageSource);
  feed.key = base.empty() ? site + "/" + kFeedFile : base + kFeedFile;
  for (const Change& change : changes(ctx.content)) {
    const Page& page = ctx.content.pages[change.page];
    const std::string href = base.empty() ? relative_url(kFeedFile, page.output) : base + url_encode_path(page.output);
    feed.entries.push_back({change.section.empty() ? page.meta.title : page.meta.title + " (" + change.section + ")",
                            page.meta.description, href, change.date, feed.key + "#" + page.source + "@" + change.date});
  }
  sink.write(kFeedFile, atom_feed(feed));
}

}  // namespace wijzer
