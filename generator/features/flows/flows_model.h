#pragma once
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "content.h"
#include "data_file.h"
#include "diagnostics.h"

namespace wijzer::flows {

/// A link from a node to a portal page (a source path relative to the flow file, anchor allowed).
struct PageRef {
  std::string link;      ///< as written in the flow file
  std::string label;     ///< link text (for trajecten: the page title when empty)
  std::string reason;    ///< why a traject is recommended (outcomes)
  std::string pointer;   ///< JSON pointer of the reference, for diagnostics
  int page = -1;         ///< index in the content tree, -1 when unknown
  std::string fragment;  ///< anchor on that page
};

/// One answer of a question.
struct Answer {
  std::string id, label, next, pointer;
  nlohmann::json when;    ///< JSON Logic rule over earlier answers ({"var": "<question id>"}); null = always
  std::string when_text;  ///< the condition in words, for pages without JavaScript
};

/// Someone a client can contact from an outcome: an organisation with its website and phone.
struct Contact {
  std::string name;     ///< "naam": the organisation or person
  std::string text;     ///< "tekst": what they can do for you (optional)
  std::string website;  ///< "website": an https:// address (optional)
  std::string phone;    ///< "telefoon": digits, spaces and '-' (optional)
};

/// A block of extra help shown on every outcome of a flow ("afwijzing": help with a refusal).
struct ExtraHelp {
  std::string title, text;
  std::vector<Contact> contacts;
};

enum class Kind { question, info, outcome };
const char* kind_name(Kind kind);

/// A question, an info step or an outcome.
struct Node {
  std::string id, pointer;
  Kind kind = Kind::question;
  std::string title;  ///< question text, or heading of an info step / outcome
  std::string text;   ///< body (paragraphs separated by blank lines)
  std::string help;   ///< questions: extra explanation
  std::string error;  ///< questions: the message when no answer is chosen ("fout"); empty = the default
  std::vector<Answer> answers;           ///< questions
  std::string next;                      ///< info steps
  std::vector<PageRef> trajecten;        ///< outcomes: recommended traject pages, ordered by evidence
  std::vector<std::string> next_steps;   ///< outcomes: what to do now, in order ("vervolg")
  std::vector<Contact> contacts;         ///< outcomes: who to contact and how ("contacten")
  std::vector<std::string> bring, ask;   ///< outcomes: what to bring ("neem_mee"), what to ask ("vraag_dit")
  std::vector<PageRef> links;            ///< any node: "lees meer" pages
};

/// A decision flow (content/stroomschema/<id>.json or .yaml).
struct Flow {
  std::string id, title, description, audience, intro, start;
  std::string contacts_date;  ///< "contacten_stand": when the contacts were checked ("stand december 2026")
  ExtraHelp refusal;  ///< "afwijzing": shown on every outcome when it has a title
  std::string source;  ///< path under the source root, e.g. content/stroomschema/x.json (diagnostics: file.file)
  std::vector<Node> nodes;
  std::map<std::string, size_t> index;  ///< node id → position in nodes
  DataFile file;

  const Node* find(const std::string& id) const;
};

/// Reads a flow from its data file and runs the structural checks: required fields, ids,
/// duplicates, unknown next nodes, unknown pages, questions with fewer than two answers, empty
/// texts, unreachable nodes, invalid rules. Every problem goes to `diags` at the node's position.
/// Returns the flow (possibly with errors reported) or nothing when it cannot be read at all.
/// `path` is the file's path under the source root (content/stroomschema/x.json).
std::optional<Flow> read_flow(const std::string& path, DataFile file, const ContentTree& content, Diagnostics& diags);

/// Node ids are used as file names: lowercase letters, digits and '-', not "index" or "schema".
bool valid_node_id(const std::string& id);

}  // namespace wijzer::flows
