/* Begeleidingswijzer: small enhancements shared by every page. The pages work without it. */
(function () {
  'use strict';
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
