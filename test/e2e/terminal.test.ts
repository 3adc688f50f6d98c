// `irbook start` in a real terminal: a tmux pane runs the built binary in Japanese, the test reads
// the screen and types like a responder. It covers the prompts of every kind (checklist, datetime,
// choice, multi-select, integer, decisions with and against the recommendation, a notification),
// bad input re-asking instead of crashing, Ctrl-C saving the session (exit 130) twice, `resume`
// both at the terminal and from an answers file, and the journal and its hash chain afterwards.
// Spawns bin/irbook.js, so `npm run build` must have run (.ci/run does); needs tmux.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TmuxPane, esc, hasTmux } from './tmux.js';
import { chainPath, incidentEvents } from '../support/chains.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TMUX = hasTmux();
const TITLE = TMUX
  ? 'irbook start / resume in a real terminal (tmux)'
  : 'irbook start / resume in a real terminal (SKIPPED: tmux is not installed; .ci/run installs it)';

interface Event { seq: number; type: string; actor: string; data: Record<string, unknown> }

/** "yyyy-MM-dd HH:mm" in Asia/Shanghai (UTC+8 all year, no DST), `hoursAgo` before now. */
function shanghai(hoursAgo: number): string {
  const d = new Date(Date.now() - hoursAgo * 3_600_000 + 8 * 3_600_000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}

/** The environment of a clean shell: no irbook overrides, no colour, a Japanese locale. */
function cleanEnv(store: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !k.startsWith('IRBOOK_') && !['FORCE_COLOR', 'TMUX', 'TMUX_PANE', 'LC_ALL', 'LC_MESSAGES'].includes(k)) env[k] = v;
  }
  return { ...env, NO_COLOR: '1', LANG: 'ja_JP.UTF-8', IRBOOK_STORE: store };
}

describe.skipIf(!TMUX)(TITLE, () => {
  const pane = new TmuxPane(`irbook-e2e-${process.pid}`);
  let tmp = '';
  let store = '';

  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build` before this test');
    tmp = mkdtempSync(join(tmpdir(), 'irbook-e2e-'));
    store = join(tmp, 'store');
    pane.start({ cwd: ROOT, env: cleanEnv(store), width: 200, height: 50 });
  });

  afterAll(() => {
    pane.kill();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  const journal = (id: string): Event[] => incidentEvents(store, id) as Event[];

  // ── Answering prompts. An open prompt is "? question"; once answered it becomes "✔ question …".
  // Every key is sent only after the prompt (or the cursor move) it is meant for is on screen.
  const asking = (q: string) => new RegExp(`^\\? ${esc(q)}`, 'm');
  // (a prompt with a help text shows the answer at the end of the help line, below the question)
  const answered = (q: string, answer = '') => new RegExp(`^✔ ${esc(q)}[^\\n]*(?:\\n  [^\\n]*)?${esc(answer)}`, 'm');
  /** The screen from the last `marker` on ('' when it is not there). */
  const after = (screen: string, marker: string) => { const i = screen.lastIndexOf(marker); return i < 0 ? '' : screen.slice(i); };
  /** What follows the open prompt `q` (its help line, the typed text, an error line). */
  const below = (screen: string, q: string) => after(screen, `? ${q}`);
  /** The label under the select cursor ("❯ label"), or '' when none is on screen. */
  const cursor = (screen: string) => [...screen.matchAll(/^❯ (.*)$/gm)].pop()?.[1]?.trim() ?? '';

  async function choose(q: string, label: string): Promise<void> {
    await pane.waitFor(asking(q), `the prompt 「${q}」`);
    for (let moves = 0; moves < 12; moves++) {
      const at = cursor(pane.screen());
      if (at.startsWith(label)) {
        await pane.press('Enter');
        await pane.waitFor(answered(q, label), `「${q}」 answered with 「${label}」`);
        return;
      }
      await pane.press('Down');
      await pane.waitUntil((s) => cursor(s) !== at, `the cursor to move off 「${at}」 at 「${q}」`);
    }
    throw new Error(`no choice 「${label}」 at 「${q}」:\n${pane.screen()}`);
  }

  const check = (item: string) => choose(item, '完了');

  async function typeText(q: string, text: string): Promise<void> {
    await pane.waitFor(asking(q), `the prompt 「${q}」`);
    await pane.type(text);
    await pane.waitUntil((s) => below(s, q).includes(text), `「${text}」 to be echoed at 「${q}」`);
    await pane.press('Enter');
    await pane.waitFor(answered(q, text), `「${q}」 answered with 「${text}」`);
  }

  /** Type a bad answer: the prompt must stay open and show `error`; then erase it (Ctrl-U). */
  async function typeRejected(q: string, text: string, error: RegExp): Promise<string> {
    await pane.waitFor(asking(q), `the prompt 「${q}」`);
    await pane.type(text);
    if (text.trim()) await pane.waitUntil((s) => below(s, q).includes(text), `「${text}」 to be echoed at 「${q}」`);
    await pane.press('Enter');
    const s = await pane.waitUntil((sc) => error.test(below(sc, q)), `the re-ask message ${error} at 「${q}」 after 「${text}」`);
    expect(s).toMatch(asking(q));
    expect(s).not.toMatch(answered(q));
    await pane.press('C-u');
    if (text.trim()) await pane.waitUntil((sc) => !below(sc, q).includes(text), `「${text}」 to be erased at 「${q}」`);
    return s;
  }

  /** Type a shell command in the pane (after clearing the screen) with its exit code echoed. */
  async function shell(cmd: string): Promise<void> {
    await pane.clear();
    await pane.type(`${cmd} ; echo EXIT=$?`);
    await pane.press('Enter');
  }
  const exitCode = async (timeoutMs = 20_000) => Number((await pane.waitFor(/^EXIT=(\d+)/m, 'the command to exit', timeoutMs))[1]);

  it('answers prompts, survives bad input, stops on Ctrl-C, resumes, and closes the session', async () => {
    const awareAt = shanghai(72);
    const occurredAt = shanghai(84);
    const reason = '退職予定者の可能性があり、念のため停止する';
    const skipReason = '個人の WeChat のため管理コンソールなし';

    // ── 1. start ─────────────────────────────────────────────────────────────────────────────
    await shell('node bin/irbook.js start chat-leak --lang ja --tz Asia/Shanghai --actor e2e');
    const idMatch = await pane.waitFor(/インシデント (INC-\d{8}-\d{3}) を開始しました/, 'the session-started line');
    const id = idMatch[1] ?? '';
    expect(pane.screen()).toContain('ステージ 1/5 · 検知');

    // ── 2. the detect stage, typed ───────────────────────────────────────────────────────────
    await check('報告対象の「異常」に該当することを確認した');
    await check('報告ルートに従い');

    const aware = '会社が漏えいを知った日時';
    await pane.waitFor(asking(aware), 'the aware_at prompt');
    expect(below(pane.screen(), aware)).toContain('例: 2026-11-22 18:00（Asia/Shanghai）または now');
    await typeRejected(aware, 'yesterday', /^> .*の形式で入力してください/m);
    await typeText(aware, awareAt);
    await typeText('投稿・転送が行われた日時（分かる範囲で）', occurredAt);
    await choose('使われたチャットツール', 'WeChat（微信）');
    await choose('どこに投稿・転送されたか', '社外の人を含むグループ');

    // data_categories: a checkbox; Space ticks the item under the cursor.
    const cats = '含まれていた情報の種類';
    await pane.waitFor(asking(cats), 'the data_categories checkbox');
    await pane.press('Down');
    await pane.waitFor(/^❯◯ 個人情報 \(personal\)/m, 'the cursor on 個人情報');
    await pane.press('Space');
    await pane.waitFor(/^❯◉ 個人情報 \(personal\)/m, '個人情報 ticked');
    await pane.press('Down', 'Down', 'Down');
    await pane.waitFor(/^❯◯ 営業秘密/m, 'the cursor on 営業秘密');
    await pane.press('Space');
    await pane.waitFor(/^❯◉ 営業秘密/m, '営業秘密 ticked');
    await pane.press('Enter');
    await pane.waitFor(answered(cats, '個人情報 (personal), 営業秘密・「秘」指定文書 (trade_secret)'), 'data_categories answered');

    const persons = '影響を受ける本人の数（推定可）';
    await typeRejected(persons, 'abc', /^> 整数を入力してください/m);
    await typeText(persons, '1500');

    // ── 3. Ctrl-C at the next prompt ─────────────────────────────────────────────────────────
    const malicious = '不正の目的（持ち出し・売却・嫌がらせ等）の疑いがあるか';
    await pane.waitFor(asking(malicious), 'the first circumstances prompt');
    await pane.press('C-c');
    expect(await exitCode()).toBe(130);
    let screen = pane.screen();
    expect(screen).toContain(`中断しました。ここまでの回答は ${chainPath(store, id, 'e2e')} に保存されています。`);
    expect(screen).toContain(`再開するには: irbook resume ${id}`);
    expect(screen).not.toMatch(/\n\s+at .+:\d+:\d+\)?$/m); // no stack trace

    // ── 4. what was typed is in the journal ──────────────────────────────────────────────────
    let events = journal(id);
    const facts = Object.fromEntries(events.filter((e) => e.type === 'fact.recorded').map((e) => [e.data.fact, e.data.value]));
    expect(Object.keys(facts)).toEqual(['aware_at', 'occurred_at', 'channel', 'posted_where', 'data_categories', 'persons_affected']);
    expect(Date.parse(String(facts.aware_at))).toBe(Date.parse(`${awareAt.replace(' ', 'T')}:00+08:00`));
    expect(String(facts.aware_at)).toMatch(/\+08:00$/);
    expect(Date.parse(String(facts.occurred_at))).toBe(Date.parse(`${occurredAt.replace(' ', 'T')}:00+08:00`));
    expect(facts).toMatchObject({ channel: 'wechat', posted_where: 'external_group', data_categories: ['personal', 'trade_secret'], persons_affected: 1500 });
    expect(events.filter((e) => e.type === 'check.done').map((e) => e.data.step)).toEqual(['confirm-anomaly', 'report-route']);
    expect(events.every((e) => e.actor === 'e2e')).toBe(true);
    const seqBefore = events.length;

    // ── 5. resume at the terminal: several steps, two decisions, a notification ──────────────
    await shell(`node bin/irbook.js resume ${id} --lang ja`);
    await pane.waitFor(new RegExp(`${id} をイベント ${seqBefore} の続きから再開します。`), 'the resumed line');
    await choose(malicious, 'いいえ');
    await choose('不正利用により財産的被害が生じるおそれがあるか', 'いいえ');
    await choose('社外の人に届いた、またはさらに転送された形跡があるか', 'はい');
    await choose('その投稿は今もチャット上で閲覧できるか', 'はい');
    await choose('中国国内で取り扱う個人情報が含まれるか', 'はい');
    await choose('EU の個人データが含まれるか', 'いいえ');
    await choose('当社は重要情報インフラ（CII）運営者に当たるか', 'いいえ');
    await pane.waitFor(/ステージ 2\/5 · 初期対応/, 'stage 2');

    await check('[1/3] 投稿のスクリーンショットを取得した');
    await check('[2/3] チャット履歴をエクスポートし');
    await check('[3/3] 転送先の一覧（グループ・個人）を作成した');

    // A decision with the recommendation (the cursor starts on it).
    const recall = '投稿の取り消し・削除と、社外メンバーの退出を依頼するか';
    await pane.waitFor(asking(recall), 'the recall decision');
    expect(after(pane.screen(), '[recall]')).toContain('推奨: はい');
    expect(cursor(pane.screen())).toBe('はい (推奨)');
    await choose(recall, 'はい');

    await check('[1/3] 投稿者に取り消し');
    await check('[2/3] グループ管理者にファイル削除');
    // A checklist item not done, with a reason.
    await choose('[3/3] WeCom / DingTalk / Lark の管理コンソール', '未実施・該当なし');
    await typeText('理由（任意）', skipReason);

    // A decision AGAINST the recommendation: a reason is asked for, and an empty one re-asks.
    const suspend = '投稿者のアカウントを一時停止し、全端末のセッションを無効化するか';
    await pane.waitFor(asking(suspend), 'the suspend-account decision');
    expect(after(pane.screen(), '[suspend-account]')).toContain('推奨: いいえ');
    expect(cursor(pane.screen())).toBe('いいえ (推奨)');
    await choose(suspend, 'はい');
    const why = '推奨と異なる判断です。理由を入力してください（報告書に記載されます）';
    await pane.waitFor(asking(why), 'the override-reason prompt');
    await pane.press('Enter'); // empty: the prompt must stay and say why
    await pane.waitUntil((s) => /^> \S/m.test(below(s, why)), 'an error line after an empty reason');
    expect(pane.screen()).not.toMatch(answered(why));
    await typeRejected(why, '   ', /^> 回答が必要です/m);
    await typeText(why, reason);

    await choose('中国の網絡安全事件分級指南による事件の等級', '一般 (general)');
    await choose('日本本社へ報告するか', 'はい');
    // A notification: channel (select), reference (typed), time (default now).
    await pane.waitFor(/通知先: 日本本社/, 'the notify-hq step');
    await choose('送信しましたか', '送信した');
    await choose('連絡手段', 'email');
    await typeText('参照番号（受付番号・件名など。なければ -）', 'HQ-E2E-01');
    const sentAt = '送信日時（now または過去の日時）';
    await pane.waitFor(asking(sentAt), 'the sent-at prompt');
    expect(below(pane.screen(), sentAt)).toContain('(now)');
    await pane.press('Enter');
    await pane.waitFor(answered(sentAt, 'now'), 'the sent-at default taken');

    // ── Ctrl-C again, at the police decision ─────────────────────────────────────────────────
    await pane.waitFor(asking('公安機関（警察）へ届け出るか'), 'the report-police decision');
    await pane.press('C-c');
    expect(await exitCode()).toBe(130);
    expect(pane.screen()).toContain(`再開するには: irbook resume ${id}`);

    events = journal(id);
    const decisions = events.filter((e) => e.type === 'decision.made');
    expect(decisions.map((e) => [e.data.step, e.data.answer, e.data.recommended])).toEqual([
      ['recall', true, true], ['suspend-account', true, false], ['grade', 'general', 'general'], ['report-hq', true, true],
    ]);
    expect(decisions.find((e) => e.data.step === 'recall')?.data).not.toHaveProperty('reason');
    expect(events.filter((e) => e.type === 'check.done' && e.data.step === 'do-recall').map((e) => [e.data.skipped ?? false, e.data.reason])).toEqual([
      [false, undefined], [false, undefined], [true, skipReason],
    ]);
    expect(events.find((e) => e.type === 'notify.sent')?.data).toMatchObject({ step: 'notify-hq', party: 'hq', channel: 'email', ref: 'HQ-E2E-01' });

    // ── 6. the rest from an answers file ─────────────────────────────────────────────────────
    const answersFile = join(tmp, 'rest.yaml');
    writeFileSync(answersFile, `# The steps after report-police (notification times default to now).
answers:
  report-police: no
  notify-police: {channel: in-person, ref: "-"}
  notify-cac: {channel: phone, ref: "CAC-E2E-3"}
  call-experts: yes
  notify-experts: {channel: phone, ref: "DFIR-E2E"}
  trace: [done, done, done]
  impact: "1,500 customers' names, phone numbers and order history."
  cause: "A sales rep forwarded the customer list to a WeChat group with outsiders."
  notify-ppc-preliminary: {channel: web-form, ref: "PPC-R-E2E"}
  notify-eu: {channel: email, ref: "-"}
  secondary-damage: "No misuse seen so far; phishing calls are possible."
  announce: yes
  public-notice: "Notice on the company website."
  notify-individuals: {channel: sms, ref: "SMS batch E2E"}
  customer-response: "A call centre line for affected customers."
  notify-ppc-final: {channel: web-form, ref: "PPC-F-E2E"}
  clean-up: [done, done, done]
  prevention: "DLP rules for customer lists in WeCom (IT)."
  prevention-baseline: [done, done, done]
`);
    await shell(`node bin/irbook.js resume ${id} --lang ja --answers ${answersFile}`);
    const code = await exitCode(60_000);
    screen = pane.screen();
    expect(code, screen).toBe(0);
    expect(screen).toContain('5 つのステージがすべて完了し、セッションを終了しました。');
    expect(screen).toContain(`報告書の作成: irbook report ${id}`);

    const verify = spawnSync(process.execPath, ['bin/irbook.js', 'verify', id, '--lang', 'ja'], { cwd: ROOT, encoding: 'utf8', env: cleanEnv(store), timeout: 30_000 });
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
    expect(verify.stdout).toContain('ハッシュチェーンは正常です');

    events = journal(id);
    expect(events.at(-1)?.type).toBe('session.closed');
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    const against = events.filter((e) => e.type === 'decision.made' && e.data.reason !== undefined);
    expect(against.map((e) => [e.data.step, e.data.reason])).toEqual([['suspend-account', reason]]);
    expect(events.filter((e) => e.type === 'stage.completed').map((e) => e.data.stage)).toEqual(['detect', 'initial_response', 'investigate', 'disclose', 'recover']);
  }, 120_000);
});
