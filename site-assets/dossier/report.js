/* Begeleidingswijzer: the compact report of a filled-in tool (docs/forms.md, "Reports"): a header
 * (client, tool, print date, professional), only what was answered, one line naming what was not
 * assessed, summary tables and a signature block. Printed instead of the form once something is
 * answered (a blank form still prints whole, for paper); "Kopieer als tekst" copies it (copy.js).
 * Words come from templates/dossier/rapport.mustache. window.WijzerReport. */
(function () {
  'use strict';
  var ITEMS = 100;  // items of a group in the report: the first ones, as forms.js shows them

  /* A value as the report shows it ('' when there is nothing to show). Option labels and units are
   * read from the form on the page: the embedded definition holds only the values. */
  function shown(f, v, ctx, i) {
    if (v === null || v === undefined || v === '' || v === false) return '';
    if (Array.isArray(v)) return v.map(function (x) { return label(f, x, ctx, i); }).filter(Boolean).join('; ');
    if (v === true) return ctx.w.ja;
    if (f.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return dateText(new Date(v + 'T12:00:00'));
    if (f.opties) return label(f, v, ctx, i);
    var t = typeof v === 'number' ? (isFinite(v) ? v.toLocaleString('nl-NL', { maximumFractionDigits: f.decimalen === undefined ? 2 : f.decimalen }) : '') : String(v);
    var control = ctx.form.ownerDocument.getElementById(f.dom.replace('__N__', i)), wrap = control && control.closest('[data-veld]');
    var unit = wrap && wrap.querySelector('.veld__eenheid');
    return t && unit ? t + ' ' + unit.textContent : t;
  }
  /* The words of a chosen option: its label on the page. */
  function label(f, v, ctx, i) {
    var els = ctx.form.querySelectorAll('[name="' + f.naam.replace('__N__', i) + '"]');
    for (var k = 0; k < els.length; k++) {
      var e = els[k];
      if (e.tagName === 'SELECT') {
        for (var o = 0; o < e.options.length; o++) if (e.options[o].value === v) return e.options[o].textContent;
      } else if (e.value === v && e.labels && e.labels[0]) return e.labels[0].textContent;
    }
    return String(v);
  }
  function dateText(d) { return d.toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' }); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function words(tpl) {
    var list = function (name) { return (tpl.getAttribute('data-' + name) || '').split(' ').filter(Boolean); };
    return { ja: tpl.getAttribute('data-ja'), client: list('client'), professional: list('professional'), tekenaars: list('tekenaars') };
  }
  /* The first non-empty answer among `ids`. */
  function first(ids, data) {
    for (var i = 0; i < ids.length; i++) if (typeof data[ids[i]] === 'string' && data[ids[i]].trim()) return data[ids[i]].trim();
    return '';
  }
  /* A section's title, from its heading on the page. */
  function title(form, s) {
    var h = form.querySelector('[data-sectie="' + s.id + '"] > .formulier__kop');
    return h ? h.textContent : s.id;
  }
  function row(dl, term, value) {
    var div = dl.appendChild(el('div', 'rapport__rij'));
    div.appendChild(el('dt', null, term));
    div.appendChild(el('dd', null, value));
  }

  /* One section: its computed values (non-empty) as a table, its answered fields as a list of
   * terms, each group item under its own heading. Returns {box, answered}: box null when there is
   * nothing to show; answered false when no field of its own was answered. */
  function section(s, out, ctx, skip) {
    var visible = s.velden.filter(function (f) { return !out.hidden[f.id] && !skip[f.id]; });
    var box = el('section', 'rapport__sectie'), dl = el('dl', 'rapport__lijst'), body = el('tbody'), answered = false;
    box.appendChild(el('h3', 'rapport__sectiekop', title(ctx.form, s)));
    visible.forEach(function (f) {
      if (f.type === 'berekend') {
        var c = shown(f, out.data[f.id], ctx);
        if (!c) return;
        var tr = body.appendChild(el('tr'));
        tr.appendChild(el('th', null, f.label)).setAttribute('scope', 'row');
        tr.appendChild(el('td', null, c));
      } else if (f.type === 'groep') {
        (out.data[f.id] || []).slice(0, ITEMS).forEach(function (item, i) {  // as many as the form shows
          var inner = el('dl', 'rapport__lijst');
          f.velden.forEach(function (x) {
            var v = !out.hidden[f.id + '/' + i + '/' + x.id] && shown(x, item[x.id], ctx, i);
            if (v) row(inner, x.label, v);
          });
          if (!inner.firstChild) return;
          box.appendChild(el('h4', 'rapport__item', f.item_label + ' ' + (i + 1)));
          box.appendChild(inner);
          answered = true;
        });
      } else {
        var v = shown(f, out.data[f.id], ctx);
        if (v) { row(dl, f.label, v); answered = true; }
      }
    });
    if (dl.firstChild) box.insertBefore(dl, box.children[1] || null);
    if (body.firstChild) {
      var table = box.appendChild(el('table', 'rapport__tabel'));
      table.appendChild(body);
    }
    return { box: box.children.length > 1 ? box : null, answered: answered };
  }

  /* The report of `tool` (a forms.js Tool) as an element, or null when nothing is answered. */
  function build(tool) {
    var tpl = tool.root.querySelector('template[data-rapport-sjabloon]');
    var F = window.WijzerForms;
    if (!tpl || !F) return null;
    var w = words(tpl), answers = tool.collect(), out = F.evaluate(tool.def, answers, tool.others()), data = out.data;
    var dossier = tool.store.active(), g = dossier.gegevens || {}, ctx = { w: w, form: tool.form };
    var node = tpl.content.firstElementChild.cloneNode(true);
    var part = function (name) { return node.querySelector('[data-rapport="' + name + '"]'); };
    var signers = [], skip = {};
    tool.def.secties.forEach(function (s) {
      s.velden.forEach(function (f) { if (w.tekenaars.indexOf(f.id) >= 0) { signers.push(f); skip[f.id] = true; } });
    });
    var client = (g.client || '').trim() || first(w.client, data) || dossier.naam;
    var professional = (g.professional || '').trim() || first(w.professional, data);
    // Header fields are not repeated in the body (signers stay: they sign below).
    ['client', 'professional'].forEach(function (k) {
      w[k].forEach(function (id) { if (typeof data[id] === 'string' && data[id].trim() && !signers.some(function (f) { return f.id === id; })) skip[id] = true; });
    });
    part('client').textContent = client;
    part('datum').textContent = dateText(new Date());
    part('professional').textContent = professional || '—';
    if ((g.werkdoel || '').trim()) part('werkdoel').textContent = g.werkdoel.trim();
    else part('werkdoel-rij').remove();

    var body = part('inhoud'), open = [], answered = 0;
    tool.def.secties.forEach(function (s) {
      if (out.hidden['sectie:' + s.id]) return;
      var one = section(s, out, ctx, skip), own = s.velden.some(function (f) { return f.type !== 'berekend' && !skip[f.id]; });
      if (one.box) body.appendChild(one.box);
      if (one.answered) answered++;
      else if (own && !one.box) open.push(title(ctx.form, s));
    });
    if (open.length) part('open-lijst').textContent = open.join('; ') + '.';
    else part('open').remove();

    var proto = part('tekenvak'), vakken = part('tekenvakken');
    proto.remove();
    signers.forEach(function (f) {
      var vak = proto.cloneNode(true);
      vak.querySelector('[data-rapport="rol"]').textContent = f.label;
      vak.querySelector('[data-rapport="naam"]').textContent = typeof data[f.id] === 'string' ? data[f.id] : '';
      vakken.appendChild(vak);
    });
    if (!signers.length) part('ondertekening').remove();
    [].forEach.call(node.querySelectorAll('[data-rapport]'), function (e) { e.removeAttribute('data-rapport'); });
    return answered ? node : null;
  }

  /* A dossier from before the dossier header gets it from the answers of its tools (client code,
   * date, professional), once: what the user then types or clears stays. The answers stay too. */
  function adopt(tool, w) {
    var d = tool.store.active(), from = { client: w.client, datum: ['datum'], professional: w.professional };
    if (!tool.store.old || !tool.store.old[d.id]) return;
    delete tool.store.old[d.id];
    Object.keys(d.formulieren).forEach(function (f) {
      var a = d.formulieren[f] && d.formulieren[f].antwoorden;
      Object.keys(from).forEach(function (k) { if (!d.gegevens[k] && a) d.gegevens[k] = first(from[k], a); });
    });
    tool.store.save();
    window.WijzerDossier.header(tool, 2);
  }

  /* Puts the current report in the page (printed instead of the form); a blank form has none. */
  function refresh(tool) {
    var place = tool.root.querySelector('.rapport-plek'), tpl = tool.root.querySelector('template[data-rapport-sjabloon]');
    if (!place || !tpl) return null;
    adopt(tool, words(tpl));
    var node = build(tool);
    place.textContent = '';
    if (node) place.appendChild(node);
    document.documentElement.classList.toggle('rapport-afdruk', !!node);
    return node;
  }

  /* After an answer: the report follows once typing pauses (a long dossier is not rebuilt on every
   * key); printing and copying refresh it at once. */
  function schedule(tool) {
    clearTimeout(tool.reportTimer);
    tool.reportTimer = setTimeout(function () { refresh(tool); }, 250);
  }
  function refreshAll() {
    [].forEach.call(document.querySelectorAll('.hulpmiddel[data-formulier]'), function (root) { if (root.wijzerTool) refresh(root.wijzerTool); });
  }
  window.addEventListener('beforeprint', refreshAll);
  // The report's print styles come with it (dossier.css), not with every tool page (page weight).
  var at = document.querySelector('[data-dossier-stijl]');
  if (at) {
    var css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = at.getAttribute('data-dossier-stijl');
    document.head.appendChild(css);
  }
  if (window.matchMedia) {
    var print = window.matchMedia('print');
    if (print.addEventListener) print.addEventListener('change', function (e) { if (e.matches) refreshAll(); });
  }

  window.WijzerReport = { build: build, refresh: refresh, schedule: schedule };
}());
