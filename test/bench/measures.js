// The rows of `npm run bench` (the performance issue's table and the journal issue's "Measure"
// list): what is timed, its floor, its goals. `runs` is [default, --quick] pairs of sample + floor.
// setup(fixtures) returns { sample, floor } commands (or functions of the run index making a fresh
// one), or a row measures itself with measure(fixtures, runs).
import { spawn } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GIT_ENV, demoIncident } from './fixtures.js';
import { here, irbook, measure, node, program } from './lib.js';
import { stats } from './table.js';

const NODE0 = { floor: node(['-e', '0']), floorTitle: '`node -e 0`' };
const inStore = (inc) => ({ env: { IRBOOK_STORE: inc.store } });
const startup = (name, title, args, ratio) => ({
  name, title, runs: [10, 3], goals: [{ kind: 'ratio', max: ratio }],
  setup: () => ({ sample: irbook(args), ...NODE0 }),
});

// A PDF has one /Type /Page dictionary per page (pdfkit writes them uncompressed).
const pageCount = (file) => readFileSync(file, 'latin1').match(/\/Type \/Page\b(?!s)/gu)?.length ?? 0;

function pdf(name, events, runs, goals) {
  return {
    name, title: `\`report … -t hq -f pdf --appendix\`, ${events.toLocaleString('en-US')}-event ja + zh session`, runs, goals, rss: true,
    setup: async (fx) => {
      const inc = await fx.session(events);
      const dir = fx.dir(`pdf-${events}`);
      const [out, floorOut, text] = ['report.pdf', 'helvetica.pdf', 'report.md'].map((f) => join(dir, f));
      writeFileSync(text, (await measure(irbook(['report', inc.id, '-t', 'hq', '--appendix', '-f', 'md', '-o', '-'], inStore(inc)))).stdout);
      return {
        sample: irbook(['report', inc.id, '-t', 'hq', '--appendix', '-f', 'pdf', '-o', out, '--force'], inStore(inc)),
        floor: node([here('./floor-pdf.js'), text, floorOut]),
        floorTitle: 'pdfkit + Helvetica, same text',
        after: () => ({ fileBytes: statSync(out).size, note: `${pageCount(out)} p (floor ${pageCount(floorOut)} p)` }),
      };
    },
  };
}

const firstPrompt = (name, title, make, goals) => ({
  name, title, runs: [7, 2], goals, cpu: true,
  setup: async (fx) => ({ sample: await make(fx), floor: node([here('./floor-select.js')], { pty: true }), floorTitle: 'node + inquirer `select` alone' }),
});

// Two writers started together on one incident, each timing its appends against raw write + fsync.
async function appendRow(fx, runs) {
  const inc = demoIncident(fx.dir('append'));
  const writer = (actor) => new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [here('./append.js'), inc.dir, actor, String(runs)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`append.js ${actor} exited ${code}`))));
  });
  const both = await Promise.all([writer('zhang'), writer('tanaka')]);
  const floor = stats(both.flatMap((w) => w.raw));
  const ratio = (k) => (stats(both.flatMap((w) => w[k])).median / floor.median).toFixed(2);
  return {
    time: stats(both.flatMap((w) => w.journal)), floor,
    note: `floors of a hash-chained append in the same loop: bare (line hashed, written, fsync'd) ${ratio('bare')}×, with the fewest calls a lock needs (link, stat, unlink) ${ratio('locked')}×`,
  };
}

export const ROWS = [
  startup('help', '`irbook --help`', ['--help'], 2.5),
  startup('list', '`list`', ['list'], 2),
  startup('show', '`show chat-leak`', ['show', 'chat-leak'], 2.5),
  ...[['incidents', '`incidents --exercises`, a store of one demo session', () => ['incidents', '--exercises']], ['status-small', '`status`, the demo session', (inc) => ['status', inc.id]]].map(([name, title, args]) => ({
    name, title, runs: [10, 3], goals: [{ kind: 'ratio', max: 2.5 }],
    setup: async (fx) => {
      const inc = await fx.session(0);
      return { sample: irbook(args(inc), inStore(inc)), ...NODE0 };
    },
  })),
  ...[[10_000, [7, 2], 200], [100_000, [5, 1], 400]].map(([events, runs, max]) => ({
    name: `status-${events / 1000}k`, title: `\`status\`, ${events.toLocaleString('en-US')} events`, runs, goals: [{ kind: 'ms', max }], rss: events > 10_000,
    setup: async (fx) => {
      const inc = await fx.session(events);
      return { sample: irbook(['status', inc.id], inStore(inc)), ...NODE0 };
    },
  })),
  firstPrompt('start', '`start chat-leak` to the first prompt (pty)', (fx) => irbook(['start', 'chat-leak', '--tz', 'Asia/Shanghai', '--actor', 'bench'], { pty: true, env: { IRBOOK_STORE: fx.dir('start') } }), [{ kind: 'ms', max: 250 }]),
  firstPrompt('resume-10k', '`resume` to the first prompt, 10,000 events (pty)', async (fx) => {
    const inc = await fx.open(10_000);
    return irbook(['resume', inc.id], { pty: true, ...inStore(inc) });
  }, [{ kind: 'ms', max: 250 }]),
  {
    name: 'validate', title: '`validate` 1,000 generated playbooks (copies of chat-leak)', runs: [3, 1], goals: [{ kind: 'ms', max: 1500 }],
    setup: async (fx) => ({ sample: irbook(['validate', await fx.playbooks(1000), '--quiet']), ...NODE0 }),
  },
  {
    name: 'validate-distinct', title: '`validate` 1,000 generated playbooks, no two sharing an entry\'s text', runs: [3, 1], goals: [{ kind: 'ms', max: 1500 }],
    setup: async (fx) => ({ sample: irbook(['validate', await fx.playbooks(1000, { distinct: true }), '--quiet']), ...NODE0 }),
  },
  pdf('pdf-500', 500, [5, 1], [{ kind: 'ms', max: 1000 }, { kind: 'ratio', max: 2 }, { kind: 'bytes', max: 1.5e6 }]),
  pdf('pdf-5000', 5000, [3, 1], [{ kind: 'ms', max: 3000 }, { kind: 'rss', max: 300e6 }]),
  { name: 'append', title: 'journal append + fsync, p50, two writers on one incident (per append)', runs: [300, 30], goals: [{ kind: 'ratio', max: 1.5 }], floorTitle: 'raw `writeSync` + `fsyncSync`', measure: appendRow },
  {
    name: 'sync', title: '`sync` of 1,000 new events to a local bare repository', runs: [5, 1], goals: [],
    setup: async (fx) => ({
      sample: async () => irbook(['sync'], { env: { IRBOOK_STORE: await fx.unsynced(1000), ...GIT_ENV } }),
      floor: async () => program('sh', ['-c', 'git add -A && git commit -qm bench && git pull -q --rebase && git push -q'], { cwd: await fx.unsynced(1000), env: GIT_ENV }),
      floorTitle: 'git add, commit, pull --rebase, push',
    }),
  },
  {
    name: 'verify', title: '`verify`, 10,000 events in 3 chains', runs: [7, 2], goals: [],
    setup: async (fx) => {
      const inc = await fx.session(10_000, ['zhang', 'li', 'wang']);
      return { sample: irbook(['verify', inc.id], inStore(inc)), floor: node([here('./floor-hash.js'), join(inc.dir, 'journal')]), floorTitle: 'read + sha256 of the chain files' };
    },
  },
];
