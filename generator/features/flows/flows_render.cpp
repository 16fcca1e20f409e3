#include "flows_render.h"

#include <functional>
#include <set>

#include "paths.h"
#include "text.h"

namespace wijzer::flows {
namespace {

using nlohmann::json;

std::string esc(const std::string& s) { return html_escape(s); }

/// Plain text → paragraphs (blank lines separate them; single newlines are spaces).
std::string paragraphs(const std::string& text, const std::string& cls = "") {
  std::string out, para;
  auto flush = [&] {
    if (para.empty()) return;
    out += "<p" + (cls.empty() ? "" : " class=\"" + cls + "\"") + ">" + esc(para) + "</p>\n";
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

std::string read_more(const RenderInput& in, const std::string& from, const Node& node) {
  if (node.links.empty()) return "";
  std::string out = "<div class=\"stroom-lees-meer\"><p class=\"stroom-lees-meer__kop\">Lees meer</p><ul>\n";
  for (const auto& ref : node.links)
    if (ref.page >= 0) out += "<li><a href=\"" + esc(ref_url(in, from, ref)) + "\">" + esc(ref_title(in, ref)) + "</a></li>\n";
  return out + "</ul></div>\n";
}

std::string evidence_label(const std::string& bewijs) {
  if (bewijs == "sterk") return "sterk bewijs";
  if (bewijs == "redelijk") return "redelijk bewijs";
  if (bewijs == "beperkt") return "beperkt bewijs";
  return "bewijs onbekend";
}

/// The outcome's body: text, trajecten ordered by evidence, next steps.
std::string outcome_body(const RenderInput& in, const std::string& from, const Node& node, const std::string& heading) {
  std::string out = paragraphs(node.text);
  if (!node.trajecten.empty()) {
    out += "<" + heading + ">" + (in.flow.audience == "professionals" ? "Wat hierbij past" : "Welke hulp past") + "</" +
           heading + ">\n<ol class=\"stroom-trajecten\">\n";
    for (const auto& ref : node.trajecten) {
      if (ref.page < 0) continue;
      const json& fields = in.content.pages[ref.page].meta.fields;
      out += "<li class=\"stroom-traject\"><a class=\"stroom-traject__naam\" href=\"" + esc(ref_url(in, from, ref)) + "\">" +
             esc(ref_title(in, ref)) + "</a>";
      const std::string bewijs = field_text(fields, "bewijs");
      if (!bewijs.empty()) out += " <span class=\"stroom-bewijs stroom-bewijs--" + esc(bewijs) + "\">" + esc(evidence_label(bewijs)) + "</span>";
      if (!ref.reason.empty()) out += "<p>" + esc(ref.reason) + "</p>";
      std::string where = field_text(fields, "regio");
      if (!where.empty()) {
        if (where == "landelijk") where = "in heel Nederland";
        else if (where == "onbekend") where = "niet bekend; vraag ernaar";
        out += "<p class=\"stroom-traject__feit\"><span class=\"stroom-traject__label\">Waar:</span> " + esc(where) + "</p>";
      }
      const std::string who = field_text(fields, "aanbieder");
      if (!who.empty())
        out += "<p class=\"stroom-traject__feit\"><span class=\"stroom-traject__label\">Wie biedt het:</span> " + esc(who) + "</p>";
      out += "</li>\n";
    }
    out += "</ol>\n";
  }
  if (!node.next_steps.empty()) {
    out += "<" + heading + ">" + (in.flow.audience == "professionals" ? "Volgende stap" : "Wat kun je nu doen?") + "</" +
           heading + ">\n<ul class=\"stroom-vervolg\">\n";
    for (const auto& step : node.next_steps) out += "<li>" + esc(step) + "</li>\n";
    out += "</ul>\n";
  }
  return out + read_more(in, from, node);
}

std::string answer_label(const Flow& flow, const Step& step) {
  const Node* node = flow.find(step.node);
  if (!node) return step.answer;
  for (const auto& a : node->answers)
    if (a.id == step.answer) return a.label;
  return step.answer;
}

/// "How you may have got here": the enumerated routes to an outcome.
std::string routes_html(const RenderInput& in, const Node& outcome) {
  std::vector<const Path*> routes;
  for (const auto& p : in.paths)
    if (p.outcome == outcome.id) routes.push_back(&p);
  if (routes.empty()) return "";
  const size_t shown_max = 8;
  std::string out = "<section class=\"stroom-routes\" aria-labelledby=\"stroom-routes-kop\">\n<h2 id=\"stroom-routes-kop\">";
  out += routes.size() == 1 ? "Zo kom je hier" : "Zo kun je hier gekomen zijn";
  out += "</h2>\n<p>Deze pagina weet niet welke antwoorden je gaf. ";
  out += routes.size() == 1 ? "Er is één route naar deze uitkomst:" : "Er zijn " + std::to_string(routes.size()) + " routes naar deze uitkomst" +
                                  (routes.size() > shown_max ? "; hieronder de eerste " + std::to_string(shown_max) : "") + ":";
  out += " Met de <a href=\"index.html\">keuzehulp</a> zie je je eigen antwoorden op een rij.</p>\n<ol class=\"stroom-routes__lijst\">\n";
  for (size_t r = 0; r < routes.size() && r < shown_max; ++r) {
    out += "<li><ul>";
    for (const Step& step : routes[r]->steps) {
      const Node* node = in.flow.find(step.node);
      if (!node || node->kind != Kind::question) continue;
      out += "<li><a href=\"" + esc(step.node) + ".html\">" + esc(node->title) + "</a>: " + esc(answer_label(in.flow, step)) + "</li>";
    }
    out += "</ul></li>\n";
  }
  return out + "</ol>\n</section>\n";
}

/// What the wizard says when Volgende is pressed without an answer: the question's own "fout",
/// or a general message.
std::string error_message(const Node& node) { return node.error.empty() ? "Kies een antwoord." : node.error; }

std::string wizard_step(const RenderInput& in, const Node& node) {
  const std::string from = wizard_output(in);
  const int rest = in.to_go.count(node.id) ? in.to_go.at(node.id) : 0;
  std::string out = "<div class=\"stroom-stap\" id=\"stap-" + esc(node.id) + "\" data-node=\"" + esc(node.id) + "\" data-kind=\"" +
                    kind_name(node.kind) + "\" data-rest=\"" + std::to_string(rest) + "\" tabindex=\"-1\" hidden>\n";
  switch (node.kind) {
    case Kind::question: {
      out += "<fieldset class=\"stroom-vraag\"" +
             (node.help.empty() ? std::string() : " aria-describedby=\"uitleg-" + esc(node.id) + "\"") + ">\n";
      out += "<legend class=\"stroom-vraag__tekst\">" + esc(node.title) + "</legend>\n";
      if (!node.help.empty()) out += "<div class=\"stroom-uitleg\" id=\"uitleg-" + esc(node.id) + "\">" + paragraphs(node.help) + "</div>\n";
      out += "<p class=\"stroom-fout\" id=\"fout-" + esc(node.id) + "\" hidden>" + esc(error_message(node)) + "</p>\n";
      out += "<div class=\"stroom-keuzes\">\n";
      for (const auto& a : node.answers) {
        const std::string id = "k-" + node.id + "-" + a.id;
        out += "<div class=\"stroom-keuze\" data-answer=\"" + esc(a.id) + "\"";
        if (!a.when.is_null()) out += " data-als=\"" + esc(a.when.dump()) + "\"";
        out += "><input type=\"radio\" name=\"" + esc(node.id) + "\" id=\"" + esc(id) + "\" value=\"" + esc(a.id) +
               "\"><label for=\"" + esc(id) + "\">" + esc(a.label) + "</label></div>\n";
      }
      out += "</div>\n</fieldset>\n" + read_more(in, from, node);
      break;
    }
    case Kind::info:
      out += "<h2 class=\"stroom-stap__kop\">" + esc(node.title) + "</h2>\n" + paragraphs(node.text) + read_more(in, from, node);
      break;
    case Kind::outcome:
      out += "<h2 class=\"stroom-stap__kop\">" + esc(node.title) + "</h2>\n" + outcome_body(in, from, node, "h3");
      break;
  }
  return out + "</div>\n";
}

}  // namespace

std::string node_output(const RenderInput& in, const std::string& node_id) { return in.dir + node_id + ".html"; }
std::string wizard_output(const RenderInput& in) { return in.dir + "index.html"; }
std::string diagram_output(const RenderInput& in) { return in.dir + "schema.html"; }

std::string node_html(const RenderInput& in, const Node& node) {
  const std::string from = node_output(in, node.id);
  std::string out;
  switch (node.kind) {
    case Kind::question: {
      if (!node.help.empty()) out += "<div class=\"stroom-uitleg\">" + paragraphs(node.help) + "</div>\n";
      out += "<h2 class=\"stroom-keuzes__kop\">Kies je antwoord</h2>\n<ul class=\"stroom-links\">\n";
      for (const auto& a : node.answers) {
        out += "<li><a class=\"stroom-link\" data-answer=\"" + esc(a.id) + "\" href=\"" + esc(a.next) + ".html\">" + esc(a.label) + "</a>";
        if (!a.when_text.empty()) out += " <span class=\"stroom-voorwaarde\">(alleen als " + esc(a.when_text) + ")</span>";
        out += "</li>\n";
      }
      out += "</ul>\n" + read_more(in, from, node);
      break;
    }
    case Kind::info:
      out += paragraphs(node.text);
      out += "<p><a class=\"stroom-link stroom-link--verder\" data-answer=\"" + std::string(kInfoAnswer) + "\" href=\"" +
             esc(node.next) + ".html\">Verder</a></p>\n" + read_more(in, from, node);
      break;
    case Kind::outcome:
      out += "<div class=\"stroom-mijn-route\" id=\"stroom-mijn-route\" hidden></div>\n";
      out += outcome_body(in, from, node, "h2");
      out += routes_html(in, node);
      break;
  }
  out += "<nav class=\"stroom-onder\" aria-label=\"Stroomschema\"><ul>";
  if (node.id != in.flow.start)
    out += "<li><a href=\"" + esc(in.flow.start) + ".html\">Opnieuw beginnen</a></li>";
  out += "<li><a href=\"index.html\">Keuzehulp: " + esc(in.flow.title) + "</a></li>";
  out += "<li><a href=\"schema.html\">Het hele stroomschema</a></li></ul></nav>\n";
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

std::string wizard_html(const RenderInput& in) {
  std::string out = paragraphs(in.flow.intro);
  out += "<div class=\"stroom-begin\">\n<p>Je kunt de vragen ook pagina voor pagina doorlopen, zonder JavaScript of om af te drukken.</p>\n"
         "<ul><li><a class=\"stroom-begin__link\" href=\"" + esc(in.flow.start) + ".html\">Begin bij de eerste vraag</a></li>"
         "<li><a href=\"schema.html\">Bekijk het hele stroomschema</a></li></ul>\n</div>\n";
  out += "<section class=\"stroom-app\" id=\"stroom-app\" aria-labelledby=\"stroom-app-kop\" hidden>\n";
  out += "<h2 id=\"stroom-app-kop\" class=\"visueel-verborgen\">Keuzehulp</h2>\n";
  out += "<p class=\"stroom-voortgang\" id=\"stroom-voortgang\" aria-live=\"polite\"></p>\n";
  out += "<progress class=\"stroom-balk\" id=\"stroom-balk\" max=\"1\" value=\"0\" aria-hidden=\"true\"></progress>\n";
  out += "<form class=\"stroom-formulier\" id=\"stroom-formulier\" novalidate>\n";
  for (const Node& node : in.flow.nodes) out += wizard_step(in, node);
  out += "<div class=\"stroom-knoppen\" id=\"stroom-knoppen\">"
         "<button type=\"submit\" class=\"knop stroom-volgende\" id=\"stroom-volgende\">Volgende</button>"
         "<button type=\"button\" class=\"knop knop--tweede stroom-vorige\" id=\"stroom-vorige\">Vorige</button></div>\n";
  out += "</form>\n";
  out += "<section class=\"stroom-controle\" id=\"stroom-controle\" aria-labelledby=\"stroom-controle-kop\" hidden>\n"
         "<h3 id=\"stroom-controle-kop\">Controleer je antwoorden</h3>\n<dl class=\"stroom-samenvatting\" id=\"stroom-samenvatting\"></dl>\n</section>\n";
  out += "<div class=\"stroom-acties\"><button type=\"button\" class=\"knop knop--tweede\" id=\"stroom-opnieuw\">Opnieuw beginnen</button>"
         "<button type=\"button\" class=\"knop knop--tweede\" id=\"stroom-print\" hidden>Uitkomst afdrukken</button></div>\n";
  std::string data = wizard_data(in).dump();
  // No '<' at all inside <script>: "</script" would end it and "<!--<script" would make the parser
  // swallow the rest of the page. In JSON text '<' only occurs inside strings, where \u003c is it.
  for (size_t at = data.find('<'); at != std::string::npos; at = data.find('<', at + 6)) data.replace(at, 1, "\\u003c");
  out += "<script type=\"application/json\" id=\"stroom-data\">" + data + "</script>\n";
  return out + "</section>\n";
}

std::string text_list_html(const RenderInput& in) {
  std::set<std::string> listed;
  std::function<std::string(const std::string&)> item = [&](const std::string& id) -> std::string {
    const Node* node = in.flow.find(id);
    if (!node) return "";
    const std::string link = "<a href=\"" + esc(id) + ".html\">" + esc(node->title) + "</a>";
    if (!listed.insert(id).second) return "verder bij " + link + " (zie hierboven)";
    const char* kind = node->kind == Kind::question ? "vraag" : node->kind == Kind::info ? "uitleg" : "uitkomst";
    std::string out = "<span class=\"stroom-lijst__soort\">" + std::string(kind) + ":</span> " + link;
    if (node->kind == Kind::question) {
      out += "\n<ul>\n";
      for (const auto& a : node->answers)
        out += "<li><span class=\"stroom-lijst__antwoord\">" + esc(a.label) + "</span>" +
               (a.when_text.empty() ? "" : " <span class=\"stroom-voorwaarde\">(alleen als " + esc(a.when_text) + ")</span>") +
               " → " + item(a.next) + "</li>\n";
      out += "</ul>\n";
    } else if (node->kind == Kind::info) {
      out += "\n<ul><li>" + item(node->next) + "</li></ul>\n";
    }
    return out;
  };
  return "<ul class=\"stroom-lijst\">\n<li>" + item(in.flow.start) + "</li>\n</ul>\n";
}

std::string diagram_html(const RenderInput& in, const std::string& svg) {
  std::string out = "<p>Elk vak is een stap: een vraag, een uitleg of een uitkomst. Klik op een vak om die stap te openen. "
                    "Dezelfde stappen staan hieronder als lijst, ook voor schermlezers en om af te drukken.</p>\n";
  out += "<p><a href=\"index.html\">Naar de keuzehulp</a></p>\n";
  out += "<h2 id=\"diagram\">Diagram</h2>\n";
  out += "<section class=\"stroom-diagram\" aria-label=\"Diagram van het stroomschema (schuifbaar)\" tabindex=\"0\">\n" + svg +
         "\n</section>\n";
  out += "<h2 id=\"als-lijst\">Als lijst</h2>\n" + text_list_html(in);
  return out;
}

}  // namespace wijzer::flows
