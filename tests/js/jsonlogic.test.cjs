// Runs the JSON Logic conformance suites against site-assets/js/jsonlogic.js.
// Run with: node --test tests/js/
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const SCRIPT = path.join(__dirname, '..', '..', 'site-assets', 'js', 'jsonlogic.js');
const SUITES = path.join(__dirname, '..', 'conformance', 'jsonlogic', 'suites');
const logic = require(SCRIPT);

// Deep equality; numbers are compared numerically (JS has only one kind).
function same(a, b) {
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && same(a[k], b[k]));
  }
  return a === b;
}

function runCase(c) {
  let got;
  try {
    got = logic.apply(c.rule, c.data === undefined ? null : c.data);
  } catch (e) {
    if (!(e instanceof logic.LogicError)) return `unexpected ${e}`;
    if (!c.error) return `unexpected error ${JSON.stringify(e.value)}`;
    return e.type === c.error.type ? '' : `expected error ${c.error.type}, got ${e.type}`;
  }
  if (c.error) return `expected error ${c.error.type}, got ${JSON.stringify(got)}`;
  return same(got, c.result) ? '' : `expected ${JSON.stringify(c.result)}, got ${JSON.stringify(got)}`;
}

test('jsonlogic conformance suites (JS)', () => {
  const files = JSON.parse(fs.readFileSync(path.join(SUITES, 'index.json'), 'utf8'));
  let total = 0;
  const failures = [];
  for (const file of files) {
    for (const c of JSON.parse(fs.readFileSync(path.join(SUITES, file), 'utf8'))) {
      if (typeof c !== 'object') continue;  // comment lines
      total++;
      const problem = runCase(c);
      if (problem) failures.push(`${file}: ${JSON.stringify(c.rule)}: ${problem}`);
    }
  }
  console.log(`jsonlogic JS conformance: ${total - failures.length}/${total}`);
  assert.deepStrictEqual(failures, []);
  assert.strictEqual(total, 1138);
});

test('loads as a classic browser script defining window.WijzerLogic', () => {
  const window = {};
  vm.runInNewContext(fs.readFileSync(SCRIPT, 'utf8'), { window });
  assert.strictEqual(typeof window.WijzerLogic.apply, 'function');
  assert.strictEqual(window.WijzerLogic.apply({ '+': [1, { var: 'x' }] }, { x: 2 }), 3);
});

test('semantics shared with the C++ engine', () => {
  const ev = (rule, data = null) => logic.apply(rule, data);
  const errType = (rule, data = null) => {
    try { ev(rule, data); } catch (e) { return e.type; }
    return '<no error>';
  };
  assert.strictEqual(ev({ '+': ['0x10', ' 2 ', '1e1'] }), 28);
  assert.strictEqual(ev({ cat: [1.5, 1e21, 0.000001, 1e-7, [1, [2, null]], { preserve: { a: 1 } }] }),
    '1.51e+210.0000011e-71,2,[object Object]');
  assert.ok(Object.is(ev({ '-': [0] }), 0));
  assert.strictEqual(errType({ '+': [1e308, 1e308] }), 'NaN');
  assert.strictEqual(ev({ substr: ['añb😀c', 1, 3] }), 'ñb😀');
  assert.strictEqual(ev({ '<': ['\uffff', '😀'] }), true);  // code point order
  assert.strictEqual(ev({ var: 'a.b.01' }, { a: { b: [1, 2] } }), null);
  assert.strictEqual(ev({ var: 'constructor' }, {}), null);
  assert.strictEqual(ev({ var: 'length' }, { }), null);
  assert.strictEqual(errType({ constructor: [] }), 'Unknown Operator');
  assert.strictEqual(errType({ a: 1, b: 2 }), 'Unknown Operator');
  assert.deepStrictEqual(ev({ missing: ['a', 'n', 'e', 'z'] }, { a: 1, n: null, e: '' }), ['n', 'e', 'z']);
  assert.strictEqual(ev({ try: [{ throw: { preserve: { code: 7 } } }, { val: 'code' }] }), 7);
  assert.strictEqual(errType({ max: [] }), 'Invalid Arguments');

  let deep = 1;
  for (let i = 0; i < 100000; i++) deep = { '!': [deep] };
  assert.strictEqual(errType(deep), 'Limit Exceeded');
  assert.strictEqual(errType({ try: [deep, 1] }), 'Limit Exceeded');
  assert.throws(() => logic.variables(deep), logic.LogicError);
  const deepTry = JSON.parse('{"try":['.repeat(100000) + '1' + ']}'.repeat(100000));
  assert.strictEqual(errType(deepTry), 'Limit Exceeded');
  const deepData = JSON.parse('['.repeat(100000) + ']'.repeat(100000));
  assert.strictEqual(errType({ var: '' }, deepData), 'Limit Exceeded');
  assert.strictEqual(ev({ exists: [0, 0, 0] }, deepData), true);
  const doubling = { reduce: [{ var: 'xs' }, { cat: [{ var: 'accumulator' }, { var: 'accumulator' }] }, 'ab'] };
  assert.strictEqual(errType(doubling, { xs: new Array(64).fill(0) }), 'Limit Exceeded');
});

test('variables()', () => {
  const vars = logic.variables({ and: [
    { var: 'leeftijd' },
    { '==': [{ var: ['woonplaats', '?'] }, 'Utrecht'] },
    { val: ['adres', 'postcode'] },
    { exists: 'partner' },
    { missing: ['a', 'b'] },
    { missing_some: [1, ['c']] },
    { var: 'leeftijd' },
    { var: { cat: ['dyn', 'amic'] } },
    { var: '' },
    { map: [{ var: 'kinderen' }, { '+': [{ var: 'leeftijd_kind' }, { val: [[2], 'toeslag'] }] }] },
    { try: [{ var: 'x' }, { val: 'type' }] },
    { preserve: { var: 'not_read' } },
  ] });
  assert.deepStrictEqual(vars, ['leeftijd', 'woonplaats', 'adres.postcode', 'partner', 'a', 'b', 'c',
    'kinderen', 'toeslag', 'x']);
});

// Issue 13 finding 5: the step budget counts cost and every value is bounded, as in C++. Values
// share parts here, so a rule could build a small graph standing for a huge tree (2^64 elements)
// that var, cat or === then walked whole: minutes before, a quick Limit Exceeded now.
test('hostile rules stop quickly with Limit Exceeded', () => {
  const zeros = n => new Array(n).fill(0);
  const s = 'a'.repeat(8 << 20);
  const cases = [
    [{ reduce: [zeros(64), [{ var: 'accumulator' }, { var: 'accumulator' }], 0] }, null],
    [{ reduce: [zeros(64), { merge: [{ var: 'accumulator' }, { var: 'accumulator' }] }, [1]] }, null],
    [{ map: [{ var: 'r' }, { in: ['b', { val: [[2], 's'] }] }] }, { s, r: zeros(50000) }],
    [{ cat: [{ map: [zeros(2000), { val: [[2], 'r'] }] }] }, { r: zeros(2000) }],
  ];
  for (const [rule, data] of cases) {
    const start = Date.now();
    assert.throws(() => logic.apply(rule, data), e => e instanceof logic.LogicError && e.type === 'Limit Exceeded' && e.fatal,
      JSON.stringify(rule).slice(0, 80));
    assert.ok(Date.now() - start < 20000, `${JSON.stringify(rule).slice(0, 80)}: ${Date.now() - start} ms`);
  }
  // A limit error is not caught by try; ordinary rules over the same data still work.
  assert.throws(() => logic.apply({ try: [cases[1][0], 0] }, null), e => e.type === 'Limit Exceeded');
  assert.strictEqual(logic.apply({ in: ['b', { var: 's' }] }, { s }), false);
});

test('variables() of a rule with 200,000 distinct paths is fast (was quadratic: minutes)', () => {
  const reads = [];
  for (let i = 0; i < 200000; i++) reads.push({ var: 'v' + i });
  const start = Date.now();
  assert.strictEqual(logic.variables({ and: reads }).length, 200000);
  assert.ok(Date.now() - start < 10000, `${Date.now() - start} ms`);
});
