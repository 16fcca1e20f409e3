/* Begeleidingswijzer: dossiers (one per client, answers of every form by form id) in localStorage;
 * export/import as a JSON file. No network. window.WijzerDossier; format in docs/forms.md. */
(function () {
  'use strict';
  var KEY = 'begeleidingswijzer.dossiers', SCHEMA = 1, KIND = 'begeleidingswijzer-dossier', MAX_CHARS = 5e6;
  var NIETS = ' Er is niets veranderd.';

  function isObj(v) { return v !== null && typeof v === 'object' && !Array.isArray(v); }
  function now() { return new Date().toISOString(); }
  function newId() { return 'd' + Date.now().toString(36) + Math.random().toString(36).slice(2, 8); }
  function storage() { try { return window.localStorage; } catch (e) { return null; } }

  function Store() {
    this.message = '';
    this.readOnly = false;
    this.read();
  }

  /* Reads the state; a damaged state is kept aside (never thrown away), a newer one is left alone. */
  Store.prototype.read = function () {
    var ls = storage(), raw = null, state = null;
    this.available = !!ls;
    if (!ls) this.message = 'Deze browser staat opslaan niet toe: wat u invult, gaat verloren als u de pagina sluit. Exporteer uw dossier om het te bewaren.';
    try { raw = ls && ls.getItem(KEY); } catch (e) { raw = null; }
    if (raw) {
      try { state = JSON.parse(raw); } catch (e) { state = null; }
      if (!isObj(state) || !Array.isArray(state.dossiers) || typeof state.schema !== 'number') {
        try { ls.setItem(KEY + '.beschadigd', raw); } catch (e) { /* keep going */ }
        this.message = 'De opgeslagen dossiers waren beschadigd. Een kopie staat apart in de browseropslag; u begint met een leeg dossier.';
        state = null;
      } else if (state.schema > SCHEMA) {
        this.readOnly = true;
        this.message = 'De dossiers op dit apparaat zijn opgeslagen door een nieuwere versie van de Begeleidingswijzer. Deze pagina wijzigt ze niet.';
      }
    }
    this.state = state || { schema: SCHEMA, actief: null, dossiers: [] };
    this.state.dossiers = this.state.dossiers.filter(function (d) { return isObj(d) && typeof d.id === 'string'; });
    for (var i = 0; i < this.state.dossiers.length; i++) {
      var d = this.state.dossiers[i];
      if (typeof d.naam !== 'string') d.naam = 'Dossier ' + (i + 1);
      if (!isObj(d.formulieren)) d.formulieren = {};
    }
  };

  Store.prototype.save = function () {
    var ls = storage();
    if (this.readOnly || !ls) return false;
    try {
      ls.setItem(KEY, JSON.stringify(this.state));
      return true;
    } catch (e) {
      this.message = 'Opslaan is niet gelukt (is de opslag van de browser vol?). Exporteer uw dossier om niets te verliezen.';
      return false;
    }
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
    var n = this.state.dossiers.length + 1, names = this.state.dossiers.map(function (x) { return x.naam; });
    while (!naam && names.indexOf('Dossier ' + n) >= 0) n++;
    var d = { id: newId(), naam: naam || 'Dossier ' + n, gemaakt: now(), gewijzigd: now(), formulieren: {} };
    this.state.dossiers.push(d);
    this.state.actief = d.id;
    if (!lazy) this.save();
    return d;
  };

  Store.prototype.select = function (id) {
    if (this.find(id)) { this.state.actief = id; this.save(); }
  };

  Store.prototype.rename = function (naam) {
    var d = this.active();
    d.naam = naam;
    d.gewijzigd = now();
    this.save();
  };

  Store.prototype.remove = function (id) {
    this.state.dossiers = this.state.dossiers.filter(function (d) { return d.id !== id; });
    if (this.state.actief === id) this.state.actief = this.state.dossiers.length ? this.state.dossiers[0].id : null;
    this.save();
  };

  /* "Alles wissen": every dossier and the damaged copy go; nothing is written until new answers come. */
  Store.prototype.wipe = function () {
    var ls = storage();
    try { if (ls) { ls.removeItem(KEY); ls.removeItem(KEY + '.beschadigd'); } } catch (e) { /* nothing stored */ }
    this.readOnly = false;
    this.message = '';
    this.state = { schema: SCHEMA, actief: null, dossiers: [] };
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

  Store.prototype.add = function (dossier) {
    var names = this.state.dossiers.map(function (x) { return x.naam; }), naam = dossier.naam, n = 2;
    while (names.indexOf(naam) >= 0) naam = dossier.naam + ' (' + n++ + ')';
    dossier.naam = naam;
    dossier.id = newId();
    this.state.dossiers.push(dossier);
    this.state.actief = dossier.id;
    this.save();
    return dossier;
  };

  /* Export file text of a dossier: every form it holds, with each form's version. */
  function exportText(dossier) {
    return JSON.stringify({ bestand: KIND, schema: SCHEMA, naam: dossier.naam, geexporteerd: now(),
      formulieren: dossier.formulieren }, null, 2) + '\n';
  }

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

  /* Reads an export file. `defs`: form id → definition of the forms this page knows.
   * Returns {dossier} or {error: message}; never changes stored data. */
  function parseImport(text, defs) {
    var data;
    if (typeof text !== 'string' || text.length > MAX_CHARS) return { error: 'Dit bestand is te groot voor een dossier.' + NIETS };
    try { data = JSON.parse(text.replace(/^\uFEFF/, '')); } catch (e) {
      return { error: 'Dit bestand is beschadigd of is geen JSON-bestand: het kan niet worden gelezen.' + NIETS };
    }
    if (!isObj(data) || data.bestand !== KIND)
      return { error: 'Dit is geen dossierbestand van de Begeleidingswijzer. Kies een bestand dat u met “Dossier exporteren” hebt gemaakt.' + NIETS };
    if (typeof data.schema !== 'number' || data.schema < 1 || Math.floor(data.schema) !== data.schema || !isObj(data.formulieren))
      return { error: 'Dit dossierbestand is beschadigd: de bestandsversie of de antwoorden ontbreken.' + NIETS };
    if (data.schema > SCHEMA)
      return { error: 'Dit dossier is gemaakt met een nieuwere versie van de Begeleidingswijzer (bestandsversie ' + data.schema + '). Deze versie kan het niet lezen.' + NIETS };
    var forms = {}, ids = Object.keys(data.formulieren);
    for (var i = 0; i < ids.length; i++) {
      var entry = data.formulieren[ids[i]], def = defs[ids[i]];
      if (!isObj(entry) || typeof entry.versie !== 'number' || entry.versie < 1 || !isObj(entry.antwoorden))
        return { error: 'Dit dossierbestand is beschadigd: de antwoorden van “' + ids[i] + '” zijn onleesbaar.' + NIETS };
      if (def && entry.versie > def.versie)
        return { error: 'De antwoorden van “' + def.titel + '” in dit bestand komen uit een nieuwere versie van het formulier (versie ' + entry.versie + '; deze pagina kent versie ' + def.versie + ').' + NIETS };
      forms[ids[i]] = def && entry.versie < def.versie ? migrate(entry, def) : entry;
    }
    var naam = typeof data.naam === 'string' && data.naam.trim() ? data.naam.trim().slice(0, 200) : 'Geïmporteerd dossier';
    return { dossier: { naam: naam, gemaakt: now(), gewijzigd: now(), formulieren: forms } };
  }

  window.WijzerDossier = { Store: Store, exportText: exportText, parseImport: parseImport, migrate: migrate, KEY: KEY, SCHEMA: SCHEMA };
}());
