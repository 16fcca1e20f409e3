/* Begeleidingswijzer: "Kopieer als tekst": the report of a tool (report.js) on the clipboard as
 * formatted text (HTML, for Word and e-mail) and as plain text. Where the browser refuses the
 * clipboard (file://, no permission) the text appears in a selectable box instead. Nothing is
 * sent anywhere. window.WijzerCopy. */
(function () {
  'use strict';

  /* The report as plain text: headings on their own line, "label: value" per answer. */
  function plain(node) {
    var lines = [];
    (function walk(n) {
      [].forEach.call(n.children, function (c) {
        var tag = c.tagName;
        if (/^H[1-6]$/.test(tag)) { if (lines.length) lines.push(''); lines.push(c.textContent.trim()); if (tag === 'H2') lines.push(''); }
        else if (tag === 'DIV' && c.children.length === 2 && c.children[0].tagName === 'DT') lines.push(c.children[0].textContent + ': ' + c.children[1].textContent);
        else if (tag === 'TR') lines.push([].map.call(c.children, function (x) { return x.textContent; }).join(': '));
        else if (tag === 'P') lines.push(c.textContent.trim());
        else walk(c);
      });
    }(node));
    return lines.join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
  }

  /* The report as HTML that pastes cleanly: answers as paragraphs (Word indents definition
   * lists), line breaks kept, a table with borders, no classes. */
  function html(node) {
    var copy = node.cloneNode(true), doc = node.ownerDocument;
    [].forEach.call(copy.querySelectorAll('dl > div'), function (div) {
      var p = doc.createElement('p'), b = doc.createElement('strong');
      b.textContent = div.children[0].textContent + ': ';
      p.appendChild(b);
      div.children[1].textContent.split('\n').forEach(function (line, i) {
        if (i) p.appendChild(doc.createElement('br'));
        p.appendChild(doc.createTextNode(line));
      });
      div.parentNode.parentNode.insertBefore(p, div.parentNode);
    });
    [].forEach.call(copy.querySelectorAll('dl'), function (dl) { dl.parentNode.removeChild(dl); });
    [].forEach.call(copy.querySelectorAll('table'), function (t) { t.setAttribute('border', '1'); t.setAttribute('cellpadding', '4'); });
    [].forEach.call(copy.querySelectorAll('[class]'), function (e) { e.removeAttribute('class'); });
    copy.removeAttribute('class');
    return '<meta charset="utf-8">' + copy.outerHTML;
  }

  /* Wires the tool's "Kopieer als tekst" button (forms.js calls this once per tool). */
  function setup(tool) {
    var button = tool.q('kopieer'), box = tool.q('kopie'), area = box && box.querySelector('textarea');
    if (!button || !box || !window.WijzerReport) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      var node = window.WijzerReport.refresh(tool);
      if (!node) { tool.status(button.getAttribute('data-leeg'), true); return; }
      var text = plain(node), rich = html(node);
      var fallback = function () {
        area.value = text;
        box.hidden = false;
        area.focus();
        area.select();
        tool.status(button.getAttribute('data-handmatig'));
      };
      var cb = navigator.clipboard;
      if (!cb || !cb.write || typeof ClipboardItem === 'undefined') { fallback(); return; }
      var item;
      try {
        item = new ClipboardItem({ 'text/html': new Blob([rich], { type: 'text/html' }), 'text/plain': new Blob([text], { type: 'text/plain' }) });
      } catch (e) { fallback(); return; }
      cb.write([item]).then(function () {
        box.hidden = true;
        tool.status(button.getAttribute('data-gelukt'));
      }, fallback);
    });
  }

  window.WijzerCopy = { setup: setup, plain: plain, html: html };
}());
