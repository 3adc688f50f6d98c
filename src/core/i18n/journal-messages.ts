// Messages of the session journal and the incident store (src/adapters/journal.ts, lock.ts), in ja / zh / en.
import type { Catalog } from './messages.js';

export const JOURNAL: Catalog = {
  // The store and its incidents
  'incident-not-found': { en: 'no incident "{id}" in {store} (ids look like INC-20261123-001)', ja: 'インシデント "{id}" が {store} にありません（ID は INC-20261123-001 の形式です）', zh: '{store} 中没有事件 "{id}"（编号格式为 INC-20261123-001）' },
  'hint-incidents': { en: 'irbook incidents lists the incidents in the store', ja: 'irbook incidents で保存先のインシデント一覧を確認できます', zh: '用 irbook incidents 查看存储目录中的事件' },
  'incident-day-full': { en: 'no free incident number left for {day} in {store} (999 used)', ja: '{store} に {day} のインシデント番号の空きがありません（999 件使用済み）', zh: '{store} 中 {day} 的事件编号已用完（已用 999 个）' },
  // Reading and writing the journal
  'journal-unreadable': { en: 'cannot read or write {file} ({detail})', ja: '{file} を読み書きできません（{detail}）', zh: '无法读写 {file}（{detail}）' },
  'journal-missing': { en: 'no session journal at {file}', ja: 'セッション記録 {file} がありません', zh: '没有会话日志 {file}' },
  'journal-write-failed': { en: 'could not save to the journal {file} ({detail}); the last step was NOT recorded', ja: '記録 {file} に保存できませんでした（{detail}）。直前の操作は記録されていません', zh: '无法写入日志 {file}（{detail}），上一步操作未被记录' },
  'journal-locked': { en: 'incident {id} is open in another session (pid {pid} on {host}, since {since})', ja: 'インシデント {id} は別のセッションで使用中です（{host} の pid {pid}、{since} から）', zh: '事件 {id} 正在另一个会话中使用（{host} 上的 pid {pid}，自 {since} 起）' },
  'hint-journal-locked': { en: 'finish that session first; if no irbook runs as pid {pid}, delete {file}', ja: '先にそのセッションを終了してください。pid {pid} の irbook が動いていなければ {file} を削除してください', zh: '请先结束该会话；如果没有以 pid {pid} 运行的 irbook，请删除 {file}' },
  'journal-corrupt': { en: 'the journal fails verification at line {line} ({reason}); nothing more will be written to it', ja: '記録の検証に失敗しました（{line} 行目: {reason}）。これ以上書き込みません', zh: '日志校验失败（第 {line} 行：{reason}），不会再写入' },
  'hint-verify': { en: 'irbook verify shows the first bad line of {file}', ja: 'irbook verify で {file} の最初の不正な行を確認できます', zh: '用 irbook verify 查看 {file} 中第一个有问题的行' },
  // Why a line fails verification (the `reason` of verifyJournal)
  'verify-bad-json': { en: 'the line is not valid JSON', ja: 'この行は正しい JSON ではありません', zh: '该行不是有效的 JSON' },
  'verify-bad-fields': { en: 'the line is not a journal event (missing, wrong or extra fields)', ja: 'この行は記録イベントではありません（項目の欠落・型違い・余分な項目）', zh: '该行不是日志事件（字段缺失、类型错误或多余）' },
  'verify-bad-seq': { en: 'the sequence number is wrong: a line was removed, inserted or moved', ja: '連番が合いません。行が削除・挿入・移動されています', zh: '序号不符：有行被删除、插入或移动' },
  'verify-bad-prev': { en: 'the link to the previous line is broken: an earlier line was changed', ja: '前の行との連結が壊れています。前の行が変更されています', zh: '与上一行的链接已断开：之前的行被修改过' },
  'verify-bad-hash': { en: 'the content does not match its hash: this line was changed', ja: '内容がハッシュと一致しません。この行は変更されています', zh: '内容与哈希值不符：该行被修改过' },
  'verify-torn': { en: 'the last line is incomplete (the session was interrupted while writing)', ja: '最終行が途中で切れています（書き込み中にセッションが中断されました）', zh: '最后一行不完整（会话在写入时中断）' },
  'hint-verify-torn': { en: 'irbook resume {id} repairs it without losing any complete event', ja: 'irbook resume {id} で、完全なイベントを失わずに修復できます', zh: '用 irbook resume {id} 修复，不会丢失任何完整的事件' },
};
