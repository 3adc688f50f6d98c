import { afterAll, expect, it } from 'vitest';
import { parseSource, shareEntries } from '../../src/adapters/yaml-source.js';

const read = (text: string) => {
  const s = parseSource('f.yaml', text);
  return { value: s.value, problems: s.problems };
};

afterAll(() => shareEntries(false));

// With shared entries a text is parsed entry by entry and each entry remembered: the value and
// the problems must be what the whole text gives, the first time and when the entries are known.
it.each([
  'a: 1\nb: [x, y]\nc:\n  d: "q"\n',
  '# head\n\na: 1\n# between\nb:\n  - x\n',
  'a: 1\nb: 2\na: 3\n',
  'a: "x\nb: y"\nc: 1\n',
  "a: 'x\nb: y'\nc: 1\n",
  'a: [x,\nb: y]\nc: 1\n',
  'a: {x: 1,\nb: y}\nc: 1\n',
  'a: |\n  text\nb: 2\n',
  'a: foo\nbar\nb: 1\n',
  'a: 1\n---\nb: 2\n',
  'a: 1\n...\nb: 2\n',
  '  a: 1\nb: 2\nc: 3\n',
  'a: 1\nb: 2\n  c: 3\n',
  'a:\nb:\n',
  'a: 1\r\nb: 2\r\n',
  'a:1\nb: 2\nc: 3\n',
  'a: 1\nb: 2\nc: &x 3\nd: *x\n',
  'a: 1\n? b\n: 2\nc: 3\n',
  '%YAML 1.2\n---\na: 1\nb: 2\n',
  'a: 1\nb-c: 2\nd_1: 3\nE:\n',
  'a: 1\rb: 2\u2028c: 3\n',
  `a: 1\rb:\r${' '.repeat(300)}c: 2\rd: 3\r`,
  'a: 1\n"b": 2\nc: 3\n',
])('%j', (text) => {
  shareEntries(false);
  const whole = read(text);
  shareEntries(true);
  expect(read(text)).toEqual(whole);
  expect(read(text)).toEqual(whole);
});

it('an entry known from another file parses the same in this one', () => {
  shareEntries(true);
  read('id: one\nfacts:\n  x: {type: boolean}\n');
  expect(read('id: two\nfacts:\n  x: {type: boolean}\n').value).toEqual({ id: 'two', facts: { x: { type: 'boolean' } } });
  expect(read('facts:\n  x: {type: boolean}\nfacts: 1\n').problems.map((p) => `${p.line}:${p.col} ${p.code}`)).toEqual(['3:1 yaml-duplicate-key']);
});

// Indentation deeper than nesting MAX_DEPTH levels would need is the full reader's to refuse, at
// any line start (after \n, and after the other line breaks YAML knows).
it.each(['\n', '\r\n'])('too deep an indent after %j', (br) => {
  for (const on of [false, true]) {
    shareEntries(on);
    const text = `a: 1${br}b:${br}${' '.repeat(300)}c: 2${br}d: 3${br}`;
    expect(read(text).problems.map((p) => p.code)).toEqual(['yaml-too-deep']);
  }
});
