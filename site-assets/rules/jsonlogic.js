/* WijzerLogic: JSON Logic (jsonlogic.com), browser twin of generator/rules/jsonlogic.cpp
 * with the same semantics; both pass tests/conformance/jsonlogic. Classic script
 * (works from file://): window.WijzerLogic = { apply, variables, truthy, LogicError },
 * module.exports in Node. apply() throws LogicError; .value is the error object,
 * e.g. {type: "NaN"}, {type: "Invalid Arguments"}, {type: "Unknown Operator"},
 * {type: "Limit Exceeded"} (fatal: try does not catch it) or a thrown value. */
(function () {
  'use strict';
  const MAX_DEPTH = 256, MAX_STEPS = 1e7, MAX_LENGTH = 1 << 24;
  const NAN = 'NaN', INVALID = 'Invalid Arguments', UNKNOWN = 'Unknown Operator', LIMIT = 'Limit Exceeded';

  const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
  const isObj = v => v !== null && typeof v === 'object' && !Array.isArray(v);
  const isKey = v => typeof v === 'string' || typeof v === 'number';
  const arg = (a, i) => i < a.length && a[i] !== undefined ? a[i] : null;

  class LogicError extends Error {
    constructor(value, fatal) {
      super('jsonlogic: ' + typeOf(value));
      this.value = value;
      this.fatal = !!fatal;
    }
    get type() { return typeOf(this.value); }
  }
  function typeOf(v) {
    if (!isObj(v) || !hasOwn(v, 'type')) return 'Error';
    return typeof v.type === 'string' ? v.type : str(v.type);
  }
  function fail(type, fatal) { throw new LogicError({ type }, fatal); }

  // values: truthiness ([] falsy, {} truthy), numbers, strings
  function truthy(v) { return Array.isArray(v) ? v.length > 0 : !!v; }
  const toNumber = v => v == null ? 0 : typeof v === 'number' ? v
    : typeof v === 'boolean' ? +v : typeof v === 'string' ? Number(v) : NaN;
  function num(v) { let n = toNumber(v); if (n !== n) fail(NAN); return n; }
  function result(n) { if (!isFinite(n)) fail(NAN); return n === 0 ? 0 : n; }
  // String(v), with Array.prototype.join's null -> "" inside arrays.
  function str(v, d) {
    d = d || 0;
    if (d > MAX_DEPTH) fail(LIMIT, true);
    if (Array.isArray(v)) return v.map(e => e == null ? '' : str(e, d + 1)).join(',');
    return isObj(v) ? '[object Object]' : String(v);
  }
  // Strings compare by code point (the C++ engine compares UTF-8 bytes).
  function cmpStr(a, b) {
    let n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      let x = a.codePointAt(i), y = b.codePointAt(i);
      if (x !== y) return x < y ? -1 : 1;
    }
    return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
  }
  function compare(a, b) {
    if (typeof a === 'string' && typeof b === 'string') return cmpStr(a, b);
    let x = num(a), y = num(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  function same(a, b, d) {  // strict deep equality
    d = d || 0;
    if (d > MAX_DEPTH) fail(LIMIT, true);
    if (a === b) return true;
    if (Array.isArray(a)) {
      return Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i], d + 1));
    }
    if (!isObj(a) || !isObj(b)) return false;
    let ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every(k => hasOwn(b, k) && same(a[k], b[k], d + 1));
  }

  // data access: own properties and canonical array indices only
  function lookup(v, key) {
    if (Array.isArray(v)) return /^(0|[1-9]\d{0,14})$/.test(key) && +key < v.length ? v[+key] : undefined;
    return isObj(v) && hasOwn(v, key) ? v[key] : undefined;
  }
  function bounded(v) {  // values read whole must nest at most MAX_DEPTH levels (as in C++)
    const stack = [[v, 0]];
    while (stack.length) {
      const [x, d] = stack.pop();
      if (x === null || typeof x !== 'object') continue;
      if (d >= MAX_DEPTH) fail(LIMIT, true);
      for (const e of Object.values(x)) stack.push([e, d + 1]);
    }
    return v;
  }
  function varValue(cur, path, dflt) {
    if (path === null || path === '' || (Array.isArray(path) && !path.length)) return cur;
    if (!isKey(path)) return dflt;
    for (const part of String(path).split('.')) if ((cur = lookup(cur, part)) === undefined) return dflt;
    return cur;
  }
  const isJump = a => Array.isArray(a) && a.length === 1 && typeof a[0] === 'number';
  function resolve(ev, a) {  // val/exists path, optionally starting [[n]] scopes up
    let cur = ev.scopes[ev.scopes.length - 1], i = 0;
    if (a.length && isJump(a[0])) {
      let up = Math.abs(a[0][0]), top = ev.scopes.length - 1;
      cur = ev.scopes[up >= top ? 0 : top - Math.trunc(up)];
      i = 1;
    }
    for (; i < a.length && cur !== undefined; i++) cur = isKey(a[i]) ? lookup(cur, String(a[i])) : undefined;
    return cur;
  }
  function missingKeys(ev, keys) {
    let cur = ev.scopes[ev.scopes.length - 1];
    return keys.filter(k => { let v = varValue(cur, k, null); return v === null || v === undefined || v === ''; });
  }

  // evaluation
  function run(ev, rule) {
    if (++ev.steps > MAX_STEPS || ev.depth >= MAX_DEPTH) fail(LIMIT, true);
    ev.depth++;
    try {
      if (Array.isArray(rule)) return rule.map(r => run(ev, r));
      if (!isObj(rule)) return rule;
      let keys = Object.keys(rule);
      if (!keys.length) return rule;
      if (keys.length > 1 || !OPS[keys[0]]) fail(UNKNOWN);
      return OPS[keys[0]].fn(ev, rule[keys[0]]);
    } finally {
      ev.depth--;
    }
  }
  function runIn(ev, meta, item, body) {  // body with item as data, below meta
    ev.scopes.push(meta, item);
    try { return run(ev, body); } finally { ev.scopes.length -= 2; }
  }
  // Eager arguments: an array is evaluated item by item; anything else is
  // one argument, or the argument list when it evaluates to an array.
  function list(ev, args) {
    if (Array.isArray(args)) return args.map(a => run(ev, a));
    let v = run(ev, args);
    return Array.isArray(v) ? v : [v];
  }
  function needArray(args, min) {
    if (!Array.isArray(args) || args.length < (min || 0)) fail(INVALID);
    return args;
  }

  const OPS = Object.create(null);
  function def(names, shape, fn) { names.split(' ').forEach(n => { OPS[n] = { shape, fn }; }); }

  def('var', 'list', (ev, args) => {
    let a = list(ev, args);
    return bounded(varValue(ev.scopes[ev.scopes.length - 1], arg(a, 0), arg(a, 1)));
  });
  def('val', 'list', (ev, args) => { let v = resolve(ev, list(ev, args)); return v === undefined ? null : bounded(v); });
  def('exists', 'list', (ev, args) => resolve(ev, list(ev, args)) !== undefined);
  def('missing', 'list', (ev, args) => {
    let a = list(ev, args);
    return missingKeys(ev, a.length && Array.isArray(a[0]) ? a[0] : a);
  });
  def('missing_some', 'list', (ev, args) => {
    let a = list(ev, args), need = num(arg(a, 0)), keys = arg(a, 1);
    if (!Array.isArray(keys)) fail(INVALID);
    let miss = missingKeys(ev, keys);
    return keys.length - miss.length >= need ? [] : miss;
  });

  def('if ?:', 'array', (ev, args) => {
    let a = needArray(args), i = 0;
    for (; i + 1 < a.length; i += 2) if (truthy(run(ev, a[i]))) return run(ev, a[i + 1]);
    return i < a.length ? run(ev, a[i]) : null;
  });
  def('and', 'array', (ev, args) => {
    let last = false, a = needArray(args);
    for (let i = 0; i < a.length && (i === 0 || truthy(last)); i++) last = run(ev, a[i]);
    return last;
  });
  def('or', 'array', (ev, args) => {
    let last = false, a = needArray(args);
    for (let i = 0; i < a.length && (i === 0 || !truthy(last)); i++) last = run(ev, a[i]);
    return last;
  });
  def('??', 'list', (ev, args) => {
    if (!Array.isArray(args)) return list(ev, args).find(v => v != null) ?? null;
    for (const a of args) { const v = run(ev, a); if (v != null) return v; }
    return null;
  });
  def('!', 'list', (ev, args) => !truthy(arg(list(ev, args), 0)));
  def('!!', 'list', (ev, args) => truthy(arg(list(ev, args), 0)));

  function chain(pred) {  // a OP b and b OP c ..., short-circuiting
    return (ev, args) => {
      let a = needArray(args, 2), prev = run(ev, a[0]);
      for (let i = 1; i < a.length; i++) {
        let cur = run(ev, a[i]);
        if (!pred(prev, cur)) return false;
        prev = cur;
      }
      return true;
    };
  }
  const ORDER = { '==': c => c === 0, '!=': c => c !== 0, '<': c => c < 0, '<=': c => c <= 0, '>': c => c > 0, '>=': c => c >= 0 };
  Object.keys(ORDER).forEach(op => def(op, 'array', chain((a, b) => ORDER[op](compare(a, b)))));
  def('===', 'array', chain((a, b) => same(a, b)));
  def('!==', 'array', chain((a, b) => !same(a, b)));

  def('+', 'list', (ev, args) => result(list(ev, args).reduce((s, v) => s + num(v), 0)));
  def('*', 'list', (ev, args) => result(list(ev, args).reduce((p, v) => p * num(v), 1)));
  function fold(f, unaryLhs, min) {  // left fold; one argument x gives f(unaryLhs, x)
    return (ev, args) => {
      let a = list(ev, args);
      if (a.length < min) fail(INVALID);
      if (a.length === 1) return result(f(unaryLhs, num(a[0])));
      return result(a.slice(1).reduce((acc, v) => f(acc, num(v)), num(a[0])));
    };
  }
  def('-', 'list', fold((x, y) => x - y, 0, 1));
  def('/', 'list', fold((x, y) => x / y, 1, 1));
  def('%', 'list', fold((x, y) => x % y, 0, 2));
  function extreme(pick) {
    return (ev, args) => {
      let a = list(ev, args);
      if (!a.length) fail(INVALID);
      return result(a.reduce((best, v) => pick(best, num(v)), num(a[0])));
    };
  }
  def('max', 'list', extreme(Math.max));
  def('min', 'list', extreme(Math.min));

  // Iterators: map/filter/reduce treat a missing source as empty but reject
  // literal nulls; all/some/none need the source to be an array.
  function lenient(ev, args) {
    let a = needArray(args, 2);
    if (a[0] === null || a[1] === null) fail(INVALID);
    let items = run(ev, a[0]);
    return Array.isArray(items) ? items : [];
  }
  function strict(ev, args) {
    let items = run(ev, needArray(args, 2)[0]);
    if (!Array.isArray(items)) fail(INVALID);
    return items;
  }
  def('map', 'iter', (ev, args) => lenient(ev, args).map((x, i) => runIn(ev, { index: i }, x, args[1])));
  def('filter', 'iter', (ev, args) => lenient(ev, args).filter((x, i) => truthy(runIn(ev, { index: i }, x, args[1]))));
  def('reduce', 'iter', (ev, args) => {
    let items = lenient(ev, args), acc = args.length > 2 ? run(ev, args[2]) : null;
    items.forEach((x, i) => { acc = runIn(ev, { index: i }, { current: x, accumulator: acc }, args[1]); });
    return acc;
  });
  function quantifier(kind) {
    return (ev, args) => {
      let items = strict(ev, args);
      let test = (x, i) => truthy(runIn(ev, { index: i }, x, args[1]));
      if (kind === 'all') return items.length > 0 && items.every(test);
      return items.some(test) === (kind === 'some');
    };
  }
  def('all', 'iter', quantifier('all'));
  def('some', 'iter', quantifier('some'));
  def('none', 'iter', quantifier('none'));

  def('merge', 'list', (ev, args) => {
    let out = [];
    list(ev, args).forEach(v => {
      if (Array.isArray(v)) for (const e of v) out.push(e); else out.push(v);
      if (out.length > MAX_LENGTH) fail(LIMIT, true);
    });
    return out;
  });
  def('in', 'list', (ev, args) => {
    let a = list(ev, args), needle = arg(a, 0), hay = arg(a, 1);
    if (typeof hay === 'string') return hay.indexOf(str(needle)) >= 0;
    return Array.isArray(hay) && hay.some(e => same(e, needle));
  });
  def('cat', 'list', (ev, args) => {
    let out = '';
    list(ev, args).forEach(v => {
      out += v == null ? '' : str(v);
      if (out.length > MAX_LENGTH) fail(LIMIT, true);
    });
    return out;
  });
  def('substr', 'list', (ev, args) => {  // by code point
    let a = list(ev, args), cps = Array.from(a.length ? str(arg(a, 0)) : ''), len = cps.length;
    let start = a.length > 1 ? Math.trunc(num(a[1])) : 0;
    start = start < 0 ? Math.max(0, len + start) : Math.min(start, len);
    let end = len;
    if (a.length > 2 && a[2] != null) {
      let n = Math.trunc(num(a[2]));
      end = n < 0 ? Math.max(start, len + n) : Math.min(len, start + n);
    }
    return cps.slice(start, end).join('');
  });

  def('preserve', 'raw', (ev, args) => bounded(args));
  def('throw', 'list', (ev, args) => {
    let v = arg(list(ev, args), 0);
    throw new LogicError(isObj(v) ? v : { type: v });
  });
  def('try', 'try', (ev, args) => {  // handlers see the error as data
    let items = Array.isArray(args) ? args : [args], caught = null;
    for (let i = 0; i < items.length; i++) {
      try {
        return i === 0 ? run(ev, items[0]) : runIn(ev, {}, caught, items[i]);
      } catch (e) {
        if (!(e instanceof LogicError) || e.fatal || i + 1 === items.length) throw e;
        caught = e.value;
      }
    }
    return null;
  });

  function apply(rule, data) {
    return run({ scopes: [data === undefined ? null : data], steps: 0, depth: 0 }, rule);
  }

  // Data paths read from the top-level data with a constant path (dot-joined),
  // as in jsonlogic.h: iteration bodies and try handlers are 2 scopes deeper.
  function variables(rule) {
    const out = [], seen = new Set();  // a set: many distinct paths must not cost quadratic time
    const add = p => { if (p !== '' && !seen.has(p)) { seen.add(p); out.push(p); } };
    function walk(node, scope, nest) {
      if (nest > MAX_DEPTH) fail(LIMIT, true);
      const w = (n, s = scope) => walk(n, s, nest + 1);
      const read = k => isKey(k) ? scope === 0 && add(String(k)) : w(k);
      if (Array.isArray(node)) return node.forEach(n => w(n));
      if (!isObj(node)) return;
      const keys = Object.keys(node), name = keys[0], args = node[name], op = keys.length === 1 && OPS[name];
      const arr = Array.isArray(args) ? args : [args];
      if (!op) return keys.forEach(k => w(node[k]));
      if (op.shape === 'raw') return;
      if (name === 'var') {
        read(arr.length ? arr[0] : null);
        arr.slice(1).forEach(n => w(n));
      } else if (name === 'val' || name === 'exists') {
        const jump = isJump(arr[0]), rest = arr.slice(jump ? 1 : 0);
        rest.forEach(k => isKey(k) || w(k));
        if (rest.every(isKey) && (scope === 0 || (jump && Math.abs(arr[0][0]) >= scope))) add(rest.join('.'));
      } else if (name === 'missing') {
        (Array.isArray(arr[0]) ? arr[0] : arr).forEach(read);
      } else if (name === 'missing_some' && arr.length > 1) {
        w(arr[0]);
        (Array.isArray(arr[1]) ? arr[1] : [arr[1]]).forEach(read);
      } else if (op.shape === 'iter' || op.shape === 'try') {  // bodies/handlers: 2 scopes deeper
        arr.forEach((n, i) => w(n, (op.shape === 'iter' ? i === 1 : i > 0) ? scope + 2 : scope));
      } else {
        w(args);
      }
    }
    walk(rule, 0, 0);
    return out;
  }

  const api = { apply, variables, truthy, LogicError };
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
  if (typeof window !== 'undefined') window.WijzerLogic = api;
})();
