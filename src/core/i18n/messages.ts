// Every message irbook itself shows, in the three UI languages. `{name}` is replaced by a parameter.
import { CHAIN } from './chain-messages.js';
import { HELP } from './help-messages.js';
import { JOURNAL } from './journal-messages.js';
import { REPORT } from './report-messages.js';
import { SAFETY } from './safety-messages.js';
import { SESSION } from './session-messages.js';
import { SIMULATE } from './simulate-messages.js';
import { UI } from './ui-messages.js';
import type { Lang } from './lang.js';

export type Catalog = Record<string, Record<Lang, string>>;

const VALIDATION: Catalog = {
  // Reading YAML
  'file-unreadable': { en: 'cannot read the file ({detail})', ja: 'ファイルを読めません（{detail}）', zh: '无法读取文件（{detail}）' },
  'yaml-too-large': { en: 'file is {bytes} bytes; the limit is {max}', ja: 'ファイルが {bytes} バイトあります（上限 {max}）', zh: '文件有 {bytes} 字节（上限 {max}）' },
  'yaml-too-deep': { en: 'nested more than {max} levels deep; refused', ja: '入れ子が {max} 段を超えるため拒否しました', zh: '嵌套超过 {max} 层，已拒绝' },
  'yaml-syntax': { en: 'YAML syntax: {detail}', ja: 'YAML 構文エラー: {detail}', zh: 'YAML 语法错误：{detail}' },
  'yaml-tab': { en: 'tab used for indentation; indent with spaces', ja: 'インデントにタブが使われています。スペースで字下げしてください', zh: '缩进使用了制表符，请用空格缩进' },
  'yaml-duplicate-key': { en: 'duplicate key: {detail}', ja: 'キーが重複しています: {detail}', zh: '键重复：{detail}' },
  'yaml11-bool': { en: 'unquoted "{value}" is a boolean to YAML 1.1 readers (PyYAML and others): quote it', ja: '引用符のない "{value}" は YAML 1.1 のツール（PyYAML など）では真偽値になります。引用符で囲んでください', zh: '未加引号的 "{value}" 在 YAML 1.1 工具（PyYAML 等）中是布尔值，请加引号' },
  'yaml11-flow-scalar': { en: '"{value}" has a "?" or ":" inside {…} or […], which YAML 1.1 readers (PyYAML and others) reject: quote it', ja: '"{value}" は {…} や […] の中に "?" か ":" を含み、YAML 1.1 のツール（PyYAML など）では読めません。引用符で囲んでください', zh: '"{value}" 在 {…} 或 […] 中含有 "?" 或 ":"，YAML 1.1 工具（PyYAML 等）无法读取，请加引号' },
  'yaml-alias': { en: 'alias *{name} refused: anchors and aliases are not allowed (write the value out)', ja: 'エイリアス *{name} は使えません（アンカーとエイリアスは禁止。値を直接書いてください）', zh: '拒绝别名 *{name}：不允许使用锚点和别名（请直接写出值）' },
  'forbidden-key': { en: 'key "{key}" is not allowed', ja: 'キー "{key}" は使えません', zh: '不允许使用键 "{key}"' },
  'empty-file': { en: 'the file is empty', ja: 'ファイルが空です', zh: '文件为空' },
  'not-mapping': { en: 'the top level must be a mapping (key: value)', ja: 'トップレベルはマッピング（key: value）でなければなりません', zh: '顶层必须是映射（key: value）' },
  // Shape
  'unknown-key': { en: 'unknown key "{key}"', ja: '不明なキー "{key}"', zh: '未知的键 "{key}"' },
  'unknown-key-comma': { en: 'unknown key "{key}": a comma inside {…} ends the text; put the text in quotes', ja: '不明なキー "{key}": {…} の中のカンマで文が切れています。文を引用符で囲んでください', zh: '未知的键 "{key}"：{…} 中的逗号截断了文本，请用引号括起文本' },
  required: { en: '"{key}" is required', ja: '"{key}" は必須です', zh: '"{key}" 为必填项' },
  'wrong-type': { en: 'expected {expected}, found {received}', ja: '{expected} が必要ですが {received} です', zh: '应为 {expected}，实际为 {received}' },
  'invalid-value': { en: '"{value}" is not allowed here (allowed: {allowed})', ja: '"{value}" はここでは使えません（使える値: {allowed}）', zh: '此处不允许 "{value}"（允许：{allowed}）' },
  'bad-id': { en: '"{value}" is not a valid id: use [a-z][a-z0-9-]* (no paths, no capitals)', ja: '"{value}" は ID として不正です: [a-z][a-z0-9-]* の形式にしてください（パスや大文字は不可）', zh: '"{value}" 不是有效的 ID：请使用 [a-z][a-z0-9-]*（不可含路径或大写字母）' },
  'bad-fact-name': { en: '"{value}" is not a valid name: use [a-z][a-z0-9_]*', ja: '"{value}" は名前として不正です: [a-z][a-z0-9_]* の形式にしてください', zh: '"{value}" 不是有效的名称：请使用 [a-z][a-z0-9_]*' },
  'bad-version': { en: '"{value}" is not a semantic version such as 1.2.0', ja: '"{value}" は 1.2.0 のようなセマンティックバージョンではありません', zh: '"{value}" 不是 1.2.0 这样的语义化版本号' },
  'bad-duration': { en: '"{value}" is not an ISO-8601 duration such as P5D or PT4H', ja: '"{value}" は P5D や PT4H のような ISO-8601 期間ではありません', zh: '"{value}" 不是 P5D 或 PT4H 这样的 ISO-8601 时长' },
  'too-few': { en: 'needs at least {min, plural, one {# item} other {# items}}', ja: '{min} 件以上必要です', zh: '至少需要 {min} 项' },
  'duplicate-id': { en: 'id "{id}" is used twice', ja: 'ID "{id}" が重複しています', zh: 'ID "{id}" 重复' },
  'id-not-file-name': { en: 'id "{id}" differs from the file name "{file}"', ja: 'ID "{id}" がファイル名 "{file}" と一致しません', zh: 'ID "{id}" 与文件名 "{file}" 不一致' },
  // Stages and steps
  'stage-unknown': { en: 'unknown stage "{stage}" (stages: {allowed})', ja: '不明なステージ "{stage}"（ステージ: {allowed}）', zh: '未知阶段 "{stage}"（阶段：{allowed}）' },
  'stage-duplicate': { en: 'stage "{stage}" appears twice', ja: 'ステージ "{stage}" が 2 回あります', zh: '阶段 "{stage}" 出现了两次' },
  'stage-order': { en: 'stage "{stage}" is out of order (order: {order})', ja: 'ステージ "{stage}" の順序が違います（順序: {order}）', zh: '阶段 "{stage}" 顺序错误（顺序：{order}）' },
  'stage-missing': { en: 'missing stage(s): {stages}', ja: 'ステージが不足しています: {stages}', zh: '缺少阶段：{stages}' },
  'step-duplicate': { en: 'step id "{id}" is used twice', ja: 'ステップ ID "{id}" が重複しています', zh: '步骤 ID "{id}" 重复' },
  'step-no-kind': { en: 'step "{id}" does nothing: give it exactly one of {kinds}', ja: 'ステップ "{id}" に種類がありません: {kinds} のどれか 1 つを指定してください', zh: '步骤 "{id}" 没有类型：请指定 {kinds} 中的一个' },
  'step-many-kinds': { en: 'step "{id}" has several kinds ({kinds}): split it into one step per kind', ja: 'ステップ "{id}" に複数の種類があります（{kinds}）。種類ごとにステップを分けてください', zh: '步骤 "{id}" 有多个类型（{kinds}），请按类型拆分步骤' },
  'ask-undeclared': { en: 'asks "{fact}", which is not declared under facts', ja: '"{fact}" を質問していますが facts に宣言されていません', zh: '询问了 "{fact}"，但它未在 facts 中声明' },
  'options-required': { en: 'fact "{fact}" of type {type} needs options', ja: '{type} 型の事実 "{fact}" には options が必要です', zh: '{type} 类型的事实 "{fact}" 需要 options' },
  'options-unexpected': { en: 'fact "{fact}" of type {type} takes no options', ja: '{type} 型の事実 "{fact}" に options は指定できません', zh: '{type} 类型的事实 "{fact}" 不能有 options' },
  'range-unexpected': { en: 'min / max only apply to integer and number facts, not {type}', ja: 'min / max は integer と number の事実にのみ使えます（{type} は不可）', zh: 'min / max 只适用于 integer 和 number 类型，不适用于 {type}' },
  'range-empty': { en: 'min {min} is greater than max {max}', ja: 'min {min} が max {max} より大きいです', zh: 'min {min} 大于 max {max}' },
  'fact-unused': { en: 'fact "{fact}" is declared but no step asks it', ja: '事実 "{fact}" は宣言されていますが、どのステップも質問していません', zh: '事实 "{fact}" 已声明，但没有步骤询问它' },
  'clock-fact-type': { en: 'fact "{fact}" is {type} here but {expected} in clocks.yaml', ja: '事実 "{fact}" はここでは {type} ですが clocks.yaml では {expected} です', zh: '事实 "{fact}" 此处为 {type}，但在 clocks.yaml 中为 {expected}' },
  // Expressions
  'cel-syntax': { en: 'CEL syntax error in {what}: {detail}', ja: '{what} の CEL 構文エラー: {detail}', zh: '{what} 的 CEL 语法错误：{detail}' },
  'cel-type': { en: 'CEL type error in {what}: {detail}', ja: '{what} の CEL 型エラー: {detail}', zh: '{what} 的 CEL 类型错误：{detail}' },
  'cel-unknown-name': { en: '{what} reads "{name}", which is not a fact, a decision or policy', ja: '{what} が "{name}" を参照していますが、事実・判断・policy のいずれでもありません', zh: '{what} 引用了 "{name}"，它不是事实、决策或 policy' },
  'cel-result-type': { en: '{what} must give {expected}, but gives {got}', ja: '{what} は {expected} を返す必要がありますが {got} を返します', zh: '{what} 应返回 {expected}，实际返回 {got}' },
  'reads-not-asked': { en: '{what} reads "{name}", which no earlier step asks', ja: '{what} が "{name}" を参照していますが、それより前のステップで質問していません', zh: '{what} 引用了 "{name}"，但之前没有步骤询问它' },
  'reads-later': { en: '{what} reads "{name}", which is decided later (step "{step}")', ja: '{what} が "{name}" を参照していますが、それは後のステップ "{step}" で決まります', zh: '{what} 引用了 "{name}"，但它在之后的步骤 "{step}" 才决定' },
  'sets-collides-fact': { en: 'sets "{name}", which is already a fact (or reserved)', ja: '"{name}" を設定していますが、既に事実（または予約名）です', zh: '设置了 "{name}"，但它已是事实（或保留名）' },
  'sets-duplicate': { en: '"{name}" is already set by step "{step}"', ja: '"{name}" は既にステップ "{step}" が設定しています', zh: '"{name}" 已由步骤 "{step}" 设置' },
  'recommend-not-option': { en: 'recommends "{value}", which is not one of the options ({options})', ja: '推奨 "{value}" が選択肢（{options}）にありません', zh: '推荐值 "{value}" 不在选项（{options}）中' },
  // Notifications and clocks
  'notify-unknown-party': { en: 'unknown party "{party}" (known: {known})', ja: '不明な通知先 "{party}"（既知: {known}）', zh: '未知的通报对象 "{party}"（已知：{known}）' },
  'satisfies-unknown-clock': { en: 'unknown clock "{clock}" (known: {known})', ja: '不明な期限 "{clock}"（既知: {known}）', zh: '未知的时限 "{clock}"（已知：{known}）' },
  'satisfies-wrong-party': { en: 'clock "{clock}" is satisfied by a notice to {needed}, not to {party}', ja: '期限 "{clock}" を満たすのは {needed} への通知で、{party} ではありません', zh: '时限 "{clock}" 需要通报 {needed}，而不是 {party}' },
  'draft-missing': { en: 'draft "{draft}" has no template (templates/drafts/{draft}.yaml)', ja: '下書き "{draft}" のテンプレートがありません（templates/drafts/{draft}.yaml）', zh: '草稿 "{draft}" 没有模板（templates/drafts/{draft}.yaml）' },
  'starts-not-datetime': { en: 'starts at "{fact}", which is not a datetime fact of clocks.yaml', ja: '開始点 "{fact}" が clocks.yaml の datetime 型の事実ではありません', zh: '起点 "{fact}" 不是 clocks.yaml 中的 datetime 类型事实' },
  'text-missing-lang': { en: 'text lacks {langs}', ja: '{langs} の文言がありません', zh: '缺少 {langs} 文本' },
  'bad-timezone': { en: 'unknown time zone "{tz}" (use an IANA name such as Asia/Tokyo)', ja: '不明なタイムゾーン "{tz}"（Asia/Tokyo のような IANA 名を指定してください）', zh: '未知时区 "{tz}"（请使用 Asia/Tokyo 等 IANA 名称）' },
  'liquid-syntax': { en: 'template syntax error: {detail}', ja: 'テンプレートの構文エラー: {detail}', zh: '模板语法错误：{detail}' },
  'no-yaml-files': { en: 'no playbook files found', ja: 'プレイブックのファイルが見つかりません', zh: '未找到剧本文件' },
};

const M: Catalog = { ...VALIDATION, ...UI, ...SESSION, ...JOURNAL, ...CHAIN, ...REPORT, ...HELP, ...SIMULATE, ...SAFETY };

const PLURAL = /\{(\w+), plural, ((?:[\w=]+ \{[^{}]*\}\s*)+)\}/g;
const rules = new Map<Lang, Intl.PluralRules>();

/** `{n, plural, one {# file} other {# files}}`: the form Intl.PluralRules picks for n, with # as n. */
function plurals(tpl: string, params: Record<string, string | number>, lang: Lang): string {
  return tpl.replace(PLURAL, (whole, k: string, forms: string) => {
    const n = Number(params[k]);
    if (!(k in params) || Number.isNaN(n)) return whole;
    const rule = rules.get(lang) ?? new Intl.PluralRules(lang);
    rules.set(lang, rule);
    const options = new Map([...forms.matchAll(/([\w=]+) \{([^{}]*)\}/g)].map((m) => [m[1], m[2] ?? '']));
    const form = options.get(`=${n}`) ?? options.get(rule.select(n)) ?? options.get('other') ?? '';
    return form.replace(/#/g, String(params[k]));
  });
}

export function message(code: string, params: Record<string, string | number>, lang: Lang): string {
  const tpl = plurals(M[code]?.[lang] ?? M[code]?.en ?? code, params, lang);
  return tpl.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`));
}
