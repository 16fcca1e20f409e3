#include "markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstring>
#include <iterator>

#include <mutex>
#include <optional>
#include <set>

#include "text.h"

// Sanitizer builds: see prepare_cmark().
#if defined(__SANITIZE_ADDRESS__)
#define WIJZER_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(leak_sanitizer)
#define WIJZER_LSAN 1
#endif
#endif
#ifdef WIJZER_LSAN
#include <sanitizer/lsan_interface.h>
#endif

namespace wijzer {
namespace {

constexpr int kParseOptions = CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_SMART;
constexpr int kRenderOptions = CMARK_OPT_FOOTNOTES;  // no CMARK_OPT_UNSAFE: raw HTML never passes
/// An extension wijzer uses, and the texts of which a body needs one for the extension to change
/// its tree (cmark-gfm 0.29.0.gfm.6; "@" is an e-mail autolink). cmark_parser_finish joins
/// adjacent text nodes with or without an extension, so a body without them parses to the same
/// tree. Each one attached costs every line or text node a call (27 k instructions a page on the
/// bench corpus for autolink and tasklist).
struct Extension {
  const char* name;
  const char* needs[3];
};
constexpr Extension kExtensions[] = {{"table", {"|"}},
                                     {"strikethrough", {"~"}},
                                     {"autolink", {"@", "://", "www."}},
                                     {"tasklist", {"[ ]", "[x]", "[X]"}}};

/// Which extensions attach_extensions() attached.
struct Attached {
  bool strikethrough = false, table = false, tasklist = false;
};

/// Attaches the extensions `body` can use to a parser (all with `every_extension`).
Attached attach_extensions(cmark_parser* parser, const std::string& body, bool every_extension) {
  Attached attached;
  for (const Extension& e : kExtensions) {
    const bool used = every_extension || std::any_of(std::begin(e.needs), std::end(e.needs), [&](const char* text) {
                        return text && body.find(text) != std::string::npos;
                      });
    if (!used) continue;
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(e.name)) cmark_parser_attach_syntax_extension(parser, ext);
    attached.strikethrough = attached.strikethrough || std::strcmp(e.name, "strikethrough") == 0;
    attached.table = attached.table || std::strcmp(e.name, "table") == 0;
    attached.tasklist = attached.tasklist || std::strcmp(e.name, "tasklist") == 0;
  }
  return attached;
}

// Why pages parse on many threads, and only a page with a '~' takes a lock (parse_document):
//
// Debian's cmark-gfm (0.29.0.gfm.6) keeps the characters that start inline syntax in two
// process-wide tables (SPECIAL_CHARS, SKIP_CHARS in inlines.c). Their only writers are
// cmark_inlines_add/remove_special_character, called only by
// cmark_manage_extensions_special_characters, which only cmark_parser_finish calls: before inline
// parsing it adds the characters of the attached extensions' lists ('~' for strikethrough, ':' and
// 'w' for autolinks), after it removes them (the extensions library never calls it in this
// version; upstream gave each parser its own table in github/cmark-gfm PR #176). So a parse ending
// on one thread switched strikethrough and autolinks off for a parse still running on another.
// - Autolinks: their matcher is found through the parser's extension list and checks the
//   character itself; the ':'/'w' list only feeds the tables. prepare_cmark() sets ':' and 'w' in
//   the tables once and empties autolink's list: no parse writes them again.
// - Strikethrough: its '~' list is also how the inline parser finds the extension for a '~~'
//   delimiter, so it must stay and every parse with it writes the '~' entries. A body without a '~'
//   cannot strike anything through and never reads those entries (the tables are read at the
//   body's own characters), so it parses without the extension and without a lock; a body with a
//   '~' attaches it and takes the lock: the '~' entries are only touched under it. The output is
//   the same as with one lock around every parse (table, task list and autolink need no table
//   entry of their own). tests/unit/markdown_threads_test.cpp runs both kinds on four threads.

/// Registers the extensions and sets autolink's characters for good (see above), once.
void prepare_cmark() {
  static std::once_flag once;
  std::call_once(once, [] {
#ifdef WIJZER_LSAN
    // The registry lives as long as the process; only autolink's old list (below) becomes
    // unreachable, and LeakSanitizer cannot name it (cmark-gfm's frames stop at its allocator).
    // Allocations made while registering are not leaks to report.
    __lsan_disable();
#endif
    cmark_gfm_core_extensions_ensure_registered();
    cmark_syntax_extension* autolink = cmark_find_syntax_extension("autolink");
    if (autolink) {
      cmark_parser* parser = cmark_parser_new(kParseOptions);
      cmark_parser_attach_syntax_extension(parser, autolink);
      cmark_manage_extensions_special_characters(parser, 1);
      cmark_parser_free(parser);
      // The API has no getter to free the old list: its two nodes stay allocated.
      cmark_syntax_extension_set_special_inline_chars(autolink, nullptr);
    }
#ifdef WIJZER_LSAN
    __lsan_enable();
#endif
  });
}

/// Parses a whole body; safe on any thread (see above).
cmark_node* parse_document(cmark_parser* parser, const std::string& body, bool strikethrough) {
  cmark_parser_feed(parser, body.data(), body.size());
  if (!strikethrough) return cmark_parser_finish(parser);
  static std::mutex tilde_entries;
  std::lock_guard lock(tilde_entries);
  return cmark_parser_finish(parser);
}

std::string plain_text(cmark_node* node) {
  // Most headings are one text node: its literal, without an iterator.
  if (cmark_node* only = cmark_node_first_child(node);
      only && !cmark_node_next(only) && cmark_node_get_type(only) == CMARK_NODE_TEXT)
    return cmark_node_get_literal(only);
  std::string out;
  cmark_iter* iter = cmark_iter_new(node);
  for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* n = cmark_iter_get_node(iter);
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        out += cmark_node_get_literal(n);
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        out += ' ';
        break;
      default:
        break;
    }
  }
  cmark_iter_free(iter);
  return out;
}

/// Where a trailing ` {#custom-id}` starts in a heading's text, or npos.
size_t custom_id_start(const std::string& text) {
  size_t end = text.find_last_not_of(" \t");
  if (end == std::string::npos || text[end] != '}') return std::string::npos;
  size_t open = text.rfind("{#", end);
  if (open == std::string::npos || open + 2 >= end || !std::isalpha(static_cast<unsigned char>(text[open + 2])))
    return std::string::npos;
  for (size_t i = open + 2; i < end; ++i) {
    unsigned char c = text[i];
    if (!std::isalnum(c) && c != '-' && c != '_') return std::string::npos;
  }
  size_t start = open;
  while (start > 0 && (text[start - 1] == ' ' || text[start - 1] == '\t')) --start;
  return start;
}

/// Replaces every `from` by `make()` in one pass (in-place replace() would move the tail each time).
template <typename Make>
void replace_each(std::string& text, const std::string& from, Make&& make) {
  if (text.find(from) == std::string::npos) return;
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  size_t pos = 0;
  for (size_t at; (at = text.find(from, pos)) != std::string::npos; pos = at + from.size()) {
    out.append(text, pos, at - pos);
    out += make();
  }
  out.append(text, pos);
  text = std::move(out);
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  replace_each(text, from, [&] { return to; });
}

/// How often `c` occurs in `text`.
size_t count_byte(const std::string& text, char c) {
  size_t n = 0;
  const char* end = text.data() + text.size();
  for (const char* p = text.data(); (p = static_cast<const char*>(std::memchr(p, c, end - p))); ++p) ++n;
  return n;
}

bool inside(cmark_node* node, std::initializer_list<cmark_node_type> types) {
  for (cmark_node* p = cmark_node_parent(node); p; p = cmark_node_parent(p))
    for (auto t : types)
      if (cmark_node_get_type(p) == t) return true;
  return false;
}

}  // namespace

Markdown::Markdown(const std::string& body, const Snippets* markup, bool every_extension)
    : arena_(std::make_unique<CmarkArena>()), markup_(markup) {
  prepare_cmark();
  CmarkArena::Scope scope(*arena_);
  // cmark-gfm's own check walks the body character by character; ours skips ASCII eight bytes at
  // a time. Only a body that fails it needs cmark's (which puts U+FFFD where the bytes are bad).
  const bool valid_utf8 = invalid_utf8(body) == std::string::npos;
  int options = valid_utf8 ? kParseOptions & ~CMARK_OPT_VALIDATE_UTF8 : kParseOptions;
  // Footnotes only where a body can have one: a definition starts with "[^" (cmark-gfm walks the
  // whole tree once more after a parse with them on). Without a definition every reference ends
  // as text, and cmark-gfm 0.29.0.gfm.6 gets that text wrong when the caret was escaped or an
  // entity: "[\^x]" became "[^x]]", and "[&#94;x]" read past its one-byte text, cutting off the
  // rest of the paragraph. Without footnotes both are the text "[^x]".
  const bool footnotes = every_extension || body.find("[^") != std::string::npos;
  if (!footnotes) options &= ~CMARK_OPT_FOOTNOTES;
  parser_ = cmark_parser_new_with_mem(options, CmarkArena::mem());
  // With strikethrough attached (a '~'), the parse takes the lock (see above).
  const Attached attached = attach_extensions(parser_, body, every_extension);
  root_ = parse_document(parser_, body, attached.strikethrough);
  // Content's own "<table>", "<input" or '"' is escaped: only these extensions and footnotes
  // write them.
  may_have_.tables = attached.table;
  may_have_.task_boxes = attached.tasklist;
  may_have_.footnotes = footnotes;
}

// The tree and the parser live in arena_, which frees them all at once: no walk over the nodes.
Markdown::~Markdown() = default;

const std::vector<cmark_node*>& Markdown::nodes() {
  if (nodes_fresh_) return nodes_;
  nodes_.clear();
  cmark_iter* iter = cmark_iter_new(root_);
  for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* n = cmark_iter_get_node(iter);
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_HEADING:
      case CMARK_NODE_LINK:
      case CMARK_NODE_IMAGE:
      case CMARK_NODE_HTML_BLOCK:
      case CMARK_NODE_HTML_INLINE:
      case CMARK_NODE_TEXT:
        nodes_.push_back(n);
        break;
      default:
        break;
    }
  }
  cmark_iter_free(iter);
  nodes_fresh_ = true;
  return nodes_;
}

std::vector<Heading> Markdown::take_headings(const std::set<std::string>& reserved) {
  CmarkArena::Scope scope(*arena_);
  std::vector<Heading> out;
  std::set<std::string> taken;  // this page's own; `reserved` is looked into, not copied
  std::map<std::string, int> next;
  for (cmark_node* node : nodes()) {
    if (cmark_node_get_type(node) != CMARK_NODE_HEADING) continue;
    Heading h;
    h.level = cmark_node_get_heading_level(node);
    h.line = cmark_node_get_start_line(node);
    std::string anchor;
    if (cmark_node* last = cmark_node_last_child(node); last && cmark_node_get_type(last) == CMARK_NODE_TEXT) {
      std::string literal = cmark_node_get_literal(last);
      if (size_t start = custom_id_start(literal); start != std::string::npos) {
        anchor = literal.substr(literal.find("{#", start) + 2);
        anchor = anchor.substr(0, anchor.find('}'));
        cmark_node_set_literal(last, literal.substr(0, start).c_str());
      }
    }
    h.text = plain_text(node);
    const std::string slug = slugify(h.text);
    h.anchor = unique_slug(anchor.empty() ? slug : anchor, taken, next, reserved);
    h.slug_anchor = h.anchor == slug;
    out.push_back(std::move(h));
  }
  return out;
}

void Markdown::rewrite_links(const std::function<std::string(const std::string&, int, int, bool)>& rewrite) {
  CmarkArena::Scope scope(*arena_);
  for (cmark_node* node : nodes()) {
    const auto type = cmark_node_get_type(node);
    if (type != CMARK_NODE_LINK && type != CMARK_NODE_IMAGE) continue;
    const char* url = cmark_node_get_url(node);
    std::string fresh = rewrite(url ? url : "", cmark_node_get_start_line(node), cmark_node_get_start_column(node),
                                cmark_node_get_type(node) == CMARK_NODE_IMAGE);
    cmark_node_set_url(node, fresh.c_str());
  }
}

void Markdown::neutralize_raw_html(const std::function<void(int, int)>& report) {
  CmarkArena::Scope scope(*arena_);
  nodes();
  for (cmark_node*& node : nodes_) {
    const auto type = cmark_node_get_type(node);
    if (type != CMARK_NODE_HTML_BLOCK && type != CMARK_NODE_HTML_INLINE) continue;
    report(cmark_node_get_start_line(node), cmark_node_get_start_column(node));
    std::string literal = cmark_node_get_literal(node);
    cmark_node* text = cmark_node_new_with_mem(CMARK_NODE_TEXT, CmarkArena::mem());
    if (cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK) {
      while (!literal.empty() && literal.back() == '\n') literal.pop_back();
      cmark_node* para = cmark_node_new_with_mem(CMARK_NODE_PARAGRAPH, CmarkArena::mem());
      cmark_node_set_literal(text, literal.c_str());
      cmark_node_append_child(para, text);
      cmark_node_replace(node, para);
    } else {
      cmark_node_set_literal(text, literal.c_str());
      cmark_node_replace(node, text);
    }
    cmark_node_free(node);
    node = text;  // where the HTML was, in document order
  }
}

void Markdown::replace_text(const std::function<std::optional<std::string>(const std::string&)>& visit) {
  CmarkArena::Scope scope(*arena_);
  std::set<cmark_node*> joined;  // text nodes already visited as part of an earlier run
  std::vector<cmark_node*> texts;
  for (cmark_node* n : nodes())
    if (cmark_node_get_type(n) == CMARK_NODE_TEXT && !inside(n, {CMARK_NODE_LINK, CMARK_NODE_IMAGE, CMARK_NODE_HEADING}))
      texts.push_back(n);
  nodes_fresh_ = false;  // the loop below takes text nodes out of the tree
  for (cmark_node* node : texts) {
    if (joined.count(node)) continue;
    // A run of text over soft line breaks is one text ("Leidraad\nJobcoach"): a term written
    // across a line end in the source is still found. The breaks stay "\n", as cmark renders them.
    std::string text = cmark_node_get_literal(node);
    std::vector<cmark_node*> run;
    for (cmark_node* next = cmark_node_next(node);
         next && cmark_node_get_type(next) == CMARK_NODE_SOFTBREAK && cmark_node_next(next) &&
         cmark_node_get_type(cmark_node_next(next)) == CMARK_NODE_TEXT;
         next = cmark_node_next(cmark_node_next(next))) {
      run.push_back(next);
      run.push_back(cmark_node_next(next));
      joined.insert(cmark_node_next(next));
      text += '\n';
      text += cmark_node_get_literal(cmark_node_next(next));
    }
    auto html = visit(text);
    if (!html) continue;
    may_have_.tables = may_have_.tables || html->find("<table>") != std::string::npos;
    may_have_.task_boxes = may_have_.task_boxes || html->find("<input") != std::string::npos;
    may_have_.footnotes = may_have_.footnotes || html->find("data-footnote") != std::string::npos;
    for (cmark_node* gone : run) {
      cmark_node_unlink(gone);
      cmark_node_free(gone);
    }
    // Custom inline nodes print their on_enter text verbatim, even in safe mode: only the
    // compiler creates them, never content.
    cmark_node* custom = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_INLINE, CmarkArena::mem());
    cmark_node_set_on_enter(custom, html->c_str());
    // Some parents (table cells) cannot hold custom nodes: keep the text there, as it was.
    if (!cmark_node_replace(node, custom)) {
      cmark_node_free(custom);
      continue;
    }
    cmark_node_free(node);
  }
}

std::vector<std::string> Markdown::section_texts() const {
  CmarkArena::Scope scope(*arena_);
  std::vector<std::string> out(1);
  int in_heading = 0;
  cmark_iter* iter = cmark_iter_new(root_);
  for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(iter);
    const auto type = cmark_node_get_type(n);
    if (type == CMARK_NODE_HEADING) {
      if (ev == CMARK_EVENT_ENTER) {
        ++in_heading;
        out.emplace_back();
      } else {
        --in_heading;
      }
      continue;
    }
    if (in_heading) continue;
    std::string& text = out.back();
    if (ev == CMARK_EVENT_ENTER) {
      switch (type) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
          if (const char* literal = cmark_node_get_literal(n)) text += literal;
          break;
        case CMARK_NODE_CODE_BLOCK:  // a leaf: no exit event
          if (const char* literal = cmark_node_get_literal(n)) text += literal;
          text += '\n';
          break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          text += ' ';
          break;
        default:
          break;
      }
    } else if (ev == CMARK_EVENT_EXIT) {
      if (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_ITEM) text += '\n';
      else if (const char* name = may_have_.tables ? cmark_node_get_type_string(n) : nullptr;
               name && std::strncmp(name, "table_", 6) == 0)
        text += name[6] == 'c' ? " " : "\n";  // table_cell, table_row / table_header
    }
  }
  cmark_iter_free(iter);
  return out;
}

std::string Markdown::render(const std::vector<Heading>& headings) const {
  CmarkArena::Scope scope(*arena_);
  // In arena_, like the tree: no copy.
  const std::string_view html = cmark_render_html(root_, kRenderOptions, cmark_parser_get_syntax_extensions(parser_));
  // cmark writes headings as bare <hN> in document order: give each its id.
  std::string out;
  out.reserve(html.size() + headings.size() * 24);
  size_t pos = 0, next = 0;
  while (next < headings.size()) {
    // strstr compares both bytes sixteen at a time where find() stopped at every tag's '<'
    // (`html` is a C string: it ends at its only NUL).
    const char* found = std::strstr(html.data() + pos, "<h");
    if (!found) break;
    const size_t at = static_cast<size_t>(found - html.data());
    if (at + 3 < html.size() && html[at + 2] >= '1' && html[at + 2] <= '6' && html[at + 3] == '>') {
      out.append(html.substr(pos, at + 3 - pos));
      out += " id=\"";
      append_html_escaped(out, headings[next++].anchor);
      out += '"';
      pos = at + 3;
    } else {
      out.append(html.substr(pos, at + 2 - pos));
      pos = at + 2;
    }
  }
  out.append(html.substr(pos));
  // Wide tables scroll in their own keyboard-reachable box instead of widening the page; each box
  // is a landmark, so it gets a name that is unique on the page (markdown/table). cmark's tables
  // do not nest, and "<table>" in text is escaped.
  if (const Snippet* box = snippet("markdown/table"); box && may_have_.tables && out.find("<table>") != std::string::npos) {
    std::string boxed;
    boxed.reserve(out.size() + 256);
    int tables = 0;
    size_t from = 0;
    for (size_t at; (at = out.find("<table>", from)) != std::string::npos;) {
      size_t end = out.find("</table>", at);
      end = end == std::string::npos ? out.size() : end + 8;
      boxed.append(out, from, at - from);
      const std::string number = std::to_string(++tables);
      box->render_to(boxed, {{"number", number}, {"table", std::string_view(out).substr(at, end - at)}});
      from = end;
    }
    boxed.append(out, from);
    out = std::move(boxed);
  }
  if (may_have_.task_boxes && html.find("<input") != std::string::npos) {
    // Task list boxes are not form controls here: show their state as text a screen reader reads.
    if (const Snippet* done = snippet("markdown/task-done"))
      replace_all(out, "<input type=\"checkbox\" checked=\"\" disabled=\"\" /> ", done->render({}) + " ");
    if (const Snippet* open = snippet("markdown/task-open"))
      replace_all(out, "<input type=\"checkbox\" disabled=\"\" /> ", open->render({}) + " ");
  }
  if (may_have_.footnotes && html.find("data-footnote") != std::string::npos) {
    // cmark-gfm labels footnote back-links in English: aria-label="Back to reference 1-2".
    if (const Snippet* backref = snippet("markdown/footnote-backref")) {
      const std::string prefix = "aria-label=\"Back to reference ";
      std::string labelled;
      size_t from = 0;
      for (size_t at; (at = out.find(prefix, from)) != std::string::npos;) {
        const size_t end = out.find('"', at + prefix.size());
        if (end == std::string::npos) break;
        labelled.append(out, from, at - from);
        backref->render_to(labelled, {{"ref", std::string_view(out).substr(at + prefix.size(), end - at - prefix.size())}});
        from = end + 1;
      }
      labelled.append(out, from);
      out = std::move(labelled);
    }
    if (const Snippet* back = snippet("markdown/footnote-back-to-content"))
      replace_all(out, "aria-label=\"Back to content\"", back->render({}));
  }
  return out;
}

std::vector<MarkdownProblem> check_markdown_input(const std::string& body, const MarkdownLimits& limits) {
  std::vector<MarkdownProblem> out;
  if (body.size() > limits.max_bytes) {
    out.push_back({1, 1, true, "pagina is groter dan " + std::to_string(limits.max_bytes >> 20) + " MB: splits haar op"});
    return out;
  }
  if (size_t bad = invalid_utf8(body); bad != std::string::npos) {
    auto [line, col] = line_col(body, bad);
    out.push_back({line, col, false, "geen geldige UTF-8 (vervangen door \xEF\xBF\xBD); sla het bestand op als UTF-8"});
  }
  // Almost every body is far below both limits: count with memchr first, and walk the body byte by
  // byte (to find the line that crosses a limit) only when a total is over one.
  if (count_byte(body, '[') <= limits.max_brackets && count_byte(body, '|') <= limits.max_table_columns) return out;
  size_t brackets = 0, pipes = 0;
  for (size_t i = 0; i < body.size(); ++i) {
    const char c = body[i];
    if (c == '\n') {
      pipes = 0;
    } else if (c == '[' && ++brackets == limits.max_brackets + 1) {
      auto [line, col] = line_col(body, i);
      out.push_back({line, col, true,
                     "meer dan " + std::to_string(limits.max_brackets) + " keer '[' op één pagina: splits de pagina"});
    } else if (c == '|' && ++pipes == limits.max_table_columns + 1) {
      auto [line, col] = line_col(body, i);
      out.push_back({line, col, true,
                     "tabelregel met meer dan " + std::to_string(limits.max_table_columns) + " kolommen"});
    }
  }
  return out;
}

}  // namespace wijzer
