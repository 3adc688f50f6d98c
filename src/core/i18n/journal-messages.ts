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
  'journal-busy': { en: 'the journal chain {chain} stayed locked for {ms} ms (pid {pid} on {host}, since {since}); nothing was written', ja: '記録チェーン {chain} が {ms} ms ロックされたままでした（{host} の pid {pid}、{since} から）。何も書き込んでいません', zh: '日志链 {chain} 被锁定超过 {ms} 毫秒（{host} 上的 pid {pid}，自 {since} 起），未写入任何内容' },
  'hint-journal-busy': { en: 'a lock is held only while one event is written; try again (if pid {pid} is stuck, stop it: the lock of a process that is gone is taken over by itself)', ja: 'ロックは 1 件の書き込みの間だけ保持されます。もう一度試してください（pid {pid} が止まっている場合はそのプロセスを終了してください。終了したプロセスのロックは自動で引き継がれます）', zh: '锁只在写入一个事件期间保持；请重试（如果 pid {pid} 卡住，请结束该进程：已结束进程的锁会被自动接管）' },
  'journal-not-file': { en: '{file} is not a regular file (a link or a device?); the journal is read only from regular files', ja: '{file} は通常のファイルではありません（リンクやデバイス？）。記録は通常のファイルからのみ読み込みます', zh: '{file} 不是普通文件（链接或设备？）；日志只从普通文件读取' },
  'journal-corrupt': { en: '{file}:{line}: the journal fails verification ({reason} {detail}); it is not shown or written as it is', ja: '{file}:{line}: 記録の検証に失敗しました（{reason} {detail}）。このままでは表示も書き込みもしません', zh: '{file}:{line}：日志校验失败（{reason} {detail}），不会按现状显示或写入' },
  'hint-verify': { en: 'irbook verify shows the first bad line of {file}', ja: 'irbook verify で {file} の最初の不正な行を確認できます', zh: '用 irbook verify 查看 {file} 中第一个有问题的行' },
  // Why a line fails verification (the `reason` of verifyJournal)
  'verify-bad-json': { en: 'the line is not valid JSON', ja: 'この行は正しい JSON ではありません', zh: '该行不是有效的 JSON' },
  'verify-bad-fields': { en: 'the line is not a journal event (missing, wrong or extra fields)', ja: 'この行は記録イベントではありません（項目の欠落・型違い・余分な項目）', zh: '该行不是日志事件（字段缺失、类型错误或多余）' },
  'verify-bad-seq': { en: 'the sequence number is wrong: a line was removed, inserted or moved', ja: '連番が合いません。行が削除・挿入・移動されています', zh: '序号不符：有行被删除、插入或移动' },
  'verify-bad-prev': { en: 'the link to the previous line is broken: an earlier line was changed', ja: '前の行との連結が壊れています。前の行が変更されています', zh: '与上一行的链接已断开：之前的行被修改过' },
  'verify-bad-hash': { en: 'the content does not match its hash: this line was changed', ja: '内容がハッシュと一致しません。この行は変更されています', zh: '内容与哈希值不符：该行被修改过' },
  'verify-bad-utf8': { en: 'the line is not valid UTF-8', ja: 'この行は正しい UTF-8 ではありません', zh: '该行不是有效的 UTF-8' },
  'verify-seen-missing': { en: 'this line names another writer\'s event that is no longer in that chain: it was cut or rewritten', ja: 'この行が参照する他の記録者のイベントがそのチェーンにありません。切り詰めか書き換えです', zh: '该行引用的其他记录者的事件已不在其链中：该链被截断或重写' },
  'verify-seen-self': { en: 'this line names its own chain as another writer\'s', ja: 'この行は自分のチェーンを他の記録者として参照しています', zh: '该行把自己的链当作其他记录者引用' },
  'verify-seen-backwards': { en: 'this line names an older event of another writer than an earlier line did', ja: 'この行は前の行より古い他の記録者のイベントを参照しています', zh: '该行引用的其他记录者事件比前面的行更早' },
  'verify-empty': { en: 'the journal is empty', ja: '記録が空です', zh: '日志为空' },
  'verify-no-start': { en: 'the journal has no session.started event', ja: '記録に session.started がありません', zh: '日志中没有 session.started 事件' },
  'verify-chain-missing': { en: 'a chain is missing: expected head {detail}', ja: 'チェーンがありません（期待する先頭 {detail}）', zh: '缺少一条链：预期的链头 {detail}' },
  'verify-head-missing': { en: 'the chain ends before an expected head: its tail was cut ({detail})', ja: 'チェーンが期待する先頭より前で終わっています。末尾が切り詰められています（{detail}）', zh: '链在预期的链头之前结束：末尾被截断（{detail}）' },
  'verify-head-changed': { en: 'the event at an expected head has another hash: the chain was rewritten ({detail})', ja: '期待する先頭のイベントのハッシュが異なります。チェーンが書き換えられています（{detail}）', zh: '预期链头处的事件哈希不同：该链被重写（{detail}）' },
  'verify-shrunk': { en: 'the chain file got shorter while it was open: lines were removed', ja: 'チェーンのファイルが開いている間に短くなりました。行が削除されています', zh: '链文件在打开期间变短：有行被删除' },
  'verify-torn': { en: 'the last line is incomplete (the session was interrupted while writing)', ja: '最終行が途中で切れています（書き込み中にセッションが中断されました）', zh: '最后一行不完整（会话在写入时中断）' },
  'hint-verify-torn': { en: 'irbook resume {id} repairs it without losing any complete event', ja: 'irbook resume {id} で、完全なイベントを失わずに修復できます', zh: '用 irbook resume {id} 修复，不会丢失任何完整的事件' },
};
