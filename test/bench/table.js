// The pure half of `npm run bench`: statistics, goals judged from this run's numbers, the table,
// and the README block it rewrites. No processes here (test/bench-harness.test.ts covers it).

export const BLOCK_START = '<!-- bench:start -->';
export const BLOCK_END = '<!-- bench:end -->';

/** min and median of a list of numbers (the lower middle for an even count). */
export function stats(xs) {
  if (!xs.length) throw new Error('stats of no samples');
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, min: s[0], median: s[Math.floor((s.length - 1) / 2)] };
}

/**
 * A row's goals against its result: time by the median, ratio by median over the floor's median,
 * memory and file size by the largest sample. Returns one verdict per goal.
 * result: { time: stats, floor?: stats, rssBytes?: number, fileBytes?: number }
 */
export function judge(goals, result) {
  return goals.map((g) => {
    const value = { ms: result.time.median, ratio: ratioOf(result), rss: result.rssBytes, bytes: result.fileBytes }[g.kind];
    if (value === undefined) throw new Error(`goal ${g.kind}: nothing measured to judge it by`);
    return { ...g, value, met: value <= g.max };
  });
}

export const ratioOf = (r) => (r.floor ? r.time.median / r.floor.median : undefined);

const num = (x, digits = 0) => x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const fmtMs = (x) => (x >= 10_000 ? `${num(x / 1000, 1)} s` : `${num(x, x < 10 ? 2 : 0)} ms`);
export const fmtBytes = (b) => (b >= 1e6 ? `${num(b / 1e6, Number.isInteger(b / 1e6) ? 0 : 1)} MB` : `${num(b / 1e3, 0)} kB`);
const pair = (s) => (s.n === 1 ? fmtMs(s.min) : `${fmtMs(s.min)} / ${fmtMs(s.median)}`);

export function goalText(g) {
  if (g.kind === 'ms') return `≤ ${fmtMs(g.max)}`;
  if (g.kind === 'ratio') return `≤ ${g.max}× floor`;
  return `≤ ${fmtBytes(g.max)} ${g.kind === 'rss' ? 'RSS' : 'file'}`;
}

/** One table row (an array of cells) from a measured row. */
export function cells(row) {
  const { result } = row;
  const verdicts = judge(row.goals, result);
  const extra = [
    result.rssBytes !== undefined ? `${fmtBytes(result.rssBytes)} RSS` : '',
    result.fileBytes !== undefined ? `${fmtBytes(result.fileBytes)} file` : '',
    result.note ?? '',
  ].filter(Boolean).join(', ');
  const ratio = ratioOf(result);
  return [
    row.title,
    result.floor ? `${row.floorTitle} ${pair(result.floor)}` : '—',
    pair(result.time),
    ratio === undefined ? '—' : `${num(ratio, 2)}×`,
    extra || '—',
    String(result.time.n),
    verdicts.length ? verdicts.map((v) => `${goalText(v)}: ${v.met ? 'met' : '**not met**'}`).join('; ') : '—',
  ];
}

export const HEAD = ['measure (whole process)', 'floor, same run: min / median', 'irbook: min / median', 'ratio', 'memory, output', 'runs', 'goal (judged on medians; memory on the largest run)'];

export function markdownTable(rows) {
  const line = (cs) => `| ${cs.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`;
  return [line(HEAD), line(HEAD.map(() => '---')), ...rows.map((r) => line(cells(r)))].join('\n');
}

/** How many goals this run met, and which it did not. */
export function summary(rows) {
  const all = rows.flatMap((r) => judge(r.goals, r.result).map((v) => ({ ...v, row: r.name })));
  const missed = all.filter((v) => !v.met);
  return `Goals met in this run: ${all.length - missed.length} of ${all.length}` + (missed.length ? `; not met: ${missed.map((v) => `${v.row} ${goalText(v)}`).join(', ')}.` : '.');
}

/** The README block: the machine and load line, the table, the summary. */
export function readmeBlock(rows, machine) {
  const m = machine;
  return [
    `Measured by \`npm run bench\` on ${m.date}: ${m.cpuModel}, nproc ${m.nproc}, Node ${m.node}, ${m.platform}; ` +
      `load average ${m.loadBefore} before, ${m.loadAfter} after${m.quick ? '; `--quick` (few runs)' : ''}.`,
    '',
    markdownTable(rows),
    '',
    summary(rows),
  ].join('\n');
}

/** `text` with exactly what lies between the markers replaced by `block` (markers kept). */
export function replaceBlock(text, block) {
  const start = text.indexOf(BLOCK_START);
  const end = text.indexOf(BLOCK_END);
  if (start < 0 || end < 0 || end < start) throw new Error(`README has no bench block (${BLOCK_START} … ${BLOCK_END})`);
  if (text.indexOf(BLOCK_START, start + 1) >= 0 || text.indexOf(BLOCK_END, end + 1) >= 0) throw new Error('README has more than one bench block');
  return `${text.slice(0, start + BLOCK_START.length)}\n${block}\n${text.slice(end)}`;
}
