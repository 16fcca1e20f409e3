#include "flows_render.h"

#include <functional>
#include <set>

#include "paths.h"

namespace wijzer::flows {
namespace {

using nlohmann::json;

/// Plain text → paragraphs (blank lines separate them; single newlines are spaces).
json paragraphs(const std::string& text) {
  json out = json::array();
  std::string para;
  auto flush = [&] {
    if (para.empty()) return;
    out.push_back(para);
    para.clear();
  };
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(pos, end - pos);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    if (line.find_first_not_of(' ') == std::string::npos) flush();
    else {
      if (!para.empty()) para += ' ';
      para.append(line, line.find_first_not_of(' '));
    }
    pos = end + 1;
  }
  flush();
  return out;
}

std::string field_text(const json& fields, const char* key) {
  if (!fields.is_object() || !fields.contains(key)) return "";
  const json& v = fields[key];
  if (v.is_string()) return v.get<std::string>();
  if (v.is_array()) {
    std::string s;
    for (const auto& item : v)
      if (item.is_string()) s += (s.empty() ? "" : ", ") + item.get<std::string>();
    return s;
  }
  return "";
}

std::string ref_url(const RenderInput& in, const std::string& from, const PageRef& ref) {
  if (ref.page < 0) return "";
  return relative_url(from, in.content.pages[ref.page].output) + (ref.fragment.empty() ? "" : "#" + ref.fragment);
}

std::string ref_title(const RenderInput& in, const PageRef& ref) {
  if (!ref.label.empty()) return ref.label;
  return ref.page >= 0 ? in.content.pages[ref.page].meta.title : ref.link;
}

std::string page_of(const std::string& node_id) { return node_page(node_id); }

/// Contacts for the templates: name, text, url (and url_text: the address without "https://",
/// no trailing '/'), phone (non-breaking; and tel: the digits for a tel: link).
json contacts_data(const std::vector<Contact>& contacts) {
  json out = json::array();
  for (const Contact& c : contacts) {
    std::string shown = c.website.substr(c.website.rfind("https://", 0) == 0 ? 8 : 0);
    if (!shown.empty() && shown.back() == '/') shown.pop_back();
    // The number never breaks over two lines: non-breaking spaces and hyphens in the text shown.
    std::string tel, shown_phone;
    for (char ch : c.phone) {
      if (ch >= '0' && ch <= '9') tel += ch;
      shown_phone += ch == ' ' ? "\u00a0" : ch == '-' ? "\u2011" : std::string(1, ch);
    }
    out.push_back({{"name", c.name}, {"text", c.text}, {"url", c.website}, {"url_text", shown}, {"phone", shown_phone}, {"tel", tel}});
  }
  return out;
}

/// "Lees meer" links of any node (`has_read_more`, `read_more`: url, title).
void add_read_more(const RenderInput& in, const std::string& from, const Node& node, json& out) {
  json links = json::array();
  for (const auto& ref : node.links)
    if (ref.page >= 0) links.push_back({{"url", ref_url(in, from, ref)}, {"title", ref_title(in, ref)}});
  out["has_read_more"] = !node.links.empty();
  out["read_more"] = std::move(links);
}

/// The outcome's body: text, trajecten ordered by evidence (with the facts of their pages), next steps.
void add_outcome(const RenderInput& in, const std::string& from, const Node& node, json& out) {
  out["text"] = paragraphs(node.text);
  json trajecten = json::array();
  for (const auto& ref : node.trajecten) {
    if (ref.page < 0) continue;
    const json& fields = in.content.pages[ref.page].meta.fields;
    json t = {{"url", ref_url(in, from, ref)}, {"title", ref_title(in, ref)}, {"reason", ref.reason}};
    const std::string evidence = field_text(fields, "bewijs");
    t["evidence"] = evidence;
    if (!evidence.empty()) {
      const bool known = evidence == "sterk" || evidence == "redelijk" || evidence == "beperkt";
      t[std::string("evidence_") + (known ? evidence : "onbekend")] = true;
    }
    const std::string where = field_text(fields, "regio");
    t["where"] = where;
    if (where == "landelijk") t["where_nationwide"] = true;
    else if (where == "onbekend") t["where_unknown"] = true;
    t["who"] = field_text(fields, "aanbieder");
    trajecten.push_back(std::move(t));
  }
  out["has_trajecten"] = !node.trajecten.empty();
  out["trajecten"] = std::move(trajecten);
  out["has_next_steps"] = !node.next_steps.empty();
  out["next_steps"] = node.next_steps;
  out["has_contacts"] = !node.contacts.empty();
  out["contacts"] = contacts_data(node.contacts);
  out["has_bring"] = !node.bring.empty();
  out["bring"] = node.bring;
  out["has_ask"] = !node.ask.empty();
  out["ask"] = node.ask;
  const ExtraHelp& help = in.flow.refusal;
  out["has_refusal"] = !help.title.empty();
  out["refusal"] = {{"title", help.title}, {"text", paragraphs(help.text)}, {"contacts", contacts_data(help.contacts)}};
  out["has_stand"] = !in.flow.contacts_date.empty() && (!node.contacts.empty() || !help.title.empty());
  out["stand"] = in.flow.contacts_date;
  add_read_more(in, from, node, out);
}

std::string answer_label(const Flow& flow, const Step& step) {
  const Node* node = flow.find(step.node);
  if (!node) return step.answer;
  for (const auto& a : node->answers)
    if (a.id == step.answer) return a.label;
  return step.answer;
}

/// The keys every flow page has.
json common(const RenderInput& in) {
  return {{"flow", in.flow.id},
          {"flow_title", in.flow.title},
          {"professionals", in.flow.audience == "professionals"},
          {"wizard_url", "index.html"},
          {"diagram_url", "schema.html"},
          {"start_url", page_of(in.flow.start)}};
}

void add_kind(const Node& node, json& out) {
  out["kind"] = kind_name(node.kind);
  out["is_question"] = node.kind == Kind::question;
  out["is_info"] = node.kind == Kind::info;
  out["is_outcome"] = node.kind == Kind::outcome;
}

/// One step of the wizard (templates/wizard/step.mustache).
json wizard_step(const RenderInput& in, const Node& node) {
  const std::string from = wizard_output(in);
  json out = {{"node", node.id}, {"title", node.title}, {"rest", in.to_go.count(node.id) ? in.to_go.at(node.id) : 0}};
  add_kind(node, out);
  switch (node.kind) {
    case Kind::question: {
      out["has_help"] = !node.help.empty();
      out["help"] = paragraphs(node.help);
      out["error"] = node.error;
      json answers = json::array();
      for (const auto& a : node.answers) {
        json answer = {{"id", a.id}, {"label", a.label}, {"als", a.when.is_null() ? std::string() : a.when.dump()}};
        answers.push_back(std::move(answer));
      }
      out["answers"] = std::move(answers);
      add_read_more(in, from, node, out);
      break;
    }
    case Kind::info:
      out["text"] = paragraphs(node.text);
      add_read_more(in, from, node, out);
      break;
    case Kind::outcome:
      add_outcome(in, from, node, out);
      break;
  }
  return out;
}

}  // namespace

std::string node_page(const std::string& node_id) { return node_id + ".html"; }
std::string node_output(const RenderInput& in, const std::string& node_id) { return in.dir + page_of(node_id); }
std::string wizard_output(const RenderInput& in) { return in.dir + "index.html"; }
std::string diagram_output(const RenderInput& in) { return in.dir + "schema.html"; }

json node_data(const RenderInput& in, const Node& node, const Visit* visit) {
  const std::string from = node_output(in, visit ? visit->page.substr(0, visit->page.size() - 5) : node.id);
  json out = common(in);
  out["node"] = node.id;
  out["is_start"] = node.id == in.flow.start && (!visit || visit->parent < 0);
  // Back: the page before on this route; at the start (or without a route) the flow's start page.
  out["back_url"] = visit && visit->parent >= 0 ? in.visits[static_cast<size_t>(visit->parent)].page : std::string("index.html");
  add_kind(node, out);
  // Where an answer leads on this route: the next visit's page.
  auto next_page = [&](const std::string& answer, const std::string& fallback) -> std::string {
    if (!visit) return page_of(fallback);
    for (const auto& [id, child] : visit->next)
      if (id == answer) return in.visits[static_cast<size_t>(child)].page;
    return "";
  };
  const std::vector<Step> before = visit ? steps_before(in.visits, static_cast<int>(visit - in.visits.data())) : std::vector<Step>();
  if (visit && node.kind == Kind::question) {
    int asked = 0;
    for (const Step& step : before)
      if (const Node* n = in.flow.find(step.node); n && n->kind == Kind::question) ++asked;
    out["progress_now"] = asked + 1;
    out["progress_total"] = asked + visit->questions_to_go;
  }
  switch (node.kind) {
    case Kind::question: {
      out["has_help"] = !node.help.empty();
      out["help"] = paragraphs(node.help);
      json answers = json::array();
      for (const auto& a : node.answers) {
        const std::string url = next_page(a.id, a.next);
        if (url.empty()) continue;  // this answer does not hold after the answers before it
        answers.push_back({{"id", a.id}, {"label", a.label}, {"url", url}, {"when_text", visit ? std::string() : a.when_text}});
      }
      out["answers"] = std::move(answers);
      add_read_more(in, from, node, out);
      break;
    }
    case Kind::info:
      out["text"] = paragraphs(node.text);
      out["info_answer"] = kInfoAnswer;
      out["next_url"] = next_page(kInfoAnswer, node.next);
      add_read_more(in, from, node, out);
      break;
    case Kind::outcome: {
      add_outcome(in, from, node, out);
      json given = json::array();
      if (visit)
        for (const Step& step : before) {
          const Node* n = in.flow.find(step.node);
          if (n && n->kind == Kind::question) given.push_back({{"question", n->title}, {"answer", answer_label(in.flow, step)}});
        }
      out["has_given"] = !given.empty();
      out["given"] = std::move(given);
      break;
    }
  }
  return out;
}

json wizard_data(const RenderInput& in) {
  json nodes = json::object();
  for (const Node& node : in.flow.nodes) {
    json n = {{"kind", kind_name(node.kind)}, {"title", node.title}};
    if (node.kind == Kind::info) n["next"] = node.next;
    if (node.kind == Kind::question) {
      json answers = json::array();
      for (const auto& a : node.answers) {
        json answer = {{"id", a.id}, {"label", a.label}, {"next", a.next}};
        if (!a.when.is_null()) answer["als"] = a.when;
        answers.push_back(answer);
      }
      n["answers"] = answers;
    }
    n["rest"] = in.to_go.count(node.id) ? in.to_go.at(node.id) : 0;
    nodes[node.id] = n;
  }
  return {{"flow", in.flow.id}, {"start", in.flow.start}, {"info_answer", kInfoAnswer}, {"nodes", nodes}};
}

std::string script_json(const json& value) {
  std::string data = value.dump();
  // No '<' at all inside <script>: "</script" would end it and "<!--<script" would make the parser
  // swallow the rest of the page. In JSON text '<' only occurs inside strings, where \u003c is it.
  for (size_t at = data.find('<'); at != std::string::npos; at = data.find('<', at + 6)) data.replace(at, 1, "\\u003c");
  return data;
}

json wizard_page_data(const RenderInput& in) {
  json out = common(in);
  out["in_wizard"] = true;
  out["intro"] = paragraphs(in.flow.intro);
  // The start page: the first paragraph above the Start button, the rest below it (GOV.UK).
  json rest = out["intro"];
  out["intro_first"] = rest.empty() ? json("") : rest[0];
  if (!rest.empty()) rest.erase(rest.begin());
  out["intro_rest"] = std::move(rest);
  json steps = json::array();
  for (const Node& node : in.flow.nodes) steps.push_back(wizard_step(in, node));
  out["steps"] = std::move(steps);
  out["script_json"] = script_json(wizard_data(in));
  return out;
}

json text_list(const RenderInput& in) {
  std::set<std::string> listed;
  json rows = json::array();
  // Each row ends with the lists it closes: a question's answer item, a question's list, an info's.
  std::function<void(const std::string&, const json&)> item = [&](const std::string& id, const json& row_start) {
    const Node* node = in.flow.find(id);
    if (!node) return;
    json row = row_start;
    row["url"] = page_of(id);
    row["title"] = node->title;
    row["close"] = json::array();
    const bool repeat = !listed.insert(id).second;
    row["repeat"] = repeat;
    if (!repeat) add_kind(*node, row);
    rows.push_back(std::move(row));
    if (repeat) return;
    if (node->kind == Kind::question) {
      rows.back()["open_question"] = true;
      for (const auto& a : node->answers) {
        item(a.next, {{"answer", a.label}, {"when_text", a.when_text}});
        rows.back()["close"].push_back({{"end_answer", true}});
      }
      rows.back()["close"].push_back({{"end_question", true}});
    } else if (node->kind == Kind::info) {
      rows.back()["open_info"] = true;
      item(node->next, json::object());
      rows.back()["close"].push_back({{"end_info", true}});
    }
  };
  item(in.flow.start, json::object());
  return rows;
}

json diagram_data(const RenderInput& in, const std::string& svg) {
  json out = common(in);
  out["svg"] = svg;
  out["rows"] = text_list(in);
  return out;
}

}  // namespace wijzer::flows
