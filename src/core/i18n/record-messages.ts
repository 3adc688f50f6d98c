// Messages of the living record: amend, defer, resolve, close, open items, the incident menu and
// the recap on resume.
import type { Catalog } from './messages.js';

export const RECORD: Catalog = {
  'clock-needs-exercise': { en: '{options}: a simulated clock exists only in drills; add --exercise (a real incident records the machine\'s time)', ja: '{options}: 模擬時計は訓練でのみ使えます。--exercise を付けてください（実インシデントはマシンの時刻を記録します）', zh: '{options}：模拟时钟仅用于演练，请加上 --exercise（真实事件记录本机时间）' },
  'walk-finished': { en: 'the walk of {id} is finished and no step is put off', ja: '{id} の手順は完了しており、保留中のステップはありません', zh: '{id} 的流程已完成，没有推迟的步骤' },
  'hint-status': { en: 'see: irbook status {id} (amend, resolve or close from there)', ja: '確認: irbook status {id}（そこから amend / resolve / close）', zh: '查看：irbook status {id}（之后可 amend / resolve / close）' },
  'incident-is-closed': { en: 'the incident is closed: nothing more is recorded', ja: 'インシデントは終了しています。これ以上記録できません', zh: '事件已结束，不能再记录' },
  'reason-required': { en: 'a reason is required (--reason)', ja: '理由が必要です（--reason）', zh: '需要说明理由（--reason）' },
  'amend-unknown': { en: '"{name}" is neither a fact nor a decision of this playbook (known: {known})', ja: '"{name}" はこのプレイブックの事実でも判断でもありません（既知: {known}）', zh: '"{name}" 不是本剧本的事实或决策（已知：{known}）' },
  'amend-not-answered': { en: '"{name}" has not been answered yet: answer it in the walk', ja: '"{name}" はまだ回答されていません。手順の中で回答してください', zh: '"{name}" 尚未回答，请在流程中回答' },
  'amend-same': { en: '"{name}" already has this value', ja: '"{name}" は既にこの値です', zh: '"{name}" 已是该值' },
  'amended': { en: '{id}: {name} {from} → {to} (event {seq})', ja: '{id}: {name} {from} → {to}（イベント {seq}）', zh: '{id}：{name} {from} → {to}（事件 {seq}）' },
  'defer-unknown-step': { en: 'no step "{step}" in this playbook', ja: 'このプレイブックにステップ "{step}" はありません', zh: '本剧本没有步骤 "{step}"' },
  'defer-done-step': { en: 'step "{step}" is already done', ja: 'ステップ "{step}" は完了済みです', zh: '步骤 "{step}" 已完成' },
  'deferred': { en: '{id}: {step} put off{owner} (event {seq})', ja: '{id}: {step} を保留{owner}（イベント {seq}）', zh: '{id}：已推迟 {step}{owner}（事件 {seq}）' },
  'deferred-owner': { en: ', handed to {owner}', ja: '、{owner} に委任', zh: '，交由 {owner}' },
  'item-unknown': { en: 'no open item "{item}" (open: {open})', ja: '未了事項 "{item}" はありません（未了: {open}）', zh: '没有待办事项 "{item}"（待办：{open}）' },
  'resolved': { en: '{id}: {item} resolved', ja: '{id}: {item} を解決済みにしました', zh: '{id}：{item} 已解决' },
  'close-walk-open': { en: 'the walk of {id} is not finished: resume it, or defer the steps left', ja: '{id} の手順が終わっていません。再開するか、残りのステップを保留にしてください', zh: '{id} 的流程尚未完成：请继续，或推迟剩余步骤' },
  'close-open-items': { en: '{n} open item(s) remain: {items}', ja: '未了事項が {n} 件あります: {items}', zh: '还有 {n} 项待办：{items}' },
  'hint-waive': { en: 'to close anyway, waive them with the reason: add --waive', ja: 'それでも終了する場合は理由を付けて免除します: --waive を追加', zh: '若仍要结束，请以该理由豁免：加上 --waive' },
  'incident-closed': { en: '{id} closed (event {seq})', ja: '{id} を終了しました（イベント {seq}）', zh: '{id} 已结束（事件 {seq}）' },
  'items-heading': { en: 'Open items ({n})', ja: '未了事項（{n} 件）', zh: '待办事项（{n} 项）' },
  'item-deferred': { en: 'put off', ja: '保留', zh: '推迟' },
  'item-review': { en: 'review the decision', ja: '判断の見直し', zh: '复核决策' },
  'item-correction': { en: 'correction owed', ja: '訂正報告', zh: '需补报更正' },
  'item-unknown-fact': { en: 'not known yet', ja: '未確定', zh: '尚不明确' },
  'item-translate': { en: 'translation needed', ja: '翻訳が必要', zh: '需要翻译' },
  'item-conflict': { en: 'conflicting answers', ja: '回答の競合', zh: '回答冲突' },
  'item-due': { en: 'due {due}', ja: '期限 {due}', zh: '期限 {due}' },
  'answer-unknown': { en: 'unknown', ja: '不明', zh: '不明' },
  'hint-resume-cmd': { en: 'resume with: {command}', ja: '再開するには: {command}', zh: '继续请运行：{command}' },
};

// --help of the commands of the living record (kept here, beside their messages).
export const RECORD_HELP: Catalog = {
  'help-amend': { en: 'correct an earlier answer (a fact, or a decision by step id); journaled as a correction', ja: '以前の回答を訂正する（事実、またはステップ ID で判断）。訂正として記録', zh: '更正之前的回答（事实，或按步骤 ID 指定的决策），作为更正记录' },
  'help-amend-name': { en: 'a fact name, or a decision\'s step id or sets: name', ja: '事実名、または判断のステップ ID か sets: 名', zh: '事实名称，或决策的步骤 ID / sets: 名称' },
  'help-amend-value': { en: 'the correct value', ja: '正しい値', zh: '正确的值' },
  'help-reason': { en: 'why (required)', ja: '理由（必須）', zh: '理由（必填）' },
  'help-defer': { en: 'put a step off or hand it to someone; it stays an open item', ja: 'ステップを保留または委任する（未了事項として残る）', zh: '推迟步骤或交由他人处理（保留为待办事项）' },
  'help-defer-step': { en: 'the step id', ja: 'ステップ ID', zh: '步骤 ID' },
  'help-owner': { en: 'who does it now (e.g. hq)', ja: '担当者（例: hq）', zh: '负责人（如 hq）' },
  'help-until': { en: 'by when (ISO time)', ja: '期限（ISO 日時）', zh: '期限（ISO 时间）' },
  'help-close': { en: 'close an incident whose walk is over', ja: '手順が完了したインシデントを終了する', zh: '结束流程已完成的事件' },
  'help-waive': { en: 'waive the open items left, with the reason', ja: '残った未了事項を理由付きで免除する', zh: '以该理由豁免剩余的待办事项' },
  'help-resolve': { en: 'settle an open item (as status names it, e.g. review:grade)', ja: '未了事項を解決済みにする（status の表記、例: review:grade）', zh: '将待办事项标为已解决（按 status 中的名称，如 review:grade）' },
  'help-item': { en: 'the open item', ja: '未了事項', zh: '待办事项' },
  'help-actor': { en: 'who records it (default: IRBOOK_ACTOR or the login name)', ja: '記録者（既定: IRBOOK_ACTOR またはログイン名）', zh: '记录人（默认：IRBOOK_ACTOR 或登录名）' },
};
