// Reports from a scripted chat-leak session: Markdown snapshots per template, and the rules a
// report must keep whatever its layout (redaction, override reasons, zones, unfinished sessions).
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { catalogFor, loadPlaybook } from '../../src/adapters/playbook-fs.js';
import { checkTemplate } from '../../src/adapters/template-fs.js';
import { buildReport, type ReportInput } from '../../src/core/report/build.js';
import { renderMarkdown } from '../../src/core/report/markdown.js';
import type { TableSection } from '../../src/core/report/model.js';
import type { SessionEvent } from '../../src/core/session/events.js';
import { parseHeads, type Head } from '../../src/core/journal/heads.js';
import { runInMemory } from '../support/memory-session.js';

const { playbook } = loadPlaybook('chat-leak', 'playbooks');
const { clocks, parties } = catalogFor('playbooks');
const answers = (load(readFileSync('test/fixtures/answers/chat-leak.yaml', 'utf8')) as { answers: Record<string, unknown> }).answers;
const generatedAt = new Date('2026-12-16T01:00:00Z');
const template = (id: string) => checkTemplate(`templates/${id}.yaml`).value!;

async function journal(extra: (events: SessionEvent[]) => void = () => undefined) {
  const { events } = await runInMemory(playbook, clocks!, parties, answers);
  extra(events);
  return events;
}
const push = (events: SessionEvent[], type: string, data: Record<string, unknown>) =>
  events.push({ seq: events.length + 1, at: '2026-12-15T05:00:00.000Z', tz: 'Asia/Shanghai', actor: 'li', type, data });

// The journal heads the command passes in (from verifyIncident): two writers.
const heads: Head[] = [{ writer: 'zhang@sh-01', seq: 42, hash: '9f3c'.repeat(16) }, { writer: 'li.wei@tokyo', seq: 7, hash: '0ab1'.repeat(16) }];
const report = (events: SessionEvent[], id: string, extra: Partial<ReportInput> = {}) => buildReport({ playbook, events, template: template(id), clocks: clocks!, parties, generatedAt, heads, ...extra });

describe('Markdown reports of a finished chat-leak session', () => {
  it.each(['hq', 'cac', 'ppc', 'summary'])('%s matches its snapshot', async (id) => {
    const events = await journal((e) => {
      push(e, 'note.added', { text: 'INTERNAL: the sales manager knew since Friday' });
      push(e, 'evidence.added', { path: '/home/li/evidence/wechat-export.zip', sha256: 'a'.repeat(64), bytes: 52311 });
    });
    await expect(renderMarkdown(report(events, id))).toMatchFileSnapshot(`__snapshots__/chat-leak.${id}.md`);
  });
});

describe('report rules', () => {
  it('is the same for the same journal, generated-at aside', async () => {
    const events = await journal();
    const a = report(events, 'hq');
    const b = report(events, 'hq', { generatedAt: new Date() });
    expect({ ...b, meta: { ...b.meta, generatedAt: '', generatedAtText: '' } }).toEqual({ ...a, meta: { ...a.meta, generatedAt: '', generatedAtText: '' } });
  });

  it('never gives internal notes or evidence paths to the authorities', async () => {
    const events = await journal((e) => {
      push(e, 'note.added', { text: 'INTERNAL-NOTE' });
      push(e, 'evidence.added', { path: '/secret/path/export.zip', sha256: 'b'.repeat(64), bytes: 1 });
    });
    for (const id of ['cac', 'ppc']) {
      const text = JSON.stringify(report(events, id));
      expect(text).not.toContain('INTERNAL-NOTE');
      expect(text).not.toContain('/secret/path');
    }
    expect(JSON.stringify(report(events, 'hq'))).toContain('INTERNAL-NOTE');
    expect(JSON.stringify(report(events, 'cac'))).toContain('已保全证据文件 1 份');
  });

  it('lists every decision with its threshold, facts, recommendation, answer and override reason', async () => {
    const model = report(await journal(), 'hq', { appendix: true });
    const d = model.sections.find((s) => s.id === 'decisions') as TableSection;
    const police = d.rows.find((r) => r[0] === 'report-police')!;
    expect(police[2]).toContain('malicious &&');
    expect(police[2]).toContain('malicious = いいえ');
    expect(police.slice(3)).toEqual(['いいえ', 'はい', "The customer list reached a competitor's employee; legal asked us to file."]);
    expect(d.highlight).toEqual([d.rows.indexOf(police)]);
  });

  it('shows times in the template zone, states the zone once, labels claimed and observed', async () => {
    const events = await journal();
    const hq = renderMarkdown(report(events, 'hq'));
    const cn = renderMarkdown(report(events, 'cac'));
    expect(hq).toContain('2026-11-23 10:40 (申告)');   // aware_at 09:40 +08:00
    expect(hq.match(/Asia\/Tokyo/g)).toHaveLength(1);
    expect(hq).toContain('時刻はすべて日本時間（Asia/Tokyo、UTC+09:00）');
    expect(cn).toContain('发现时间** | 2026-11-23 09:40');
    expect(cn.match(/Asia\/Shanghai/g)).toHaveLength(1);
    expect(hq).toMatch(/\(記録\)/);
  });

  it('has a clock table with on-time and late results', async () => {
    const events = await journal((e) => {
      const ppc = e.find((x) => x.type === 'notify.sent' && x.data.step === 'notify-ppc-preliminary')!;
      ppc.data.at = '2026-11-29T12:00:00+08:00'; // after the 5-day deadline
    });
    const clocksTable = report(events, 'hq').sections.find((s) => s.id === 'clocks') as TableSection;
    const pre = clocksTable.rows.find((r) => r[0] === '個人情報保護委員会への速報')!;
    expect(pre[5]).toMatch(/遅延/);
    expect(clocksTable.rows.some((r) => r[5] === '期限内')).toBe(true);
    expect(clocksTable.highlight).toEqual([clocksTable.rows.indexOf(pre)]);
  });

  it('shows a notification judged not required, with its reason, in the clock and notification tables', async () => {
    const { events } = await runInMemory(playbook, clocks!, parties, { ...answers, 'notify-individuals': { waived: 'PIPL Art. 57 exception: key revoked' } });
    const model = report(events, 'hq');
    const clockRow = (model.sections.find((s) => s.id === 'clocks') as TableSection).rows.find((r) => r[0]?.includes('本人への通知'));
    expect(clockRow?.[5]).toBe('不要と判断: PIPL Art. 57 exception: key revoked');
    const notices = (model.sections.find((s) => s.id === 'notifications') as TableSection).rows;
    expect(notices.some((r) => r[2] === '不要と判断: PIPL Art. 57 exception: key revoked')).toBe(true);
  });

  it('says on its first page that an unfinished session is unfinished', async () => {
    const events = (await journal()).slice(0, 40);
    const model = report(events, 'hq');
    expect(model.meta.finished).toBe(false);
    expect(model.meta.unfinishedNotice).toMatch(/未完了/);
    expect(renderMarkdown(model).split('\n').slice(0, 8).join('\n')).toMatch(/未完了/);
  });

  it.each<[string, RegExp]>([['hq', /^## ジャーナルの検証値$/m], ['ppc', /^## ジャーナルの検証値$/m], ['cac', /^## 日志校验值$/m], ['summary', /^## Journal heads$/m]])(
    '%s ends with the journal heads, labelled in its language, as verify --report reads them', async (id, label) => {
      const model = report(await journal(), id);
      expect(model.heads).toEqual(heads);
      const md = renderMarkdown(model);
      expect(md).toMatch(label);
      // The last block of the document, every writer in it, read back exactly.
      expect(md.trimEnd().split('\n').slice(-5)[0]).toMatch(label);
      expect(parseHeads(md)).toEqual([{ incident: 'INC-20261123-001', heads: [heads[1], heads[0]] }]);
    });

  it('prints no heads block when it is given none', async () => {
    const model = report(await journal(), 'hq', { heads: [] });
    expect(model.heads).toBeUndefined();
    expect(renderMarkdown(model)).not.toMatch(/irbook-heads|ジャーナルの検証値/);
  });
});
