import { expect, it } from 'vitest';
import { yaml11Warnings } from '../../src/adapters/yaml11.js';

const found = (text: string) => yaml11Warnings('f.yaml', text).map((w) => `${w.line}:${w.col} ${w.code} ${String(w.params.value)}`);

// Lines are skipped unless a YAML 1.1 word could stand alone or a flow collection is open: each
// row checks a place a word can stand, and one where it cannot.
it.each([
  { text: 'a: yes', want: ['1:4 yaml11-bool yes'] },
  { text: '- no', want: ['1:3 yaml11-bool no'] },
  { text: 'a:\n  - Off # old', want: ['2:5 yaml11-bool Off'] },
  { text: 'y: 1', want: ['1:1 yaml11-bool y'] },
  { text: '"key":on\nx" :On', want: ['1:7 yaml11-bool on', '2:5 yaml11-bool On'] },
  { text: 'a: "yes: no" # off\nb: \'on', want: [] },
  { text: 'a: {b: On, c: "yes"}', want: ['1:8 yaml11-bool On'] },
  { text: 'a: [x,\n  N]', want: ['2:3 yaml11-bool N'] },
  { text: 'a: {en: When did it leak?}', want: ['1:9 yaml11-flow-scalar When did it leak?'] },
  { text: "a: 'no'\nb: yesterday\nc: yEs\nd: nope # no", want: [] },
  { text: 'a: |\n  yes\n  on\nb: n', want: ['4:4 yaml11-bool n'] },
  { text: 'a: 投稿・転送 yes\n- \u3000no', want: ['2:4 yaml11-bool no'] },
])('$text', ({ text, want }) => {
  expect(found(text)).toEqual(want);
});

// Runs of lines (from a line with a letter at column 0 to the next) scanned outside flow
// collections are remembered across files: the same lines must still warn by where they stand in
// each file (line number, inside a block scalar or a flow collection or not), in whichever order
// the files come.
it.each([
  { texts: ['a: yes', 'x: 1\na: yes', 'b: |\n  a: yes', 'b: [\na: yes]', 'c: |\n  x\na: yes'], want: [['1:4 yaml11-bool yes'], ['2:4 yaml11-bool yes'], [], ['2:4 yaml11-bool yes'], ['3:4 yaml11-bool yes']] },
  { texts: ['b: [\n- on, x]', '- on, x'], want: [['2:3 yaml11-bool on'], []] },
  { texts: ['k: |\n  on\nz: on', 'q: 1\nk: |\n  on\nz: on'], want: [['3:4 yaml11-bool on'], ['4:4 yaml11-bool on']] },
  { texts: ['a: [x,\nb, on]\nc: on', 'c: on\n', 'x: {\nc: on}\n'], want: [['2:4 yaml11-bool on', '3:4 yaml11-bool on'], ['1:4 yaml11-bool on'], ['2:4 yaml11-bool on']] },
])('remembered lines: $texts', ({ texts, want }) => {
  expect(texts.map(found)).toEqual(want);
});
