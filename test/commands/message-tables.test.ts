// The built CLI reads one JSON table per language (scripts/bundle.js writes them from the catalog):
// each must hold every code, with that language's very text.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/core/i18n/catalog.js';
import { LANGS } from '../../src/core/i18n/lang.js';
import { message } from '../../src/core/i18n/messages.js';
import { table } from '../../src/core/i18n/table.js';

describe.each(LANGS)('the %s message table', (lang) => {
  const built = JSON.parse(readFileSync(`dist/bin/messages-${lang}.json`, 'utf8')) as Record<string, string>;

  it('has a text for every code of the catalog (some are empty on purpose)', () => {
    for (const [code, texts] of Object.entries(CATALOG)) expect(typeof texts[lang], `${code} in ${lang}`).toBe('string');
  });

  it('is, as built, the catalog in that language', () => {
    expect(built).toEqual(table(lang));
    expect(Object.keys(built)).toEqual(Object.keys(CATALOG));
    for (const [code, texts] of Object.entries(CATALOG)) expect(built[code]).toBe(texts[lang]);
  });
});

describe('message', () => {
  it.each([
    ['error', 'ja', 'エラー'],
    ['error', 'zh', '错误'],
    ['no-such-code', 'ja', 'no-such-code'],
    ['constructor', 'en', 'constructor'],
    ['path-not-found', 'fr', 'no such file or folder: {path}'],
  ] as const)('%s in %s', (code, lang, want) => {
    expect(message(code, {}, lang as 'ja')).toBe(want);
  });
});
