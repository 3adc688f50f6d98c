// Where short locks live: this user's folder on the memory file system, a lock being a hard link to
// the process's holder file; the fallback beside the chain; what killed processes leave is cleared.
// The child-process tests use dist/ (npm run build).
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLock, chainLock, lockFolder, readLock } from '../../src/adapters/lock.js';

const LOCK = fileURLToPath(new URL('../../dist/adapters/lock.js', import.meta.url));
const folder = lockFolder();
const uid = process.getuid?.();

let root: string;
beforeEach(() => { root = mkdtempSync(join(tmpdir(), 'irbook-lock-')); });
afterEach(() => { rmSync(root, { recursive: true, force: true }); });

describe('the lock folder', () => {
  it.runIf(uid !== undefined)('is used only if it is a folder this user owns that nobody else can write', () => {
    expect(lockFolder(join(root, 'no-such-root'))).toBeUndefined();
    const fresh = join(root, 'fresh');
    mkdirSync(fresh);
    expect(lockFolder(fresh)).toBe(join(fresh, `irbook-${uid}`));
    expect(lstatSync(join(fresh, `irbook-${uid}`)).mode & 0o777).toBe(0o700);

    const open = join(root, 'open');
    mkdirSync(join(open, `irbook-${uid}`), { recursive: true });
    chmodSync(join(open, `irbook-${uid}`), 0o777);
    expect(lockFolder(open)).toBeUndefined();

    const linked = join(root, 'linked');
    mkdirSync(linked);
    symlinkSync(fresh, join(linked, `irbook-${uid}`));
    expect(lockFolder(linked)).toBeUndefined();

    const file = join(root, 'file');
    mkdirSync(file);
    writeFileSync(join(file, `irbook-${uid}`), '');
    expect(lockFolder(file)).toBeUndefined();
  });

  it.runIf(folder !== undefined)('names a chain\'s lock by its folder, whatever path leads there', () => {
    const chains = join(root, 'INC-1', 'journal');
    mkdirSync(chains, { recursive: true });
    symlinkSync(join(root, 'INC-1'), join(root, 'alias'));
    const lock = chainLock(chains, 'zhang@vm');
    expect(lock.startsWith(`${folder}/`)).toBe(true);
    expect(lock.endsWith('.zhang@vm.lock')).toBe(true);
    expect(chainLock(join(root, 'alias', 'journal'), 'zhang@vm')).toBe(lock);
    expect(chainLock(chains, 'li@vm')).not.toBe(lock);
    mkdirSync(join(root, 'INC-2', 'journal'), { recursive: true });
    expect(chainLock(join(root, 'INC-2', 'journal'), 'zhang@vm')).not.toBe(lock);
  });

  it.runIf(folder !== undefined)('takes a lock as a hard link to this process\'s holder file and gives it back', () => {
    const chains = join(root, 'journal');
    mkdirSync(chains);
    const file = chainLock(chains, 'zhang@vm');
    const holder = join(folder!, `${hostname()}.${process.pid}.holder`);
    const lock = acquireLock(file);
    try {
      expect(lstatSync(file).ino).toBe(lstatSync(holder).ino);
      expect(lstatSync(holder).nlink).toBe(2);
      expect(readLock(file)).toMatchObject({ pid: process.pid, host: hostname() });
      expect(Date.now() - Date.parse(readLock(file)!.since)).toBeLessThan(60_000);
      expect(() => acquireLock(file, 50)).toThrow(expect.objectContaining({ code: 'journal-busy', params: expect.objectContaining({ chain: 'zhang@vm', pid: process.pid }) }));
    } finally {
      lock.release();
    }
    expect(existsSync(file)).toBe(false);
    expect(lstatSync(holder).nlink).toBe(1);
    expect(readdirSync(chains)).toEqual([]);
  });
});

describe('a folder cleaned under a running process', () => {
  it.runIf(folder !== undefined)('writes its holder file again and goes on locking', () => {
    const chains = join(root, 'journal');
    mkdirSync(chains);
    const file = chainLock(chains, 'zhang@vm');
    acquireLock(file).release();
    const holder = join(folder!, `${hostname()}.${process.pid}.holder`);
    rmSync(holder);
    const lock = acquireLock(file);
    try {
      expect(lstatSync(file).ino).toBe(lstatSync(holder).ino);
    } finally {
      lock.release();
    }
    expect(existsSync(file)).toBe(false);
  });
});

describe('what a killed process leaves in the folder', () => {
  const holdIn = (file: string) => new Promise<ReturnType<typeof spawn>>((res) => {
    const child = spawn(process.execPath, ['-e', `import(${JSON.stringify(LOCK)}).then(({ acquireLock }) => { acquireLock(${JSON.stringify(file)}); console.log('locked'); setInterval(() => {}, 60_000); })`], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout!.once('data', () => res(child));
  });
  const killed = (child: ReturnType<typeof spawn>) => new Promise((res) => { child.once('close', res); child.kill('SIGKILL'); });

  it.runIf(folder !== undefined)('is cleared by the next process that takes a lock there: its locks, then its holder', async () => {
    mkdirSync(join(root, 'a'));
    mkdirSync(join(root, 'b'));
    const stuck = chainLock(join(root, 'a'), 'zhang@vm');
    const child = await holdIn(stuck);
    const holder = join(folder!, `${hostname()}.${child.pid}.holder`);
    expect(lstatSync(holder).nlink).toBe(2);
    await killed(child);
    expect(existsSync(stuck)).toBe(true);

    // Another process, another incident's chain: its first lock in the folder sweeps.
    const out = spawnSync(process.execPath, ['-e', `import(${JSON.stringify(LOCK)}).then(({ acquireLock }) => acquireLock(${JSON.stringify(chainLock(join(root, 'b'), 'li@vm'))}).release())`], { encoding: 'utf8' });
    expect(out.status, out.stderr).toBe(0);
    expect(existsSync(stuck)).toBe(false);
    expect(existsSync(holder)).toBe(false);
    expect(existsSync(`${stuck}.break`)).toBe(false);
  }, 20_000);

  it.runIf(folder !== undefined)('a live process\'s lock and holder are left alone', async () => {
    mkdirSync(join(root, 'a'));
    mkdirSync(join(root, 'b'));
    const held = chainLock(join(root, 'a'), 'zhang@vm');
    const child = await holdIn(held);
    try {
      const out = spawnSync(process.execPath, ['-e', `import(${JSON.stringify(LOCK)}).then(({ acquireLock }) => acquireLock(${JSON.stringify(chainLock(join(root, 'b'), 'li@vm'))}).release())`], { encoding: 'utf8' });
      expect(out.status, out.stderr).toBe(0);
      expect(readLock(held)?.pid).toBe(child.pid);
      expect(existsSync(join(folder!, `${hostname()}.${child.pid}.holder`))).toBe(true);
    } finally {
      await killed(child);
    }
    // Taken over at once by a taker of the same chain.
    acquireLock(held, 200).release();
    expect(existsSync(held)).toBe(false);
  }, 20_000);
});
