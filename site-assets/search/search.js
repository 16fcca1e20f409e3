/* Begeleidingswijzer: zoeken, ook vanaf schijf (file://).
 *
 * The index (search/*.js, written by wijzer) arrives as classic scripts that call
 * WijzerZoek.laad(name, data): no fetch, XHR, modules or WebAssembly, so it works from file://.
 * Nothing loads until the search box is first used; a query loads only the shards of its words
 * and the metadata chunks of the results it shows. Words are folded (case, diacritics) and
 * stemmed with the same Snowball Dutch algorithm as the compiler (libstemmer).
 */
(function () {
  'use strict';

  // ---------------------------------------------------------------------------------------------
  // Text: folding, words, stemming (the same as generator/base/text.cpp and search_index.cpp)

  // U+00C0..U+00FF, as fold() in generator/base/text.cpp
  var LATIN1 = ['a', 'a', 'a', 'a', 'a', 'a', 'ae', 'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',
    'd', 'n', 'o', 'o', 'o', 'o', 'o', null, 'o', 'u', 'u', 'u', 'u', 'y', 'th', 'ss',
    'a', 'a', 'a', 'a', 'a', 'a', 'ae', 'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',
    'd', 'n', 'o', 'o', 'o', 'o', 'o', null, 'o', 'u', 'u', 'u', 'u', 'y', 'th', 'y'];
  // Latin Extended-A from U+0100 as runs of one letter
  var EXT_A = [[6, 'a'], [8, 'c'], [4, 'd'], [10, 'e'], [8, 'g'], [4, 'h'], [10, 'i'], [2, 'ij'], [2, 'j'],
    [3, 'k'], [10, 'l'], [9, 'n'], [6, 'o'], [2, 'oe'], [6, 'r'], [8, 's'], [6, 't'], [12, 'u'],
    [2, 'w'], [3, 'y'], [6, 'z'], [1, 's']];

  function foldCodePoint(cp, ch) {
    if (cp < 0x80) return cp >= 65 && cp <= 90 ? String.fromCharCode(cp + 32) : ch;
    if (cp >= 0xC0 && cp <= 0xFF) return LATIN1[cp - 0xC0] || ch;
    if (cp >= 0x100 && cp <= 0x17F) {
      var at = 0x100;
      for (var i = 0; i < EXT_A.length; i++) {
        if (cp < at + EXT_A[i][0]) return EXT_A[i][1];
        at += EXT_A[i][0];
      }
    }
    return ch;
  }

  function fold(text) {
    var out = '';
    for (var ch of String(text).normalize('NFC')) out += foldCodePoint(ch.codePointAt(0), ch);
    return out;
  }

  function isWordCodePoint(cp) {
    if (cp < 0x80) return (cp >= 48 && cp <= 57) || ((cp | 0x20) >= 97 && (cp | 0x20) <= 122);
    if (cp < 0xC0 || cp === 0xD7 || cp === 0xF7) return false;
    if (cp >= 0x2000 && cp <= 0x2BFF) return false;
    if (cp >= 0x3000 && cp <= 0x303F) return false;
    if (cp >= 0xFE00 && cp <= 0xFE0F) return false;
    if (cp === 0xFEFF || cp === 0xFFFD) return false;
    return true;
  }

  /** The words of a text: [{word (as written), start, end (UTF-16 offsets)}]. */
  function splitWords(text) {
    var out = [];
    var start = -1;
    var i = 0;
    for (var ch of text) {
      var word = isWordCodePoint(ch.codePointAt(0));
      if (word && start < 0) start = i;
      if (!word && start >= 0) {
        out.push({ word: text.slice(start, i), start: start, end: i });
        start = -1;
      }
      i += ch.length;
    }
    if (start >= 0) out.push({ word: text.slice(start), start: start, end: text.length });
    return out;
  }

  /** fold() + splitWords(): the folded words of a text. */
  function words(text) {
    return splitWords(String(text).normalize('NFC')).map(function (w) { return fold(w.word); });
  }

  // Snowball's Dutch stemmer (snowballstem.org/algorithms/dutch, as in libstemmer 2.2).
  var ACCENTS = { 'ä': 'a', 'á': 'a', 'ë': 'e', 'é': 'e', 'ï': 'i', 'í': 'i', 'ö': 'o', 'ó': 'o', 'ü': 'u', 'ú': 'u' };
  function isV(c) { return c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || c === 'y' || c === 'è'; }

  function stem(word) {
    var c = word.replace(/[äáëéïíöóüú]/g, function (a) { return ACCENTS[a]; }).split('');
    var n = c.length;
    var i;
    if (c[0] === 'y') c[0] = 'Y';
    for (i = 1; i < n; i++) {
      if (!isV(c[i - 1])) continue;
      if (c[i] === 'i' && i + 1 < n && isV(c[i + 1])) c[i] = 'I';
      else if (c[i] === 'y') c[i] = 'Y';
    }
    // R1 and R2 (R1 starts at 3 at least)
    var p1 = n;
    var p2 = n;
    if (n >= 3) {
      i = 0;
      while (i < n && !isV(c[i])) i++;
      if (i < n) {
        i++;
        while (i < n && isV(c[i])) i++;
        if (i < n) {
          i++;
          p1 = Math.max(i, 3);
          while (i < n && !isV(c[i])) i++;
          if (i < n) {
            i++;
            while (i < n && isV(c[i])) i++;
            if (i < n) p2 = i + 1;
          }
        }
      }
    }
    var s = c.join('');
    function ends(x) { return s.length >= x.length && s.slice(s.length - x.length) === x; }
    function nonV(k) { return k >= 0 && !isV(s[k]); }
    function undouble() { if (ends('kk') || ends('dd') || ends('tt')) s = s.slice(0, -1); }
    function enEnding(pos) {
      if (pos < p1 || !nonV(pos - 1) || (pos >= 3 && s.slice(pos - 3, pos) === 'gem')) return;
      s = s.slice(0, pos);
      undouble();
    }
    var eFound = false;
    function eEnding() {
      eFound = false;
      var pos = s.length - 1;
      if (ends('e') && pos >= p1 && nonV(pos - 1)) {
        s = s.slice(0, pos);
        eFound = true;
        undouble();
      }
    }
    var pos;
    // step 1
    if (ends('heden')) {
      if (s.length - 5 >= p1) s = s.slice(0, -5) + 'heid';
    } else if (ends('ene')) {
      enEnding(s.length - 3);
    } else if (ends('en')) {
      enEnding(s.length - 2);
    } else if (ends('se') || ends('s')) {
      pos = s.length - (ends('se') ? 2 : 1);
      if (pos >= p1 && nonV(pos - 1) && s[pos - 1] !== 'j') s = s.slice(0, pos);
    }
    // step 2
    eEnding();
    // step 3a
    if (ends('heid')) {
      pos = s.length - 4;
      if (pos >= p2 && s[pos - 1] !== 'c') {
        s = s.slice(0, pos);
        if (ends('en')) enEnding(s.length - 2);
      }
    }
    // step 3b
    if (ends('end') || ends('ing')) {
      pos = s.length - 3;
      if (pos >= p2) {
        s = s.slice(0, pos);
        if (ends('ig') && s.length - 2 >= p2 && s[s.length - 3] !== 'e') s = s.slice(0, -2);
        else undouble();
      }
    } else if (ends('ig')) {
      pos = s.length - 2;
      if (pos >= p2 && s[pos - 1] !== 'e') s = s.slice(0, pos);
    } else if (ends('lijk')) {
      pos = s.length - 4;
      if (pos >= p2) {
        s = s.slice(0, pos);
        eEnding();
      }
    } else if (ends('baar')) {
      if (s.length - 4 >= p2) s = s.slice(0, -4);
    } else if (ends('bar')) {
      if (s.length - 3 >= p2 && eFound) s = s.slice(0, -3);
    }
    // step 4: undouble a vowel (maan → man)
    var L = s.length;
    if (L >= 4) {
      var d = s[L - 1];
      var v = s[L - 2];
      if (!isV(d) && d !== 'I' && v === s[L - 3] && 'aeou'.indexOf(v) >= 0 && !isV(s[L - 4])) s = s.slice(0, L - 2) + d;
    }
    return s.replace(/I/g, 'i').replace(/Y/g, 'y');
  }

  /** The heading anchor rule of generator/base/text.cpp slugify(). */
  function slugify(text) {
    var f = fold(text);
    var out = '';
    var dash = false;
    for (var ch of f) {
      if (ch === "'" || ch === '\u2019') continue;
      if (/^[a-z0-9]$/.test(ch)) {
        if (dash && out) out += '-';
        dash = false;
        out += ch;
      } else {
        dash = true;
      }
    }
    return out || 'kop';
  }

  // ---------------------------------------------------------------------------------------------
  // Loading the index: classic <script> elements, which file:// allows

  var store = Object.create(null);
  var waiting = Object.create(null);
  var root = '';

  var copies = Object.create(null); // postings of compounds, copied into the shards of their parts

  function laad(name, data) {
    store[name] = data;
    if (data && data.x) for (var term in data.x) copies[term] = data.x[term];
    if (waiting[name]) waiting[name].resolve(data);
  }

  function load(name) {
    if (store[name]) return Promise.resolve(store[name]);
    if (!waiting[name]) {
      var entry = {};
      entry.promise = new Promise(function (resolve, reject) {
        entry.resolve = resolve;
        var script = document.createElement('script');
        script.src = root + 'search/' + name + '.js';
        script.async = true;
        script.onerror = function () {
          delete waiting[name];
          reject(new Error('zoekindex ' + name + ' ontbreekt'));
        };
        document.head.appendChild(script);
      });
      waiting[name] = entry;
    }
    return waiting[name].promise;
  }

  var index = null; // the manifest, prepared
  function loadIndex() {
    if (index) return Promise.resolve(index);
    return load('index').then(function (m) {
      if (index) return index;
      var counts = decode(m.sections);
      var docPage = new Int32Array(m.docs);
      var pageStart = new Int32Array(counts.length + 1);
      var d = 0;
      for (var p = 0; p < counts.length; p++) {
        pageStart[p] = d;
        for (var k = 0; k < counts[p]; k++) docPage[d++] = p;
      }
      pageStart[counts.length] = d;
      var prefixes = Object.keys(m.shards);
      var maxPrefix = 0;
      prefixes.forEach(function (x) { maxPrefix = Math.max(maxPrefix, x.length); });
      var stop = Object.create(null);
      m.stop.split(' ').forEach(function (w) { stop[w] = true; });
      // Words a question has that are no search words ("hoeveel"): from the search data (qstop).
      var qstop = Object.create(null);
      (m.qstop || '').split(' ').forEach(function (w) { if (w) qstop[w] = true; });
      var pages = counts.length;
      var fill = function (text, dflt) {
        var list = text ? decode(text) : [];
        var out = new Float64Array(pages);
        for (var i = 0; i < pages; i++) out[i] = i < list.length ? list[i] : dflt;
        return out;
      };
      var weight = fill(m.weight, 10);
      for (var wi = 0; wi < pages; wi++) weight[wi] /= 10;
      index = {
        m: m, docs: m.docs, pages: pages, docPage: docPage, pageStart: pageStart, prefixes: prefixes, maxPrefix: maxPrefix,
        stop: stop, qstop: qstop, postings: Object.create(null),
        syn: m.syn || {}, phrases: Object.keys(m.syn || {}).filter(function (k) { return k.indexOf(' ') > 0; }),
        weight: weight, titleWords: fill(m.tw, 0), group: fill(m.grp, 0), groups: m.groups || [],
      };
      return index;
    });
  }

  // The 5-bit varints of the index: 'A'-'f' continue a number, 'g'-'_' end it.
  var DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  var DIGIT = new Int8Array(128);
  for (var di = 0; di < 64; di++) DIGIT[DIGITS.charCodeAt(di)] = di;
  function decode(text) {
    var out = [];
    var v = 0;
    for (var i = 0; i < text.length; i++) {
      var x = DIGIT[text.charCodeAt(i)];
      if (x < 32) v = v * 32 + x;
      else {
        out.push(v * 32 + x - 32);
        v = 0;
      }
    }
    return out;
  }

  /** The shard holding a key: the longest shard prefix that starts it. */
  function shardOf(key) {
    for (var len = Math.min(key.length, index.maxPrefix); len > 0; len--) {
      var name = index.m.shards[key.slice(0, len)];
      if (name) return name;
    }
    return null;
  }

  /** Shards that may hold keys starting with `prefix`. */
  function shardsFor(prefix) {
    var out = [];
    var own = shardOf(prefix);
    if (own) out.push(own);
    for (var i = 0; i < index.prefixes.length; i++) {
      var p = index.prefixes[i];
      if (p.length > prefix.length && p.slice(0, prefix.length) === prefix) out.push(index.m.shards[p]);
    }
    return out;
  }

  /** A term's encoded postings from the loaded shards, or undefined. */
  function postingsText(term) {
    var shard = store[shardOf(term)];
    return (shard && shard.t[term]) || copies[term];
  }

  /** A term's postings, decoded once: {docs: Int32Array, weights: Uint8Array}. */
  function postings(term) {
    var cached = index.postings[term];
    if (cached) return cached;
    var text = postingsText(term);
    if (!text) return null;
    var n = 0;
    for (var k = 0; k < text.length; k++) if (DIGIT[text.charCodeAt(k)] >= 32) n++;
    var docs = new Int32Array(n);
    var weights = new Uint8Array(n);
    var v = 0;
    var doc = -1;
    var at = 0;
    for (var i = 0; i < text.length; i++) {
      var x = DIGIT[text.charCodeAt(i)];
      if (x < 32) v = v * 32 + x;
      else {
        v = v * 32 + x - 32;
        doc += (v >>> 2) + 1;
        docs[at] = doc;
        weights[at++] = v & 3;
        v = 0;
      }
    }
    cached = { docs: docs, weights: weights };
    index.postings[term] = cached;
    return cached;
  }

  // ---------------------------------------------------------------------------------------------
  // Querying

  var FIELD = [1, 1.6, 4, 8]; // body, body (more than once), heading, title
  var MATCH_EXACT = 1;
  var MATCH_PREFIX = 0.6;
  var MATCH_SHORTER = 0.55; // the query word a little longer than the term (begeleider → begeleid)
  var MATCH_COMPOUND = 0.5; // the word is the end of a compound (organisatie → jobcoachorganisatie)
  var MATCH_SYNONYM = 0.9; // a synonym of the word or of a phrase of the query (urennorm → urenmaxima)

  /** The query's search words: [{word, stem, syn: [stems that also match it]}]. Stop words are
   * dropped, and a question's words (qstop) unless the query has nothing else. */
  function parseQuery(query) {
    var list = [];
    var seen = Object.create(null);
    var all = words(query).filter(function (w) { return w.length >= 2 && !index.stop[w]; });
    var content = all.filter(function (w) { return !index.qstop[w]; });
    (content.length ? content : all).forEach(function (w) {
      if (seen[w]) return;
      seen[w] = true;
      list.push({ word: w, stem: stem(w), syn: [] });
    });
    // Synonyms from the search data and the glossary: of a word, or of a phrase whose words the
    // query all has (then every word of the phrase also matches the synonym).
    var byStem = Object.create(null);
    list.forEach(function (q) { byStem[q.stem] = q; });
    function addSyn(q, alts) {
      alts.forEach(function (a) { if (a !== q.stem && q.syn.indexOf(a) < 0) q.syn.push(a); });
    }
    list.forEach(function (q) { if (index.syn[q.stem]) addSyn(q, index.syn[q.stem]); });
    index.phrases.forEach(function (key) {
      var parts = key.split(' ');
      if (parts.every(function (x) { return byStem[x]; })) parts.forEach(function (x) { addSyn(byStem[x], index.syn[key]); });
    });
    return list;
  }

  function loadFiles(names) {
    var unique = [];
    names.forEach(function (n) { if (n && unique.indexOf(n) < 0) unique.push(n); });
    return Promise.all(unique.map(load));
  }

  /** Candidate terms of a query word: {term: factor}, loading the shards it needs. */
  function expand(q) {
    var prefix = q.word.length >= 3;
    var names = [shardOf(q.stem), shardOf(q.word)];
    for (var cut = 1; cut <= 3; cut++) if (q.stem.length - cut >= 4) names.push(shardOf(q.stem.slice(0, -cut)));
    if (prefix) names = names.concat(shardsFor(q.word), shardsFor(q.stem));
    q.syn.forEach(function (x) { names.push(shardOf(x)); });
    return loadFiles(names).then(function () {
      var terms = Object.create(null);
      function add(term, factor) {
        if (!(terms[term] >= factor)) terms[term] = factor;
      }
      function shardData(key) { return store[shardOf(key)]; }
      var own = shardData(q.stem);
      if (own && own.t[q.stem]) add(q.stem, MATCH_EXACT);
      q.syn.forEach(function (x) {
        var sd = shardData(x);
        if (sd && sd.t[x]) add(x, MATCH_SYNONYM);
      });
      var viaWord = shardData(q.word);
      if (viaWord && viaWord.w[q.word]) add(viaWord.w[q.word], MATCH_EXACT);
      for (var cut = 1; cut <= 3; cut++) {
        var shorter = q.stem.slice(0, -cut);
        var sd = shorter.length >= 4 && shardData(shorter);
        if (sd && sd.t[shorter]) {
          add(shorter, MATCH_SHORTER);
          break;
        }
      }
      var later = [];
      if (prefix) {
        var loaded = shardsFor(q.word).concat(shardsFor(q.stem));
        loaded.forEach(function (name) {
          var shard = store[name];
          if (!shard) return;
          for (var t in shard.t) if (t.indexOf(q.word) === 0 || t.indexOf(q.stem) === 0) add(t, MATCH_PREFIX);
          for (var w in shard.w) if (w.indexOf(q.word) === 0) later.push([shard.w[w], MATCH_PREFIX]);
        });
      }
      // compounds that end in an exact match
      Object.keys(terms).forEach(function (t) {
        var sd2 = shardData(t);
        var list = sd2 && sd2.c[t];
        if (list && terms[t] === MATCH_EXACT) list.forEach(function (c) { later.push([c, MATCH_COMPOUND]); });
      });
      // (a compound's postings come with the shard of its part: no shard to load for those)
      return loadFiles(later.map(function (x) { return postingsText(x[0]) ? null : shardOf(x[0]); })).then(function () {
        later.forEach(function (x) {
          if (postingsText(x[0])) add(x[0], x[1]);
        });
        return terms;
      });
    });
  }

  /**
   * Runs a query: resolves to {words, results: [{doc, page, score}], terms, total, groups, used,
   * missing}: the pages that have every word (anywhere on the page), best first, at most `perPage`
   * sections of a page, `limit` results; with `group` (an index of the manifest's groups) only
   * pages of that section of the site. When no page has every word, the most words some pages
   * have: `missing` lists the words left out, `used` the words the results have.
   */
  function search(query, limit, perPage, group) {
    return loadIndex().then(function () {
      var q = parseQuery(query);
      if (!q.length) return { words: q, results: [], terms: [], total: 0, groups: [], used: [], missing: [] };
      var g = group === undefined || group === null ? -1 : group;
      var key = q.map(function (w) { return w.word; }).join(' ') + '|' + limit + '|' + perPage + '|' + g;
      for (var i = 0; i < recent.length; i++) if (recent[i].key === key) return recent[i].found;
      return Promise.all(q.map(expand)).then(function (expansions) {
        var found = rank(q, expansions, limit, perPage, g);
        recent.unshift({ key: key, found: found });
        recent.length = Math.min(recent.length, RECENT);
        return found;
      });
    });
  }

  // The last few searches' results, by their words: the index does not change, so a search typed
  // again, or prepared for the next key (prefetchNext), is not ranked again.
  var RECENT = 8;
  var recent = [];

  // Work arrays of rank(), one per index, reused: a query touches only its own documents and
  // pages and clears what it set. Per document: score, best (of the word being added) and mask
  // (its words, a bit each); per page: the same summed per word at its best section; lists of the
  // documents and pages touched.
  var work = null;
  function workArrays() {
    var N = index.docs;
    var P = index.pages;
    if (!work) {
      work = {
        score: new Float64Array(N), best: new Float64Array(N), mask: new Int32Array(N), mine: new Int32Array(N), touched: new Int32Array(N),
        pageScore: new Float64Array(P), pageBest: new Float64Array(P), pageMask: new Int32Array(P), pageMine: new Int32Array(P), pages: new Int32Array(P),
        keys: new Float64Array(P), pageOwn: new Float64Array(P), pageKey: new Float64Array(P), pageAt: new Int32Array(P),
        pageStamp: new Int32Array(P), stamp: 0,
      };
    }
    return work;
  }

  /** Keeps the `want` largest of keys[0..n) in a min-heap `heap`; returns the smallest kept. */
  function wantThLargest(keys, n, want) {
    var heap = new Float64Array(want);
    var size = 0;
    for (var i = 0; i < n; i++) {
      var x = keys[i];
      var at;
      if (size < want) {
        at = size++;
        while (at > 0) { // sift up
          var up = (at - 1) >> 1;
          if (heap[up] <= x) break;
          heap[at] = heap[up];
          at = up;
        }
        heap[at] = x;
      } else if (x > heap[0]) {
        at = 0;
        for (;;) { // sift down
          var child = 2 * at + 1;
          if (child >= want) break;
          if (child + 1 < want && heap[child + 1] < heap[child]) child++;
          if (heap[child] >= x) break;
          heap[at] = heap[child];
          at = child;
        }
        heap[at] = x;
      }
    }
    return heap[0];
  }

  /** A term's best score per document into best[] (sw: score by weight); new documents to mine[]. */
  function scoreTerm(docs, weights, sw, best, mine, nMine) {
    for (var i = 0; i < docs.length; i++) {
      var d = docs[i];
      var s = sw[weights[i]];
      var b = best[d];
      if (b === 0) mine[nMine++] = d;
      if (s > b) best[d] = s;
    }
    return nMine;
  }

  /** Adds word `bit`'s best scores to the documents' and their pages' totals and masks; clears best[]. */
  function addWord(w, nMine, bit, nTouched) {
    var nPages = 0;
    for (var m = 0; m < nMine; m++) {
      var d = w.mine[m];
      if (w.mask[d] === 0) w.touched[nTouched++] = d;
      w.mask[d] |= bit;
      var b = w.best[d];
      w.score[d] += b;
      w.best[d] = 0;
      var p = index.docPage[d];
      if (w.pageBest[p] === 0) w.pageMine[nPages++] = p;
      if (b > w.pageBest[p]) w.pageBest[p] = b;
    }
    for (var k = 0; k < nPages; k++) {
      var pg = w.pageMine[k];
      w.pageScore[pg] += w.pageBest[pg];
      w.pageBest[pg] = 0;
      w.pageMask[pg] |= bit;
    }
    return nTouched;
  }

  function bitCount(x) {
    var n = 0;
    for (; x; x &= x - 1) n++;
    return n;
  }

  /** The words results must have (a bit each): all when some page has them all, else the largest
   * set of words that some pages have, the one most pages have (a word that found nothing is in
   * none). */
  function required(pages, nPages, pageMask, nWords) {
    var full = (1 << nWords) - 1;
    var counts = Object.create(null); // distinct page masks: few
    for (var k = 0; k < nPages; k++) counts[pageMask[pages[k]]] = (counts[pageMask[pages[k]]] || 0) + 1;
    if (counts[full]) return full;
    var masks = Object.keys(counts).map(Number);
    var best = 0;
    var bestSize = 0;
    var bestCount = 0;
    for (var set = 1; set < full; set++) {
      var size = bitCount(set);
      if (size < bestSize) continue;
      var n = 0;
      for (var i = 0; i < masks.length; i++) if ((masks[i] & set) === set) n += counts[masks[i]];
      if (n && (size > bestSize || n > bestCount)) {
        best = set;
        bestSize = size;
        bestCount = n;
      }
    }
    return best;
  }

  var MAX_WORDS = 12; // words of a query that count (a bit each; 2^12 word sets at most to try)

  /** Scores and ranks the pages of a query's expanded words (see search()). */
  function rank(q, expansions, limit, perPage, group) {
    var w = workArrays();
    var N = index.docs;
    var nTouched = 0;
    var matchedTerms = [];
    var sw = new Float64Array(4);
    var nWords = Math.min(q.length, MAX_WORDS);
    for (var wi = 0; wi < nWords; wi++) {
      var terms = expansions[wi];
      var nMine = 0;
      // A longer word the query word only starts (jobcoachaanvraag) is rarer than the word itself:
      // it weighs no more than the word's exact match.
      var cap = Infinity;
      for (var e in terms) {
        var pe = terms[e] === MATCH_EXACT && postings(e);
        if (pe) cap = Math.max(cap === Infinity ? 0 : cap, Math.log(1 + N / pe.docs.length));
      }
      for (var t in terms) {
        var p = postings(t);
        if (!p) continue;
        matchedTerms.push(t);
        var idf = Math.min(cap, Math.log(1 + N / p.docs.length));
        for (var f = 0; f < 4; f++) sw[f] = terms[t] * FIELD[f] * idf;
        nMine = scoreTerm(p.docs, p.weights, sw, w.best, w.mine, nMine);
      }
      nTouched = addWord(w, nMine, 1 << wi, nTouched);
    }
    // The pages touched, each once (marked by a negative mask while listing them).
    var nPages = 0;
    for (var k = 0; k < nTouched; k++) {
      var pg = index.docPage[w.touched[k]];
      if (w.pageMask[pg] > 0) {
        w.pages[nPages++] = pg;
        w.pageMask[pg] = -w.pageMask[pg];
      }
    }
    for (k = 0; k < nPages; k++) w.pageMask[w.pages[k]] = -w.pageMask[w.pages[k]];
    var need = required(w.pages, nPages, w.pageMask, nWords);
    var needCount = bitCount(need);
    // A page's key: the sum of its words' best sections, plus a share of its best section (a
    // section with all the words together counts fully), times the page's weight (search data).
    // pageStamp marks the pages of this query that have the words needed (no clearing).
    var stamp = ++w.stamp;
    var matching = [];
    for (k = 0; k < nTouched; k++) {
      var d = w.touched[k];
      var pd = index.docPage[d];
      if ((w.pageMask[pd] & need) !== need) continue;
      var own = w.score[d] * (bitCount(w.mask[d] & need) === needCount ? 1 : 0.5);
      if (w.pageStamp[pd] !== stamp) {
        w.pageStamp[pd] = stamp;
        w.pageOwn[pd] = own;
        matching.push(pd);
      } else if (own > w.pageOwn[pd]) {
        w.pageOwn[pd] = own;
      }
    }
    var groupCounts = [];
    var selected = [];
    for (k = 0; k < matching.length; k++) {
      var mp = matching[k];
      var gi = index.group[mp];
      groupCounts[gi] = (groupCounts[gi] || 0) + 1;
      if (group >= 0 && gi !== group) continue;
      w.pageKey[mp] = w.keys[selected.length] = (0.5 * w.pageScore[mp] + w.pageOwn[mp]) * index.weight[mp];
      selected.push(mp);
    }
    var total = selected.length;
    var key = w.pageKey;
    // Only the best few need sorting: those with a key at least the limit-th best key.
    if (selected.length > limit * 2 + 16) {
      var threshold = wantThLargest(w.keys, selected.length, limit);
      selected = selected.filter(function (x) { return key[x] >= threshold; });
    }
    // At equal keys the page whose title has fewer words (the query fills more of it) first.
    selected.sort(function (a, b) {
      return key[b] - key[a] || index.titleWords[a] - index.titleWords[b] || a - b;
    });
    selected.length = Math.min(selected.length, limit);
    // Per page its sections with the query's words: most words first, then by score.
    var sections = selected.map(function (x, i) {
      w.pageAt[x] = i + 1;
      return [];
    });
    for (k = 0; k < nTouched; k++) {
      var doc = w.touched[k];
      var at = w.pageAt[index.docPage[doc]];
      if (at && (w.mask[doc] & need)) sections[at - 1].push(doc);
    }
    selected.forEach(function (x) { w.pageAt[x] = 0; });
    var results = [];
    sections.forEach(function (docs, i) {
      docs.sort(function (a, b) {
        return bitCount(w.mask[b] & need) - bitCount(w.mask[a] & need) || w.score[b] - w.score[a] || a - b;
      });
      docs.slice(0, perPage).forEach(function (doc) {
        results.push({ doc: doc, page: selected[i], score: key[selected[i]], all: (w.mask[doc] & need) === need });
      });
    });
    for (k = 0; k < nTouched; k++) { // leave the work arrays clean for the next query
      var td = w.touched[k];
      w.score[td] = 0;
      w.mask[td] = 0;
      w.pageScore[index.docPage[td]] = 0;
      w.pageMask[index.docPage[td]] = 0;
    }
    var used = [];
    var missing = [];
    q.forEach(function (x, i) { (i < nWords && (need & (1 << i)) ? used : missing).push(x.word); });
    var groups = [];
    groupCounts.forEach(function (n, i) {
      var g = index.groups[i] || ['', ''];
      if (n) groups.push({ index: i, id: g[0], label: g[1], count: n });
    });
    return {
      words: q.filter(function (x, i) { return i < nWords && (need & (1 << i)); }),
      results: results, terms: matchedTerms, total: total, groups: groups, used: used, missing: missing,
    };
  }

  /** The [first page, file] entry of `list` (the manifest's names or chunks) that holds `page`. */
  function fileOf(list, page) {
    var lo = 0;
    var hi = list.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (list[mid][0] <= page) lo = mid;
      else hi = mid - 1;
    }
    return list[lo];
  }

  /** A names file with its URLs expanded; headings' anchors are derived when a result needs them. */
  var namesCache = Object.create(null);
  function namesOf(file) {
    if (namesCache[file]) return namesCache[file];
    var data = store[file];
    var urls = new Array(data.p.length);
    var prev = '';
    for (var i = 0; i < data.p.length; i++) {
      prev = prev.slice(0, data.p[i][0]) + data.p[i][1];
      urls[i] = prev;
    }
    namesCache[file] = { data: data, urls: urls, slugs: [] };
    return namesCache[file];
  }

  /** Title, URL, heading and anchor of section `k` (0: the intro) of page `i` of a names file. */
  function sectionName(names, i, k) {
    var e = names.data.p[i];
    var out = { url: names.urls[i], title: e[2], heading: '', anchor: '' };
    var s = k > 0 ? e[2 + k] : undefined;
    if (s === undefined) return out;
    var h = typeof s === 'number' ? s : s[0];
    out.heading = names.data.h[h];
    out.anchor = typeof s === 'number' ? names.slugs[h] || (names.slugs[h] = slugify(out.heading)) : s[1];
    return out;
  }

  /** A page path of the index as a URL relative to the site root, every segment percent-encoded,
   * so no name can become another scheme ("javascript:…"), host ("//…") or folder ("..");
   * null for a path that does not stay inside the site. */
  function siteUrl(path, anchor) {
    var parts = String(path).split('/');
    for (var i = 0; i < parts.length; i++) {
      if (parts[i] === '' || parts[i] === '.' || parts[i] === '..' || parts[i].indexOf('\\') >= 0) return null;
      parts[i] = encodeURIComponent(parts[i]);
    }
    return parts.join('/') + (anchor ? '#' + encodeURIComponent(anchor) : '');
  }

  /** Adds title, section heading and URL (relative to the site root) to results: what a list of
   * results shows, from the names files (few, loaded early: see prefetchNames). A result whose
   * path is not a page of the site is left out. */
  function name(found) {
    var entries = found.results.map(function (r) { return fileOf(index.m.names, r.page); });
    return loadFiles(entries.map(function (e) { return e[1]; })).then(function () {
      found.results.forEach(function (r, i) {
        var entry = entries[i];
        var section = sectionName(namesOf(entry[1]), r.page - entry[0], r.doc - index.pageStart[r.page]);
        r.title = section.title;
        r.heading = section.heading;
        r.url = siteUrl(section.url, section.anchor);
      });
      found.results = found.results.filter(function (r) { return r.url !== null; });
      return found;
    });
  }

  /** Adds the excerpt of each result's section, from the small excerpt chunks of its pages. */
  function excerpts(found) {
    var entries = found.results.map(function (r) { return fileOf(index.m.chunks, r.page); });
    return loadFiles(entries.map(function (e) { return e[1]; })).then(function () {
      // name() may have left results out meanwhile (it runs beside this): look each one up again.
      found.results.forEach(function (r) {
        var entry = fileOf(index.m.chunks, r.page);
        var page = store[entry[1]][r.page - entry[0]];
        var k = r.doc - index.pageStart[r.page];
        r.excerpt = k < page.length ? page[k] : '';
      });
      return found;
    });
  }

  /** Adds everything a result shows. */
  function describe(found) {
    return name(found).then(excerpts);
  }

  /** Once the search is used: the names files a query has not loaded yet, one per idle period, so
   * that a later query's result list needs only the term shards of its words. */
  var namesPrefetched = false;
  function prefetchNames() {
    if (namesPrefetched || !index) return;
    namesPrefetched = true;
    var files = index.m.names.map(function (e) { return e[1]; });
    (function next(i) {
      while (i < files.length && namesCache[files[i]]) i++;
      if (i < files.length) {
        idle(function () {
          load(files[i]).then(function () {
            namesOf(files[i]);
            next(i + 1);
          }, function () {});
        });
      }
    })(0);
  }

  /** Words of `text` to highlight for a query: [{start, end}]. */
  function highlights(text, found) {
    var stems = Object.create(null);
    found.terms.forEach(function (t) { stems[t] = true; });
    var out = [];
    splitWords(text).forEach(function (w) {
      var f = fold(w.word);
      var s = stem(f);
      var hit = stems[s] || found.words.some(function (q) {
        return (q.word.length >= 3 && f.indexOf(q.word) === 0) || f === q.word;
      });
      if (hit) out.push(w);
    });
    return out;
  }

  /** At most about `max` characters of `text` (cut at spaces, "…" where cut), from a few words
   * before the first of `marks` ([{start, end}]) when that one would not show otherwise. */
  function snippet(text, marks, max) {
    if (text.length <= max) return text;
    var out = text;
    if (marks.length && marks[0].end > max - 20) {
      out = '…' + text.slice(text.lastIndexOf(' ', Math.max(0, marks[0].start - 30)) + 1);
    }
    if (out.length > max) {
      var cut = out.lastIndexOf(' ', max);
      out = out.slice(0, cut > max / 2 ? cut : max) + '…';
    }
    return out;
  }

  /** Appends `text` to `el` with the query's words in <mark>; with `max`, a snippet() of it. */
  function appendMarked(el, text, found, max) {
    var marks = highlights(text, found);
    if (max && text.length > max) {
      text = snippet(text, marks, max);
      marks = highlights(text, found);
    }
    var at = 0;
    marks.forEach(function (h) {
      if (h.start > at) el.appendChild(document.createTextNode(text.slice(at, h.start)));
      var mark = document.createElement('mark');
      mark.textContent = text.slice(h.start, h.end);
      el.appendChild(mark);
      at = h.end;
    });
    if (at < text.length) el.appendChild(document.createTextNode(text.slice(at)));
  }

  // "Bedoelde u …": the closest word in the loaded shards to a word that found nothing.
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev = [];
    var cur = [];
    for (var j = 0; j <= b.length; j++) prev[j] = j;
    for (var i = 1; i <= a.length; i++) {
      cur[0] = i;
      var rowMin = i;
      for (j = 1; j <= b.length; j++) {
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (rowMin > max) return max + 1;
      var t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length];
  }

  function suggest(query) {
    return loadIndex().then(function () {
      var q = parseQuery(query);
      var names = q.map(function (w) { return shardOf(w.word.slice(0, 2)) || shardOf(w.word); });
      q.forEach(function (w) { names = names.concat(shardsFor(w.word.slice(0, 2))); });
      return loadFiles(names.slice(0, 24)).then(function () {
        var changed = false;
        var better = q.map(function (w) {
          var bestWord = w.word;
          var bestD = w.word.length > 5 ? 3 : 2;
          Object.keys(store).forEach(function (name) {
            var shard = store[name];
            if (!shard || !shard.t || name.charAt(0) !== 't') return;
            [shard.w, shard.t].forEach(function (keys) {
              for (var k in keys) {
                if (k.charAt(0) !== w.word.charAt(0) && k.charAt(1) !== w.word.charAt(1)) continue;
                var d = distance(w.word, k, bestD - 1);
                if (d < bestD) {
                  bestD = d;
                  bestWord = k;
                }
              }
            });
          });
          if (bestWord !== w.word) changed = true;
          return bestWord;
        });
        return changed ? better.join(' ') : '';
      });
    });
  }

  // ---------------------------------------------------------------------------------------------
  // While typing: the next key's results, prepared in idle time

  var NEXT_KEYS = 2;

  /**
   * The queries the next key most likely makes of `typed` (the text in the box) when its last word
   * is not finished: `typed` plus each of the `n` letters that most indexed words (and their
   * surface forms) continuing that word have next, weighed by their postings. Only from shards
   * that are already loaded (a word of three letters or more has all its prefix shards); none when
   * the text ends between words.
   */
  function likelyNext(typed, n) {
    if (!index) return [];
    var text = typed.normalize('NFC');
    var all = splitWords(text);
    var last = all[all.length - 1];
    if (!last || last.end !== text.length) return [];
    var word = fold(last.word);
    if (word.length < 3) return [];
    var weight = Object.create(null);
    function count(key, list) {
      if (key.length <= word.length || key.indexOf(word) !== 0 || !list) return;
      var next = key.charAt(word.length);
      weight[next] = (weight[next] || 0) + list.length;
    }
    shardsFor(word).forEach(function (name) {
      var shard = store[name];
      if (!shard) return;
      for (var t in shard.t) count(t, shard.t[t]);
      for (var w in shard.w) count(w, postingsText(shard.w[w]));
    });
    return Object.keys(weight).sort(function (a, b) { return weight[b] - weight[a] || (a < b ? -1 : 1); })
      .slice(0, n).map(function (c) { return text + c; });
  }

  // An idle period, or 50 ms at most: while a page has a focused text box Chromium may give none.
  var idle = typeof window !== 'undefined' && window.requestIdleCallback
    ? function (f) { window.requestIdleCallback(f, { timeout: 50 }); }
    : function (f) { setTimeout(f, 0); };

  /** In idle time, and while `current()` (no newer key), loads what the likely next keys' results
   * need: the same search and metadata as typing them will, one query after the other. */
  function prefetchNext(typed, current) {
    idle(function () {
      if (!current()) return;
      likelyNext(typed, NEXT_KEYS).reduce(function (done, next) {
        return done.then(function () {
          if (current()) return search(next.trim(), DROPDOWN, 1).then(describe);
        });
      }, Promise.resolve()).catch(function () {});
    });
  }

  // ---------------------------------------------------------------------------------------------
  // The search box in the header: an ARIA 1.2 combobox with a listbox of results

  var RESULTS_PAGE = 'zoeken/index.html';
  var DROPDOWN = 8;
  var SNIPPET = 160; // characters of an excerpt in the dropdown

  function resultsUrl(query) {
    return root + RESULTS_PAGE + '?q=' + encodeURIComponent(query);
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function noResults(status, query, suggestion) {
    status.textContent = '';
    var p = el('p', 'zoek-geen');
    p.appendChild(el('strong', null, 'Geen resultaten'));
    p.appendChild(document.createTextNode(' voor “' + query + '”.'));
    status.appendChild(p);
    var tips = el('ul', 'zoek-tips');
    if (suggestion) {
      var li = el('li');
      li.appendChild(document.createTextNode('Bedoelde u '));
      var a = el('a', null, suggestion);
      a.href = resultsUrl(suggestion);
      li.appendChild(a);
      li.appendChild(document.createTextNode('?'));
      tips.appendChild(li);
    }
    tips.appendChild(el('li', null, 'Probeer minder woorden, een ander woord of het begin van een woord.'));
    var az = el('li');
    var link = el('a', null, 'Alle pagina’s van A tot Z');
    link.href = root + RESULTS_PAGE + '#az-kop';
    az.appendChild(link);
    az.appendChild(document.createTextNode(' of de '));
    var begrippen = el('a', null, 'begrippenlijst');
    begrippen.href = root + 'begrippen/index.html';
    az.appendChild(begrippen);
    tips.appendChild(az);
    status.appendChild(tips);
  }

  function setupBox(box) {
    var form = box.querySelector('form');
    var input = box.querySelector('input[name="q"]');
    var status = box.querySelector('[role="status"]');
    var link = box.querySelector('.zoekvak__link');
    if (!form || !input || !status) return;
    // The ARIA 1.2 combobox exists only with JavaScript: without it the box is not shown at all.
    var list = el('ul', 'zoekvak__lijst');
    list.id = 'zoekvak-lijst';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', 'Zoekresultaten');
    list.hidden = true;
    status.parentNode.insertBefore(list, status);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', list.id);
    if (link) link.hidden = true;
    form.hidden = false;
    var active = -1;
    var shown = [];
    var serial = 0; // searches started (one per key)
    var rendered = 0; // result lists shown

    function close() {
      ++rendered;
      list.hidden = true;
      list.removeAttribute('aria-busy');
      list.textContent = '';
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
      shown = [];
    }

    function setActive(i) {
      var options = list.querySelectorAll('[role="option"]');
      if (!options.length) return;
      active = (i + options.length) % options.length;
      for (var k = 0; k < options.length; k++) options[k].setAttribute('aria-selected', k === active ? 'true' : 'false');
      input.setAttribute('aria-activedescendant', options[active].id);
      options[active].scrollIntoView({ block: 'nearest' });
    }

    function go(i) {
      if (shown[i]) window.location.href = root + shown[i].url;
    }

    // The list shows as soon as the results have their titles and sections; each excerpt is filled
    // in when its chunk has loaded (the list is aria-busy until then).
    function render(found, query, withExcerpts) {
      close();
      status.textContent = '';
      if (!found.results.length) {
        return suggest(query).then(function (s) {
          if (input.value !== query) return;
          noResults(status, query, s);
        });
      }
      shown = found.results;
      var texts = [];
      found.results.forEach(function (r, i) {
        var li = el('li', 'zoek-optie');
        li.id = 'zoekvak-optie-' + i;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.setAttribute('data-href', r.url);
        var title = el('span', 'zoek-optie__titel');
        appendMarked(title, r.title, found);
        li.appendChild(title);
        if (r.heading) {
          var h = el('span', 'zoek-optie__kop');
          appendMarked(h, r.heading, found);
          li.appendChild(h);
        }
        texts.push(li.appendChild(el('span', 'zoek-optie__tekst')));
        li.addEventListener('mousedown', function (e) { e.preventDefault(); });
        li.addEventListener('click', function () { go(i); });
        list.appendChild(li);
      });
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      var more = found.total > found.results.length ? ' Enter toont alle ' + found.total + '.' : '';
      var missing = missingNotice(found);
      status.textContent = (missing ? missing + ' ' : '') + found.results.length + (found.results.length === 1 ? ' resultaat.' : ' resultaten.') + more;
      list.setAttribute('aria-busy', 'true');
      var mine = ++rendered;
      return withExcerpts.then(function () {
        if (mine !== rendered) return;
        found.results.forEach(function (r, i) {
          if (r.excerpt) appendMarked(texts[i], r.excerpt, found, SNIPPET);
          else texts[i].remove();
        });
        list.removeAttribute('aria-busy');
      });
    }

    function run() {
      var typed = input.value;
      var query = typed.trim();
      var mine = ++serial;
      if (!query) {
        close();
        status.textContent = '';
        return;
      }
      var withExcerpts = null;
      search(query, DROPDOWN, 1).then(function (found) {
        if (mine !== serial) return null; // a newer key: its own results count
        withExcerpts = excerpts(found); // loads beside the names, shown when it arrives
        withExcerpts.catch(function () {});
        return name(found);
      }).then(function (found) {
        if (mine !== serial) return;
        prefetchNames();
        return render(found, query, withExcerpts);
      }).then(function () {
        if (mine === serial) prefetchNext(typed, function () { return mine === serial; });
      }).catch(function (err) {
        if (mine !== serial) return;
        close();
        status.textContent = 'Zoeken lukt nu niet (' + err.message + ').';
      });
    }

    input.addEventListener('focus', function () { loadIndex().catch(function () {}); });
    input.addEventListener('input', run);
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        if (list.hidden) {
          if (input.value.trim()) run();
          return;
        }
        setActive(e.key === 'ArrowDown' ? active + 1 : active < 0 ? -1 : active - 1);
      } else if (e.key === 'Enter') {
        if (active >= 0 && !list.hidden) {
          e.preventDefault();
          go(active);
        }
        // otherwise the form goes to the results page
      } else if (e.key === 'Escape') {
        if (!list.hidden || status.textContent) {
          e.preventDefault();
          close();
          status.textContent = '';
        } else if (input.value) {
          e.preventDefault();
          input.value = '';
        }
      }
    });
    form.addEventListener('submit', function (e) {
      if (!input.value.trim()) e.preventDefault();
    });
    form.addEventListener('focusout', function (e) {
      if (!form.contains(e.relatedTarget)) {
        close();
        status.textContent = '';
      }
    });
    // Loaded on first use (portal.js): pick up what was typed before this script arrived.
    if (document.activeElement === input) {
      loadIndex().catch(function () {});
      if (input.value.trim()) run();
    }
    return input;
  }

  // ---------------------------------------------------------------------------------------------
  // The results page (zoeken/index.html?q=…&sectie=…&p=…): ten results a page, a filter by section

  var PER_PAGE = 10;
  var ALL_RESULTS = 500; // the results page ranks at most this many pages

  /** The words that found nothing together with the others, as a sentence; '' when none. */
  function missingNotice(found) {
    if (!found.missing.length || !found.used.length) return '';
    var quote = function (list) { return list.map(function (x) { return '‘' + x + '’'; }).join(' ') ; };
    return 'Geen resultaten met ' + quote(found.missing) + '; resultaten voor ' + quote(found.used) + '.';
  }

  /** The id of a group in the results page's URL (sectie=…). */
  function groupParam(g) { return g.id || 'overig'; }

  function resultsPageUrl(query, group, pageNo) {
    return resultsUrl(query) + (group ? '&sectie=' + encodeURIComponent(group) : '') + (pageNo > 1 ? '&p=' + pageNo : '');
  }

  /** A list item: a link, or where it is the current choice text with aria-current. */
  function choice(text, href, current, currentValue) {
    var li = el('li');
    var a = el('a', null, text);
    a.href = href;
    if (current) a.setAttribute('aria-current', currentValue);
    li.appendChild(a);
    return li;
  }

  /** The filter by section: every section with results, with its count. */
  function renderFilter(box, found, query, groupId) {
    box.textContent = '';
    if (found.groups.length < 2 && !groupId) return;
    var all = 0;
    found.groups.forEach(function (g) { all += g.count; });
    box.appendChild(el('h3', 'zoekfilter__kop', 'Filter op onderdeel'));
    var ul = el('ul', 'zoekfilter__lijst');
    ul.appendChild(choice('Alle onderdelen (' + all + ')', resultsPageUrl(query, '', 1), !groupId, 'true'));
    found.groups.forEach(function (g) {
      var id = groupParam(g);
      ul.appendChild(choice((g.label || id) + ' (' + g.count + ')', resultsPageUrl(query, id, 1), id === groupId, 'true'));
    });
    box.appendChild(ul);
  }

  /** Links to the pages of results: previous, the numbers, next. */
  function renderPaging(nav, total, query, groupId, pageNo) {
    nav.textContent = '';
    var pages = Math.ceil(total / PER_PAGE);
    nav.hidden = pages < 2;
    if (pages < 2) return;
    var ul = el('ul', 'zoekpaginas__lijst');
    if (pageNo > 1) ul.appendChild(choice('Vorige', resultsPageUrl(query, groupId, pageNo - 1), false));
    for (var i = 1; i <= pages; i++) {
      var li = choice(String(i), resultsPageUrl(query, groupId, i), i === pageNo, 'page');
      li.firstChild.setAttribute('aria-label', 'Pagina ' + i);
      ul.appendChild(li);
    }
    if (pageNo < pages) ul.appendChild(choice('Volgende', resultsPageUrl(query, groupId, pageNo + 1), false));
    nav.appendChild(ul);
  }

  function setupResultsPage(input) {
    var section = document.getElementById('zoekresultaten');
    if (!section) return;
    var noScript = document.getElementById('zoek-zonder-js');
    if (noScript) noScript.hidden = true;
    var params = new URLSearchParams(window.location.search);
    var query = params.get('q');
    if (!query || !query.trim()) return;
    query = query.trim();
    var groupId = params.get('sectie') || '';
    var pageNo = Math.max(1, Math.min(1000, parseInt(params.get('p'), 10) || 1));
    if (input) input.value = query;
    var status = document.getElementById('zoekresultaten-status');
    var notice = document.getElementById('zoekresultaten-melding');
    var list = document.getElementById('zoekresultaten-lijst');
    var filter = document.getElementById('zoekresultaten-filter');
    var paging = document.getElementById('zoekresultaten-paginas');
    section.hidden = false;
    status.textContent = 'Zoeken…';
    loadIndex().then(function () {
      var group = -1;
      index.groups.forEach(function (g, i) { if (groupId && groupParam({ id: g[0] }) === groupId) group = i; });
      return search(query, Math.min(ALL_RESULTS, pageNo * PER_PAGE), 1, group);
    }).then(function (all) {
      var found = {};
      for (var k in all) found[k] = all[k];
      found.results = all.results.slice((pageNo - 1) * PER_PAGE);
      return describe(found);
    }).then(function (found) {
      list.textContent = '';
      if (notice) notice.textContent = missingNotice(found);
      if (filter) renderFilter(filter, found, query, groupId);
      if (!found.results.length && !found.total) {
        return suggest(query).then(function (s) { noResults(status, query, s); });
      }
      var first = (pageNo - 1) * PER_PAGE + 1;
      var last = first + found.results.length - 1;
      var asked = found.missing.length ? found.used.join(' ') : query; // the words the results have
      status.textContent = found.total + (found.total === 1 ? ' resultaat' : ' resultaten') + ' voor “' + asked + '”' +
        (found.total > PER_PAGE ? ', ' + first + '–' + last + ' op deze pagina.' : '.');
      list.setAttribute('start', String(first));
      found.results.forEach(function (r) {
        var li = el('li', 'zoekresultaat');
        var a = el('a', 'zoekresultaat__titel');
        a.href = root + r.url;
        appendMarked(a, r.title + (r.heading ? ' › ' + r.heading : ''), found);
        li.appendChild(a);
        if (r.excerpt) {
          var p = el('p', 'zoekresultaat__tekst');
          appendMarked(p, r.excerpt, found);
          li.appendChild(p);
        }
        list.appendChild(li);
      });
      if (paging) renderPaging(paging, Math.min(found.total, ALL_RESULTS), query, groupId, pageNo);
    }).catch(function (err) {
      status.textContent = 'Zoeken lukt nu niet (' + err.message + ').';
    });
  }

  // Public: the index scripts call laad(); the rest is for tests and the benchmark.
  var api = {
    laad: laad,
    fold: fold,
    words: words,
    stem: stem,
    slugify: slugify,
    snippet: snippet,
    siteUrl: siteUrl,
    /** Ranks like the results page: `groupId` a section's id ('' or absent: all). */
    search: function (query, limit, groupId) {
      return loadIndex().then(function () {
        var group = -1;
        index.groups.forEach(function (g, i) { if (groupId && groupParam({ id: g[0] }) === groupId) group = i; });
        return search(query, limit || 10, 1, group).then(describe);
      });
    },
  };
  if (typeof window !== 'undefined') window.WijzerZoek = api;
  if (typeof module === 'object' && module.exports) module.exports = api; // node tests

  if (typeof document === 'undefined') return;
  function start() {
    var box = document.querySelector('.zoekvak');
    if (!box) return;
    root = box.getAttribute('data-zoek-root') || '';
    var input = setupBox(box);
    setupResultsPage(input);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}());
