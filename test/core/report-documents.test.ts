// Documents for their recipients, built from a chat-leak session whose responder typed in Japanese:
// the audience rules on every document that leaves the company, the HQ page 1, the PPC and CAC
// items, drafts in the recipient's language, and free text that can never become Markdown.
import { readFileSync, readdirSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { catalogFor, loadPlaybook } from '../../src/adapters/playbook-fs.js';
import { checkDraft, checkTemplate } from '../../src/adapters/template-fs.js';
import { checkProfile } from '../../src/adapters/profile-fs.js';
import { pick } from '../../src/core/i18n/lang.js';
import { buildReport, type ReportInput } from '../../src/core/report/build.js';
import { renderDraft } from '../../src/core/report/draft.js';
import { withoutMarked } from '../../src/core/report/language.js';
import { renderMarkdown } from '../../src/core/report/markdown.js';
import { validateTemplate } from '../../src/core/report/template.js';
import type { FieldsSection, ReportModel, TableSection } from '../../src/core/report/model.js';
import { formatNumber } from '../../src/core/report/numbers.js';
import { reduce } from '../../src/core/session/state.js';
import type { Fact, Playbook } from '../../src/core/playbook/schema.js';
import { runInMemory } from '../support/memory-session.js';

const { playbook } = loadPlaybook('chat-leak', 'playbooks');
const { clocks, parties } = catalogFor('playbooks');
const profile = checkProfile('test/fixtures/profile/irbook.yaml').value!;
const base = (load(readFileSync('test/fixtures/answers/chat-leak.yaml', 'utf8')) as { answers: Record<string, unknown> }).answers;
// The responder writes in Japanese, and overrides the police decision with an internal reason.
const answers = {
  ...base,
  'report-police': { answer: true, reason: '法務と協議中だが、競合他社に渡ったため届け出る' },
  cause: '営業担当者が顧客名簿を社外の元同僚を含む WeChat グループに転送した。',
  'secondary-damage': '現時点で悪用は確認されていないが、顧客への詐欺電話のおそれがある。',
};
const { events } = await runInMemory(playbook, clocks!, parties, answers);
events.push({ seq: events.length + 1, at: '2026-12-15T05:00:00.000Z', tz: 'Asia/Shanghai', actor: 'li', type: 'note.added', data: { text: 'INTERNAL-NOTE 営業部長は金曜から知っていた' } });
const generatedAt = new Date('2026-12-16T01:00:00Z');
const template = (id: string) => checkTemplate(`templates/${id}.yaml`).value!;
const build = (id: string, extra: Partial<ReportInput> = {}) => buildReport({ playbook, events, template: template(id), clocks: clocks!, parties, generatedAt, profile, ...extra });

const outside = readdirSync('templates').filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5)).filter((id) => template(id).audience !== 'internal');
const KANA = /[\u3040-\u30ff]/;

describe.each(outside)('the %s document (leaves the company)', (id) => {
  const tpl = template(id);
  const model = build(id);
  const md = renderMarkdown(model);
  const all = JSON.stringify(model.sections) + md;

  it('has no kana in Chinese unless marked 〔原文・日本語〕', () => {
    if (tpl.language !== 'zh') return;
    expect(withoutMarked(md)).not.toMatch(KANA);
    // The Japanese cause is quoted, marked, where the document has a cause at all.
    if (tpl.sections.some((s) => s.id === 'cause')) expect(md).toContain('〔原文・日本語〕営業担当者');
  });

  it('carries no CEL, decision table, override, note or evidence path', () => {
    expect(all).not.toMatch(/policy\.|&&|\|\||>=/);
    expect(all).not.toContain('法務と協議中');
    expect(all).not.toContain('INTERNAL-NOTE');
    expect(all).not.toContain('/home/');
    expect(model.sections.map((s) => s.id)).not.toContain('decisions');
  });

  it('names no party but its own, and no other country\'s deadline', () => {
    for (const p of parties.filter((x) => x.id !== tpl.party && x.id !== 'individuals')) expect(all).not.toContain(pick(p.name, tpl.language));
    const other = tpl.language === 'zh' ? ['個人情報保護法', 'APPI'] : ['网络安全事件报告管理办法', 'PIPL'];
    for (const w of other) expect(all).not.toContain(w);
  });
});

const titles = (m: ReportModel) => m.sections.map((s) => s.title).filter(Boolean);

// The recall that was recommended, declined: an override, so a key decision.
const recallDeclined = (await runInMemory(playbook, clocks!, parties, { ...answers, recall: { answer: false, reason: 'グループは既に解散していた' } })).events;
describe('the HQ 事故報告書', () => {
  const model = build('hq');
  it('opens with 件名, dates, damage with units, cause, status in words, open items, reporter', () => {
    expect(titles(model).slice(0, 4)).toEqual(['1. 事故の概要', '2. 対応状況', '3. 今後の対応・残課題', '4. 報告者']);
    const head = model.sections[0] as FieldsSection;
    expect(head.rows.map((r) => r[0])).toEqual(['件名', '発生・発覚日時', '被害', '原因']);
    expect(head.rows[2]![1]).toContain('1,500人');
    expect(head.rows[3]![1]).toContain('営業担当者');
    const status = model.sections[1]!;
    expect(JSON.stringify(status)).toContain('公安機関（警察）へ届け出るか：推奨しない（コンピュータ情報システム内での犯罪');
    expect(JSON.stringify(status)).toContain('判断：実施（理由：法務と協議中だが、競合他社に渡ったため届け出る）');
    expect(JSON.stringify(model.sections[3])).toContain('李明');
  });
  // Page 1 shows the key decisions only: overridden, or a "yes" that reported to an authority, the
  // police or HQ, or wrote the public statement; the rest are counted and left to the appendix.
  const paragraphs = (m: ReportModel) => (m.sections[1] as { paragraphs: string[] }).paragraphs;
  const models = { demo: model, 'recall declined': build('hq', { events: recallDeclined }) };
  it.each([
    ['report to HQ (yes, notifies HQ)', 'demo', '日本本社へ報告するか', true],
    ['report to the police (overridden)', 'demo', '公安機関（警察）へ届け出るか', true],
    ['announcement (yes, writes the public statement)', 'demo', '公表するか', true],
    ['recall as recommended', 'demo', '投稿の取り消し', false],
    ['account not suspended, as recommended', 'demo', '投稿者のアカウント', false],
    ['grade as recommended', 'demo', '事件の等級', false],
    ['experts (yes, but not a report to an authority)', 'demo', '外部専門家（フォレンジック・弁護士）に依頼するか', false],
    ['recall overridden', 'recall declined', '投稿の取り消し', true],
  ] as const)('%s (%s): on page 1 %s', (_name, m, question, shown) => {
    expect(paragraphs(models[m]).some((p) => p.startsWith(`・${question}`))).toBe(shown);
  });
  it('says how many decisions it left to the appendix, and where', () => {
    expect(paragraphs(model).at(-1)).toBe('ほかの判断 4 件は判断の記録（report --appendix で出力）に記載。');
    expect(paragraphs(build('hq', { appendix: true })).at(-1)).toBe('ほかの判断 4 件は「付録 A. 判断の記録」に記載。');
  });
  it('gives each decision at most two deciding facts, in short words', () => {
    const lines = paragraphs(model).filter((p) => p.startsWith('・'));
    for (const line of lines) expect(line.split('→')[0]!.split('、').length).toBeLessThanOrEqual(3 + (line.match(/種類：[^、）]*、/g)?.length ?? 0));
    expect(lines.join('\n')).toContain('社外の人に届いた、またはさらに転送された形跡：あり');
    expect(lines.join('\n')).not.toMatch(/推定可|不正アクセス・マルウェア/);
    expect(paragraphs(model)[1]).toMatch(/^報告済み：日本本社 2026-11-23 \d\d:\d\d、公安機関 /);
  });
  it('keeps CEL and the raw timeline for the appendix', () => {
    expect(JSON.stringify(model)).not.toContain('policy.');
    expect(model.sections.map((s) => s.id)).not.toContain('timeline');
    const full = build('hq', { appendix: true });
    expect(full.sections.map((s) => s.id)).toEqual(expect.arrayContaining(['decisions', 'timeline']));
  });
  it('lists what is still owed from the running clocks and unfinished stages of an open session', () => {
    const open = events.slice(0, 30);
    const m = buildReport({ playbook, events: open, template: template('hq'), clocks: clocks!, parties, generatedAt: new Date('2026-11-23T04:00:00Z'), profile });
    const items = m.sections.find((s) => s.id === 'open-items') as TableSection;
    expect(items.rows.some((r) => r[0]!.includes('所在地の省級インターネット情報弁公室') && r[1] !== '—')).toBe(true);
    expect(items.rows.some((r) => r[0]!.includes('復旧・再発防止'))).toBe(true);
  });
  it('lists the session\'s open items: a correction owed after an amendment', () => {
    const later = [
      ...events,
      { seq: 998, at: '2026-12-01T01:00:00Z', tz: 'Asia/Tokyo', actor: 'li', type: 'fact.amended', data: { fact: 'persons_affected', value: 2500, previous: 1500, reason: '重複除去前の件数だった' } },
    ];
    const m = buildReport({ playbook, events: later, template: template('hq'), clocks: clocks!, parties, generatedAt, profile });
    const rows = (m.sections.find((s) => s.id === 'open-items') as TableSection).rows.map((r) => r[0]);
    // Parties told 1,500 before the amendment are owed a correction (PPC 訂正, CAC 补报).
    expect(rows.some((r) => r!.includes('個人情報保護委員会への訂正報告'))).toBe(true);
  });
  it('lists corrections only when there are some', () => {
    expect(model.sections.map((s) => s.id)).not.toContain('amendments');
    const amended = [...events, { seq: 999, at: '2026-12-01T01:00:00Z', tz: 'Asia/Tokyo', actor: 'li', type: 'fact.amended', data: { fact: 'persons_affected', value: 2500, previous: 1500, reason: '重複除去前の件数だった' } }];
    const m = buildReport({ playbook, events: amended, template: template('hq'), clocks: clocks!, parties, generatedAt, profile });
    expect((m.sections.find((s) => s.id === 'amendments') as TableSection).rows[0]).toEqual(['影響を受ける本人の数（推定可）', '1,500人', '2,500人', 'li', '2026-12-01 10:00', '重複除去前の件数だった']);
  });
});

describe('the PPC report', () => {
  it('gives the reporter, then the nine items in order, 概要 once, the data items and 公表', () => {
    const m = build('ppc');
    expect(titles(m).filter((t) => t!.startsWith('（'))).toEqual(['（1）概要', '（2）漏えい等が発生し、又は発生したおそれがある個人データの項目', '（3）漏えい等が発生し、又は発生したおそれがある個人データに係る本人の数', '（4）原因', '（5）二次被害又はそのおそれの有無及びその内容', '（6）本人への対応の実施状況', '（7）公表の実施状況', '（8）再発防止のための措置', '（9）その他参考となる事項']);
    expect(JSON.stringify(m.sections[0])).toContain('山田太郎');
    expect(JSON.stringify(m.sections.find((s) => s.id === 'publication'))).toContain('実施。');
    expect(JSON.stringify(m.sections.find((s) => s.id === 'persons'))).toContain('1,500人');
  });
  it('gives the reason when nothing was announced, and never calls a PPC report "not required"', async () => {
    const r = await runInMemory(playbook, clocks!, parties, { ...answers, announce: { answer: false, reason: '個別通知で足りると判断' }, 'notify-ppc-final': { waived: '委員会の指示により不要' } });
    const m = buildReport({ playbook, events: r.events, template: template('ppc'), clocks: clocks!, parties, generatedAt, profile });
    const md = renderMarkdown(m);
    expect(md).toContain('未実施（理由: 個別通知で足りると判断）');
    expect(md).not.toMatch(/不要と判断|委員会の指示により不要/);
  });
});

describe('drafts in the recipient\'s language from a Japanese session', () => {
  const st = reduce(events);
  const draft = (id: string) => renderDraft(checkDraft(`templates/drafts/${id}.yaml`).value!, playbook, st, events, 'ja', 'Asia/Shanghai');
  it.each([['cac-initial-report', 'zh'], ['police-report', 'zh'], ['individuals-notice', 'zh'], ['hq-first-report', 'ja'], ['ppc-preliminary', 'ja']])('%s is in %s with a Japanese gloss', (id, lang) => {
    const d = draft(id);
    expect(d.lang).toBe(lang);
    if (lang === 'zh') expect(withoutMarked(d.text)).not.toMatch(KANA);
    expect(d.gloss).toMatch(KANA);
  });
  it('names the operator from the profile', () => {
    const d = renderDraft(checkDraft('templates/drafts/cac-initial-report.yaml').value!, playbook, st, events, 'ja', 'Asia/Shanghai', profile);
    expect(d.text).toContain('一、运营者及受影响的系统或平台：上海樱花信息技术有限公司');
  });
  it('quotes a recorded cause instead of 調査中, and marks Japanese text in a Chinese draft', () => {
    expect(draft('ppc-preliminary').text).toContain('（4）原因: 営業担当者が');
    const notice = draft('individuals-notice');
    expect(notice.text).toContain('原因：〔原文・日本語〕営業担当者が');
    expect(notice.untranslated).toContain('cause');
  });
});

describe('numbers and Markdown', () => {
  it.each([
    [1_280_000, 'cny', 'zh', '128万元'], [1_280_000, 'cny', 'ja', '1,280,000元（人民元）'], [1_280_500, 'cny', 'zh', '1,280,500元'],
    [2500, 'persons', 'ja', '2,500人'], [2500, 'persons', 'en', '2,500 persons'], [1_280_000, 'cny', 'en', 'CNY 1,280,000'],
  ] as const)('%d %s in %s → %s', (n, unit, lang, text) => {
    expect(formatNumber(n, unit, lang)).toBe(text);
  });

  it('escapes HTML, images, links and headings typed as free text', async () => {
    const hostile = '<img src=x onerror=alert(1)> ![p](http://x/p.png) [link](http://evil)\n# Heading\n> quote\n- item';
    const r = await runInMemory(playbook, clocks!, parties, { ...answers, cause: hostile });
    const md = renderMarkdown(buildReport({ playbook, events: r.events, template: template('hq'), clocks: clocks!, parties, generatedAt, profile }));
    expect(md).not.toContain('<img');
    expect(md).not.toMatch(/!\[p\]\(|\[link\]\(/);
    expect(md.split('\n').filter((l) => /^(#|>|- )/.test(l) && /Heading|quote|item/.test(l))).toEqual([]);
  });
});

describe('a payment fraud: the amount and the transfer time reach page 1 and the CAC report', async () => {
  const { autoAnswers } = await import('../support/auto-answers.js');
  const fraud = loadPlaybook('payment-fraud', 'playbooks').playbook;
  const auto = autoAnswers(fraud);
  const stepOf = (fact: string) => Object.entries(auto).find(([, v]) => typeof v === 'object' && v !== null && fact in v)![0];
  const set = (answers: Record<string, unknown>, fact: string, value: unknown) => ({ ...answers, [stepOf(fact)]: { ...(answers[stepOf(fact)] as object), [fact]: value } });
  const r = await runInMemory(fraud, clocks!, parties, set(set(auto, 'amount_cny', 1_280_000), 'transfer_at', '2026-11-22T16:05:00+08:00'));
  const doc = (id: string) => JSON.stringify(buildReport({ playbook: fraud, events: r.events, template: template(id), clocks: clocks!, parties, generatedAt, profile }).sections);
  it.each([['hq', '1,280,000元（人民元）', '2026-11-22 17:05'], ['cac', '128万元', '2026-11-22 16:05']])('%s: %s, %s', (id, amount, at) => {
    expect(doc(id)).toContain(amount);
    expect(doc(id)).toContain(at);
  });
});

describe('facts the other streams add', () => {
  const at = '2026-11-30T02:00:00.000Z';
  const later = (type: string, data: Record<string, unknown>) => ({ seq: events.length + 1, at, tz: 'Asia/Shanghai', actor: 'li', type, data });

  it('the CAC 补报 lists what was corrected or is new since the last CAC report', () => {
    const more = [...events, later('fact.amended', { fact: 'persons_affected', value: 2500, previous: 1500, reason: '重複除去前' })];
    const m = buildReport({ playbook, events: more, template: template('cac-supplement'), clocks: clocks!, parties, generatedAt, profile });
    const changes = m.sections.find((s) => s.id === 'changes') as TableSection;
    // The amended count, beside the facts first recorded after the CAC report (e.g. when handling ended).
    expect(changes.rows).toContainEqual(['受影响的个人数量（可估算）', '1,500人', '2,500人', '2026-11-30 10:00']);
    expect(changes.rows.filter((r) => r[1] !== '（新增）')).toHaveLength(1);
  });

  it('the PPC report gives the data items by their labels from the `data_items` fact', () => {
    const items: Fact = { type: 'multi', prompt: { ja: '項目' }, options: [{ id: 'name', label: { ja: '氏名', zh: '姓名' } }, { id: 'phone', label: { ja: '電話番号', zh: '电话号码' } }] };
    const pb: Playbook = { ...playbook, facts: { ...playbook.facts, data_items: items } };
    const more = [...events, later('fact.recorded', { step: 'scope', fact: 'data_items', value: ['name', 'phone'] })];
    const m = buildReport({ playbook: pb, events: more, template: template('ppc'), clocks: clocks!, parties, generatedAt, profile });
    expect((m.sections.find((s) => s.id === 'data-items') as { paragraphs: string[] }).paragraphs).toEqual(['氏名、電話番号']);
  });
});

it('a template for an authority cannot list internal sections', () => {
  const r = validateTemplate({ ...template('cac'), sections: [{ id: 'operator' }, { id: 'decisions' }, { id: 'timeline' }] });
  expect(r.issues.filter((i) => i.code === 'section-not-for-audience').map((i) => i.path)).toEqual([['sections', 1, 'id'], ['sections', 2, 'id']]);
});
