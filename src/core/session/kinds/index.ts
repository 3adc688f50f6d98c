// The step kinds, in the order the format lists them. A step has exactly one (validate checks).
import type { Step } from '../../playbook/schema.js';
import { ask } from './ask.js';
import { check } from './check.js';
import { decide } from './decide.js';
import type { Describe, StepKind } from './kind.js';
import { notify } from './notify.js';
import { record } from './record.js';

export const KINDS: readonly StepKind[] = [check, ask, decide, notify, record];

export const kindOf = (step: Step): StepKind | undefined => KINDS.find((k) => step[k.id] !== undefined);

/** Every kind's event wording, by event type. */
export const KIND_DESCRIBE: Describe = Object.assign({}, ...KINDS.map((k) => k.describe)) as Describe;
