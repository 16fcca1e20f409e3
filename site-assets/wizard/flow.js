/* Begeleidingswijzer: stroomschema's (keuzehulp). A classic script, works from file://.
 *
 * Wizard page (has #stroom-data): one step at a time. The state lives in the URL hash,
 *   #a=q1:ja,i1:verder,q2:nee[&s=N][&c=1]
 * a = the answers so far (node:answer), s = the step shown (default: the first unanswered one),
 * c = "came from a change link": after answering, jump back to the end when the rest still holds.
 * Every step is a history entry, so back, reload, bookmarks and sharing all work.
 *
 * Node pages (main[data-node]): the answer links are plain links; this script adds the path taken
 * to them (?a=…), so an outcome page can offer "your answers" in the wizard. */
(function () {
  'use strict';

  var INFO = 'verder';

  function byId(id) { return document.getElementById(id); }

  function parseState(text) {
    var state = { answers: [], pos: null, change: false };
    var parts = text.split('&');
    for (var i = 0; i < parts.length; i++) {
      var kv = parts[i].split('=');
      var value = decodeURIComponent(kv.slice(1).join('='));
      if (kv[0] === 'a' && value) {
        var items = value.split(',');
        for (var j = 0; j < items.length; j++) {
          var pair = items[j].split(':');
          if (pair.length === 2 && pair[0] && pair[1]) state.answers.push([pair[0], pair[1]]);
        }
      } else if (kv[0] === 's' && /^\d+$/.test(value)) {
        state.pos = parseInt(value, 10);
      } else if (kv[0] === 'c') {
        state.change = value === '1';
      }
    }
    return state;
  }

  function answersText(answers) {
    var list = [];
    for (var i = 0; i < answers.length; i++) list.push(answers[i][0] + ':' + answers[i][1]);
    return list.join(',');
  }

  // ---------------------------------------------------------------------------------------------
  // Node pages: carry the path in the query string.

  function enhanceNodePage(main) {
    var match = /[?&]a=([^&#]*)/.exec(location.search);
    var state = match ? parseState('a=' + match[1]) : { answers: [] };
    var node = main.getAttribute('data-node');
    var links = main.querySelectorAll('a.stroom-link[data-answer]');
    for (var i = 0; i < links.length; i++) {
      var answers = state.answers.concat([[node, links[i].getAttribute('data-answer')]]);
      links[i].setAttribute('href', links[i].getAttribute('href').split('?')[0] + '?a=' + encodeURIComponent(answersText(answers)));
    }
    var mine = byId('stroom-mijn-route');
    if (mine && state.answers.length) {
      var p = document.createElement('p');
      var a = document.createElement('a');
      a.href = 'index.html#a=' + encodeURIComponent(answersText(state.answers));
      a.textContent = 'Bekijk je eigen antwoorden in de keuzehulp';
      p.appendChild(a);
      mine.appendChild(p);
      mine.hidden = false;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The wizard.

  function wizard(flow) {
    var app = byId('stroom-app');
    var form = byId('stroom-formulier');
    var progress = byId('stroom-voortgang');
    var bar = byId('stroom-balk');
    var next = byId('stroom-volgende');
    var back = byId('stroom-vorige');
    // The button's words are the template's (templates/wizard/buttons.mustache): its text on questions,
    // data-info-tekst on info steps.
    var nextLabel = next.textContent;
    var nextInfoLabel = next.getAttribute('data-info-tekst') || nextLabel;
    var restart = byId('stroom-opnieuw');
    var print = byId('stroom-print');
    var check = byId('stroom-controle');
    var summary = byId('stroom-samenvatting');
    var steps = {};
    var list = form.querySelectorAll('.stroom-stap');
    for (var i = 0; i < list.length; i++) steps[list[i].getAttribute('data-node')] = list[i];
    var state = { answers: [], pos: null, change: false };
    var view = null; // what is shown: {node, index, walk}
    var shown = null; // the hash last rendered
    var title = document.title.replace(/^Fout: /, ''); // the page title without the error prefix
    var problem = null; // the error summary while it is shown

    function available(answer, data) {
      if (!answer.als) return true;
      try {
        return window.WijzerLogic ? window.WijzerLogic.truthy(window.WijzerLogic.apply(answer.als, data)) : true;
      } catch (e) {
        return false;
      }
    }

    function findAnswer(node, id, data) {
      var answers = node.answers || [];
      for (var i = 0; i < answers.length; i++) if (answers[i].id === id && available(answers[i], data)) return answers[i];
      return null;
    }

    // Follows the answers from the start as far as they hold.
    function walk(answers) {
      var id = flow.start;
      var path = [];
      var data = {};
      var datas = [];
      for (var i = 0; i < answers.length; i++) {
        var node = flow.nodes[id];
        if (!node || answers[i][0] !== id || node.kind === 'outcome') break;
        var to;
        if (node.kind === 'info') {
          if (answers[i][1] !== INFO) break;
          to = node.next;
        } else {
          var answer = findAnswer(node, answers[i][1], data);
          if (!answer) break;
          to = answer.next;
        }
        datas.push(copy(data));
        if (node.kind === 'question') data[id] = answers[i][1];
        path.push(id);
        id = to;
      }
      datas.push(copy(data));
      return { path: path, end: id, datas: datas, answers: answers.slice(0, path.length) };
    }

    function copy(o) {
      var c = {};
      for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) c[k] = o[k];
      return c;
    }

    function hashFor(answers, pos, change) {
      var hash = 'a=' + encodeURIComponent(answersText(answers)).replace(/%2C/g, ',').replace(/%3A/g, ':');
      if (pos !== null && pos !== undefined) hash += '&s=' + pos;
      if (change) hash += '&c=1';
      return hash;
    }

    function go(answers, pos, change) {
      var hash = hashFor(answers, pos, change);
      // Render at once (the hashchange event comes later), then record the step in history.
      state = parseState(hash);
      shown = hash;
      render(true);
      if (location.hash !== '#' + hash) location.hash = hash;
    }

    function render(moveFocus) {
      var w = walk(state.answers);
      var index = state.pos === null ? w.path.length : Math.min(state.pos, w.path.length);
      var id = index < w.path.length ? w.path[index] : w.end;
      var node = flow.nodes[id];
      if (!node || !steps[id]) return;
      view = { node: id, index: index, walk: w };
      for (var key in steps) if (Object.prototype.hasOwnProperty.call(steps, key)) steps[key].hidden = key !== id;
      form.setAttribute('data-node', id);
      form.setAttribute('data-kind', node.kind);
      var step = steps[id];
      clearError();

      if (node.kind === 'question') {
        var data = w.datas[index] || {};
        var given = w.answers[index] && w.answers[index][0] === id ? w.answers[index][1] :
          (state.answers[index] && state.answers[index][0] === id ? state.answers[index][1] : null);
        var choices = step.querySelectorAll('.stroom-keuze');
        for (var c = 0; c < choices.length; c++) {
          var answer = findAnswer(node, choices[c].getAttribute('data-answer'), data);
          var input = choices[c].querySelector('input');
          choices[c].hidden = !answer;
          input.disabled = !answer;
          input.checked = !!answer && input.value === given;
        }
      }

      var done = node.kind === 'outcome';
      var total = index + (node.rest || 0);
      progress.textContent = done ? 'Klaar: dit is je uitkomst' : 'Stap ' + (index + 1) + ' van hoogstens ' + total;
      bar.max = Math.max(total, 1);
      bar.value = done ? bar.max : index;
      byId('stroom-knoppen').hidden = done;
      next.textContent = node.kind === 'info' ? nextInfoLabel : nextLabel;
      back.hidden = index === 0;
      print.hidden = !done;
      check.hidden = !done;
      if (done) fillSummary(w);
      if (moveFocus) step.focus();
    }

    // No answer chosen: the GOV.UK error summary above the question (role="alert", focused, a
    // link to the first answer), the message next to the answers, "Fout: " before the title.
    function showError(step) {
      clearError();
      var error = step.querySelector('.stroom-fout');
      var fieldset = step.querySelector('.stroom-vraag');
      var first = step.querySelector('input[type=radio]:not(:disabled)');
      if (!error || !fieldset || !first) return;
      var message = error.textContent.replace(/^Fout: /, '');
      if (!error.querySelector('.visueel-verborgen')) {
        var prefix = document.createElement('span');
        prefix.className = 'visueel-verborgen';
        prefix.textContent = 'Fout: ';
        error.insertBefore(prefix, error.firstChild);
      }
      error.hidden = false;
      step.classList.add('stroom-stap--fout');
      var described = (fieldset.getAttribute('aria-describedby') || '').split(' ').filter(function (x) { return x && x !== error.id; });
      described.push(error.id);
      fieldset.setAttribute('aria-describedby', described.join(' '));

      var box = document.createElement('div');
      box.className = 'stroom-foutoverzicht';
      box.id = 'stroom-foutoverzicht';
      box.tabIndex = -1;
      var live = document.createElement('div');
      live.setAttribute('role', 'alert');
      var heading = document.createElement('h2');
      heading.className = 'stroom-foutoverzicht__kop';
      heading.textContent = 'Er is een probleem';
      var ul = document.createElement('ul');
      ul.className = 'stroom-foutoverzicht__lijst';
      var li = document.createElement('li');
      var link = document.createElement('a');
      link.href = '#' + first.id;
      link.textContent = message; // the same words as the message next to the answers
      // The hash holds the wizard's state: focus the answer without following the link.
      link.addEventListener('click', function (event) {
        event.preventDefault();
        var legend = fieldset.querySelector('legend');
        if (legend && legend.scrollIntoView) legend.scrollIntoView();
        first.focus({ preventScroll: true });
      });
      li.appendChild(link);
      ul.appendChild(li);
      live.appendChild(heading);
      live.appendChild(ul);
      box.appendChild(live);
      step.insertBefore(box, step.firstChild);
      problem = { box: box, step: step, error: error, fieldset: fieldset };
      document.title = 'Fout: ' + title;
      box.focus();
    }

    function clearError() {
      if (!problem) return;
      if (problem.box.parentNode) problem.box.parentNode.removeChild(problem.box);
      problem.error.hidden = true;
      problem.step.classList.remove('stroom-stap--fout');
      var id = problem.error.id;
      var rest = (problem.fieldset.getAttribute('aria-describedby') || '').split(' ').filter(function (x) { return x && x !== id; });
      if (rest.length) problem.fieldset.setAttribute('aria-describedby', rest.join(' '));
      else problem.fieldset.removeAttribute('aria-describedby');
      document.title = title;
      problem = null;
    }

    function fillSummary(w) {
      while (summary.firstChild) summary.removeChild(summary.firstChild);
      for (var i = 0; i < w.path.length; i++) {
        var node = flow.nodes[w.path[i]];
        if (node.kind !== 'question') continue;
        var answer = findAnswer(node, w.answers[i][1], w.datas[i]);
        var row = document.createElement('div');
        row.className = 'stroom-samenvatting__rij';
        var dt = document.createElement('dt');
        dt.textContent = node.title;
        var dd = document.createElement('dd');
        dd.textContent = answer ? answer.label : w.answers[i][1];
        var change = document.createElement('dd');
        change.className = 'stroom-samenvatting__wijzig';
        var button = document.createElement('button');
        button.type = 'button';
        button.className = 'link-knop';
        button.setAttribute('data-stap', String(i));
        button.appendChild(document.createTextNode('Wijzigen'));
        var hidden = document.createElement('span');
        hidden.className = 'visueel-verborgen';
        hidden.textContent = ': ' + node.title;
        button.appendChild(hidden);
        change.appendChild(button);
        row.appendChild(dt);
        row.appendChild(dd);
        row.appendChild(change);
        summary.appendChild(row);
      }
    }

    function fromHash(moveFocus) {
      var hash = location.hash.replace(/^#/, '');
      if (hash === '' || hash.indexOf('a=') === 0) {
        if (view && hash === shown) return;
        shown = hash;
        state = parseState(hash);
        render(moveFocus);
      } else if (!view) {
        render(false); // an in-page anchor (#inhoud): keep the wizard at its state
      }
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (!view) return;
      var node = flow.nodes[view.node];
      var step = steps[view.node];
      var answer;
      if (node.kind === 'info') {
        answer = INFO;
      } else if (node.kind === 'question') {
        var chosen = step.querySelector('input[type=radio]:checked:not(:disabled)');
        if (!chosen) {
          showError(step);
          return;
        }
        answer = chosen.value;
      } else {
        return;
      }
      var index = view.index;
      var old = state.answers[index];
      var same = !!old && old[0] === view.node && old[1] === answer;
      var answers = view.walk.answers.slice(0, index);
      answers.push([view.node, answer]);
      if (same) answers = answers.concat(state.answers.slice(index + 1));
      // The browser's Back button returns to this question with this answer still chosen.
      try {
        var here = hashFor(answers, index, state.change);
        history.replaceState(history.state, '', '#' + here);
        shown = here;
      } catch (e) { /* no history API: Back shows the question without the answer */ }
      // Same answer: keep the later ones; after a change link, straight back to the end.
      go(answers, same && !state.change ? index + 1 : null, false);
    });

    back.addEventListener('click', function () {
      if (view && view.index > 0) go(state.answers, view.index - 1, false);
    });
    restart.addEventListener('click', function () { go([], null, false); });
    print.addEventListener('click', function () { window.print(); });
    summary.addEventListener('click', function (event) {
      var button = event.target.closest ? event.target.closest('button[data-stap]') : null;
      if (button) go(state.answers, parseInt(button.getAttribute('data-stap'), 10), true);
    });
    window.addEventListener('hashchange', function () { fromHash(true); });

    app.hidden = false;
    document.documentElement.classList.add('stroom-js');
    fromHash(false);
  }

  var data = byId('stroom-data');
  if (data) {
    try {
      wizard(JSON.parse(data.textContent));
    } catch (e) {
      if (window.console) window.console.error(e);
    }
  } else {
    var main = document.querySelector('main[data-node]');
    if (main) enhanceNodePage(main);
  }
}());
