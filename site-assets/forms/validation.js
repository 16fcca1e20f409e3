/* Begeleidingswijzer: checking a form as it is typed (issue 16; docs/forms.md, "Checked as typed"):
 * inline errors above the input and the GOV.UK error summary for every field that was left, results
 * that read "Nog niet te berekenen" while an input is wrong, the one-line conclusion above the
 * results. forms.js loads this file from the site on first use and hands over its Tool. */
(function () {
  'use strict';
  var F = window.WijzerForms;
  if (!F || !F.Tool || F.Tool.prototype.check) return;
  var Tool = F.Tool, U = F.util, el = U.el, has = U.has, dutch = U.dutch, findField = U.findField, eachField = U.eachField, SHOWN = U.SHOWN;

  /* What forms.js calls after each update: errors of left fields (all after a submit), results
   * blocked while an input is wrong. `out` null: a dossier was (re)loaded. */
  Tool.prototype.check = function (out, focusSummary) {
    var self = this;
    if (!this.sectionOf) this.sectionOf = sectionNames(this.def, this.form);
    if (!out) { this.touchSaved(); this.showErrors([], false); return; }
    var bad = this.blocking(out.errors), box = this.form.querySelector('.signalen__lijst');
    [].forEach.call(this.form.querySelectorAll('.veld__uitkomst--open'), function (o) { o.classList.remove('veld__uitkomst--open'); });
    if (bad) this.showBlocked();
    if (bad && box) {
      while (box.firstChild) box.removeChild(box.firstChild);
      box.appendChild(el('p', 'signalen__geen', '—'));
      this.signalKey = null;
    }
    this.showConclusion(out, bad);
    this.showErrors(this.checked ? out.errors : out.errors.filter(function (e) { return self.touched[self.errorKey(e)]; }), focusSummary);
  };

  /* Signals of kind "conclusie": one line at the top of the results (the section of the first
   * computed value), so the outcome is read before the figures (issue 16). While an input is wrong
   * the same line says once what to check ("Nog niet te berekenen: …"); each result reads "—". */
  Tool.prototype.showConclusion = function (out, bad) {
    var self = this, first = null;
    if (!this.conclusion && !bad && !this.def.signalen.some(function (s) { return s.soort === 'conclusie'; })) return;
    if (!this.conclusion) {
      eachField(this.def, function (f, g, s) { if (!first && !g && f.type === 'berekend') first = s; });
      var sec = first && this.form.querySelector('[data-sectie="' + first.id + '"]'), kop = sec && sec.querySelector('.formulier__kop');
      if (!kop) return;
      this.conclusion = el('p', 'conclusie');
      this.conclusion.setAttribute('role', 'status');
      kop.parentNode.insertBefore(this.conclusion, kop.nextSibling);
    }
    var found = out.signals.filter(function (s) { return s.soort === 'conclusie'; })[0];
    this.conclusion.textContent = bad || (found ? self.text(found.tekst, out.data) : '');
    this.conclusion.hidden = !this.conclusion.textContent;
    this.conclusion.classList.toggle('conclusie--open', !!bad);
  };
  /* The control name an error belongs to (a check: the field it is shown at). */
  Tool.prototype.errorKey = function (e) {
    var f = e.kind === 'controle' ? findField(this.def, e.check.veld) : e.field;
    return f ? this.name(f, e.group, e.index) : '';
  };
  /* Answers from storage count as left: reopening a dossier shows what is wrong in it at once. */
  Tool.prototype.touchSaved = function () {
    var self = this;
    this.touched = {};
    [].forEach.call(this.form.querySelectorAll('input[name], select[name], textarea[name]'), function (c) {
      if (c.type === 'radio' || c.type === 'checkbox' ? c.checked && c.defaultChecked !== c.checked : c.value !== c.defaultValue) self.touched[c.name] = true;
    });
  };
  /* While a number is no number or outside its range, results from it would be wrong: "nog niet te
   * berekenen: controleer “Contracturen per week”" once above the results instead (null: nothing wrong). */
  Tool.prototype.blocking = function (errors) {
    var self = this, names = [];
    errors.forEach(function (e) {
      if (e.kind !== 'getal' && e.kind !== 'bereik') return;
      var f = e.kind === 'controle' ? findField(self.def, e.check.veld) : e.field;
      var n = (e.group && typeof e.index === 'number' ? e.group.item_label + ' ' + (e.index + 1) + ': ' : '') + self.context(f) + '“' + f.label + '”';
      if (names.indexOf(n) < 0) names.push(n);
    });
    if (!names.length) return null;
    var last = names.length > 1 ? ' en ' + names.pop() : '';
    return 'Nog niet te berekenen: controleer ' + names.join(', ') + last + '.';
  };
  Tool.prototype.showBlocked = function () {
    var self = this, text = '—';
    eachField(this.def, function (f, g) {
      if (f.type !== 'berekend') return;
      var outs = g ? self.items(g).map(function (li, i) { return document.getElementById(self.id(f, g, i)); }) : [document.getElementById(self.id(f))];
      outs.forEach(function (o) { if (o) { o.textContent = text; o.classList.add('veld__uitkomst--open'); } });
    });
  };
  /* The section a field is in, by name ("Kunnen volhouden", "Toetsvraag 2"), for fields whose
   * label is used in more than one section: "Onderbouwing" alone does not say which aspect. */
  function sectionNames(def, form) {
    var count = {}, out = {};
    def.secties.forEach(function (s) { s.velden.forEach(function (f) { count[f.label] = (count[f.label] || 0) + 1; }); });
    def.secties.forEach(function (s) {
      var h = form.querySelector('[data-sectie="' + s.id + '"] .formulier__kop'), t = h ? h.textContent : s.id, m = /^\d+\.\s+(.*)$/.exec(t) || /^([^.]*\d+)\.\s/.exec(t), name = m ? m[1] : t;
      s.velden.forEach(function (f) { if (count[f.label] > 1) out[f.id] = name; });
    });
    return out;
  }
  Tool.prototype.context = function (f) { return f && has(this.sectionOf, f.id) ? this.sectionOf[f.id] + ': ' : ''; };

  /* ---- validation: GOV.UK error summary + inline messages ---- */
  /* An error in a group item names the item ("Doel 2: vul …"): the summary lists every item's
   * errors, and the same words twice would not say which item to fix. */
  Tool.prototype.message = function (e) {
    var text = this.plainMessage(e), g = e.group, where = e.kind === 'controle' ? '' : this.context(e.field);
    if (where && !e.field.foutmelding) return where + text.charAt(0).toLowerCase() + text.slice(1);
    if (!g || typeof e.index !== 'number') return text;
    if (e.kind !== 'controle' && !(e.field && e.field.foutmelding)) text = text.charAt(0).toLowerCase() + text.slice(1);
    return g.item_label + ' ' + (e.index + 1) + ': ' + text;
  };
  Tool.prototype.plainMessage = function (e) {
    var f = e.field, label = f ? '“' + f.label + '”' : '';
    if (e.kind === 'controle') return e.check.melding;
    if (e.kind === 'aantal') {
      if (this.tooMany(f)) return this.tooMany(f);
      if (f.max_aantal && f.min_aantal) return 'Vul bij ' + label + ' ' + f.min_aantal + ' tot ' + f.max_aantal + ' keer “' + f.item_label + '” in.';
      return f.max_aantal ? 'Vul bij ' + label + ' hoogstens ' + f.max_aantal + ' keer “' + f.item_label + '” in.' : 'Vul bij ' + label + ' minstens ' + f.min_aantal + ' keer “' + f.item_label + '” in.';
    }
    if (e.kind === 'getal') return label + ' moet een getal zijn, bijvoorbeeld 12 of 7,5.';
    if (e.kind === 'bereik') {
      if (has(f, 'min') && has(f, 'max')) return label + ' moet tussen ' + dutch(f.min, 6) + ' en ' + dutch(f.max, 6) + ' liggen.';
      return has(f, 'min') ? label + ' moet minstens ' + dutch(f.min, 6) + ' zijn.' : label + ' mag hoogstens ' + dutch(f.max, 6) + ' zijn.';
    }
    if (f.foutmelding) return f.foutmelding;
    return f.type === 'radio' || f.type === 'select' || f.type === 'checkbox' ? 'Kies een antwoord bij ' + label + '.' : 'Vul ' + label + ' in.';
  };
  Tool.prototype.showErrors = function (errors, focusSummary) {
    var self = this, summary = this.form.querySelector('.foutoverzicht'), list = summary.querySelector('ul'), gone = {};
    // Items not on screen have no field to link to; the group's own error names them.
    errors = errors.filter(function (e) { return !(e.index >= SHOWN); });
    // Old messages go in two passes (not one look-up per message): linear in the number of items.
    [].forEach.call(this.form.querySelectorAll('.veld__fout'), function (p) {
      gone[p.id] = true;
      p.parentNode.classList.remove('veld--fout');
      p.parentNode.removeChild(p);
    });
    [].forEach.call(this.form.querySelectorAll('[aria-describedby]'), function (target) {
      var ids = target.getAttribute('aria-describedby').split(' '), keep = ids.filter(function (x) { return !gone[x]; });
      if (keep.length === ids.length) return;
      target.setAttribute('aria-describedby', keep.join(' '));
      target.removeAttribute('aria-invalid');
    });
    while (list.firstChild) list.removeChild(list.firstChild);
    errors.forEach(function (e) {
      var f = e.kind === 'controle' ? findField(self.def, e.check.veld) : e.field;
      var g = e.group || null, i = e.index, id = self.id(f, g, i), msg = self.message(e);
      var control = document.getElementById(id);
      var first = (f.type === 'radio' || (f.type === 'checkbox' && f.opties)) && control && control.querySelector('input');
      var focusId = first ? first.id : id;
      var li = el('li'), a = el('a', null, msg);
      a.href = '#' + focusId;
      a.addEventListener('click', function (ev) {
        var t = document.getElementById(focusId);
        if (!t) return;
        ev.preventDefault();
        t.scrollIntoView();
        if (t.focus) { if (t.tagName === 'FIELDSET') t.setAttribute('tabindex', '-1'); t.focus(); }
      });
      li.appendChild(a);
      list.appendChild(li);
      if (!control) return;
      var wrap = control.closest('[data-veld]');
      if (!wrap || wrap.querySelector(':scope > .veld__fout')) return;
      var p = el('p', 'veld__fout');
      p.id = id + '-fout' + (e.kind === 'controle' ? '-' + e.id : '');
      p.appendChild(el('span', 'visueel-verborgen', 'Fout: '));
      p.appendChild(document.createTextNode(msg));
      var before = wrap.querySelector(':scope > .veld__invoer, :scope > .keuzes, :scope > .groep__items');
      wrap.insertBefore(p, before || null);
      wrap.classList.add('veld--fout');
      control.setAttribute('aria-describedby', ((control.getAttribute('aria-describedby') || '') + ' ' + p.id).trim());
      if (control.tagName !== 'FIELDSET') control.setAttribute('aria-invalid', 'true');
    });
    summary.hidden = !errors.length;
    var base = document.title.replace(/^Fout: /, '');
    document.title = errors.length ? 'Fout: ' + base : base;
    if (focusSummary) {
      if (errors.length) summary.focus();
      else this.status('Alle antwoorden zijn volledig en kloppen met de controles.');
    }
  };

  [].forEach.call(document.querySelectorAll('.hulpmiddel[data-formulier]'), function (root) {
    var tool = root.wijzerTool;
    if (!tool) return;
    if (tool.saved) tool.touchSaved();
    tool.update(tool.checked);
  });
}());
