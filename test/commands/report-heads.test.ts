// The heads every report prints, through the built binary: a Markdown, JSON and PDF report of an
// incident, then `verify --report FILE` — exit 0 while the journal still contains what the report
// was made from (also after later events), exit 5 naming the missing head once the chain is cut.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHead, parseHeads, type Head } from '../../src/core/journal/heads.js';
import { chainPath } from '../support/chains.js';
import { cliStore, startDemo } from '../support/cli.js';

const { store, irbook } = cliStore('irbook-report-heads-', { IRBOOK_SIGNING_KEY: '' });
const out = mkdtempSync(join(tmpdir(), 'irbook-report-heads-out-'));
const STACK = /^\s+at /m;
const FORMATS = ['md', 'json', 'pdf'] as const;
const file = (f: string) => join(out, `hq.${f}`);
let id = '';
let heads: Head[] = [];
let chain = '';
const backup = join(out, 'chain.jsonl');
const cut = (n: number) => writeFileSync(chain, readFileSync(backup, 'utf8').trim().split('\n').slice(0, -n).map((l) => `${l}\n`).join(''));
const verify = (f: string) => irbook('verify', id, '--report', f);

beforeAll(() => {
  id = startDemo(irbook);
  heads = (JSON.parse(irbook('status', id, '--json').stdout) as { heads: Head[] }).heads;
  for (const f of FORMATS) {
    const r = irbook('report', id, '--template', 'hq', '--format', f, '--out', file(f));
    expect(r.status, r.stderr).toBe(0);
  }
  chain = chainPath(store, id);
  copyFileSync(chain, backup);
}, 60_000);
afterAll(() => { rmSync(store, { recursive: true, force: true }); rmSync(out, { recursive: true, force: true }); });

describe('report heads', () => {
  it('every format prints the heads the journal had', () => {
    expect(heads).toHaveLength(1);
    const want = [{ incident: id, heads }];
    expect(parseHeads(readFileSync(file('md'), 'utf8'))).toEqual(want);
    expect((JSON.parse(readFileSync(file('json'), 'utf8')) as { heads: Head[] }).heads).toEqual(heads);
    // The PDF: on its last page, for a person, and in its metadata.
    const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [file('pdf')], { encoding: 'utf8' }).stdout)?.[1]);
    const last = spawnSync('pdftotext', ['-f', String(pages), '-l', String(pages), file('pdf'), '-'], { encoding: 'utf8' }).stdout;
    expect(last).toContain('ジャーナルの検証値');
    expect(parseHeads(last)).toEqual(want);
    const before = spawnSync('pdftotext', ['-l', String(pages - 1), file('pdf'), '-'], { encoding: 'utf8' }).stdout;
    expect(before).not.toContain('irbook-heads');
    expect(spawnSync('pdfinfo', [file('pdf')], { encoding: 'utf8' }).stdout).toContain(formatHead(heads[0]!));
  });

  it.each(FORMATS)('verify --report %s: exit 0 while the journal contains its heads', (f) => {
    const v = verify(file(f));
    expect(v.status, v.stdout + v.stderr).toBe(0);
    expect(v.stdout).toContain('all 1 anchored head(s) are still in the chains');
  });

  it.each(FORMATS)('verify --report %s: exit 5 naming the missing head when the chain is cut by one line', (f) => {
    cut(1);
    try {
      const v = verify(file(f));
      expect(v.status, v.stdout + v.stderr).toBe(5);
      expect(v.stdout).toContain(`${heads[0]!.writer}:${heads[0]!.seq}`);
      expect(v.stdout).toMatch(/its tail was cut/);
      expect(STACK.test(v.stderr)).toBe(false);
    } finally {
      copyFileSync(backup, chain);
    }
  });

  it.each(FORMATS)('verify --report %s: still exit 0 after a later note, exit 5 once the cut reaches its head', (f) => {
    expect(irbook('note', id, 'HQ informed by phone', '--actor', 'zhang').status).toBe(0);
    copyFileSync(chain, backup);
    try {
      const v = verify(file(f));
      expect(v.status, v.stdout + v.stderr).toBe(0);
      // The notes are past the report's head: cutting them leaves what the report was made from.
      const later = readFileSync(backup, 'utf8').trim().split('\n').length - heads[0]!.seq;
      expect(later).toBeGreaterThan(0);
      cut(later);
      expect(verify(file(f)).status).toBe(0);
      cut(later + 1);
      const gone = verify(file(f));
      expect(gone.status, gone.stdout + gone.stderr).toBe(5);
      expect(gone.stdout).toContain(`${heads[0]!.writer}:${heads[0]!.seq}`);
    } finally {
      copyFileSync(backup, chain);
    }
  });
});

describe('authority documents', () => {
  it('a Chinese document for CAC carries the heads too, labelled in Chinese', () => {
    const pdf = join(out, 'cac.pdf');
    const r = irbook('report', id, '--template', 'cac', '--format', 'pdf', '--draft', '--out', pdf);
    expect(r.status, r.stderr).toBe(0);
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('日志校验值');
    const v = verify(pdf);
    expect(v.status, v.stdout + v.stderr).toBe(0);
  });
});
