/* Begeleidingswijzer: dossiers (one per client, answers of every form by form id) in localStorage;
 * export/import as a JSON file. No network. window.WijzerDossier; format in docs/forms.md. */
(function () {
  'use strict';
  var KEY = 'begeleidingswijzer.dossiers', SCHEMA = 1, KIND = 'begeleidingswijzer-dossier';
  var DAMAGED = KEY + '.beschadigd';

  function isObj(v) { return v !== null && typeof v === 'object' && !Array.isArray(v); }
  function has(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }
  /* Keys that would reach an object's prototype when copied with o[k] = v. */
  function badKey(k) { return k === '__proto__' || k === 'constructor' || k === 'prototype'; }
  /* A message of the storage notice: its words are in templates/dossier/opslag.mustache. */
  function say(name) {
    var e = document.querySelector('[data-dossier-tekst="' + name + '"]');
    return e ? e.textContent : name;
  }
  function now() { return new Date().toISOString(); }
  function newId() { return 'd' + Date.now().toString(36) + Math.random().toString(36).slice(2, 8); }
  function storage() { try { return window.localStorage; } catch (e) { return null; } }
  /* Writes and reads back: a value counts as stored only when it reads back the same.
   * Returns '' or why not ('vol' or 'anders', words in opslag.mustache; setItem throws when the quota is reached). */
  function writeVerified(ls, key, text) {
    try { ls.setItem(key, text); } catch (e) { return 'vol'; }
    try { return ls.getItem(key) === text ? '' : 'anders'; } catch (e) { return 'anders'; }
  }
  /* Keys of the damaged copies (…beschadigd, …beschadigd.2, …): an older copy is never overwritten. */
  function damagedKeys(ls) {
    var out = [];
    try {
      for (var i = 0; i < ls.length; i++) { var k = ls.key(i); if (k === DAMAGED || (k && k.indexOf(DAMAGED + '.') === 0)) out.push(k); }
    } catch (e) { out = []; }
    return out;
  }
  /* Keeps `raw` aside; true only when a copy reads back the same. */
  function keepAside(ls, raw) {
    var keys = damagedKeys(ls), n = 2, key = DAMAGED;
    for (var i = 0; i < keys.length; i++) if (ls.getItem(keys[i]) === raw) return true;
    while (keys.indexOf(key) >= 0) key = DAMAGED + '.' + n++;
    if (!writeVerified(ls, key, raw)) return true;
    ls.removeItem(key);
    return false;
  }

  function Store() {
    this.message = '';
    this.readOnly = false;
    this.read();
  }

  /* Reads the state; a damaged state is kept aside (never thrown away), a newer one is left alone.
   * A damaged state that could not be copied stays where it is and nothing is saved over it
   * (`damaged` holds it for a download). */
  Store.prototype.read = function () {
    var ls = storage(), raw = null, state = null;
    this.available = !!ls;
    this.damaged = null;
    this.readOnly = false;
    this.message = '';
    this.old = {};
    if (!ls) this.message = say('geen-opslag');
    try { raw = ls && ls.getItem(KEY); } catch (e) { raw = null; }
    if (raw) {
      try { state = JSON.parse(raw); } catch (e) { state = null; }
      if (!isObj(state) || !Array.isArray(state.dossiers) || typeof state.schema !== 'number') {
        state = null;
        if (keepAside(ls, raw)) {
          this.message = say('beschadigd');
        } else {
          this.damaged = raw;
          this.readOnly = true;
          this.message = say('geen-kopie');
        }
      } else if (state.schema > SCHEMA) {
        this.readOnly = true;
        this.message = say('nieuwer');
      }
    }
    this.state = state || { schema: SCHEMA, actief: null, dossiers: [] };
    this.state.dossiers = this.state.dossiers.filter(function (d) { return isObj(d) && typeof d.id === 'string'; });
    for (var i = 0; i < this.state.dossiers.length; i++) {
      var d = this.state.dossiers[i];
      if (typeof d.naam !== 'string') d.naam = 'Dossier ' + (i + 1);
      if (!isObj(d.formulieren)) d.formulieren = {};
      // From before the dossier header: report.js fills it from the answers (`old`), once.
      if (!isObj(d.gegevens)) { d.gegevens = {}; this.old[d.id] = 1; }
    }
  };

  /* Saves the whole state; true only when it reads back the same. `failure` says why not. */
  Store.prototype.save = function () {
    var ls = storage(), text;
    this.failure = '';
    if (this.readOnly || !ls) { this.failure = 'anders'; return false; }
    try { text = JSON.stringify(this.state); } catch (e) { this.failure = 'anders'; }
    if (!this.failure) this.failure = writeVerified(ls, KEY, text);
    if (!this.failure) return true;
    this.message = say('niet-opgeslagen').replace('{reden}', say(this.failure));
    return false;
  };

  Store.prototype.find = function (id) {
    for (var i = 0; i < this.state.dossiers.length; i++) if (this.state.dossiers[i].id === id) return this.state.dossiers[i];
    return null;
  };

  /* The open dossier; when there is none, a new one that is saved with its first answer. */
  Store.prototype.active = function () {
    var d = this.find(this.state.actief) || this.state.dossiers[0];
    if (!d) d = this.create(null, true);
    this.state.actief = d.id;
    return d;
  };

  Store.prototype.create = function (naam, lazy) {
    var n = this.state.dossiers.length + 1, names = {};
    this.state.dossiers.forEach(function (x) { names['=' + x.naam] = true; });
    while (!naam && names['=Dossier ' + n]) n++;
    var d = { id: newId(), naam: naam || 'Dossier ' + n, gemaakt: now(), gewijzigd: now(), gegevens: {}, formulieren: {} };
    this.state.dossiers.push(d);
    this.state.actief = d.id;
    this.saved = lazy ? true : this.save();
    return d;
  };

  Store.prototype.select = function (id) {
    if (this.find(id)) { this.state.actief = id; this.save(); }
  };

  Store.prototype.rename = function (naam) {
    var d = this.active();
    d.naam = naam;
    d.gewijzigd = now();
    return this.save();
  };

  /* "Alles wissen": every dossier and the damaged copies go; nothing is written until new answers
   * come. True when nothing is left in storage. */
  Store.prototype.wipe = function () {
    var ls = storage(), left = false;
    if (ls) {
      [KEY].concat(damagedKeys(ls)).forEach(function (k) {
        try { ls.removeItem(k); left = left || ls.getItem(k) !== null; } catch (e) { left = true; }
      });
    }
    this.readOnly = false;
    this.damaged = null;
    this.message = '';
    this.state = { schema: SCHEMA, actief: null, dossiers: [] };
    return !left;
  };

  /* One of the open dossier's gegevens (client, datum, professional, werkdoel); true when stored. */
  Store.prototype.setGegeven = function (key, value) {
    var d = this.active();
    d.gegevens[key] = value;
    return this.save();
  };

  Store.prototype.answers = function (formId) {
    var entry = this.active().formulieren[formId];
    return isObj(entry) ? entry : null;
  };

  Store.prototype.setAnswers = function (formId, versie, antwoorden) {
    var d = this.active();
    d.formulieren[formId] = { versie: versie, antwoorden: antwoorden, gewijzigd: now() };
    d.gewijzigd = now();
    return this.save();
  };

  /* Answers saved under an older version of a form, brought to the current one by its migrations. */
  function migrate(entry, def) {
    var versie = entry.versie, a = entry.antwoorden;
    while (versie < def.versie) {
      for (var i = 0; i < def.migraties.length; i++) {
        var m = def.migraties[i];
        if (m.van !== versie) continue;
        Object.keys(m.hernoem).forEach(function (oud) {
          if (Object.prototype.hasOwnProperty.call(a, oud)) {
            if (!Object.prototype.hasOwnProperty.call(a, m.hernoem[oud])) a[m.hernoem[oud]] = a[oud];
            delete a[oud];
          }
        });
        m.verwijder.forEach(function (id) { delete a[id]; });
        Object.keys(m.standaard).forEach(function (id) { if (!Object.prototype.hasOwnProperty.call(a, id)) a[id] = m.standaard[id]; });
      }
      versie++;
    }
    return { versie: def.versie, antwoorden: a, gewijzigd: entry.gewijzigd };
  }

  /* The dossier header (templates/dossier/kop.mustache) of a forms.js tool: `what` empty wires it
   * (typing saves into the open dossier), 2 fills it from the open dossier, 1 says "Opgeslagen om
   * 14:32" in its polite live region. */
  function header(tool, what) {
    var box = tool.root.querySelector('[data-dossierkop]'), said = box && box.querySelector('[data-opgeslagen]');
    if (!box) return;
    var t = what === 1 ? said.getAttribute('data-opgeslagen') + ' ' + new Date().toTimeString().slice(0, 5) : '';
    if (what && said.textContent != t) said.textContent = t;  // the same words are not said again
    [].forEach.call(box.querySelectorAll('[data-gegeven]'), function (i) {
      var k = i.getAttribute('data-gegeven');
      if (what === 2) i.value = tool.store.active().gegevens[k] || '';
      if (what) return;
      i.oninput = function () {
        if (tool.locked) return;
        if (tool.store.setGegeven(k, i.value)) header(tool, 1); else tool.status(tool.store.message, true);
        reports(tool);
      };
    });
    box.hidden = false;
  }

  /* The print report and "Kopieer als tekst" (report.js, copy.js; report.js adds dossier.css) load once the tool
   * holds answers (or the dossier is from before the header, which report.js fills): a tool
   * without answers prints as a blank paper form and needs neither (page weight budget). Then
   * every call brings the report up to date. */
  function reports(tool) {
    var at = document.querySelector('[data-dossier-rapport]');
    if (window.WijzerReport) return window.WijzerReport.schedule(tool);
    if (tool.loading || !at || !(tool.store.answers(tool.def.id) || tool.store.old[tool.store.active().id])) return;
    tool.loading = 1;
    load(at.getAttribute('data-dossier-rapport').split(' '), function () { if (window.WijzerCopy) window.WijzerCopy.setup(tool); reports(tool); });
  }

  /* Loads scripts of the site itself (run in order), then calls done. */
  function load(urls, done) {
    var n = 0;
    urls.forEach(function (u) {
      var e = document.createElement('script');
      e.src = u;
      e.async = false;
      e.onload = e.onerror = function () { if (++n === urls.length) done(); };
      document.head.appendChild(e);
    });
  }

  // parseImport, exportText and download come from dossier-bestand.js, loaded on first use (page weight).
  window.WijzerDossier = { Store: Store, migrate: migrate, KEY: KEY, SCHEMA: SCHEMA, KIND: KIND,
    badKey: badKey, newId: newId, say: say, header: header, reports: reports, load: load };
}());
