// Messages for refusing hostile or faulty input: template limits, file types, sizes, storage faults.
import type { Catalog } from './messages.js';

export const SAFETY: Catalog = {
  'liquid-file-tag': { en: '{% {tag} %} is not allowed: templates read no files', ja: '{% {tag} %} は使えません（テンプレートはファイルを読めません）', zh: '不允许使用 {% {tag} %}：模板不能读取文件' },
  'template-failed': { en: 'template {file} failed: {detail}', ja: 'テンプレート {file} の処理に失敗しました: {detail}', zh: '模板 {file} 处理失败：{detail}' },
  'draft-failed': { en: 'draft {file} not made: {detail}; the walk goes on without it', ja: '下書き {file} を作れませんでした: {detail}（下書きなしで続けます）', zh: '未能生成草稿 {file}：{detail}（将在没有草稿的情况下继续）' },
  'bad-actor': { en: 'actor "{actor}" refused: use letters, digits, . _ - @ and single spaces', ja: '担当者名 "{actor}" は使えません（文字・数字・. _ - @ と単一の空白のみ）', zh: '拒绝执行人 "{actor}"：只能使用字母、数字、. _ - @ 和单个空格' },
  'hint-actor': { en: 'give a name with --actor (at most {max} characters)', ja: '--actor で名前を指定してください（{max} 文字以内）', zh: '请用 --actor 指定名称（不超过 {max} 个字符）' },
  'evidence-not-file-directory': { en: 'evidence {path} is a directory: register the files in it (or an archive of them)', ja: '証拠 {path} はディレクトリです。中のファイル（またはそのアーカイブ）を登録してください', zh: '证据 {path} 是目录：请登记其中的文件（或其归档）' },
  'evidence-not-file-fifo': { en: 'evidence {path} is a FIFO (named pipe): its contents are not fixed; save them to a file first', ja: '証拠 {path} は FIFO（名前付きパイプ）で、内容が固定されていません。先にファイルに保存してください', zh: '证据 {path} 是 FIFO（命名管道），内容不固定：请先保存为文件' },
  'evidence-not-file-device': { en: 'evidence {path} is a device, not a file: image it to a file first', ja: '証拠 {path} はデバイスでファイルではありません。先にイメージファイルにしてください', zh: '证据 {path} 是设备而不是文件：请先制作镜像文件' },
  'evidence-not-file-socket': { en: 'evidence {path} is a socket, not a file', ja: '証拠 {path} はソケットでファイルではありません', zh: '证据 {path} 是套接字而不是文件' },
  'evidence-not-file-other': { en: 'evidence {path} is not a regular file', ja: '証拠 {path} は通常のファイルではありません', zh: '证据 {path} 不是普通文件' },
  'evidence-pseudo-file': { en: 'evidence {path} is a /proc or /sys file, whose contents change as it is read: copy it to a file first', ja: '証拠 {path} は /proc・/sys のファイルで、読むたびに内容が変わります。先にファイルにコピーしてください', zh: '证据 {path} 是 /proc 或 /sys 文件，内容随读取而变：请先复制为文件' },
  'evidence-changed': { en: 'evidence {path} changed while it was hashed ({before} bytes before, {after} after, {read} read): register it again when it is no longer written to', ja: '証拠 {path} がハッシュ計算中に変化しました（前 {before} バイト、後 {after} バイト、読込 {read} バイト）。書き込みが終わってから登録し直してください', zh: '证据 {path} 在计算哈希时发生变化（之前 {before} 字节，之后 {after} 字节，读取 {read} 字节）：请在写入结束后重新登记' },
  'write-failed': { en: 'cannot write {file} ({cause}); nothing was written there', ja: '{file} に書き込めません（{cause}）。何も書き込んでいません', zh: '无法写入 {file}（{cause}），未写入任何内容' },
  'out-is-directory': { en: '{file} is a directory: give a file name', ja: '{file} はディレクトリです。ファイル名を指定してください', zh: '{file} 是目录：请指定文件名' },
  'file-not-regular': { en: 'not a regular file (a {type}): refused without reading it', ja: '通常のファイルではありません（{type}）。読まずに拒否しました', zh: '不是普通文件（{type}），未读取即拒绝' },
  'input-not-scalar': { en: 'a single value is needed here, not a {got}', ja: 'ここには値を 1 つ書いてください（{got} は不可）', zh: '此处需要单个值，而不是 {got}' },
  'input-too-early': { en: 'a time before {min} cannot be right here', ja: '{min} より前の日時は受け付けられません', zh: '不接受早于 {min} 的时间' },
  'input-too-long': { en: 'at most {max} characters', ja: '{max} 文字以内にしてください', zh: '不能超过 {max} 个字符' },
  'input-number-ambiguous': { en: '"{value}" can be read two ways: write 1500 or 1,500 for fifteen hundred, 1.5 for one and a half', ja: '"{value}" は二通りに読めます。千五百なら 1500 または 1,500、一・五なら 1.5 と書いてください', zh: '"{value}" 有两种理解：一千五百请写 1500 或 1,500，一点五请写 1.5' },
  'answer-not-text': { en: '"{field}" must be text, not a {got}', ja: '"{field}" は文字列にしてください（{got} は不可）', zh: '"{field}" 必须是文本，而不是 {got}' },
  'answer-before-aware': { en: 'notified at {at}, before the incident was known ({aware}): if that is right, add confirm_before_aware: true to this answer', ja: '通知日時 {at} が認知日時 {aware} より前です。正しければこの回答に confirm_before_aware: true を加えてください', zh: '通报时间 {at} 早于知悉时间 {aware}：如确属实，请在此回答中加入 confirm_before_aware: true' },
  'notify-before-aware-q': { en: 'Notified at {at}, before the incident was known ({aware}). Is that right?', ja: '通知日時 {at} は認知日時 {aware} より前です。正しいですか？', zh: '通报时间 {at} 早于知悉时间 {aware}，是否正确？' },
  'note-too-long': { en: 'the note is {chars} characters; at most {max} are kept in the journal (attach a longer text as evidence)', ja: 'メモが {chars} 文字あります。記録できるのは {max} 文字までです（長い文書は証拠として登録してください）', zh: '备注有 {chars} 个字符，日志最多记录 {max} 个（较长的文本请作为证据登记）' },
};
