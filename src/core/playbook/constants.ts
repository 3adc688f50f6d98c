// Names and patterns of the playbook format that code needs at run time without the schemas
// (so reading a journal does not load the validator).

export const ID_PATTERN = /^[a-z][a-z0-9-]*$/;
export const FACT_PATTERN = /^[a-z][a-z0-9_]*$/;
export const STAGE_IDS = ['detect', 'initial_response', 'investigate', 'disclose', 'recover'] as const;
export type StageId = (typeof STAGE_IDS)[number];
export const FACT_TYPES = ['boolean', 'integer', 'number', 'text', 'datetime', 'choice', 'multi'] as const;
export type FactType = (typeof FACT_TYPES)[number];
export const RECORD_SECTIONS = ['summary', 'scope', 'cause', 'impact', 'secondary_damage', 'customer_response', 'public_response', 'prevention', 'other'] as const;
export type StepKind = 'check' | 'ask' | 'decide' | 'notify' | 'record';
export const STEP_KINDS: readonly StepKind[] = ['check', 'ask', 'decide', 'notify', 'record'];

/** An option's id, whether written as `wechat` or `{id: wechat, label: …}`. */
export function optionId(o: string | { id: string }): string {
  return typeof o === 'string' ? o : o.id;
}
