import { describe, expect, it } from 'vitest';
import { isActor, sanitize, sanitizeParams } from '../../src/core/text/sanitize.js';

describe('sanitize', () => {
  it.each([
    ['OSC 0 window title', '\x1b]0;pwned\x07note', '␛]0;pwned␇note'],
    ['CSI 2J clear screen', 'a\x1b[2Jb', 'a␛[2Jb'],
    ['OSC 52 clipboard write', '\x1b]52;c;ZWNobyBoaQ==\x07', '␛]52;c;ZWNobyBoaQ==␇'],
    ['carriage return', 'ok\rEVIL', 'ok␍EVIL'],
    ['newline forging a row', 'x\n42  12:00  root  note.added  forged', 'x␤42  12:00  root  note.added  forged'],
    ['NUL, DEL, tab', 'a\x00b\x7fc\td', 'a␀b␡c d'],
    ['C1 CSI', 'a\u009b2Jb', 'a\\u{9B}2Jb'],
    ['RLO bidi override', 'file\u202Etxt.exe', 'file\\u{202E}txt.exe'],
    ['isolates', '\u2066a\u2069', '\\u{2066}a\\u{2069}'],
    ['zero-width space', 'zh\u200bang', 'zh\\u{200B}ang'],
    ['BOM and word joiner', '\ufeffa\u2060b', '\\u{FEFF}a\\u{2060}b'],
    ['line separator', 'a\u2028b', 'a\\u{2028}b'],
    ['tag characters', 'a\u{E0041}', 'a\\u{E0041}'],
    ['plain CJK and emoji stay', '張偉 山田太郎 보안 ✓ é', '張偉 山田太郎 보안 ✓ é'],
  ])('%s', (_, input, shown) => {
    expect(sanitize(input)).toBe(shown);
  });

  it('sanitises string parameters only', () => {
    expect(sanitizeParams({ file: 'a\x1bb', n: 3 })).toEqual({ file: 'a␛b', n: 3 });
  });
});

describe('isActor', () => {
  it.each([
    ['zhang', true], ['张伟', true], ['山田 太郎', true], ['山田　太郎', true], ['j.doe@example.com', true],
    ['o-brien_2', true], ['Zoë', true], ['a'.repeat(64), true],
    ['', false], [' lead', false], ['a  b', false], ['a\nb', false], ['x\x1b]0;t\x07', false],
    ['zh\u200bang', false], ['evil\u202Etxt', false], ['a;rm', false], ['<b>', false], ['a'.repeat(65), false],
  ])('%j → %s', (name, ok) => {
    expect(isActor(name)).toBe(ok);
  });
});
