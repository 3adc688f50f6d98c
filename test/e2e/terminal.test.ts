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
    if (v !== undefined && (!k.startsWith('IRBOOK_') || k === 'IRBOOK_CACHE_DIR') && !['FORCE_COLOR', 'TMUX', 'TMUX_PANE', 'LC_ALL', 'LC_MESSAGES'].includes(k)) env[k] = v;
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

  // The walk offers by itself to do a notification whose clock is overdue or near (once per run):
  // this walk says "not now" to each offer and goes on with the prompt it expects.
  const openPrompt = (screen: string) => [...screen.matchAll(/^\? (.*)$/gm)].pop()?.[1] ?? '';
  const OFFER = 'を今行いますか';
  async function reach(q: string): Promise<void> {
    for (;;) {
      const s = await pane.waitUntil((sc) => asking(q).test(sc) || openPrompt(sc).includes(OFFER), `the prompt 「${q}」`);
      if (asking(q).test(s)) return;
      const offer = openPrompt(s);
      await pickAt(offer, '今はしない');
      await pane.waitUntil((sc) => !openPrompt(sc).startsWith(offer), 'the offer answered');
    }
  }

  async function choose(q: string, label: string): Promise<void> {
    await reach(q);
    await pickAt(q, label);
  }

  async function pickAt(q: string, label: string): Promise<void> {
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

  /** Start a chat-leak walk in Japanese and confirm the first two checks; returns the incident id. */
  async function openWalk(): Promise<string> {
    await shell('node bin/irbook.js start chat-leak --lang ja --tz Asia/Shanghai --actor e2e');
    const id = (await pane.waitFor(/インシデント (INC-\d{8}-\d{3}) を開始しました/, 'the session-started line'))[1] ?? '';
    await check('報告対象の「異常」に該当することを確認した');
    await check('報告ルートに従い');
    return id;
  }

  async function typeText(q: string, text: string): Promise<void> {
    await reach(q);
    await pane.type(text);
    await pane.waitUntil((s) => below(s, q).includes(text), `「${text}」 to be echoed at 「${q}」`);
    await pane.press('Enter');
    await pane.waitFor(answered(q, text), `「${q}」 answered with 「${text}」`);
  }

  /** Type a bad answer: the prompt must stay open and show `error`; then erase it (Ctrl-U). */
  async function typeRejected(q: string, text: string, error: RegExp): Promise<string> {
    await reach(q);
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

  /** WeChat, a group with outsiders, personal data only: the detect answers the number tests share. */
  async function wechatGroupPersonalData(): Promise<void> {
    await choose('使われたチャットツール', 'WeChat（微信）');
    await choose('どこに投稿・転送されたか', '社外の人を含むグループ');
    const cats = '含まれていた情報の種類';
    await reach(cats);
    await pane.press('Down', 'Space', 'Enter');
    await pane.waitFor(answered(cats, '個人情報 (personal)'), 'data_categories answered');
  }

  /** A typed number is said back; one above APPI's > 1000 is kept on an explicit yes (no answer preselected). */
  async function keepNumber(shown: string): Promise<void> {
    const q = `プレイブックの判断基準を超える値です。${shown} で確定しますか`;
    await reach(q);
    expect(cursor(pane.screen())).toBe('— 選択してください —');
    await pickAt(q, `はい、${shown} で確定する`);
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
    const items = '漏えい等が発生し、又は発生したおそれがある個人データの項目';
    await pane.waitFor(/^❯◯ 氏名 \(name\)/m, 'the cursor on 氏名');
    await pane.press('Space');
    await pane.waitFor(/^❯◉ 氏名 \(name\)/m, '氏名 ticked');
    await pane.press('Enter');
    await pane.waitFor(answered(items, '氏名 (name)'), 'data_items answered');

    const persons = '影響を受ける本人の数（推定可）';
    await typeRejected(persons, 'abc', /^> 整数を入力してください/m);
    await typeText(persons, '1500');
    await keepNumber('1,500人');

    // ── 3. Ctrl-C at the next prompt ─────────────────────────────────────────────────────────
    const malicious = '不正の目的（持ち出し・売却・嫌がらせ等）の疑いがあるか';
    await reach(malicious);
    // A yes/no a reporting clock reads: no answer under the cursor to take with a stressed Enter.
    expect(cursor(pane.screen())).toBe('— 選択してください —');
    await pane.press('C-c');
    expect(await exitCode()).toBe(130);
    let screen = pane.screen();
    expect(screen).toContain(`中断しました。ここまでの回答は ${chainPath(store, id, 'e2e')} に保存されています。`);
    // The hint is a command that works as typed: the store is not the default, so it says which.
    const hint = new RegExp(`再開するには: irbook (resume ${id} --store ${esc(store)})$`, 'm').exec(screen);
    expect(hint, screen).not.toBeNull();
    expect(screen).not.toMatch(/\n\s+at .+:\d+:\d+\)?$/m); // no stack trace

    // ── 4. what was typed is in the journal ──────────────────────────────────────────────────
    let events = journal(id);
    const facts = Object.fromEntries(events.filter((e) => e.type === 'fact.recorded').map((e) => [e.data.fact, e.data.value]));
    expect(Object.keys(facts)).toEqual(['aware_at', 'occurred_at', 'channel', 'posted_where', 'data_categories', 'data_items', 'persons_affected']);
    expect(Date.parse(String(facts.aware_at))).toBe(Date.parse(`${awareAt.replace(' ', 'T')}:00+08:00`));
    expect(String(facts.aware_at)).toMatch(/\+08:00$/);
    expect(Date.parse(String(facts.occurred_at))).toBe(Date.parse(`${occurredAt.replace(' ', 'T')}:00+08:00`));
    expect(facts).toMatchObject({ channel: 'wechat', posted_where: 'external_group', data_categories: ['personal', 'trade_secret'], persons_affected: 1500 });
    expect(events.filter((e) => e.type === 'check.done').map((e) => e.data.step)).toEqual(['confirm-anomaly', 'report-route']);
    expect(events.every((e) => e.actor === 'e2e')).toBe(true);
    const seqBefore = events.length;

    // ── 5. resume at the terminal: several steps, two decisions, a notification ──────────────
    // Resume exactly as the hint says, in a shell without IRBOOK_STORE.
    await shell(`env -u IRBOOK_STORE node bin/irbook.js ${hint?.[1] ?? ''} --lang ja`);
    await pane.waitFor(new RegExp(`${id} をイベント ${seqBefore} の続きから再開します。`), 'the resumed line');
    await choose(malicious, 'いいえ');
    await choose('不正利用により財産的被害が生じるおそれがあるか', 'いいえ');
    await choose('社外の人に届いた、またはさらに転送された形跡があるか', 'はい');
    await choose('その投稿は今もチャット上で閲覧できるか', 'はい');
    await choose('中国国内で取り扱う個人情報が含まれるか', 'はい');
    await choose('日本の個人情報保護法が及ぶデータか', 'はい');
    await choose('漏えいしたデータは高度な暗号化で保護され', 'いいえ');
    await choose('EU の個人データが含まれるか', 'いいえ');
    await choose('この事件は重要情報インフラ（CII）に関わるか', 'いいえ');
    await choose('コンピュータ情報システム内での犯罪', 'いいえ');
    await choose('「較大量」の公民個人情報の漏えいに当たるか', 'いいえ');
    await choose('重要データ（所管部門の重要データ目録に載るデータ等）', 'いいえ');
    await choose('重要なネットワーク・情報システムが停止したか', 'いいえ');
    await pane.waitFor(/ステージ 2\/5 · 初期対応/, 'stage 2');

    await check('[1/3] 投稿のスクリーンショットを取得した');
    await check('[2/3] チャット履歴をエクスポートし');
    await check('[3/3] 転送先の一覧（グループ・個人）を作成した');

    // A decision with the recommendation (the cursor starts on it).
    const recall = '投稿の取り消し・削除と、社外メンバーの退出を依頼するか';
    await reach(recall);
    expect(after(pane.screen(), '[recall]')).toContain('推奨: はい');
    expect(cursor(pane.screen())).toBe('はい (推奨)');
    await choose(recall, 'はい');

    await check('[1/3] 投稿者に取り消し');
    await check('[2/3] グループ管理者にファイル削除');
    // A checklist item not done, with a reason.
    await choose('[3/3] WeCom / DingTalk / Lark の管理コンソール', '該当なし');
    await typeText('該当しない理由', skipReason);

    // A decision AGAINST the recommendation: a reason is asked for, and an empty one re-asks.
    const suspend = '投稿者のアカウントを一時停止し、全端末のセッションを無効化するか';
    await reach(suspend);
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
    await choose('送信しましたか', '送信した');
    expect(after(pane.screen(), '[notify-hq]')).toMatch(/通知先: 日本本社/);
    await choose('連絡手段', 'email');
    await typeText('参照番号（受付番号・件名など。なければ -）', 'HQ-E2E-01');
    const sentAt = '送信日時（now または過去の日時）';
    await pane.waitFor(asking(sentAt), 'the sent-at prompt');
    expect(below(pane.screen(), sentAt)).toContain('(now)');
    await pane.press('Enter');
    await pane.waitFor(answered(sentAt, 'now'), 'the sent-at default taken');

    // ── Ctrl-C again, at the police decision ─────────────────────────────────────────────────
    await reach('公安機関（警察）へ届け出るか');
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
  handling-closed: {handling_closed_at: now}
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

  it('says a typed 128万 back with its unit and 万 reading, and has a threshold-crossing value confirmed', async () => {
    const id = await openWalk();
    await typeText('会社が漏えいを知った日時', shanghai(2));
    await typeText('投稿・転送が行われた日時（分かる範囲で）', shanghai(3));
    await wechatGroupPersonalData();
    await pane.waitFor(/^❯◯ 氏名 \(name\)/m, 'the cursor on 氏名');
    await pane.press('Space', 'Enter');

    const persons = '影響を受ける本人の数（推定可）';
    await typeText(persons, '128万');
    const confirm = 'プレイブックの判断基準を超える値です。1,280,000人（128万人） で確定しますか';
    await reach(confirm);
    const shown = after(pane.screen(), `✔ ${persons}`);
    expect(shown).toContain('入力値: 1,280,000人（128万人）');
    // The 较大 grade (CAC) and APPI's "more than 1,000" (PPC clocks) are both named.
    expect(shown).toMatch(/⚠ {2}1,280,000人（128万人） は 1,000,000人（100万人） \(policy\.grade_relatively_major_persons\) 以上です: 較大[^\n]*\[grade\]/);
    expect(shown).toMatch(/⚠ {2}1,280,000人（128万人） は 1,000人 を超えています: 個人情報保護委員会への速報/);
    expect(cursor(pane.screen())).toBe('— 選択してください —');
    await pickAt(confirm, 'いいえ、入力し直す');

    // Asked again: 1500 no longer reaches the grade, but is still above APPI's 1,000.
    await typeText(persons, '1500');
    await reach('プレイブックの判断基準を超える値です。1,500人 で確定しますか');
    const again = after(pane.screen(), '入力値: 1,500人');
    expect(again).toContain('1,500人 は 1,000人 を超えています');
    expect(again).not.toContain('1,000,000人');
    await keepNumber('1,500人');
    await reach('不正の目的（持ち出し・売却・嫌がらせ等）の疑いがあるか');
    await pane.press('C-c');
    expect(await exitCode()).toBe(130);

    const recorded = journal(id).filter((e) => e.type === 'fact.recorded' && e.data.fact === 'persons_affected');
    expect(recorded.map((e) => e.data.value)).toEqual([1500]);
  }, 120_000);

  it('offers an overdue-or-near notification by itself, and opens the incident menu from a prompt', async () => {
    const id = await openWalk();
    // Known 100 hours ago: the PPC preliminary report (5 days, warning after 3) is near.
    await typeText('会社が漏えいを知った日時', shanghai(100));
    await typeText('投稿・転送が行われた日時（分かる範囲で）', 'unknown');
    await wechatGroupPersonalData();
    const items = '漏えい等が発生し、又は発生したおそれがある個人データの項目';
    await pane.waitFor(/^❯◯ 氏名 \(name\)/m, 'the cursor on 氏名');
    await pane.press('Space', 'Enter');
    await pane.waitFor(answered(items, '氏名 (name)'), 'data_items answered');
    await typeText('影響を受ける本人の数（推定可）', '1500');
    await keepNumber('1,500人');
    // The circumstances: APPI reaches the data and it was not encrypted, so the PPC clocks run.
    const circumstances: [string, string][] = [
      ['不正の目的（持ち出し・売却・嫌がらせ等）の疑いがあるか', 'いいえ'],
      ['不正利用により財産的被害が生じるおそれがあるか', 'いいえ'],
      ['社外の人に届いた、またはさらに転送された形跡があるか', 'はい'],
      ['その投稿は今もチャット上で閲覧できるか', 'はい'],
      ['中国国内で取り扱う個人情報が含まれるか', 'いいえ'],
      ['日本の個人情報保護法が及ぶデータか', 'はい'],
      ['漏えいしたデータは高度な暗号化で保護され、鍵は漏えいしていないか', 'いいえ'],
      ['EU の個人データが含まれるか', 'いいえ'],
      ['この事件は重要情報インフラ（CII）に関わるか', 'いいえ'],
      ['コンピュータ情報システム内での犯罪', 'いいえ'],
      ['「較大量」の公民個人情報の漏えいに当たるか', 'いいえ'],
      ['重要データ（所管部門の重要データ目録に載るデータ等）', 'いいえ'],
      ['重要なネットワーク・情報システムが停止したか', 'いいえ'],
    ];
    for (const [q, a] of circumstances) await choose(q, a);

    // The walk offers the PPC notification before the next step; take it now.
    const offer = '個人情報保護委員会への速報: 残り';
    await pane.waitFor(asking(offer), 'the offer of the PPC preliminary report');
    expect(openPrompt(pane.screen())).toContain('notify-ppc-preliminary');
    await pickAt(offer, 'はい、今行う');
    await choose('送信しましたか', '送信した');
    await choose('連絡手段', 'web-form');
    await typeText('参照番号（受付番号・件名など。なければ -）', 'PPC-R-TMUX');
    await reach('送信日時');
    await pane.press('Enter');

    // Back at the step it came from; open the menu there.
    const screenshot = '[1/3] 投稿のスクリーンショットを取得した';
    await choose(screenshot, '☰ インシデントメニュー');
    await choose('インシデントメニュー', '期限（緊急順）');
    // By time left: the open PPC final report first, the met preliminary one after it.
    await pane.waitFor(/報告期限（Asia\/Shanghai）:\n\s+⏱\s+個人情報保護委員会への確報: 残り[^\n]*\n\s+✓\s+個人情報保護委員会への速報: 報告済み/, 'the deadlines by time left');
    await choose('インシデントメニュー', '以前の回答を訂正');
    await choose('どの回答を訂正しますか', 'persons_affected = 1500');
    await typeText('正しい値（現在: 1500）', '2000000');
    await typeText('訂正の理由（記録されます）', '件数の誤記');
    await choose('インシデントメニュー', '未了事項');
    const owed = await pane.waitFor(/未了事項（2 件）:\n\s+! 訂正報告\s+notify-ppc-preliminary · persons_affected · ppc[^\n]*\n\s+○ 未確定\s+scope · occurred_at/, 'the correction and the unknown item');
    expect(owed[0]).toContain('1500 → 2000000');
    await choose('インシデントメニュー', '質問に戻る');
    await reach(screenshot);
    await pane.press('C-c');
    expect(await exitCode()).toBe(130);

    const events = journal(id);
    expect(events.find((e) => e.type === 'notify.sent')?.data).toMatchObject({ step: 'notify-ppc-preliminary', party: 'ppc', channel: 'web-form', ref: 'PPC-R-TMUX' });
    expect(events.find((e) => e.type === 'fact.recorded' && e.data.fact === 'occurred_at')?.data).toMatchObject({ value: null, unknown: true });
    expect(events.at(-1)).toMatchObject({ type: 'fact.amended', data: { fact: 'persons_affected', value: 2_000_000, previous: 1500, reason: '件数の誤記' } });
  }, 120_000);
});
