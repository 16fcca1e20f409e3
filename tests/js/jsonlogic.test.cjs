// Runs the JSON Logic conformance suites against site-assets/rules/jsonlogic.js.
// Run with: node --test tests/js/
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const SCRIPT = path.join(__dirname, '..', '..', 'site-assets', 'rules', 'jsonlogic.js');
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
