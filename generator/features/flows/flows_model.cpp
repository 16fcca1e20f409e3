#include "flows_model.h"

#include <algorithm>
#include <functional>
#include <set>

#include "jsonlogic.h"
#include "paths.h"

namespace wijzer::flows {
namespace {

using nlohmann::json;

std::string text_of(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

bool blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
}

int evidence_rank(const ContentTree& content, int page) {
  if (page < 0) return 9;
  const json& fields = content.pages[page].meta.fields;
  const std::string bewijs = fields.is_object() ? text_of(fields, "bewijs") : "";
  if (bewijs == "sterk") return 0;
  if (bewijs == "redelijk") return 1;
  if (bewijs == "beperkt") return 2;
  return 3;  // onbekend or absent
}

/// At most this many "vervolg" steps on an outcome of a client flow.
constexpr size_t kMaxClientSteps = 3;

bool valid_website(const std::string& url) {
  if (url.rfind("https://", 0) != 0 || url.size() <= 8) return false;
  return std::none_of(url.begin(), url.end(), [](unsigned char c) { return c <= ' ' || c == '"' || c == '<' || c == '>' || c == '\'' || c == 127; });
}

bool valid_phone(const std::string& phone) {
  size_t digits = 0;
  for (char c : phone) {
    if (c >= '0' && c <= '9') ++digits;
    else if (c != ' ' && c != '-') return false;
  }
  return digits >= 3 && digits <= 15;
}

class Reader {
 public:
  Reader(Flow& flow, const ContentTree& content, Diagnostics& diags) : flow_(flow), content_(content), diags_(diags) {}

  void error(const std::string& pointer, const std::string& message) { flow_.file.error(diags_, pointer, message); }

  std::string required_text(const json& object, const std::string& pointer, const char* key, const std::string& what) {
    auto it = object.find(key);
    if (it == object.end()) {
      error(pointer, what + ": \"" + key + "\" ontbreekt");
      return "";
    }
    if (!it->is_string()) {
      error(pointer + "/" + key, what + ": \"" + key + "\" moet tekst zijn");
      return "";
    }
    if (blank(it->get<std::string>())) error(pointer + "/" + key, what + ": \"" + key + "\" is leeg");
    return it->get<std::string>();
  }

  /// An optional text field: absent gives "", present it must be text that is not blank.
  std::string optional_text(const json& object, const std::string& pointer, const char* key, const std::string& what) {
    auto it = object.find(key);
    if (it == object.end()) return "";
    if (!it->is_string()) {
      error(pointer + "/" + key, what + ": \"" + key + "\" moet tekst zijn");
      return "";
    }
    if (blank(it->get<std::string>())) error(pointer + "/" + key, what + ": \"" + key + "\" is leeg");
    return it->get<std::string>();
  }

  PageRef page_ref(const json& value, const std::string& pointer, const std::string& what) {
    PageRef ref;
    ref.pointer = pointer;
    if (value.is_string()) {
      ref.link = value.get<std::string>();
    } else if (value.is_object()) {
      ref.link = text_of(value, "pagina");
      ref.label = text_of(value, "label");
      ref.reason = text_of(value, "waarom");
      if (ref.link.empty()) error(pointer, what + ": \"pagina\" ontbreekt");
    } else {
      error(pointer, what + ": verwacht een object met \"pagina\"");
      return ref;
    }
    if (ref.link.empty()) return ref;
    const size_t hash = ref.link.find('#');
    const std::string path = ref.link.substr(0, hash);
    ref.fragment = hash == std::string::npos ? "" : ref.link.substr(hash + 1);
    const std::string from = flow_.source.substr(std::string("content/").size());
    auto target = resolve_relative(from, path);
    ref.page = target ? content_.lookup(*target) : -1;
    if (ref.page < 0) error(value.is_object() ? pointer + "/pagina" : pointer, what + ": onbekende pagina '" + path + "'");
    return ref;
  }

  std::vector<PageRef> page_refs(const json& node, const std::string& pointer, const char* key, const std::string& what) {
    std::vector<PageRef> refs;
    auto it = node.find(key);
    if (it == node.end()) return refs;
    if (!it->is_array()) {
      error(pointer + "/" + key, what + ": \"" + key + "\" moet een lijst zijn");
      return refs;
    }
    for (size_t i = 0; i < it->size(); ++i)
      refs.push_back(page_ref((*it)[i], pointer + "/" + key + "/" + std::to_string(i), what));
    return refs;
  }

  /// A list of non-empty texts ("neem_mee", "vraag_dit", "vervolg"); absent gives an empty list.
  std::vector<std::string> text_list(const json& object, const std::string& pointer, const char* key, const std::string& what) {
    std::vector<std::string> out;
    auto it = object.find(key);
    if (it == object.end()) return out;
    if (!it->is_array()) {
      error(pointer + "/" + key, what + ": \"" + key + "\" moet een lijst van teksten zijn");
      return out;
    }
    for (size_t i = 0; i < it->size(); ++i) {
      const json& s = (*it)[i];
      if (!s.is_string() || blank(s.get<std::string>()))
        error(pointer + "/" + key + "/" + std::to_string(i), what + ": lege tekst in \"" + key + "\"");
      else
        out.push_back(s.get<std::string>());
    }
    return out;
  }

  /// "contacten": [{naam, tekst?, website?, telefoon?}]; a website is https:// (the portal only
  /// links to other hosts on purpose), a phone number is digits with spaces or '-'.
  std::vector<Contact> contacts(const json& object, const std::string& pointer, const std::string& what) {
    std::vector<Contact> out;
    auto it = object.find("contacten");
    if (it == object.end()) return out;
    if (!it->is_array()) {
      error(pointer + "/contacten", what + ": \"contacten\" moet een lijst zijn");
      return out;
    }
    for (size_t i = 0; i < it->size(); ++i) {
      const std::string cp = pointer + "/contacten/" + std::to_string(i);
      const json& c = (*it)[i];
      if (!c.is_object()) {
        error(cp, what + ": een contact is een object met \"naam\"");
        continue;
      }
      Contact contact;
      contact.name = required_text(c, cp, "naam", what + ", contact");
      contact.text = optional_text(c, cp, "tekst", what + ", contact");
      contact.website = optional_text(c, cp, "website", what + ", contact");
      contact.phone = optional_text(c, cp, "telefoon", what + ", contact");
      if (!contact.website.empty() && !valid_website(contact.website))
        error(cp + "/website", what + ", contact: \"website\" is een adres dat begint met https:// (zonder spaties), niet '" +
                                   contact.website + "'");
      if (!contact.phone.empty() && !valid_phone(contact.phone))
        error(cp + "/telefoon", what + ", contact: \"telefoon\" bestaat uit 3 tot 15 cijfers met spaties of '-', niet '" +
                                    contact.phone + "'");
      for (const auto& item : c.items())
        if (const std::string& key = item.key(); key != "naam" && key != "tekst" && key != "website" && key != "telefoon")
          error(cp + "/" + key, what + ", contact: onbekend veld \"" + key + "\" (naam, tekst, website, telefoon)");
      out.push_back(std::move(contact));
    }
    return out;
  }

  void check_rule(const json& rule, const std::string& pointer, const std::string& what) {
    for (const auto& issue : jsonlogic::check(rule)) error(pointer + issue.pointer, what + ": ongeldige regel: " + issue.message);
    try {
      for (const auto& var : jsonlogic::variables(rule))
        pending_vars_.push_back({pointer, var.substr(0, var.find('.')), what});  // checked once all nodes are read
    } catch (const jsonlogic::Error& e) {
      error(pointer, what + ": " + e.message);
    }
  }

  Node node(const json& value, const std::string& pointer) {
    Node node;
    node.pointer = pointer;
    if (!value.is_object()) {
      error(pointer, "een knoop is een object met \"id\" en \"soort\"");
      return node;
    }
    node.id = text_of(value, "id");
    const std::string where = "knoop '" + node.id + "'";
    if (node.id.empty()) error(pointer, "knoop zonder \"id\"");
    else if (!valid_node_id(node.id))
      error(pointer + "/id", where + ": een id bestaat uit kleine letters, cijfers en '-' (en is niet 'index' of 'schema')");
    const std::string kind = text_of(value, "soort");
    if (kind == "vraag") node.kind = Kind::question;
    else if (kind == "info") node.kind = Kind::info;
    else if (kind == "uitkomst") node.kind = Kind::outcome;
    else error(kind.empty() ? pointer : pointer + "/soort", where + ": \"soort\" moet 'vraag', 'info' of 'uitkomst' zijn");

    node.links = page_refs(value, pointer, "lees_meer", where);
    if (node.kind != Kind::outcome)
      for (const char* key : {"contacten", "neem_mee", "vraag_dit"})
        if (value.contains(key)) error(pointer + "/" + key, where + ": alleen een uitkomst heeft \"" + std::string(key) + "\"");
    if (node.kind != Kind::question && value.contains("fout"))
      error(pointer + "/fout", where + ": alleen een vraag heeft \"fout\" (de melding als er geen antwoord is gekozen)");
    switch (node.kind) {
      case Kind::question: {
        node.title = required_text(value, pointer, "tekst", where);
        node.help = text_of(value, "uitleg");
        node.error = optional_text(value, pointer, "fout", where);
        auto answers = value.find("antwoorden");
        if (answers == value.end() || !answers->is_array()) {
          error(pointer, where + ": een vraag heeft een lijst \"antwoorden\" (minstens twee)");
          break;
        }
        if (answers->size() < 2)
          error(pointer + "/antwoorden", where + ": een vraag heeft minstens twee antwoorden, deze heeft er " +
                                             std::to_string(answers->size()));
        std::set<std::string> ids;
        for (size_t i = 0; i < answers->size(); ++i) {
          const std::string ap = pointer + "/antwoorden/" + std::to_string(i);
          const json& a = (*answers)[i];
          Answer answer;
          answer.pointer = ap;
          if (!a.is_object()) {
            error(ap, where + ": een antwoord is een object met \"id\", \"label\" en \"volgende\"");
            continue;
          }
          answer.id = text_of(a, "id");
          if (answer.id.empty()) error(ap, where + ": antwoord zonder \"id\"");
          else if (!valid_node_id(answer.id) && answer.id != "index")
            error(ap + "/id", where + ": antwoord-id '" + answer.id + "' mag alleen kleine letters, cijfers en '-' bevatten");
          else if (!ids.insert(answer.id).second)
            error(ap + "/id", where + ": dubbel antwoord-id '" + answer.id + "'");
          answer.label = required_text(a, ap, "label", where + ", antwoord '" + answer.id + "'");
          answer.next = required_text(a, ap, "volgende", where + ", antwoord '" + answer.id + "'");
          if (a.contains("als")) {
            answer.when = a["als"];
            answer.when_text = text_of(a, "als_tekst");
            check_rule(answer.when, ap + "/als", where + ", antwoord '" + answer.id + "'");
            if (blank(answer.when_text))
              error(ap, where + ", antwoord '" + answer.id + "': een antwoord met \"als\" heeft ook \"als_tekst\" nodig (de voorwaarde in woorden)");
          }
          node.answers.push_back(std::move(answer));
        }
        break;
      }
      case Kind::info:
        node.title = required_text(value, pointer, "titel", where);
        node.text = required_text(value, pointer, "tekst", where);
        node.next = required_text(value, pointer, "volgende", where);
        break;
      case Kind::outcome: {
        node.title = required_text(value, pointer, "titel", where);
        node.text = required_text(value, pointer, "tekst", where);
        node.trajecten = page_refs(value, pointer, "trajecten", where);
        for (const auto& t : node.trajecten)
          if (t.pointer.size() && blank(t.reason) && t.page >= 0)
            error(t.pointer, where + ": zeg bij elk traject \"waarom\" het past");
        std::stable_sort(node.trajecten.begin(), node.trajecten.end(), [&](const PageRef& a, const PageRef& b) {
          return evidence_rank(content_, a.page) < evidence_rank(content_, b.page);
        });
        node.next_steps = text_list(value, pointer, "vervolg", where);
        node.contacts = contacts(value, pointer, where);
        node.bring = text_list(value, pointer, "neem_mee", where);
        node.ask = text_list(value, pointer, "vraag_dit", where);
        // A client reads "what to do now" as a short numbered list (GOV.UK: at most three steps).
        if (flow_.audience == "clienten" && node.next_steps.size() > kMaxClientSteps)
          error(pointer + "/vervolg", where + ": een uitkomst voor cliënten noemt hoogstens " + std::to_string(kMaxClientSteps) +
                                          " stappen in \"vervolg\", deze " + std::to_string(node.next_steps.size()));
        if (node.next_steps.empty()) error(pointer, where + ": een uitkomst noemt minstens één vervolgstap (\"vervolg\")");
        break;
      }
    }
    return node;
  }

  struct PendingVar {
    std::string pointer, question, what;
  };
  std::vector<PendingVar> pending_vars_;

 private:
  Flow& flow_;
  const ContentTree& content_;
  Diagnostics& diags_;
};

}  // namespace

const char* kind_name(Kind kind) {
  switch (kind) {
    case Kind::question: return "question";
    case Kind::info: return "info";
    case Kind::outcome: return "outcome";
  }
  return "question";
}

bool valid_node_id(const std::string& id) {
  if (id.empty() || id == "index" || id == "schema" || id == "paths") return false;
  if (id.front() == '-' || id.back() == '-') return false;
  return std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

const Node* Flow::find(const std::string& id) const {
  auto it = index.find(id);
  return it == index.end() ? nullptr : &nodes[it->second];
}

/// A flow is read by people one question at a time; far more nodes is a mistake or an attack, and
/// the path walk and the text list recurse along a path.
constexpr size_t kMaxNodes = 1000;

std::optional<Flow> read_flow(const std::string& path, DataFile file, const ContentTree& content, Diagnostics& diags) {
  Flow flow;
  flow.source = path;
  flow.file = std::move(file);
  const json& root = flow.file.value;
  if (!root.is_object()) {
    flow.file.error(diags, "", "een stroomschema is een object met \"id\", \"titel\", \"start\" en \"knopen\"");
    return std::nullopt;
  }
  Reader reader(flow, content, diags);
  flow.id = reader.required_text(root, "", "id", "stroomschema");
  flow.title = reader.required_text(root, "", "titel", "stroomschema");
  flow.description = text_of(root, "beschrijving");
  flow.intro = text_of(root, "inleiding");
  flow.audience = reader.required_text(root, "", "doelgroep", "stroomschema");
  if (!flow.audience.empty() && flow.audience != "clienten" && flow.audience != "professionals")
    reader.error("/doelgroep", "stroomschema: \"doelgroep\" is 'clienten' of 'professionals'");
  flow.start = reader.required_text(root, "", "start", "stroomschema");
  flow.contacts_date = reader.optional_text(root, "", "contacten_stand", "stroomschema");
  if (auto help = root.find("afwijzing"); help != root.end()) {
    if (!help->is_object()) {
      reader.error("/afwijzing", "stroomschema: \"afwijzing\" is een object met \"titel\", \"tekst\" en \"contacten\"");
    } else {
      flow.refusal.title = reader.required_text(*help, "/afwijzing", "titel", "afwijzing");
      flow.refusal.text = reader.required_text(*help, "/afwijzing", "tekst", "afwijzing");
      flow.refusal.contacts = reader.contacts(*help, "/afwijzing", "afwijzing");
    }
  }
  if (!flow.id.empty() && !valid_node_id(flow.id))
    reader.error("/id", "stroomschema: een id bestaat uit kleine letters, cijfers en '-'");

  auto nodes = root.find("knopen");
  if (nodes == root.end() || !nodes->is_array() || nodes->empty()) {
    reader.error("", "stroomschema: \"knopen\" moet een lijst met minstens één knoop zijn");
    return flow;
  }
  if (nodes->size() > kMaxNodes) {  // bounds every walk over the graph, including recursive ones
    reader.error("/knopen", "stroomschema: meer dan " + std::to_string(kMaxNodes) + " knopen (" +
                                std::to_string(nodes->size()) + "): splits het stroomschema");
    return flow;
  }
  for (size_t i = 0; i < nodes->size(); ++i) {
    Node node = reader.node((*nodes)[i], "/knopen/" + std::to_string(i));
    if (node.id.empty()) continue;
    auto [it, fresh] = flow.index.emplace(node.id, flow.nodes.size());
    if (!fresh) {
      reader.error(node.pointer + "/id", "dubbele knoop-id '" + node.id + "' (ook bij " +
                                             flow.nodes[it->second].pointer + ")");
      continue;
    }
    flow.nodes.push_back(std::move(node));
  }

  // References: the start, every next node, rule variables.
  if (!flow.start.empty() && !flow.find(flow.start)) reader.error("/start", "onbekende startknoop '" + flow.start + "'");
  for (const Node& node : flow.nodes) {
    for (const Answer& a : node.answers)
      if (!a.next.empty() && !flow.find(a.next))
        reader.error(a.pointer + "/volgende", "knoop '" + node.id + "', antwoord '" + a.id + "': onbekende volgende knoop '" + a.next + "'");
    if (node.kind == Kind::info && !node.next.empty() && !flow.find(node.next))
      reader.error(node.pointer + "/volgende", "knoop '" + node.id + "': onbekende volgende knoop '" + node.next + "'");
  }
  for (const auto& var : reader.pending_vars_) {
    const Node* q = flow.find(var.question);
    if (!q || q->kind != Kind::question)
      reader.error(var.pointer, var.what + ": de regel leest '" + var.question + "', maar dat is geen vraag in dit stroomschema");
  }

  // Reachability over the graph (conditions aside): every node must be reachable from the start.
  if (const Node* start = flow.find(flow.start)) {
    std::set<std::string> seen;
    std::vector<const Node*> stack = {start};
    while (!stack.empty()) {
      const Node* n = stack.back();
      stack.pop_back();
      if (!seen.insert(n->id).second) continue;
      auto push = [&](const std::string& id) {
        if (const Node* next = flow.find(id)) stack.push_back(next);
      };
      for (const Answer& a : n->answers) push(a.next);
      if (n->kind == Kind::info) push(n->next);
    }
    for (const Node& node : flow.nodes)
      if (!seen.count(node.id))
        reader.error(node.pointer, "knoop '" + node.id + "' is vanaf de start ('" + flow.start + "') niet bereikbaar");
  }
  return flow;
}

}  // namespace wijzer::flows
