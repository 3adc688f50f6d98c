// Messages for refusing hostile or faulty input: template limits, file types, sizes, storage faults.
import type { Catalog } from './messages.js';

export const SAFETY: Catalog = {
  'liquid-file-tag': { en: '{% {tag} %} at template line {line}, col {col} is not allowed: templates read no files', ja: 'テンプレートの {line} 行 {col} 桁の {% {tag} %} は使えません（テンプレートはファイルを読めません）', zh: '模板第 {line} 行第 {col} 列的 {% {tag} %} 不允许使用：模板不能读取文件' },
  'template-failed': { en: 'template {file} failed: {detail}', ja: 'テンプレート {file} の処理に失敗しました: {detail}', zh: '模板 {file} 处理失败：{detail}' },
  'draft-failed': { en: 'draft {file} not made: {detail}; the walk goes on without it', ja: '下書き {file} を作れませんでした: {detail}（下書きなしで続けます）', zh: '未能生成草稿 {file}：{detail}（将在没有草稿的情况下继续）' },
  'bad-actor': { en: 'actor "{actor}" refused: use letters, digits, . _ - @ and single spaces', ja: '担当者名 "{actor}" は使えません（文字・数字・. _ - @ と単一の空白のみ）', zh: '拒绝执行人 "{actor}"：只能使用字母、数字、. _ - @ 和单个空格' },
  'hint-actor': { en: 'give a name with --actor (at most {max} characters)', ja: '--actor で名前を指定してください（{max} 文字以内）', zh: '请用 --actor 指定名称（不超过 {max} 个字符）' },
};
