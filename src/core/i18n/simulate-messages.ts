// Messages of `irbook simulate` and of the clock-coverage check, in ja / zh / en.
import type { Catalog } from './messages.js';

export const SIMULATE: Catalog = {
  'help-simulate': { en: 'walk a playbook with given facts and the recommended answers: decisions, skipped steps, parties notified, clocks', ja: '与えた事実と推奨どおりの回答でプレイブックをたどり、判断・スキップ・通知先・期限を表示', zh: '用给定的事实和推荐答案走一遍剧本，显示决策、跳过的步骤、通报对象和时限' },
  'help-simulate-facts': { en: 'the facts: a YAML / JSON file, or inline JSON such as \'{"persons_affected": 300}\'', ja: '事実: YAML / JSON ファイル、または \'{"persons_affected": 300}\' のような JSON', zh: '事实：YAML / JSON 文件，或 \'{"persons_affected": 300}\' 这样的 JSON' },
  'help-simulate-answer': { en: 'answer a decision otherwise than recommended: step=value (repeatable)', ja: '判断を推奨と違う答えにする: step=value（複数可）', zh: '以不同于推荐的答案回答某个决策：step=value（可重复）' },
  'help-after-simulate': { en: '\nFacts not given are taken as no / 0 / none (listed under "assumed"); nothing is journaled.\nExample: irbook simulate payment-fraud --facts \'{"data_categories": ["financial"], "persons_affected": 300, "appi_applies": true}\'', ja: '\n与えなかった事実は「いいえ / 0 / なし」とみなします（「仮定」に表示）。記録は残りません。\n例: irbook simulate payment-fraud --facts \'{"data_categories": ["financial"], "persons_affected": 300, "appi_applies": true}\'', zh: '\n未给出的事实按“否 / 0 / 无”处理（列在“假定”下）；不写入任何记录。\n示例：irbook simulate payment-fraud --facts \'{"data_categories": ["financial"], "persons_affected": 300, "appi_applies": true}\'' },
  'simulate-title': { en: 'Simulation of {playbook} {version} (aware at {aware})', ja: '{playbook} {version} のシミュレーション（認知日時 {aware}）', zh: '{playbook} {version} 的模拟（知悉时间 {aware}）' },
  'simulate-decisions': { en: 'Decisions', ja: '判断', zh: '决策' },
  'simulate-decision': { en: '{step}: recommended {recommended} · answer {answer}', ja: '{step}: 推奨 {recommended} · 回答 {answer}', zh: '{step}：推荐 {recommended} · 回答 {answer}' },
  'simulate-overridden': { en: '(differs from the recommendation)', ja: '（推奨と異なる）', zh: '（与推荐不同）' },
  'simulate-skipped': { en: 'Skipped steps', ja: 'スキップされるステップ', zh: '跳过的步骤' },
  'simulate-notified': { en: 'Parties notified', ja: '通知先', zh: '通报对象' },
  'simulate-clocks': { en: 'Clocks', ja: '期限', zh: '时限' },
  'simulate-applies': { en: 'applies · due {due} · satisfied by {step}', ja: '適用 · 期限 {due} · 充足 {step}', zh: '适用 · 截止 {due} · 由 {step} 满足' },
  'simulate-applies-open': { en: 'applies · due {due} · NO STEP SATISFIES IT', ja: '適用 · 期限 {due} · 満たすステップなし', zh: '适用 · 截止 {due} · 没有步骤满足' },
  'simulate-not-applies': { en: 'does not apply', ja: '適用なし', zh: '不适用' },
  'simulate-undetermined': { en: 'undetermined ({reason})', ja: '未確定（{reason}）', zh: '未确定（{reason}）' },
  'simulate-assumed': { en: 'Assumed (not given)', ja: '仮定（与えられていない事実）', zh: '假定（未给出的事实）' },
  'simulate-none': { en: '(none)', ja: '（なし）', zh: '（无）' },
  'simulate-unknown-fact': { en: 'the playbook has no fact "{fact}" (facts: {known})', ja: 'プレイブックに事実 "{fact}" はありません（事実: {known}）', zh: '剧本中没有事实 "{fact}"（事实：{known}）' },
  'simulate-bad-fact': { en: 'fact "{fact}": the value does not fit its type ({detail})', ja: '事実 "{fact}": 値が型に合いません（{detail}）', zh: '事实 "{fact}"：值与类型不符（{detail}）' },
  'simulate-not-decision': { en: '--answer {step}: no decision step with that id', ja: '--answer {step}: その ID の判断ステップはありません', zh: '--answer {step}：没有该 ID 的决策步骤' },
  'simulate-bad-answer': { en: '--answer {step}: the answer must be one of {options}', ja: '--answer {step}: 回答は {options} のいずれかです', zh: '--answer {step}：答案必须是 {options} 之一' },
  'simulate-facts-invalid': { en: '--facts {facts}: not a mapping of fact names to values', ja: '--facts {facts}: 事実名と値のマッピングではありません', zh: '--facts {facts}：不是事实名到值的映射' },
  'no-clocks': { en: 'no clocks.yaml next to the playbooks: nothing to simulate the clocks with', ja: 'プレイブックと同じ場所に clocks.yaml がないため、期限をシミュレーションできません', zh: '剧本旁没有 clocks.yaml，无法模拟时限' },
  'clock-not-covered': { en: 'clock "{clock}" applies but no step that is presented satisfies it, e.g. with {facts} (in {playbook})', ja: '期限 "{clock}" が適用されるのに、それを満たすステップが提示されません。例: {facts}（{playbook}）', zh: '时限 "{clock}" 适用，但没有被执行的步骤满足它，例如：{facts}（{playbook}）' },
};
