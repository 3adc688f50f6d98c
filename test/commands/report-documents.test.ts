// `irbook report` for documents that leave the company, through the built binary: the organisation
// profile they need (refused naming the field, or a stamped draft), the drill template refused for
// a real incident, validate checking irbook.yaml, and each variant's items in order in the PDF text.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { incidentEvents } from '../support/chains.js';
import { cliStore, startDemo } from '../support/cli.js';

const { store, env, irbook } = cliStore('irbook-docs-');
const PROFILE = 'test/fixtures/profile/irbook.yaml';
let id = '';

beforeAll(() => {
  id = startDemo(irbook);
});
afterAll(() => rmSync(store, { recursive: true, force: true }));

const pdfText = (file: string) => spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout.replace(/[ \t]+/g, ' ');
const inOrder = (text: string, items: string[]) => items.map((i) => text.indexOf(i));

describe('the organisation profile', () => {
  it('gives a session its zone and lets the drafts of the walk name the operator', () => {
    const answers = join(store, 'no-tz.yaml');
    writeFileSync(answers, readFileSync('test/fixtures/answers/chat-leak.yaml', 'utf8').replace(/^tz: .*$/m, ''));
    const run = (...extra: string[]) => spawnSync(process.execPath, ['bin/irbook.js', 'start', 'chat-leak', '--answers', answers, ...extra], { encoding: 'utf8', env: { ...env, TZ: 'UTC', IRBOOK_TZ: '' }, input: '' });
    const zoneOf = (out: string) => {
      // The profile names a site code, which the incident id carries.
      const inc = /INC-\d{8}-(?:[A-Z0-9]+-)?\d{3}/.exec(out)![0];
      const first = incidentEvents(store, inc)[0]!;
      return { inc, tz: first.tz };
    };
    const without = run();
    expect(without.status, without.stderr).toBe(0);
    expect(zoneOf(without.stdout).tz).toBe('UTC');
    const withProfile = run('--profile', PROFILE);
    expect(withProfile.status, withProfile.stderr).toBe(0);
    const { inc, tz } = zoneOf(withProfile.stdout);
    expect(tz).toBe('Asia/Shanghai');
    // The profile's site code (sh01) is in the id.
    expect(inc).toMatch(/^INC-\d{8}-SH01-\d{3}$/);
    expect(readFileSync(join(store, inc, 'drafts', 'notify-cac.zh.txt'), 'utf8')).toContain('上海樱花信息技术有限公司');
  });
  it('a CAC report without one is refused (exit 3), naming the fields it needs', () => {
    const r = irbook('report', id, '-t', 'cac', '-f', 'md', '-o', '-');
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/names\.zh, credit_code, address, parties\.cac\.reporter\.name/);
    expect(r.stderr).toMatch(/--draft/);
    expect(r.stderr).not.toMatch(/    at /);
  });

  it('with --draft it is drawn, stamped 草稿, the gaps shown', () => {
    const r = irbook('report', id, '-t', 'cac', '-f', 'md', '-o', '-', '--draft');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^> \*\*草稿\*\*/);
    expect(r.stdout).toContain('（未填写：credit\\_code）');
    expect(r.stderr).not.toMatch(/warning: \d+ passage/);   // the answers file gives the records in Chinese too
    expect(r.stdout).toContain('一名销售人员将客户名单转发至一个微信群');
  });

  it('a stamped draft PDF says 草稿 on every page', () => {
    const out = join(store, 'draft.pdf');
    expect(irbook('report', id, '-t', 'cac', '-o', out, '--draft').status).toBe(0);
    const pages = pdfText(out).split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) expect(p).toContain('草稿');
  });

  it('a profile with a wrong check character is an invalid file for validate and report', () => {
    const dir = mkdtempSync(join(tmpdir(), 'irbook-profile-'));
    const bad = join(dir, 'irbook.yaml');
    writeFileSync(bad, 'names: {zh: 某公司}\ncredit_code: 91310115MA1K4Q8R2X\n');
    const v = irbook('validate', bad);
    expect(v.status).toBe(3);
    expect(v.stdout).toMatch(/irbook\.yaml:2:14 error .*check character/);
    expect(irbook('--profile', bad, 'report', id, '-t', 'cac', '-f', 'md', '-o', '-').status).toBe(3);
    rmSync(dir, { recursive: true, force: true });
  });

  it('is found at the root of the playbook repository', () => {
    const repo = mkdtempSync(join(tmpdir(), 'irbook-repo-'));
    mkdirSync(join(repo, '.git'));
    cpSync('playbooks', join(repo, 'playbooks'), { recursive: true });
    cpSync(PROFILE, join(repo, 'irbook.yaml'));
    const r = spawnSync(process.execPath, ['bin/irbook.js', 'report', id, '-t', 'cac', '-f', 'md', '-o', '-'], { encoding: 'utf8', env: { ...env, IRBOOK_PLAYBOOKS: join(repo, 'playbooks') } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('91310115MA1K4Q8R2W');
    // validate checks it with the playbooks, and points at the line of a mistake.
    const v = (text: string) => {
      writeFileSync(join(repo, 'irbook.yaml'), text);
      return spawnSync(process.execPath, ['bin/irbook.js', 'validate'], { encoding: 'utf8', env: { ...env, IRBOOK_PLAYBOOKS: join(repo, 'playbooks') } });
    };
    expect(v('site: sh01\n').status).toBe(0);
    const bad = v('site: sh01\ntimezone: Asia/Shangai\n');
    expect(bad.status).toBe(3);
    expect(bad.stdout).toMatch(/irbook\.yaml:2:11 error .*Asia\/Shangai/);
    rmSync(repo, { recursive: true, force: true });
  });
});

it('refuses the drill template for a real incident (exit 2)', () => {
  const r = irbook('report', id, '-t', 'drill', '-f', 'md', '-o', '-');
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/drills/);
});

it('puts the whole of the HQ page 1 on page 1 of the demo PDF, the reporter block included', () => {
  // The demo: the chat-leak answers with the organisation profile, as the README shows it.
  const a = irbook('--profile', PROFILE, 'start', 'chat-leak', '--answers', 'test/fixtures/answers/chat-leak.yaml');
  expect(a.status, a.stderr).toBe(0);
  const demo = /INC-\d{8}-SH01-\d{3}/.exec(a.stdout)![0];
  const out = join(store, 'hq-demo.pdf');
  const r = irbook('--profile', PROFILE, 'report', demo, '-t', 'hq', '-o', out, '--force');
  expect(r.status, r.stderr).toBe(0);
  const page1 = spawnSync('pdftotext', ['-f', '1', '-l', '1', '-layout', out, '-'], { encoding: 'utf8' }).stdout;
  const { reporter } = (load(readFileSync(PROFILE, 'utf8')) as { parties: { hq: { reporter: { name: string; phone: string; email: string } } } }).parties.hq;
  for (const w of ['件名', '発生・発覚日時', '被害', '原因', '対応状況', '今後の対応・残課題', '報告者', reporter.name, reporter.phone, reporter.email]) expect(page1).toContain(w);
});

describe('each document\'s items in order, read back from the PDF', () => {
  const docs: [string, string[]][] = [
    ['cac', ['一、运营者', '二、事件发生的时间', '三、事态发展趋势', '四、初步分析的事件原因', '五、溯源线索', '六、拟进一步采取', '七、现场保护情况', '八、其他应当报告的情况', '报告单位（盖章）', '王芳', '日期']],
    ['cac-initial', ['一、运营者', '91310115MA1K4Q8R2W', '二、事件发生的时间', '及时补报', '报告单位（盖章）']],
    ['cac-supplement', ['一、新增及更正的情况', '二、事态发展趋势', '三、初步分析的事件原因', '七、其他应当报告的情况', '报告单位（盖章）']],
    ['cac-summary', ['一、运营者', '二、事件原因', '三、应对处置措施及造成的危害', '四、次生影响', '五、责任处理情况', '六、整改情况及经验教训', '报告单位（盖章）']],
    ['ppc', ['報告者', '山田太郎', '（1）概要', '（2）', '（3）', '1,500人', '（4）原因', '（5）', '（6）', '（7）公表の実施状況', '実施。', '（8）', '（9）']],
    ['ppc-preliminary', ['速報', '報告者', '（1）概要', '（9）']],
    ['hq', ['事故報告書', '件名', '発生・発覚日時', '被害', '原因', '対応状況', '今後の対応・残課題', '報告者']],
    ['individuals-ja', ['1. 概要', '2. 漏えい等', '3. 原因', '4. 二次被害', '7. お問い合わせ窓口', '400-820-1000']],
    ['individuals-zh', ['一、事件概况', '二、涉及的个人信息种类', '三、泄露的原因', '四、可能造成的危害', '五、我们已采取的补救措施', '六、您可以采取', '七、联系方式']],
  ];
  it.each(docs)('%s', (tpl, items) => {
    const out = join(store, `${tpl}.pdf`);
    const r = irbook('--profile', PROFILE, 'report', id, '-t', tpl, '-o', out, '--force');
    expect(r.status, r.stderr).toBe(0);
    const text = pdfText(out);
    const at = inOrder(text, items);
    expect(at.every((n) => n >= 0), `missing: ${items.filter((_, i) => at[i]! < 0).join(', ')}`).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    if (tpl === 'hq') {
      const page1 = text.split('\f')[0]!;
      for (const w of ['件名', '被害', '1,500人', '今後の対応・残課題', '報告者', '李明']) expect(page1).toContain(w);
      expect(page1.match(/Asia\/Tokyo/g)).toHaveLength(1);
      expect(page1).not.toMatch(/policy\.|root|コミット/);
    }
    if (tpl.startsWith('cac')) expect(text.split('\f').filter((p) => p.trim()).length).toBeLessThanOrEqual(4);
  });
});
