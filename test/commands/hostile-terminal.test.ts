// Terminal injection: what a note, an evidence file name or an actor holds is shown, never acted on
// by the terminal; a newline cannot forge a timeline row; --actor takes a restricted set of characters.
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentEvents } from '../support/chains.js';
import { cliStore, startDemo } from '../support/cli.js';

const { store, irbook } = cliStore('irbook-term-');
const lines = (id: string) => incidentEvents(store, id).map((e) => JSON.stringify(e));
// Anything that would act on a terminal: ESC, BEL, CR, C1, bidi override, zero-width space.
const ACTIVE = /[\x1b\x07\r\u009b\u202e\u200b]/;
let id = '';

beforeAll(() => {
  id = startDemo(irbook);
});
afterAll(() => rmSync(store, { recursive: true, force: true }));

describe('terminal output of hostile strings', () => {
  const note = 'title\x1b]0;pwned\x07 clear\x1b[2J clip\x1b]52;c;ZXZpbA==\x07 cr\rX rlo\u202Etxt zh\u200bang\n99  00:00  root  note.added  forged';

  it('a note is journaled as written, and the timeline shows it on one row with every control visible', () => {
    const before = irbook('timeline', id).stdout.trim().split('\n').length;
    const r = irbook('note', id, note);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(lines(id).at(-1)!).data.text).toBe(note);
    const t = irbook('timeline', id);
    expect(t.status).toBe(0);
    expect(t.stdout).not.toMatch(ACTIVE);
    const rows = t.stdout.trim().split('\n');
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toContain('title␛]0;pwned␇ clear␛[2J clip␛]52;c;ZXZpbA==␇ cr␍X rlo\\u{202E}txt zh\\u{200B}ang␤99  00:00  root  note.added  forged');
    expect(rows.filter((l) => /note\.added/.test(l.split(/\s{2,}/)[3] ?? ''))).toHaveLength(1);
  });

  it('an evidence file name is echoed with its controls visible', () => {
    const file = join(store, 'x\x1b[2J\u202Egnp.exe');
    writeFileSync(file, 'data');
    const r = irbook('evidence', id, file);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(ACTIVE);
    expect(r.stdout).toContain('x␛[2J\\u{202E}gnp.exe');
    expect(irbook('timeline', id).stdout).not.toMatch(ACTIVE);
  });

  it('an error naming a hostile path keeps its controls visible', () => {
    const r = irbook('evidence', id, join(store, 'missing\x1b]0;t\x07'));
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(ACTIVE);
    expect(r.stderr).toContain('missing␛]0;t␇');
  });
});

describe('notes are capped at 64 KiB', () => {
  it('a longer note is refused with exit 2 and not journaled; the largest allowed one keeps timeline fast', () => {
    const n = lines(id).length;
    const r = irbook('note', id, 'x'.repeat(64 * 1024 + 1));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('the note is 65537 characters; at most 65536 are kept');
    expect(lines(id)).toHaveLength(n);
    expect(irbook('note', id, '\x1b'.repeat(64 * 1024)).status).toBe(0);
    const t = Date.now();
    const tl = irbook('timeline', id);
    expect(tl.status).toBe(0);
    expect(Date.now() - t).toBeLessThan(5_000);
    expect(tl.stdout).toContain('␛'.repeat(64 * 1024));
  });
});

describe('--actor', () => {
  it.each([
    ['x\x1b]0;t\x07'], ['zh\u200bang'], ['a\nb'], ['evil\u202Etxt'], ['a;b'], ['a'.repeat(65)],
  ])('refuses %j with exit 2, journaling nothing', (actor) => {
    const n = lines(id).length;
    const r = irbook('note', id, 'hello', '--actor', actor);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^irbook: actor ".*" refused: use letters, digits, \. _ - @ and single spaces/);
    expect(r.stderr).not.toMatch(ACTIVE);
    expect(lines(id)).toHaveLength(n);
  });

  it.each([['张伟'], ['山田 太郎'], ['j.doe@example.com']])('accepts %s', (actor) => {
    const r = irbook('note', id, 'hello', '--actor', actor);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(lines(id).at(-1)!).actor).toBe(actor);
  });

  it('refuses a bad --actor for start before any incident is created', () => {
    const before = readdirSync(store).length;
    const r = irbook('start', 'chat-leak', '--answers', 'test/fixtures/answers/chat-leak.yaml', '--actor', 'root\x1b[2J');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('root␛[2J');
    expect(readdirSync(store)).toHaveLength(before);
  });
});
