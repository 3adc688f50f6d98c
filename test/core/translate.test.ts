// Record texts a document needs in another language: which languages, the walk asking for them,
// the `translate` open item until one is given, and the documents quoting the translation.
import { readFileSync, readdirSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { catalogFor, loadPlaybook } from '../../src/adapters/playbook-fs.js';
import { checkProfile } from '../../src/adapters/profile-fs.js';
import { checkTemplate } from '../../src/adapters/template-fs.js';
import { clockViews, clockEngine } from '../../src/core/clocks/clocks.js';
import { RECORD_SECTIONS } from '../../src/core/playbook/constants.js';
import type { Playbook } from '../../src/core/playbook/schema.js';
import { buildReport } from '../../src/core/report/build.js';
import { renderMarkdown } from '../../src/core/report/markdown.js';
import { evaluatorFor } from '../../src/core/session/evaluator.js';
import { openItems } from '../../src/core/session/open-items.js';
import { reduce } from '../../src/core/session/state.js';
import { RECIPIENT_DOCUMENTS, neededLangs } from '../../src/core/session/translate.js';
import { runInMemory } from '../support/memory-session.js';

const notifying = (...parties: string[]): Playbook => ({
  id: 'p', version: '1.0.0', title: 'p', facts: {},
  stages: [{ id: 'detect', steps: parties.map((party) => ({ id: `n-${party}`, notify: { party } })) }],
});

describe('the languages a record must exist in', () => {
  it.each([
    [['hq', 'cac'], 'cause', ['ja', 'zh']],
    [['hq', 'cac'], 'scope', ['ja']],
    [['hq'], 'cause', ['ja']],
    [['cac', 'individuals'], 'prevention', ['zh']],
    [['experts'], 'cause', []],
    [['hq', 'cac'], undefined, []],
  ] as [string[], string | undefined, string[]][])('notifying %j, section %s → %j', (parties, section, langs) => {
    expect(neededLangs(notifying(...parties), section)).toEqual(langs);
  });

  // The map stands for the shipped templates: a template that quotes a record section for a party
  // in the map's language must be covered by it.
  it('covers every record section the shipped templates quote for each party', () => {
    const quoted: Record<string, string[]> = { incident: ['impact'], publication: ['public_response'], headline: ['cause'] };
    for (const f of readdirSync('templates').filter((x) => x.endsWith('.yaml'))) {
      const tpl = checkTemplate(`templates/${f}`).value!;
      const doc = tpl.party ? RECIPIENT_DOCUMENTS[tpl.party] : undefined;
      if (!doc || doc.lang !== tpl.language) continue;
      const sections = tpl.sections.flatMap((s) => [s.id, ...(quoted[s.id] ?? [])]).filter((s) => (RECORD_SECTIONS as readonly string[]).includes(s));
      for (const s of sections) expect(doc.sections, `${f}: ${s}`).toContain(s);
    }
  });
});

const { playbook } = loadPlaybook('chat-leak', 'playbooks');
const { clocks, parties } = catalogFor('playbooks');
const profile = checkProfile('test/fixtures/profile/irbook.yaml').value!;
const base = (load(readFileSync('test/fixtures/answers/chat-leak.yaml', 'utf8')) as { answers: Record<string, unknown> }).answers;
const CAUSE_JA = '営業担当者が顧客名簿を社外の WeChat グループに転送した。';
const CAUSE_ZH = '销售人员将客户名单转发至包含外部人员的微信群。';
const answers = { ...base, cause: CAUSE_JA };
const items = (events: Parameters<typeof reduce>[0]) => {
  const s = reduce(events);
  return openItems(playbook, s, clockViews(clockEngine(clocks!), s, new Date('2026-12-16T01:00:00Z')), evaluatorFor(playbook)).filter((i) => i.kind === 'translate');
};
const cac = (events: Parameters<typeof reduce>[0]) => renderMarkdown(buildReport({
  playbook, events, template: checkTemplate('templates/cac.yaml').value!, clocks: clocks!, parties, generatedAt: new Date('2026-12-16T01:00:00Z'), profile,
}));

describe('a Japanese cause in a playbook that notifies the CAC', () => {
  it('"later": no translation written, a translate item (zh) open until one is', async () => {
    const { events, error } = await runInMemory(playbook, clocks!, parties, answers);
    expect(error).toBeUndefined();
    expect(events.some((e) => e.type === 'record.translated')).toBe(false);
    expect(items(events)).toContainEqual({ kind: 'translate', step: 'cause', reason: 'zh' });
    const md = cac(events);
    expect(md).toContain('〔原文・日本語〕');
    const last = events.at(-1)!;
    events.push({ ...last, seq: last.seq + 1, type: 'record.translated', data: { step: 'cause', lang: 'zh', text: CAUSE_ZH } });
    expect(items(events).filter((i) => i.step === 'cause')).toEqual([]);
    const after = cac(events);
    expect(after).toContain(CAUSE_ZH);
    expect(after).not.toContain(CAUSE_JA);
  });

  it('given in the answers file: journaled as record.translated, quoted by the CAC report unmarked', async () => {
    const { events, error } = await runInMemory(playbook, clocks!, parties, answers, [], { translations: { cause: { zh: CAUSE_ZH } } });
    expect(error).toBeUndefined();
    expect(events.find((e) => e.type === 'record.translated')?.data).toMatchObject({ step: 'cause', lang: 'zh', text: CAUSE_ZH });
    expect(items(events).filter((i) => i.step === 'cause')).toEqual([]);
    const md = cac(events);
    expect(md).toContain(CAUSE_ZH);
    expect(md).not.toContain(CAUSE_JA);
  });
});
