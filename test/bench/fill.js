// node test/bench/fill.js INCIDENT_DIR TOTAL ACTOR[,ACTOR…]: grows a real incident's journal to
// TOTAL events with notes in Japanese and Chinese, through the built Journal API (dist/), the
// actors taking turns (one chain each). Fixture building only: fsync is skipped in this process
// (the journal code is otherwise untouched), so 100,000 events take seconds instead of a minute.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

fs.fsyncSync = () => {};
syncBuiltinESMExports();
const { Journal } = await import('../../dist/adapters/journal.js');

const NOTES = [
  (i) => `申込者名簿の行数を再確認した（${1200 + i} 行、重複を除く前の値）。上海拠点の张伟さんに原本の所在を確認中。`,
  () => '投稿のスクリーンショットを取得した（グループ名・投稿者・日時が写ること）。',
  () => '上海拠点の张伟から連絡。投稿文は「这是客户名单，请大家注意保密」。直ちに取り消しを依頼し、誤送信との説明を受けた。',
  (i) => `代理店担当者的说明：这些截图已经删除，我们没有再转发。第 ${i} 号记录已归档，今後の報告文案は法務が確認する。`,
  (i) => `端末 PC-${String(i % 10_000).padStart(4, '0')} のチャット履歴を確認。名簿画像の保存・再転送の形跡なし。`,
  () => '已通知客户服务部门准备应答口径；本社の広報とも文面を共有した。',
];

const [dir, total, actors] = [process.argv[2], Number(process.argv[3]), (process.argv[4] ?? '').split(',')];
const j = Journal.open(dir, { actor: actors[0] });
const last = Date.parse(j.events.at(-1).at);
for (let i = j.events.length; i < total; i++) {
  const actor = actors[i % actors.length];
  j.append({ at: new Date(last + i * 37_000).toISOString(), tz: 'Asia/Shanghai', actor, type: 'note.added', data: { text: NOTES[i % NOTES.length](i) } });
}
j.close();
