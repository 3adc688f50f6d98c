// `irbook report -f pdf` draws in a worker thread started before the journal is read: through the
// built binary, what it draws, the errors it sends back (a storage error keeps its exit code and
// names the file), and a command that fails before drawing ending without waiting for the thread.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliStore, startDemo } from '../support/cli.js';

const { store, irbook } = cliStore('irbook-pdf-thread-', {}, { timeout: 20_000 });
const poppler = spawnSync('pdftotext', ['-v']).error === undefined;
let id = '';

beforeAll(() => {
  id = startDemo(irbook);
});
afterAll(() => rmSync(store, { recursive: true, force: true }));

describe('report -f pdf, drawn in its own thread', () => {
  it.skipIf(!poppler)('writes the PDF and reports its pages', () => {
    const out = join(store, 'hq.pdf');
    const r = irbook('report', id, '-t', 'hq', '-f', 'pdf', '-o', out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\d+ p, \d+ KB/);
    expect(spawnSync('pdftotext', [out, '-'], { encoding: 'utf8' }).stdout).toContain(id);
  });

  it('sends back a storage error as exit 4 naming the file, without a stack trace', () => {
    const out = join(store, 'no-such-folder', 'hq.pdf');
    const r = irbook('report', id, '-t', 'hq', '-f', 'pdf', '-o', out);
    expect(r.status).toBe(4);
    expect(r.stderr).toContain(out);
    expect(r.stderr).toMatch(/ENOENT/);
    expect(r.stderr).not.toMatch(/    at /);
    expect(existsSync(out)).toBe(false);
  });

  it('ends at once when the command fails before drawing (the thread does not hold it)', () => {
    const started = Date.now();
    const r = irbook('report', id, '-t', 'no-such-template', '-f', 'pdf', '-o', join(store, 'x.pdf'));
    expect(r.error).toBeUndefined();
    expect(r.status).not.toBe(0);
    expect(r.status).not.toBeNull();
    expect(Date.now() - started).toBeLessThan(15_000);
    const dash = irbook('report', id, '-t', 'hq', '-f', 'pdf', '-o', '-');
    expect(dash.status).toBe(2);
  });
});
