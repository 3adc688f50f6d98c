// npm run bench [-- --quick] [--only NAME[,NAME]] [--json] [--write-readme]
// Times whole irbook processes as a user runs them (a fresh process per sample: the first PDF
// render in its process, the first prompt in a pty), each sample paired with its floor run right
// before or after it (alternating), against whatever dist/ is built. Progress goes to stderr; the
// table (or JSON) to stdout; --write-readme puts the table into README.md between the bench markers.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, platform, release } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Fixtures } from './fixtures.js';
import { ROOT, cleanUsage, hasScript, measure } from './lib.js';
import { ROWS } from './measures.js';
import { cells, judge, readmeBlock, replaceBlock, stats } from './table.js';

const { values: opts } = parseArgs({ options: { quick: { type: 'boolean' }, only: { type: 'string' }, json: { type: 'boolean' }, 'write-readme': { type: 'boolean' } } });
const only = opts.only?.split(',').map((s) => s.trim()).filter(Boolean);
const unknown = only?.filter((n) => !ROWS.some((r) => r.name === n)) ?? [];
if (unknown.length) {
  console.error(`bench: no measure named ${unknown.join(', ')}; the measures are ${ROWS.map((r) => r.name).join(', ')}`);
  process.exit(2);
}
if (!existsSync(join(ROOT, 'dist/bin/main.js'))) {
  console.error('bench: dist/ is not built; run npm run build first');
  process.exit(2);
}
const pty = hasScript();
const rows = ROWS.filter((r) => (!only || only.includes(r.name)) && (pty || !r.cpu));
if (!pty) console.error('bench: script(1) is not installed; the first-prompt rows are left out');

const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
const machine = {
  date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC', nproc: availableParallelism(), cpuModel: cpus()[0]?.model.trim() ?? 'unknown CPU',
  node: process.version, platform: `${platform()} ${release()}`, loadBefore: load(), quick: Boolean(opts.quick),
};

const pick = async (c, i) => (typeof c === 'function' ? c(i) : c);
const max = (xs) => (xs.some((x) => x === undefined) ? undefined : Math.max(...xs));

// One untimed run of each first (files into the page cache; not for a row that makes fresh files
// per run), then n pairs, alternating which goes first.
async function paired(row, s, n) {
  if (typeof s.sample !== 'function') {
    await measure(s.sample);
    await measure(s.floor);
  }
  const got = { sample: [], floor: [] };
  for (let i = 0; i < n; i++) {
    for (const which of i % 2 ? ['floor', 'sample'] : ['sample', 'floor']) got[which].push(await measure(await pick(s[which], i)));
  }
  const of = (which, key) => got[which].map((r) => r[key]);
  const result = { time: stats(of('sample', 'ms')), floor: stats(of('floor', 'ms')), ...s.after?.() };
  if (row.rss) {
    result.rssBytes = max(of('sample', 'rssBytes'));
    const floorRss = max(of('floor', 'rssBytes'));
    if (floorRss !== undefined) result.note = [result.note, `floor ${(floorRss / 1e6).toFixed(0)} MB RSS`].filter(Boolean).join(', ');
  }
  const cpu = row.cpu ? { time: stats(of('sample', 'cpuMs')), floor: stats(of('floor', 'cpuMs')) } : undefined;
  return { result, cpu };
}

const fx = new Fixtures();
const done = [];
try {
  for (const row of rows) {
    const n = row.runs[opts.quick ? 1 : 0];
    process.stderr.write(`${row.name}: ${n} × … `);
    const t0 = Date.now();
    let measured;
    if (row.measure) measured = { result: await row.measure(fx, n), floorTitle: row.floorTitle };
    else {
      const s = await row.setup(fx);
      measured = { ...(await paired(row, s, n)), floorTitle: s.floorTitle };
    }
    const entry = { name: row.name, title: row.title, goals: row.goals, floorTitle: measured.floorTitle, result: measured.result };
    done.push(entry);
    if (measured.cpu) {
      done.push({ name: `${row.name}-cpu`, title: `… its CPU, user + sys, to Ctrl-C at the prompt`, goals: [], floorTitle: measured.floorTitle, result: measured.cpu });
    }
    const progress = (e) => {
      const c = cells(e);
      return `${c[2]} (floor: ${c[1]}) ${c[3]}${c[4] === '—' ? '' : `, ${c[4]}`}${c[6] === '—' ? '' : ` — ${c[6]}`}`;
    };
    process.stderr.write(`${done.slice(done.indexOf(entry)).map(progress).join('\n  cpu: ')}  [${((Date.now() - t0) / 1000).toFixed(1)} s]\n`);
  }
} finally {
  fx.remove();
  cleanUsage();
}
machine.loadAfter = load();

if (opts.json) {
  console.log(JSON.stringify({ machine, rows: done.map((r) => ({ ...r, goals: judge(r.goals, r.result) })) }, null, 2));
} else console.log(readmeBlock(done, machine));
if (opts['write-readme']) {
  const file = join(ROOT, 'README.md');
  writeFileSync(file, replaceBlock(readFileSync(file, 'utf8'), readmeBlock(done, machine)));
  console.error('bench: README.md Performance table rewritten');
}
