/* Begeleidingswijzer: small enhancements shared by every page. The pages work without it. */
(function () {
  'use strict';
  // Search loads on first use: the box shows at once, search.js (30 KB) and the results' styles come when someone focuses
  // or touches the box, or straight away on the results page.
  var box = document.querySelector('.zoekvak[data-zoek-script]');
  if (box) {
    var form = box.querySelector('form');
    var input = box.querySelector('input[name="q"]');
    var link = box.querySelector('.zoekvak__link');
    var requested = false;
    var loadSearch = function () {
      if (requested) return;
      requested = true;
      var style = box.getAttribute('data-zoek-style');
      if (style && !document.querySelector('link[href="' + style + '"]')) {
        var sheet = document.createElement('link');
        sheet.rel = 'stylesheet';
        sheet.href = style;
        document.head.appendChild(sheet);
      }
      var script = document.createElement('script');
      script.src = box.getAttribute('data-zoek-script');
      document.head.appendChild(script);
    };
    if (form && input) {
      if (link) link.hidden = true;
      form.hidden = false;
      input.addEventListener('focus', loadSearch);
      box.addEventListener('pointerdown', loadSearch);
      if (document.getElementById('zoekresultaten') || document.activeElement === input) loadSearch();
    }
  }
  // WCAG 1.4.13: a glossary definition shown on hover or focus can be dismissed with Escape.
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') return;
    var open = document.querySelectorAll('.begrip');
    for (var i = 0; i < open.length; i++) open[i].classList.add('begrip--verborgen');
  });
  document.addEventListener('focusin', reset);
  document.addEventListener('mouseover', reset);
  function reset(event) {
    var target = event.target && event.target.closest && event.target.closest('.begrip--verborgen');
    if (target && event.type === 'focusin') target.classList.remove('begrip--verborgen');
    if (target && event.type === 'mouseover' && !target.contains(event.relatedTarget)) target.classList.remove('begrip--verborgen');
  }
}());
