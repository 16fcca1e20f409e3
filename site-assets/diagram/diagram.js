// The diagram page of a stroomschema: opens fitted to its box with the start in view, zooms by
// buttons and keys (+, −, 0), and highlights the route a wizard left in sessionStorage under
// "wijzer-route:<flow id>" (a JSON list of node ids in the order taken; docs/stroomschema.md).
// Without JavaScript the picture scrolls at its natural size and the buttons stay hidden.
(function () {
  'use strict';
  var MIN_FIT = 0.35; // below this the labels are unreadable: fit no further, scroll instead
  var STEP = 1.25;
  var box = document.getElementById('stroom-diagram');
  var svg = box && box.querySelector('svg');
  var main = document.querySelector('[data-flow]');
  var flow = main ? main.getAttribute('data-flow') : '';

  /** The sessionStorage key of a flow's route: the wizard writes it, this page reads it. */
  function routeKey(id) { return 'wijzer-route:' + id; }

  /** Marks the nodes of `ids` and the arrows between consecutive ones, in picture and list. */
  function showRoute(ids) {
    if (!Array.isArray(ids) || !ids.length) return false;
    var prefix = 'sd-' + flow + '-';
    var marked = false;
    ids.forEach(function (id, i) {
      var node = typeof id === 'string' ? document.getElementById(prefix + id) : null;
      if (node) { node.classList.add('is-route'); marked = true; }
      if (i > 0 && svg) {
        Array.prototype.forEach.call(svg.querySelectorAll('g.edge'), function (edge) {
          if (edge.classList.contains('van-' + ids[i - 1]) && edge.classList.contains('naar-' + id)) edge.classList.add('is-route');
        });
      }
      Array.prototype.forEach.call(document.querySelectorAll('.stroom-lijst a'), function (link) {
        if (link.getAttribute('href') === id + '.html') link.classList.add('is-route');
      });
    });
    var note = document.getElementById('stroom-diagram-route');
    if (note && marked) note.hidden = false;
    return marked;
  }

  window.wijzerDiagram = { routeKey: routeKey, showRoute: showRoute };
  if (!box || !svg) return;

  var width = svg.width.baseVal.value;
  var height = svg.height.baseVal.value;
  var scale = 1;
  var status = document.getElementById('stroom-diagram-schaal');

  /** Sets the scale, keeping the point at the middle of the box where it was. */
  function zoomTo(next) {
    next = Math.min(3, Math.max(0.1, next));
    var cx = (box.scrollLeft + box.clientWidth / 2) / scale;
    var cy = (box.scrollTop + box.clientHeight / 2) / scale;
    scale = next;
    svg.style.width = width * scale + 'px';
    svg.style.height = height * scale + 'px';
    box.scrollLeft = cx * scale - box.clientWidth / 2;
    box.scrollTop = cy * scale - box.clientHeight / 2;
    box.setAttribute('data-scale', scale.toFixed(3));
    if (status) status.textContent = 'Zoom: ' + Math.round(scale * 100) + '%';
  }

  /** The whole picture in the box where it stays readable; the start node in view. */
  function fit() {
    var room = Math.min((box.clientWidth - 4) / width, (window.innerHeight * 0.8 - 4) / height);
    zoomTo(Math.max(Math.min(1, room), Math.min(1, MIN_FIT)));
    var start = document.getElementById(box.getAttribute('data-start'));
    if (start) {
      var b = start.getBoundingClientRect(), r = box.getBoundingClientRect();
      box.scrollLeft += b.left + b.width / 2 - (r.left + r.width / 2);
      box.scrollTop += b.top - r.top - 8;
    }
  }

  var buttons = document.getElementById('stroom-diagram-knoppen');
  if (buttons) {
    buttons.hidden = false;
    buttons.addEventListener('click', function (event) {
      var button = event.target.closest('button[data-zoom]');
      if (!button) return;
      var how = button.getAttribute('data-zoom');
      if (how === 'fit') fit();
      else zoomTo(how === 'in' ? scale * STEP : scale / STEP);
    });
  }
  box.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === '+' || event.key === '=') zoomTo(scale * STEP);
    else if (event.key === '-' || event.key === '−' || event.key === '_') zoomTo(scale / STEP);
    else if (event.key === '0') fit();
    else return;
    event.preventDefault();
  });

  fit();
  var route = null;
  try { route = JSON.parse(window.sessionStorage.getItem(routeKey(flow)) || 'null'); } catch (e) { route = null; }
  showRoute(route);
})();
