// Fixture script: a tiny progressive enhancement, so the JS-on and JS-off runs differ.
document.documentElement.classList.add('js');
for (const el of document.querySelectorAll('.js-status')) el.hidden = false;
