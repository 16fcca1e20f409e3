/* Begeleidingswijzer: forms as data (docs/forms.md): rules, live values, error summary, groups and
 * autosave on the static <form>; evaluates like generator/features/forms/forms_rules.cpp. No network; file
 * content only via .value/.textContent. */
(function () {
  'use strict';
  var L = window.WijzerLogic, D = window.WijzerDossier;
  if (!L || !D || !document.querySelector) return;
  // SHOWN: items of a group on screen; more (only in data from before import limits) are kept unseen.
  var INVALID = {}, SHOWN = 100, MISSING = 'Een bestand van de pagina ontbreekt; er is niets veranderd.';
  var has = function (o, k) { return Object.prototype.hasOwnProperty.call(o, k); };
  // o[k] = v with k "__proto__" would set o's prototype: a value shown that is not stored.
  var copyable = function (k) { return !D.badKey(k); };
  var isObj = function (v) { return v !== null && typeof v === 'object' && !Array.isArray(v); };

  function holds(rule, data) { try { return L.truthy(L.apply(rule, data)); } catch (e) { return false; } }
  function compute(rule, data) {
    try { var v = L.apply(rule, data); return typeof v === 'number' && !isFinite(v) ? null : v; } catch (e) { return null; }
  }
  function isEmpty(v) { return v === null || v === undefined || v === false || v === '' || (Array.isArray(v) && !v.length); }
  function num(v) {
    if (typeof v === 'number') return v;
    if (typeof v !== 'string') return null;
    var s = v.trim().replace(',', '.');
    if (!s) return null;
    return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s) && isFinite(Number(s)) ? Number(s) : INVALID;
  }
  function dutch(v, d) {
    if (typeof v !== 'number') return v === null || v === undefined ? '—' : String(v);
    return v.toLocaleString('nl-NL', { maximumFractionDigits: d === undefined ? 2 : d });
  }

  /* The answer of field f as rules see it. */
  function typed(f, v) {
    if (v === undefined) v = has(f, 'standaard') ? f.standaard : null;
    switch (f.type) {
      case 'number': return num(v);
      case 'checkbox':
        if (!f.opties) return typeof v === 'boolean' ? v : typeof v === 'string' && v !== '';
        return Array.isArray(v) ? v.filter(function (x) { return typeof x === 'string'; }) : [];
      case 'berekend': case 'groep': return null;
      default: return typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null;
    }
  }

  /* Defaults and the values a chosen option (a profile) fills, for answers that are absent. */
  function prepared(def, answers) {
    var out = {};
    Object.keys(answers).filter(copyable).forEach(function (k) { out[k] = answers[k]; });
    eachField(def, function (f, g) {
      if (g || !f.vult) return;
      var choice = has(out, f.id) ? out[f.id] : f.standaard, fills = typeof choice === 'string' && has(f.waarden, choice) && f.waarden[choice];
      if (typeof choice === 'string' && fills) Object.keys(fills).forEach(function (k) { if (!has(out, k)) out[k] = fills[k]; });
    });
    return out;
  }

  function eachField(def, fn) {
    def.secties.forEach(function (s) {
      s.velden.forEach(function (f) { fn(f, null, s); if (f.type === 'groep') f.velden.forEach(function (i) { fn(i, f, s); }); });
    });
  }

  /* Mirrors forms::evaluate: data for rules, hidden fields, errors [{id, kind, field, group, index}], signals.
   * `dossier`: the answers of the dossier's other forms by form id ({"var": "dossier.FORM.FIELD"}). */
  function evaluate(def, answers, dossier) {
    var a = prepared(def, answers), data = {}, out = { data: data, hidden: {}, errors: [], signals: [] }, invalid = {}, seen = {};
    // One error per field (per item): looked up by key, so many items stay linear.
    var error = function (e) { var k = e.id + '#' + e.index; if (!seen[k]) { seen[k] = true; out.errors.push(e); } };
    eachField(def, function (f, g) {
      if (g) return;
      if (f.type === 'groep') {
        var list = Array.isArray(a[f.id]) ? a[f.id] : [], items = [];
        for (var i = 0; i < Math.max(list.length, f.min_aantal); i++) {
          var src = isObj(list[i]) ? list[i] : {}, item = {};
          f.velden.forEach(function (inner) {
            item[inner.id] = typed(inner, src[inner.id]);
            if (item[inner.id] === INVALID) { invalid[f.id + '/' + i + '/' + inner.id] = true; item[inner.id] = null; }
          });
          items.push(item);
        }
        data[f.id] = items;
      } else {
        data[f.id] = typed(f, a[f.id]);
        if (data[f.id] === INVALID) { invalid[f.id] = true; data[f.id] = null; }
      }
    });
    data.dossier = typedOthers(def, dossier);
    function field(f, parentVisible, scope, item, prefix, group, index) {
      var visible = parentVisible && (!f.zichtbaar || holds(f.zichtbaar, scope)), holder = item || scope;
      if (!item && !visible) out.hidden[f.id] = true;
      if (item && !visible) out.hidden[prefix + f.id] = true;
      if (f.type === 'berekend') { holder[f.id] = visible ? compute(f.regel, scope) : null; scope[f.id] = holder[f.id]; return; }
      if (f.type === 'groep') {
        if (!visible) { holder[f.id] = []; return; }
        var items = holder[f.id];
        if (items.length < f.min_aantal || (f.max_aantal && items.length > f.max_aantal)) error({ id: f.id, kind: 'aantal', field: f });
        items.forEach(function (it, i) {
          var inner = {};
          Object.keys(scope).forEach(function (k) { inner[k] = scope[k]; });
          Object.keys(it).forEach(function (k) { inner[k] = it[k]; });
          f.velden.forEach(function (x) { field(x, true, inner, it, f.id + '/' + i + '/', f, i); inner[x.id] = it[x.id]; });
        });
        return;
      }
      if (!visible) { holder[f.id] = null; scope[f.id] = null; return; }
      var v = holder[f.id], e = { id: f.id, field: f, group: group, index: index };
      if (invalid[prefix + f.id]) e.kind = 'getal';
      else if (f.verplicht && isEmpty(v) && (f.verplicht === true || holds(f.verplicht, scope))) e.kind = 'leeg';
      else if (typeof v === 'number' && ((has(f, 'min') && v < f.min) || (has(f, 'max') && v > f.max))) e.kind = 'bereik';
      if (e.kind) error(e);
    }
    def.secties.forEach(function (s) {
      var sv = !s.zichtbaar || holds(s.zichtbaar, data);
      if (!sv) out.hidden['sectie:' + s.id] = true;
      s.velden.forEach(function (f) { field(f, sv, data, null, '', null, undefined); });
    });
    def.controles.forEach(function (c) {
      var g = groupOf(def, c.veld);
      if (g) {
        (data[g.id] || []).some(function (it, i) {
          var scope = {};
          Object.keys(data).forEach(function (k) { scope[k] = data[k]; });
          Object.keys(it).forEach(function (k) { scope[k] = it[k]; });
          if (holds(c.als, scope)) { error({ id: c.id, kind: 'controle', check: c, group: g, index: i }); return true; }
          return false;
        });
      } else if (!out.hidden[c.veld] && holds(c.als, data)) error({ id: c.id, kind: 'controle', check: c });
    });
    def.signalen.forEach(function (s) { if (holds(s.als, data)) out.signals.push(s); });
    return out;
  }

  /* The other forms' answers as rules read them: a number field of theirs (def.dossier[FORM].getallen,
   * from the compiler) as a number, read like one of this form ("7,5" → 7.5). */
  function typedOthers(def, dossier) {
    var out = {}, want = def.dossier || {};
    Object.keys(dossier || {}).filter(copyable).forEach(function (k) {
      var a = dossier[k], n = has(want, k) ? want[k].getallen : [], o = out[k] = {};
      if (isObj(a)) Object.keys(a).filter(copyable).forEach(function (x) { var v = n.indexOf(x) < 0 ? a[x] : num(a[x]); o[x] = v === INVALID ? null : v; });
    });
    return out;
  }
  function groupOf(def, id) {
    var found = null;
    eachField(def, function (f, g) { if (f.id === id && g) found = g; });
    return found;
  }
  function findField(def, id) {
    var found = null;
    eachField(def, function (f) { if (f.id === id && !found) found = f; });
    return found;
  }

  function Tool(root) {
    this.root = root;
    this.def = JSON.parse(document.getElementById(root.getAttribute('data-definitie')).textContent);
    this.form = root.querySelector('form.formulier');
    this.store = new D.Store();
    this.checked = false;
    this.locked = false;
    this.touched = {};
    this.typed = {};
    root.classList.add('js');
    this.setupGroups();
    this.setupDossier();
    this.load();
    var self = this;
    this.form.addEventListener('input', function (ev) { self.leave(ev); self.changed(ev); });
    this.form.addEventListener('change', function (ev) { self.leave(ev); self.changed(ev); });
    // A field is checked when it is left (GOV.UK: not while typing): validation.js, loaded on first use.
    this.form.addEventListener('focusout', function (ev) { if (self.leave(ev)) self.update(false); });
    this.form.addEventListener('focusin', function () { self.loadChecks(); });
    this.form.addEventListener('submit', function (ev) { ev.preventDefault(); self.checked = true; self.update(true); });
    this.form.querySelector('button[type=submit]').hidden = false;
  }

  /* The compiler puts each control's id and name in the definition (dom, naam; in a group with
   * __N__ for the item's index, as in the group's <template>). */
  Tool.prototype.id = function (f, g, i) { return f.dom.replace('__N__', i); };
  Tool.prototype.name = function (f, g, i) { return f.naam.replace('__N__', i); };

  /* Reads one control's answer; `within` (a group item) keeps the look-up local, so reading all
   * items takes linear time. */
  Tool.prototype.readField = function (f, g, i, within) {
    var els = (within || this.form).querySelectorAll('[name="' + this.name(f, g, i) + '"]');
    if (!els.length) return undefined;
    if (f.type === 'radio') { for (var k = 0; k < els.length; k++) if (els[k].checked) return els[k].value; return ''; }
    if (f.type === 'checkbox' && !f.opties) return els[0].checked;
    if (f.type === 'checkbox') return [].filter.call(els, function (e) { return e.checked; }).map(function (e) { return e.value; });
    if (f.type === 'number' && els[0].validity && els[0].validity.badInput) return '?';
    return els[0].value;
  };
  Tool.prototype.writeField = function (f, g, i, v, within) {
    var els = (within || this.form).querySelectorAll('[name="' + this.name(f, g, i) + '"]');
    if (v === undefined) v = has(f, 'standaard') ? f.standaard : null;
    for (var k = 0; k < els.length; k++) {
      var e = els[k];
      if (f.type === 'radio') e.checked = e.value === v;
      else if (f.type === 'checkbox' && !f.opties) e.checked = v === true;
      else if (f.type === 'checkbox') e.checked = Array.isArray(v) && v.indexOf(e.value) >= 0;
      else if (f.type !== 'berekend') e.value = v === null || v === undefined ? '' : String(v);
    }
  };

  Tool.prototype.collect = function () {
    var self = this, out = {};
    eachField(this.def, function (f, g) {
      if (g || f.type === 'berekend') return;
      if (f.type === 'groep') {
        out[f.id] = self.items(f).map(function (li, i) {
          var item = {};
          f.velden.forEach(function (x) { if (x.type !== 'berekend') item[x.id] = self.readField(x, f, i, li); });
          return item;
        }).concat(self.rest[f.id] || []);
      } else out[f.id] = self.readField(f, null);
    });
    // Answers this page does not show (other versions, other tools) stay as they were.
    Object.keys(this.extra || {}).forEach(function (k) { if (!has(out, k)) out[k] = self.extra[k]; });
    return out;
  };

  Tool.prototype.apply = function (answers) {
    var self = this, a = prepared(this.def, answers);
    this.extra = {};
    this.rest = {};
    Object.keys(answers).filter(copyable).forEach(function (k) { if (!findField(self.def, k) || groupOf(self.def, k)) self.extra[k] = answers[k]; });
    eachField(this.def, function (f, g) {
      if (g) return;
      if (f.type === 'groep') {
        var list = Array.isArray(a[f.id]) ? a[f.id] : [];
        self.rest[f.id] = list.slice(SHOWN);
        list = list.slice(0, SHOWN);
        self.renderItems(f, Math.max(list.length, f.min_aantal, 1));
        var lis = self.items(f);
        list.forEach(function (item, i) {
          f.velden.forEach(function (x) { self.writeField(x, f, i, isObj(item) && has(item, x.id) ? item[x.id] : undefined, lis[i]); });
        });
      } else self.writeField(f, null, null, a[f.id]);
    });
  };

  /* ---- groups ---- */
  /* Adding and removing an item is announced in a polite live region ("Doel 2 is toegevoegd.").
   * Saved answers may hold more items than max_aantal (an older form, an imported file): all are
   * shown and kept, adding stays off, and a notice asks to remove some. Nothing typed is dropped. */
  Tool.prototype.setupGroups = function () {
    var self = this;
    eachField(this.def, function (f, g) {
      if (g || f.type !== 'groep') return;
      var box = document.getElementById(self.id(f)), add = box.querySelector('.groep__erbij');
      var live = box.appendChild(el('p', 'visueel-verborgen')), notice = el('p', 'groep__te-veel signaal');
      live.setAttribute('role', 'status');
      live.id = self.id(f) + '-status';
      notice.id = self.id(f) + '-te-veel';
      notice.tabIndex = -1;
      notice.hidden = true;
      box.insertBefore(notice, box.querySelector('.groep__items'));
      // The same words again still change the region, so they are read out again.
      var say = function (nr, done) { var t = f.item_label + ' ' + nr + ' is ' + done + '.'; live.textContent = live.textContent === t ? t + '\u00a0' : t; };
      add.hidden = false;
      add.addEventListener('click', function () {
        self.renderItems(f, self.items(f).length + 1, true);
        self.changed();
        var items = self.items(f), last = items[items.length - 1].querySelector('input, select, textarea');
        if (last) last.focus();
        say(items.length, 'toegevoegd');
      });
      box.addEventListener('click', function (ev) {
        var btn = ev.target.closest && ev.target.closest('.groep__weg');
        if (!btn) return;
        var answers = self.collect(), index = Number(btn.closest('.groep__item').getAttribute('data-index'));
        answers[f.id].splice(index, 1);
        self.apply(answers);
        self.changed();
        var items = self.items(f), next = items[Math.min(index, items.length - 1)];
        var target = !add.disabled ? add : !notice.hidden ? notice : next && next.querySelector('input, select, textarea');
        if (target) target.focus();
        say(index + 1, 'verwijderd');
      });
    });
  };
  /* More items than the group allows: say so above them (unless the error next to the group
   * already does) and describe the group with it. */
  Tool.prototype.showLimit = function (g) {
    var id = this.id(g), box = document.getElementById(id), notice = document.getElementById(id + '-te-veel');
    var d = (box.getAttribute('aria-describedby') || '').replace(id + '-te-veel', '').trim();
    notice.hidden = !this.tooMany(g) || !!document.getElementById(id + '-fout');
    notice.textContent = this.tooMany(g);
    if (!notice.hidden) d += ' ' + notice.id;
    if (d.trim()) box.setAttribute('aria-describedby', d.trim()); else box.removeAttribute('aria-describedby');
  };
  Tool.prototype.tooMany = function (g) {
    var more = this.rest[g.id].length, n = this.items(g).length + more, m = g.max_aantal;
    return m && n > m ? 'Bij “' + g.label + '” staan ' + n + ' keer “' + g.item_label + '”, maar dit formulier heeft plaats voor hoogstens ' +
      m + '. Verwijder er ' + (n - m) + '. Tot dan blijven alle ' + n + ' bewaard' + (more ? ' (de eerste ' + SHOWN + ' staan hier).' : '.') : '';
  };
  Tool.prototype.items = function (g) {
    return [].slice.call(document.getElementById(this.id(g)).querySelectorAll('.groep__items > .groep__item'));
  };
  /* Makes the group hold `count` items, built from its <template>; keeps existing answers. Never
   * fewer than the saved answers hold: max_aantal only stops the add button. */
  Tool.prototype.renderItems = function (g, count, keep) {
    var box = document.getElementById(this.id(g)), list = box.querySelector('.groep__items');
    var tpl = box.querySelector('template.groep__sjabloon');
    var current = this.items(g).length;
    if (!keep || current > count) { list.textContent = ''; current = 0; }
    // One insertion: many items stay linear.
    var more = document.createDocumentFragment();
    for (var i = current; i < count; i++) {
      var node = tpl.content.firstElementChild.cloneNode(true);
      fill(node, String(i), String(i + 1));
      more.appendChild(node);
    }
    list.appendChild(more);
    var items = this.items(g);
    box.querySelector('.groep__erbij').disabled = !!g.max_aantal && items.length >= g.max_aantal || this.rest[g.id].length > 0;
    items.forEach(function (li) { li.querySelector('.groep__weg').hidden = items.length <= Math.max(g.min_aantal, 1); });
  };
  function fill(node, n, nr) {
    if (node.nodeType === 3) { node.nodeValue = node.nodeValue.replace(/__NR__/g, nr).replace(/__N__/g, n); return; }
    if (node.nodeType !== 1) return;
    for (var i = 0; i < node.attributes.length; i++) {
      var at = node.attributes[i];
      if (at.value.indexOf('__N') >= 0) at.value = at.value.replace(/__NR__/g, nr).replace(/__N__/g, n);
    }
    for (var c = node.firstChild; c; c = c.nextSibling) fill(c, n, nr);
  }

  /* ---- evaluation on screen ---- */
  Tool.prototype.changed = function (ev) {
    if (ev && ev.target && ev.target.name && !this.locked) {
      var f = findField(this.def, ev.target.name);
      if (f && f.vult && ev.type === 'change') this.applyPreset(f, ev.target.value);
    }
    this.save();
    this.update(false);
  };
  Tool.prototype.applyPreset = function (f, value) {
    var fills = f.waarden[value], self = this;
    if (!fills) return;
    Object.keys(fills).forEach(function (k) { var t = findField(self.def, k); if (t) self.writeField(t, null, null, fills[k]); });
  };
  Tool.prototype.save = function () {
    if (this.locked) return false;
    var ok = this.store.setAnswers(this.def.id, this.def.versie, this.collect());
    if (!ok && this.store.message) this.status(this.store.message, true);
    if (ok) D.header(this, 1);
    return ok;
  };

  /* The answers of the open dossier's other forms, as saved; a form not yet opened since it was split
   * off reads its answers where they were before (def.dossier[FORM].voorheen). */
  Tool.prototype.others = function () {
    var f = this.store.active().formulieren, out = {}, want = this.def.dossier || {};
    Object.keys(f).filter(copyable).forEach(function (k) { if (isObj(f[k])) out[k] = f[k].antwoorden; });
    Object.keys(want).forEach(function (k) { want[k].voorheen.forEach(function (o) { if (!out[k] && out[o]) out[k] = out[o]; }); });
    return out;
  };
  /* A form split off an older one (def.voorheen): a dossier without its answers starts from the
   * answers there that it knows, saved at once; the older entry stays as it was (nothing lost). */
  Tool.prototype.before = function () {
    var self = this, a = {}, old = (this.def.voorheen || []).map(function (k) { return self.store.answers(k); }).filter(Boolean)[0];
    if (!old || !isObj(old.antwoorden)) return null;
    Object.keys(old.antwoorden).forEach(function (k) { if (copyable(k) && findField(self.def, k) && !groupOf(self.def, k)) a[k] = old.antwoorden[k]; });
    return (this.moved = { versie: this.def.versie, antwoorden: a });
  };
  Tool.prototype.update = function (focusSummary) {
    var self = this, out = evaluate(this.def, this.collect(), this.others());
    eachField(this.def, function (f, g) {
      if (g) {
        self.items(g).forEach(function (li, i) {
          var hidden = !!out.hidden[g.id + '/' + i + '/' + f.id];
          self.showField(f, g, i, hidden, (out.data[g.id] || [])[i]);
        });
      } else self.showField(f, null, null, !!out.hidden[f.id], out.data);
    });
    this.def.secties.forEach(function (s) {
      var el = self.form.querySelector('[data-sectie="' + s.id + '"]');
      if (el) el.hidden = !!out.hidden['sectie:' + s.id];
    });
    this.showSignals(out);
    if (this.check) this.check(out, focusSummary); else if (this.checked) this.loadChecks();
    eachField(this.def, function (f, g) { if (!g && f.type === 'groep') self.showLimit(f); });
    D.reports(this);  // the print report follows every answer
  };
  Tool.prototype.showField = function (f, g, i, hidden, values) {
    var o = document.getElementById(this.id(f, g, i)), wrap = o && o.closest('[data-veld]');
    if (wrap) wrap.hidden = hidden;
    if (o && f.type === 'berekend') o.textContent = dutch(values ? values[f.id] : null, f.decimalen);
  };
  Tool.prototype.showSignals = function (out) {
    var box = this.form.querySelector('.signalen__lijst');
    if (!box) return;
    var self = this, key = out.signals.map(function (s) { return s.id + ':' + self.text(s.tekst, out.data); }).join('|');
    if (key === this.signalKey) return;
    this.signalKey = key;
    // A conclusion is shown above the results (validation.js), not as a warning.
    out = { data: out.data, signals: out.signals.filter(function (s) { return s.soort !== 'conclusie'; }) };
    while (box.firstChild) box.removeChild(box.firstChild);
    if (!out.signals.length) { box.appendChild(el('p', 'signalen__geen', 'Geen signalen bij deze antwoorden.')); return; }
    out.signals.forEach(function (s) {
      var div = el('div', 'signaal signaal--' + s.soort);
      div.setAttribute('data-signaal', s.id);
      div.appendChild(el('h3', 'signaal__titel', (s.soort === 'info' ? 'Let op: ' : 'Waarschuwing: ') + s.titel));
      div.appendChild(el('p', 'signaal__tekst', self.text(s.tekst, out.data)));
      box.appendChild(div);
    });
  };
  Tool.prototype.text = function (text, data) {
    var def = this.def;
    return text.replace(/\{([^}]*)\}/g, function (m, id) {
      var f = findField(def, id);
      return dutch(data[id], f && f.decimalen !== undefined ? f.decimalen : 2);
    });
  };
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  /* ---- checking as typed (issue 16): site-assets/forms/validation.js ---- */
  /* Marks the control an event changed, or left after typing, as checked; true when it is newly
   * so. Tabbing through a field without typing flags nothing: an error appearing above the button
   * being clicked would move it away from the pointer (the click then misses). */
  Tool.prototype.leave = function (ev) {
    var t = ev.target, n = t && t.name;
    if (!n || !/^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName)) return false;
    if (ev.type === 'input') return !(this.typed[n] = true);
    if (this.touched[n] || (ev.type === 'focusout' && !this.typed[n])) return false;
    return (this.touched[n] = true);
  };
  /* The inline errors, the summary and the blocked results come from validation.js, loaded from
   * the site on first use (focus in the form, a submit, stored answers): a page loads less (budget). */
  Tool.prototype.loadChecks = function () {
    var at = document.querySelector('[data-formulier-controle]');
    if (this.check || Tool.loading || !at) return;
    Tool.loading = document.head.appendChild(el('script'));
    Tool.loading.src = at.getAttribute('data-formulier-controle');
  };

  /* ---- dossiers ---- */
  Tool.prototype.q = function (name) { return this.root.querySelector('[data-dossier="' + name + '"]'); };
  Tool.prototype.status = function (text, isError) {
    var p = this.q('status');
    p.textContent = text;
    p.classList.toggle('dossier__status--fout', !!isError);
  };
  /* Damaged dossiers that could not be copied aside: a button to download them (dossier-bestand.js). */
  Tool.prototype.offerDamaged = function () {
    var self = this;
    if (this.store.damaged || this.root.querySelector('.dossier__beschadigd')) files(function () { if (D.offerDamaged) D.offerDamaged(self); });
  };
  Tool.prototype.setupDossier = function () {
    var self = this;
    this.q('keuze').closest('.dossier').hidden = false;
    this.q('keuze').addEventListener('change', function () {
      self.store.select(this.value);
      self.load();
      self.status('Dossier “' + self.store.active().naam + '” is geopend.');
    });
    this.q('nieuw').addEventListener('click', function () {
      self.save();
      self.store.create();
      var saved = self.store.saved;
      self.load();
      saved = self.save() && saved;
      self.q('naam').focus();
      self.status('Nieuw dossier “' + self.store.active().naam + '” is gemaakt' + (saved ? '.' : ', maar niet opgeslagen. ' + self.store.message), !saved);
    });
    this.q('naam').addEventListener('input', function () {
      if (!self.store.rename(this.value)) self.status(self.store.message, true);
      self.fillChoice();
    });
    this.q('exporteer').addEventListener('click', function () { self.exportFile(); });
    this.q('afdrukken').addEventListener('click', function () { window.print(); });
    D.header(this);
    this.q('import').addEventListener('change', function () {
      var input = this;
      files(function () { if (D.importFile) D.importFile(self, input); else self.status(MISSING, true); });
    });
    this.q('verwijder').addEventListener('click', function () {
      var d = self.store.active();
      self.confirm('Dossier “' + d.naam + '” verwijderen? De antwoorden in alle hulpmiddelen van dit dossier gaan verloren.', 'Ja, verwijderen', function () {
        files(function () {  // Store.remove is in dossier-bestand.js
          var ok = !!D.Store.prototype.remove && self.store.remove(d.id);
          self.load();
          self.status('Dossier “' + d.naam + '” is ' + (ok ? 'verwijderd.' : 'niet verwijderd. ' + self.store.message), !ok);
        });
      });
    });
    this.q('wis').addEventListener('click', function () {
      self.confirm('Alle dossiers op dit apparaat wissen, van alle hulpmiddelen? Dit kan niet ongedaan worden gemaakt. Exporteer eerst wat u wilt bewaren.', 'Ja, alles wissen', function () {
        var ok = self.store.wipe();
        self.load();
        self.status(ok ? 'Alle dossiers zijn gewist. Er is niets meer opgeslagen op dit apparaat.' : 'Niet alles is gewist: de browser gaf een fout.', !ok);
      });
    });
    this.q('nee').addEventListener('click', function () { self.closeConfirm(); });
    this.q('ja').addEventListener('click', function () { var fn = self.pending; self.closeConfirm(); if (fn) fn(); });
    window.addEventListener('storage', function (ev) {
      if (ev.key !== D.KEY) return;
      self.store.read();
      self.fillChoice();
      self.offerDamaged();
    });
  };
  Tool.prototype.confirm = function (question, yes, fn) {
    var box = this.q('bevestig');
    this.pending = fn;
    this.returnFocus = document.activeElement;
    box.querySelector('.dossier__vraag').textContent = question;
    this.q('ja').textContent = yes;
    box.hidden = false;
    box.querySelector('.dossier__vraag').focus();
  };
  Tool.prototype.closeConfirm = function () {
    this.q('bevestig').hidden = true;
    this.pending = null;
    if (this.returnFocus && this.returnFocus.focus) this.returnFocus.focus();
  };
  Tool.prototype.fillChoice = function () {
    var sel = this.q('keuze'), active = this.store.active();
    while (sel.firstChild) sel.removeChild(sel.firstChild);
    this.store.state.dossiers.forEach(function (d) {
      var o = el('option', null, d.naam || '(zonder naam)');
      o.value = d.id;
      o.selected = d.id === active.id;
      sel.appendChild(o);
    });
    this.q('verwijder').disabled = false;
  };
  /* Shows the open dossier's answers (migrated when they are older than this form). */
  Tool.prototype.load = function () {
    var d = this.store.active(), entry = this.store.answers(this.def.id) || this.before(), answers = {};
    this.locked = false;
    if (entry && typeof entry.versie === 'number' && entry.versie > this.def.versie) {
      this.locked = true;
      this.status('Dit dossier bevat antwoorden uit een nieuwere versie van dit formulier. Ze worden getoond maar niet gewijzigd.', true);
    } else if (entry && isObj(entry.antwoorden)) {
      answers = entry.versie < this.def.versie ? D.migrate(entry, this.def).antwoorden : entry.antwoorden;
    }
    if (this.store.message) this.status(this.store.message, true);
    this.offerDamaged();
    this.apply(answers);
    this.q('naam').value = d.naam;
    D.header(this, 2);
    this.fillChoice();
    this.checked = false;
    this.touched = {};
    this.typed = {};
    // Stored answers are checked at once (validation.js): reopening a dossier shows what is wrong in it.
    this.saved = Object.keys(answers).length > 0;
    if (this.check) this.check(null); else if (this.saved) this.loadChecks();
    if (this.moved && !(this.moved = null)) this.save();
    this.update(false);
  };
  /* dossier-bestand.js (import, export, download), from the site itself, on first use: a page
   * loads less (budget). */
  function files(done) {
    var at = document.querySelector('[data-dossier-bestand]');
    if (D.parseImport || !at) done(); else D.load([at.getAttribute('data-dossier-bestand')], done);
  }
  Tool.prototype.exportFile = function () {
    var self = this, d = this.store.active();
    this.save();
    files(function () { self.status(D.exportFile ? 'Dossier “' + d.naam + '” is geëxporteerd als ' + D.exportFile(d) + '.' : MISSING, !D.exportFile); });
  };
  window.WijzerForms = { evaluate: evaluate, Tool: Tool, util: { el: el, has: has, dutch: dutch, findField: findField, eachField: eachField, SHOWN: SHOWN } };
  [].forEach.call(document.querySelectorAll('.hulpmiddel[data-formulier]'), function (root) {
    root.wijzerTool = new Tool(root);
  });
}());
