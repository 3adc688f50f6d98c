// Messages of many writers, anchors, seals and sync (verify, seal, sync; src/adapters/chains.ts,
// seal.ts, git-sync.ts), in ja / zh / en.
import type { Catalog } from './messages.js';

export const CHAIN: Catalog = {
  // verify
  'verify-ok-chains': { en: '{id}: {events} events in {chains} chain(s), every chain and reference intact; heads:', ja: '{id}: {events} 件のイベント（{chains} 本のチェーン）。ハッシュチェーンは正常です（チェーン間の参照も一致）。検証値:', zh: '{id}：{chains} 条链共 {events} 个事件，所有链和引用完整；链头：' },
  'verify-unknown-type': { en: 'event type "{type}" is unknown to this version of irbook (kept, not interpreted)', ja: 'イベント種別 "{type}" はこのバージョンの irbook では不明です（保持し、解釈しません）', zh: '事件类型 "{type}" 在此版本 irbook 中未知（保留，不解释）' },
  'verify-anchors-ok': { en: 'all {n} anchored head(s) are still in the chains', ja: '固定された {n} 個の検証値はすべてチェーンに残っています', zh: '全部 {n} 个锚定的链头仍在链中' },
  'verify-seal-ok': { en: 'seal {file}: signature good ({principal})', ja: '封印 {file}: 署名は正常です（{principal}）', zh: '封印 {file}：签名有效（{principal}）' },
  'verify-seals-unchecked': { en: '{n} seal(s): their heads are in the chains, but signatures were not checked (no {file}; or pass --allowed-signers FILE)', ja: '封印 {n} 件: 検証値はチェーンにありますが、署名は未確認です（{file} がありません。--allowed-signers FILE を指定してください）', zh: '{n} 个封印：其链头在链中，但未检查签名（没有 {file}；或用 --allowed-signers FILE 指定）' },
  'bad-head': { en: '"{value}" is not a head: write writer:seq:sha256 (as status and reports print them)', ja: '"{value}" は検証値の形式ではありません。writer:seq:sha256 の形で指定してください（status やレポートの表示どおり）', zh: '"{value}" 不是链头：请写成 writer:seq:sha256（与 status 和报告中的一致）' },
  'allowed-signers-missing': { en: 'no allowed_signers file at {file}', ja: 'allowed_signers ファイル {file} がありません', zh: '没有 allowed_signers 文件 {file}' },
  'report-unreadable': { en: 'cannot read the report {file} ({detail})', ja: 'レポート {file} を読めません（{detail}）', zh: '无法读取报告 {file}（{detail}）' },
  'report-no-heads': { en: '{file} prints no heads of {id}: it cannot anchor the journal', ja: '{file} には {id} の検証値が記載されていません。記録の照合に使えません', zh: '{file} 中没有 {id} 的链头：无法用来核对日志' },
  'seal-no-signature': { en: 'the seal has no signature file', ja: '封印に署名ファイルがありません', zh: '封印没有签名文件' },
  'seal-unknown-signer': { en: 'the seal was signed by a key not in allowed_signers', ja: '封印の署名鍵が allowed_signers にありません', zh: '封印的签名密钥不在 allowed_signers 中' },
  'seal-bad-signature': { en: 'the seal\'s signature does not match its heads: it was changed', ja: '封印の署名が検証値と一致しません。変更されています', zh: '封印的签名与链头不符：已被修改' },
  // status
  'status-heads': { en: 'heads: {heads}', ja: '検証値: {heads}', zh: '链头：{heads}' },
  'status-failing': { en: 'FAILS VERIFY', ja: '検証失敗', zh: '验证失败' },
  // seal
  'seal-key-missing': { en: 'no signing key: pass --key FILE or set IRBOOK_SIGNING_KEY (an SSH private key, or a public key whose private key is in ssh-agent); {key} does not exist', ja: '署名鍵がありません。--key FILE か IRBOOK_SIGNING_KEY を指定してください（SSH 秘密鍵、または ssh-agent にある鍵の公開鍵）。{key} は存在しません', zh: '没有签名密钥：请用 --key FILE 或设置 IRBOOK_SIGNING_KEY（SSH 私钥，或私钥在 ssh-agent 中的公钥）；{key} 不存在' },
  'seal-failed': { en: 'ssh-keygen could not sign with {key}: {detail}', ja: 'ssh-keygen で {key} による署名ができませんでした: {detail}', zh: 'ssh-keygen 无法用 {key} 签名：{detail}' },
  'sealed': { en: 'sealed {id}: {file} ({n} head(s))', ja: '{id} を封印しました: {file}（検証値 {n} 個）', zh: '已封印 {id}：{file}（{n} 个链头）' },
  'bad-site-code': { en: 'site code "{value}" must be 2–8 letters or digits (IRBOOK_SITE or site in irbook.yaml)', ja: 'サイトコード "{value}" は英数字 2〜8 文字にしてください（IRBOOK_SITE または irbook.yaml の site）', zh: '站点代码 "{value}" 必须是 2–8 个字母或数字（IRBOOK_SITE 或 irbook.yaml 中的 site）' },
  // sync
  'synced': { en: 'synced with {remote}: {lines} new line(s) in {files} file(s) sent, {pulled} commit(s) received', ja: '{remote} と同期しました: {files} ファイルの新しい {lines} 行を送信、{pulled} 件のコミットを受信', zh: '已与 {remote} 同步：发送 {files} 个文件中的 {lines} 行新内容，接收 {pulled} 个提交' },
  'sync-not-git': { en: 'the store {store} is not a git repository (of its own)', ja: '保存先 {store} は（専用の）git リポジトリではありません', zh: '存储目录 {store} 不是（独立的）git 仓库' },
  'hint-sync-init': { en: 'make it one: git -C {store} init && git -C {store} remote add origin <private repository URL>', ja: 'git -C {store} init && git -C {store} remote add origin <非公開リポジトリの URL> で作成してください', zh: '请先执行：git -C {store} init && git -C {store} remote add origin <私有仓库 URL>' },
  'sync-no-remote': { en: 'the store {store} has no git remote to sync with', ja: '保存先 {store} に同期先の git リモートがありません', zh: '存储目录 {store} 没有可同步的 git 远程仓库' },
  'hint-sync-remote': { en: 'add one: git -C {store} remote add origin <private repository URL>', ja: 'git -C {store} remote add origin <非公開リポジトリの URL> で追加してください', zh: '请添加：git -C {store} remote add origin <私有仓库 URL>' },
  'sync-playbook-repo': { en: 'the store {store} is inside the playbook repository: incident journals hold personal data and are never synced there', ja: '保存先 {store} がプレイブックのリポジトリ内にあります。記録は個人情報を含むため、そこには同期しません', zh: '存储目录 {store} 位于剧本仓库内：事件日志含个人信息，绝不同步到那里' },
  'sync-git-missing': { en: 'git is not installed or cannot run ({detail})', ja: 'git がインストールされていないか実行できません（{detail}）', zh: '未安装 git 或无法运行（{detail}）' },
  'sync-git-failed': { en: '{command} failed: {detail}', ja: '{command} が失敗しました: {detail}', zh: '{command} 失败：{detail}' },
  'help-sync': { en: 'share the store through its git remote: commit this host\'s new journal lines, pull --rebase, push', ja: 'git リモート経由で保存先を共有（このホストの新しい記録をコミットし pull --rebase、push）', zh: '通过 git 远程共享存储目录：提交本机新的日志行，pull --rebase，push' },
  'help-sync-incident': { en: 'only this incident (default: every incident in the store)', ja: 'このインシデントのみ（既定: 保存先のすべて）', zh: '仅此事件（默认：存储目录中的全部事件）' },
  // help
  'help-verify-expect': { en: 'heads that must still be in the chains (writer:seq:sha256, as status and reports print them)', ja: 'チェーンに残っているべき検証値（writer:seq:sha256。status やレポートの表示どおり）', zh: '必须仍在链中的链头（writer:seq:sha256，与 status 和报告中的一致）' },
  'help-verify-report': { en: 'reports (pdf, md, json) whose printed heads must still be in the chains', ja: '記載された検証値がチェーンに残っているべきレポート（pdf、md、json）', zh: '其中印有的链头必须仍在链中的报告（pdf、md、json）' },
  'help-verify-signers': { en: 'allowed_signers file for the seals (default: allowed_signers in the store)', ja: '封印を確認する allowed_signers ファイル（既定: 保存先の allowed_signers）', zh: '检查封印用的 allowed_signers 文件（默认：存储目录中的 allowed_signers）' },
  'help-seal': { en: 'sign the journal heads with your SSH key (ssh-keygen -Y sign) into seals/', ja: '記録の検証値を SSH 鍵で署名し seals/ に保存（ssh-keygen -Y sign）', zh: '用 SSH 密钥签名日志链头并存入 seals/（ssh-keygen -Y sign）' },
  'help-seal-key': { en: 'SSH key to sign with (default: IRBOOK_SIGNING_KEY)', ja: '署名に使う SSH 鍵（既定: IRBOOK_SIGNING_KEY）', zh: '用于签名的 SSH 密钥（默认：IRBOOK_SIGNING_KEY）' },
  'others-earlier': { en: '{n} earlier event(s) by other writers (irbook timeline shows them)', ja: '他の記録者による以前のイベント {n} 件（irbook timeline で表示）', zh: '其他记录人的较早事件 {n} 条（可用 irbook timeline 查看）' },
  'answered-by': { en: 'answered by {who}: {step} — {what} (not asked again)', ja: '{who} が回答済み: {step} — {what}（再度は質問しません）', zh: '已由 {who} 回答：{step} — {what}（不再询问）' },
  'sealed-notice': { en: 'the notice to {party} is sealed: {file}', ja: '{party} への通知を封印しました: {file}', zh: '已封印对 {party} 的通报：{file}' },
  'seal-notice-failed': { en: 'the notice to {party} is recorded but could not be sealed ({detail}); seal it later: irbook seal {id}', ja: '{party} への通知は記録しましたが、封印できませんでした（{detail}）。後で封印してください: irbook seal {id}', zh: '对 {party} 的通报已记录，但未能封印（{detail}）；请稍后封印：irbook seal {id}' },
  'sync-id-collision': { en: '{id} was started both here ({here}) and in another clone ({there}): two incidents got one id, most likely because both clones use the site code {site}. Nothing was pulled or pushed.', ja: '{id} はこのクローン（{here}）と別のクローン（{there}）の両方で開始されています。2 つのインシデントに同じ ID が付きました（両方のクローンが拠点コード {site} を使っている可能性が高い）。取得も送信もしていません。', zh: '{id} 在本克隆（{here}）和另一个克隆（{there}）中都已开始：两个事件使用了同一个编号，很可能是两个克隆都使用站点代码 {site}。未拉取也未推送任何内容。' },
  'hint-sync-id-collision': { en: 'give each clone its own site code (IRBOOK_SITE, or site: in irbook.yaml); move this clone\'s {id} out of the store and commit that (git -C {store} rm -r -q --cached {id}), start it again under the new code and register the old journal as evidence (irbook evidence NEW-ID FILE); then sync', ja: '各クローンに別々の拠点コードを設定してください（IRBOOK_SITE、または irbook.yaml の site:）。このクローンの {id} を保存先の外へ移してコミットし（git -C {store} rm -r -q --cached {id}）、新しいコードで開始し直して旧ジャーナルを証拠として登録してから（irbook evidence 新ID ファイル）、同期してください', zh: '请为每个克隆设置不同的站点代码（IRBOOK_SITE 或 irbook.yaml 中的 site:）；将本克隆的 {id} 移出存储目录并提交（git -C {store} rm -r -q --cached {id}），用新代码重新开始，并将旧日志登记为证据（irbook evidence 新编号 文件）；然后再同步' },
  'sync-chain-diverged': { en: 'the chain {writer} of {id} has new lines both here and in another clone: one writer name (actor@host) is writing in two clones, and the two versions cannot be merged (each line names the one before it). Nothing was pulled or pushed.', ja: '{id} のチェーン {writer} に、このクローンと別のクローンの両方で新しい行があります。同じ記録者名（actor@host）が 2 つのクローンで書き込んでおり、2 つの版は統合できません（各行が直前の行を参照しているため）。取得も送信もしていません。', zh: '{id} 的日志链 {writer} 在本克隆和另一个克隆中都有新行：同一个记录者名称（actor@host）在两个克隆中写入，两个版本无法合并（每一行都引用前一行）。未拉取也未推送任何内容。' },
  'hint-sync-chain-diverged': { en: 'write under one name per clone: here, from now on, another name (IRBOOK_ACTOR or --actor); save this version (git -C {store} show HEAD:{id}/journal/{writer}.jsonl > FILE); go over to the other clone\'s history, keeping this clone\'s files (git -C {store} reset -q FETCH_HEAD), and take its version of this one chain (git -C {store} checkout -- {id}/journal/{writer}.jsonl); register the saved file as evidence under the new name (irbook evidence {id} FILE); then sync', ja: 'クローンごとに別の名前で書き込んでください。このクローンでは以後別の名前（IRBOOK_ACTOR または --actor）を使い、この版を保存し（git -C {store} show HEAD:{id}/journal/{writer}.jsonl > ファイル）、このクローンのファイルを残したまま別のクローンの履歴に移り（git -C {store} reset -q FETCH_HEAD）、このチェーンだけ別のクローンの版を取り込み（git -C {store} checkout -- {id}/journal/{writer}.jsonl）、保存したファイルを新しい名前で証拠として登録してから（irbook evidence {id} ファイル）、同期してください', zh: '每个克隆使用不同的名称写入：本克隆此后使用另一个名称（IRBOOK_ACTOR 或 --actor）；保存此版本（git -C {store} show HEAD:{id}/journal/{writer}.jsonl > 文件）；保留本克隆的文件并转到另一个克隆的历史（git -C {store} reset -q FETCH_HEAD），只对这条日志链采用另一个克隆的版本（git -C {store} checkout -- {id}/journal/{writer}.jsonl）；用新名称将保存的文件登记为证据（irbook evidence {id} 文件）；然后再同步' },
};
