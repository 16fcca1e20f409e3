/* Begeleidingswijzer: stroomschema's (keuzehulp). A classic script, works from file://.
 *
 * The flow's page (has #stroom-data) is a start page; "Start" opens the wizard in the page: one
 * step at a time. No answer ever goes into the URL: the answers live in the tab's sessionStorage
 * (gone when the tab closes), and each step is a history entry of this page's own URL whose
 * history.state holds only the step shown ({stroom, pos, depth}). So Back, Forward and reload
 * work, while the address bar and the history list show nothing but the page's address.
 *
 * Without JavaScript the Start link leads to the plain node pages (one per route), which need
 * nothing from this script. */
(function () {
  'use strict';

  var INFO = 'verder';

  function byId(id) { return document.getElementById(id); }

  /** The tab's store: sessionStorage when the browser allows it, else this page's memory. */
  function store(key) {
    var memory = null;
    return {
      read: function () {
        try {
          var text = window.sessionStorage.getItem(key);
          if (text !== null) memory = text;
        } catch (e) { /* storage blocked: memory only */ }
        try {
          var value = memory ? JSON.parse(memory) : null;
          if (value && Object.prototype.toString.call(value.answers) === '[object Array]') return value;
        } catch (e) { /* damaged: start empty */ }
        return { answers: [], change: false };
      },
      write: function (value) {
        memory = JSON.stringify(value);
        try { window.sessionStorage.setItem(key, memory); } catch (e) { /* memory only */ }
      }
    };
  }

  /** Fills "{name}" placeholders of a template's words (data-tekst attributes). */
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, name) { return values.hasOwnProperty(name) ? values[name] : all; });
  }

  // ---------------------------------------------------------------------------------------------
  // The wizard.

  function wizard(flow) {
    var app = byId('stroom-app');
    var start = byId('stroom-start');
    var startLink = byId('stroom-start-knop');
    var form = byId('stroom-formulier');
    var progress = byId('stroom-voortgang');
    var dateLine = byId('stroom-datum');
    var next = byId('stroom-volgende');
    var back = byId('stroom-vorige');
    // The button's words are the template's (templates/wizard/buttons.mustache): its text on questions,
    // data-info-tekst on info steps.
    var nextLabel = next.textContent;
    var nextInfoLabel = next.getAttribute('data-info-tekst') || nextLabel;
    var restart = byId('stroom-opnieuw');
    var confirmBox = byId('stroom-bevestig');
    var print = byId('stroom-print');
    var routeLink = byId('stroom-route');
    var check = byId('stroom-controle');
    var summary = byId('stroom-samenvatting');
    var steps = {};
    var list = form.querySelectorAll('.stroom-stap');
    for (var i = 0; i < list.length; i++) steps[list[i].getAttribute('data-node')] = list[i];
    var saved = store('wijzer-stroom:' + flow.flow);
    var state = { answers: [], pos: 0, change: false };
    var view = null; // what is shown: {node, index, walk}
    var title = document.title.replace(/^Fout: /, ''); // the page title without the error prefix
    var problem = null; // the error summary while it is shown
    var questionsToGo = {};

    // Most questions from a node to an outcome (conditions aside): "Vraag 2 van ongeveer 5".
    function toGo(id, seen) {
      if (questionsToGo.hasOwnProperty(id)) return questionsToGo[id];
      var node = flow.nodes[id];
      if (!node || seen[id]) return 0;
      seen[id] = true;
      var most = 0;
      if (node.kind === 'info') most = toGo(node.next, seen);
      var answers = node.answers || [];
      for (var i = 0; i < answers.length; i++) most = Math.max(most, toGo(answers[i].next, seen));
      seen[id] = false;
      questionsToGo[id] = most + (node.kind === 'question' ? 1 : 0);
      return questionsToGo[id];
    }

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
        if (!node || !answers[i] || answers[i][0] !== id || node.kind === 'outcome') break;
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

    function depth() {
      var s = history.state;
      return s && s.stroom === flow.flow && typeof s.depth === 'number' ? s.depth : 0;
    }

    // The page's own address without a fragment: the same URL for every step.
    function here() { return location.href.split('#')[0]; }

    // Shows step `pos` (null: the first unanswered one) for these answers, as a new history entry.
    function go(answers, pos, change) {
      var w = walk(answers);
      var index = pos === null || pos === undefined ? w.path.length : Math.min(pos, w.path.length);
      state = { answers: answers, pos: index, change: !!change };
      saved.write({ answers: answers, change: !!change });
      try {
        history.pushState({ stroom: flow.flow, pos: index, depth: depth() + 1 }, '', here());
      } catch (e) { /* no history API: the step still shows */ }
      show(true);
    }

    // The wizard in place of the start page (or back to the start page).
    function open(on) {
      app.hidden = !on;
      start.hidden = on;
      document.documentElement.classList.toggle('stroom-bezig', on);
      if (!on) { hideConfirm(); clearError(); }
    }

    function show(moveFocus) {
      open(true);
      render(moveFocus);
    }

    function render(moveFocus) {
      var w = walk(state.answers);
      var index = Math.min(state.pos || 0, w.path.length);
      var id = index < w.path.length ? w.path[index] : w.end;
      var node = flow.nodes[id];
      if (!node || !steps[id]) return;
      view = { node: id, index: index, walk: w };
      for (var key in steps) if (Object.prototype.hasOwnProperty.call(steps, key)) steps[key].hidden = key !== id;
      form.setAttribute('data-node', id);
      form.setAttribute('data-kind', node.kind);
      var step = steps[id];
      clearError();
      hideConfirm();

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
      var asked = 0;
      for (var p = 0; p < index; p++) if (flow.nodes[w.path[p]].kind === 'question') asked++;
      progress.textContent = done ? progress.getAttribute('data-klaar') :
        fill(progress.getAttribute('data-tekst'), { nu: String(asked + 1), totaal: String(asked + Math.max(toGo(id, {}), 1)) });
      byId('stroom-knoppen').hidden = done;
      next.textContent = node.kind === 'info' ? nextInfoLabel : nextLabel;
      print.hidden = !done;
      routeLink.hidden = !done;
      check.hidden = !done;
      if (done) app.setAttribute('data-klaar', ''); else app.removeAttribute('data-klaar');
      if (done) {
        fillSummary(w);
        dateLine.textContent = fill(dateLine.getAttribute('data-tekst'), { datum: today() });
      }
      if (moveFocus) {
        var heading = byId('kop-' + id);
        if (heading) heading.focus();
      }
    }

    function today() {
      try {
        return new Date().toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' });
      } catch (e) {
        return new Date().toISOString().slice(0, 10);
      }
    }

    function showConfirm() {
      confirmBox.hidden = false;
      byId('stroom-acties').hidden = true;
      byId('stroom-bevestig-kop').focus();
    }

    function hideConfirm() {
      confirmBox.hidden = true;
      byId('stroom-acties').hidden = false;
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
      // Focus the answer without following the link (the URL keeps the page's own address).
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

    // The history entry shown: a step of this flow, or the start page.
    function fromHistory(moveFocus) {
      var s = history.state;
      if (s && s.stroom === flow.flow) {
        var kept = saved.read();
        state = { answers: kept.answers, pos: s.pos, change: !!kept.change };
        show(moveFocus);
      } else if (!location.hash) {
        open(false);
        if (moveFocus) startLink.focus();
      } // else an in-page anchor (#inhoud): keep what is shown
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
      if (same || state.change) answers = answers.concat(state.answers.slice(index + 1));
      // After a change link: straight back to the end when the later answers still hold.
      go(answers, state.change ? null : index + 1, false);
    });

    startLink.addEventListener('click', function (event) {
      event.preventDefault();
      go(saved.read().answers, 0, false);
    });
    // Back: the browser's own Back when the step before is this page's entry, so both agree.
    back.addEventListener('click', function (event) {
      event.preventDefault();
      if (depth() > 0) {
        history.back();
      } else if (view && view.index > 0) {
        state.pos = view.index - 1;
        show(true);
      } else {
        open(false);
        startLink.focus();
      }
    });
    restart.addEventListener('click', showConfirm);
    byId('stroom-opnieuw-nee').addEventListener('click', function () {
      hideConfirm();
      restart.focus();
    });
    byId('stroom-opnieuw-ja').addEventListener('click', function () { go([], 0, false); });
    print.addEventListener('click', function () { window.print(); });
    // "Laat mijn route zien": the diagram reads the route from the tab's store, never from the URL
    // (docs/stroomschema.md, wijzer-route:<flow>): node ids from the start to the outcome.
    routeLink.addEventListener('click', function () {
      var w = walk(state.answers);
      try { window.sessionStorage.setItem('wijzer-route:' + flow.flow, JSON.stringify(w.path.concat([w.end]))); } catch (e) { /* the diagram opens without it */ }
    });
    summary.addEventListener('click', function (event) {
      var button = event.target.closest ? event.target.closest('button[data-stap]') : null;
      if (button) go(state.answers, parseInt(button.getAttribute('data-stap'), 10), true);
    });
    window.addEventListener('popstate', function () { fromHistory(true); });

    document.documentElement.classList.add('stroom-js');
    fromHistory(false);
  }

  var data = byId('stroom-data');
  if (data) {
    try {
      wizard(JSON.parse(data.textContent));
    } catch (e) {
      if (window.console) window.console.error(e);
    }
  }
}());
