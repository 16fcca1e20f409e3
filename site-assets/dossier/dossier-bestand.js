/* Begeleidingswijzer: dossier files (docs/forms.md): reading an import, writing an export, saving a
 * file on the device. Loaded by forms.js on first use; adds parseImport, exportText and download
 * to window.WijzerDossier. No network. */
(function () {
  'use strict';
  var D = window.WijzerDossier;
  if (!D) return;
  var badKey = D.badKey, migrate = D.migrate;
  var KIND = D.KIND, SCHEMA = D.SCHEMA, NIETS = ' Er is niets veranderd.', MAX_CHARS = 5e6;
  // Bounds of an import: a real dossier nests 7 deep and no form has 1,000 items in a list.
  var MAX_DEPTH = 16, MAX_ITEMS = 1000;

  function isObj(v) { return v !== null && typeof v === 'object' && !Array.isArray(v); }
  function has(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }
  function now() { return new Date().toISOString(); }

  /* Deepest nesting of [ and { in JSON text, outside strings; linear and without recursion, so a
   * hostile file is refused before JSON.parse or JSON.stringify could overflow the stack. */
  function depthOf(text) {
    var depth = 0, max = 0, inString = false;
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      if (inString) { if (c === 92) i++; else if (c === 34) inString = false; }
      else if (c === 34) inString = true;
      else if (c === 123 || c === 91) { if (++depth > max) max = depth; }
      else if (c === 125 || c === 93) depth--;
    }
    return max;
  }
  /* The first problem of parsed data, walked without recursion: a key that would change an
   * object's prototype ("__proto__") or a list longer than any form has. */
  function badPart(data) {
    var todo = [data];
    while (todo.length) {
      var v = todo.pop();
      if (Array.isArray(v)) {
        if (v.length > MAX_ITEMS) return 'een lijst met meer dan ' + MAX_ITEMS + ' onderdelen';
        for (var i = 0; i < v.length; i++) if (v[i] !== null && typeof v[i] === 'object') todo.push(v[i]);
      } else if (isObj(v)) {
        var keys = Object.keys(v);
        for (var k = 0; k < keys.length; k++) {
          if (badKey(keys[k])) return 'de ongeldige naam “' + keys[k] + '”';
          if (v[keys[k]] !== null && typeof v[keys[k]] === 'object') todo.push(v[keys[k]]);
        }
      }
    }
    return '';
  }
  /* An answer of field f of the wrong kind, or a group beyond the form's max_aantal: a message. */
  function fieldProblem(def, f, v) {
    if (v === null || v === undefined) return '';
    var wrong = 'De antwoorden van “' + def.titel + '” passen niet bij het formulier: “' + f.label + '” heeft een antwoord van de verkeerde soort.' + NIETS;
    if (f.type === 'groep') {
      if (!Array.isArray(v)) return wrong;
      if (f.max_aantal && v.length > f.max_aantal)
        return 'De antwoorden van “' + def.titel + '” passen niet bij het formulier: bij “' + f.label + '” staan ' + v.length + ' keer “' + f.item_label +
          '”, maar het formulier heeft plaats voor hoogstens ' + f.max_aantal + '.' + NIETS;
      for (var i = 0; i < v.length; i++) {
        if (!isObj(v[i])) return wrong;
        for (var j = 0; j < f.velden.length; j++) {
          var p = has(v[i], f.velden[j].id) ? fieldProblem(def, f.velden[j], v[i][f.velden[j].id]) : '';
          if (p) return p;
        }
      }
      return '';
    }
    if (f.type === 'checkbox' && !f.opties) return typeof v === 'boolean' ? '' : wrong;
    if (f.type === 'checkbox') return Array.isArray(v) && v.every(function (x) { return typeof x === 'string'; }) ? '' : wrong;
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? '' : wrong;
  }
  function answersProblem(def, answers) {
    for (var s = 0; s < def.secties.length; s++) {
      for (var i = 0; i < def.secties[s].velden.length; i++) {
        var f = def.secties[s].velden[i], p = has(answers, f.id) ? fieldProblem(def, f, answers[f.id]) : '';
        if (p) return p;
      }
    }
    return '';
  }

  /* Reads an export file. `defs`: form id → definition of the forms this page knows.
   * Returns {dossier} or {error: message}; never changes stored data. */
  function parseImport(text, defs) {
    var data;
    if (typeof text !== 'string' || text.length > MAX_CHARS) return { error: 'Dit bestand is te groot voor een dossier.' + NIETS };
    text = text.replace(/^\uFEFF/, '');
    if (depthOf(text) > MAX_DEPTH)
      return { error: 'Dit bestand is geen dossier van de Begeleidingswijzer: de gegevens zijn te diep genest.' + NIETS };
    try { data = JSON.parse(text); } catch (e) {
      return { error: 'Dit bestand is beschadigd of is geen JSON-bestand: het kan niet worden gelezen.' + NIETS };
    }
    if (!isObj(data) || data.bestand !== KIND)
      return { error: 'Dit is geen dossierbestand van de Begeleidingswijzer. Kies een bestand dat u met “Dossier exporteren” hebt gemaakt.' + NIETS };
    var bad = badPart(data);
    if (bad) return { error: 'Dit dossierbestand is beschadigd: het bevat ' + bad + '.' + NIETS };
    if (typeof data.schema !== 'number' || data.schema < 1 || Math.floor(data.schema) !== data.schema || !isObj(data.formulieren))
      return { error: 'Dit dossierbestand is beschadigd: de bestandsversie of de antwoorden ontbreken.' + NIETS };
    if (data.schema > SCHEMA)
      return { error: 'Dit dossier is gemaakt met een nieuwere versie van de Begeleidingswijzer (bestandsversie ' + data.schema + '). Deze versie kan het niet lezen.' + NIETS };
    var forms = {}, ids = Object.keys(data.formulieren);
    for (var i = 0; i < ids.length; i++) {
      var entry = data.formulieren[ids[i]], def = has(defs, ids[i]) ? defs[ids[i]] : null;
      if (!isObj(entry) || typeof entry.versie !== 'number' || entry.versie < 1 || !isObj(entry.antwoorden))
        return { error: 'Dit dossierbestand is beschadigd: de antwoorden van “' + ids[i] + '” zijn onleesbaar.' + NIETS };
      if (def && entry.versie > def.versie)
        return { error: 'De antwoorden van “' + def.titel + '” in dit bestand komen uit een nieuwere versie van het formulier (versie ' + entry.versie + '; deze pagina kent versie ' + def.versie + ').' + NIETS };
      forms[ids[i]] = def && entry.versie < def.versie ? migrate(entry, def) : entry;
      var problem = def ? answersProblem(def, forms[ids[i]].antwoorden) : '';
      if (problem) return { error: problem };
    }
    var naam = typeof data.naam === 'string' && data.naam.trim() ? data.naam.trim().slice(0, 200) : 'Geïmporteerd dossier';
    // The dossier header: short texts only (a file from before it has none: report.js fills it from the answers).
    var gegevens = {};
    if (isObj(data.gegevens)) ['client', 'datum', 'professional', 'werkdoel'].forEach(function (k) {
      if (typeof data.gegevens[k] === 'string') gegevens[k] = data.gegevens[k].slice(0, 2000);
    });
    return { dossier: { naam: naam, gemaakt: now(), gewijzigd: now(), gegevens: gegevens, formulieren: forms } };
  }

  /* Export file text of a dossier: every form it holds, with each form's version. */
  function exportText(dossier) {
    return JSON.stringify({ bestand: KIND, schema: SCHEMA, naam: dossier.naam, geexporteerd: now(),
      gegevens: dossier.gegevens || {}, formulieren: dossier.formulieren }, null, 2) + '\n';
  }

  /* Saves `text` as a file on the device (Blob + <a download>; nothing leaves the device). */
  function download(text, type, name) {
    var blob = new Blob([text], { type: type }), url = URL.createObjectURL(blob);
    var a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }
  /* Saves the export file of a dossier; returns the file's name. */
  function exportFile(d) {
    var name = 'dossier-' + ((d.naam || 'dossier').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'dossier') + '.json';
    download(exportText(d), 'application/json', name);
    return name;
  }

  /* Damaged dossiers that could not be copied aside: a button downloads them as they are stored. */
  function offerDamaged(tool) {
    var btn = tool.root.querySelector('.dossier__beschadigd'), status = tool.q('status');
    if (!btn && tool.store.damaged) {
      btn = document.createElement('button');
      btn.type = 'button';
      btn.className = 'knop knop--tweede dossier__beschadigd';
      btn.textContent = 'Beschadigde gegevens downloaden';
      status.parentNode.insertBefore(btn, status.nextSibling);
      btn.addEventListener('click', function () {
        if (tool.store.damaged) download(tool.store.damaged, 'text/plain', 'dossiers-beschadigd.txt');
      });
    }
    if (btn) btn.hidden = !tool.store.damaged;
  }

  /* Reads the file chosen in `input` and adds it as a new dossier of `tool` (forms.js). */
  function importFile(tool, input) {
    var file = input.files && input.files[0], reader = new FileReader();
    if (!file) return;
    reader.onload = function () {
      var defs = {};
      defs[tool.def.id] = tool.def;
      var result = parseImport(String(reader.result), defs);
      input.value = '';
      if (result.error) { tool.status(result.error, true); return; }
      tool.save();
      var failed = tool.store.add(result.dossier);
      if (failed) {
        tool.status('Het dossier is niet geïmporteerd: ' + (tool.store.readOnly ? tool.store.message : D.say(failed) + '.' + NIETS), true);
        return;
      }
      tool.load();
      tool.status('Dossier “' + tool.store.active().naam + '” is geïmporteerd en geopend.');
    };
    reader.onerror = function () { input.value = ''; tool.status('Het bestand kon niet worden gelezen.' + NIETS, true); };
    reader.readAsText(file);
  }

  /* Store.add (here, not in dossier.js: only an import adds a dossier, and this file loads on first
   * use). Adds an imported dossier and opens it. Returns '' when it is stored (read back), else why not
   * ('vol' or 'anders'); then nothing changed, in storage or in memory, so later saves still work. */
  D.Store.prototype.add = function (dossier) {
    var names = {}, naam = dossier.naam, n = 2, actief = this.state.actief;
    this.state.dossiers.forEach(function (x) { names['=' + x.naam] = true; });
    while (names['=' + naam]) naam = dossier.naam + ' (' + n++ + ')';
    dossier.naam = naam;
    dossier.id = D.newId();
    this.state.dossiers.push(dossier);
    this.state.actief = dossier.id;
    if (this.save()) return '';
    this.state.dossiers.pop();
    this.state.actief = actief;
    if (!this.readOnly) this.message = '';
    return this.failure;
  };

  /* Store.remove (here: deleting a dossier is a first use too). Removes a dossier; true when that is stored (else the dossier stays). */
  D.Store.prototype.remove = function (id) {
    var before = this.state.dossiers, actief = this.state.actief;
    this.state.dossiers = before.filter(function (d) { return d.id !== id; });
    if (this.state.actief === id) this.state.actief = this.state.dossiers.length ? this.state.dossiers[0].id : null;
    if (this.save()) return true;
    this.state.dossiers = before;
    this.state.actief = actief;
    return false;
  };

  D.parseImport = parseImport;
  D.importFile = importFile;
  D.exportText = exportText;
  D.exportFile = exportFile;
  D.offerDamaged = offerDamaged;
}());
