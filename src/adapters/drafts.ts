// A notify step's draft message: rendered from the journal so far, saved beside the journal (0600).
import { existsSync, mkdirSync } from 'node:fs';
import { storage, writeAtomic } from './atomic-write.js';
import { dirname, join } from 'node:path';
import type { Lang } from '../core/i18n/lang.js';
import type { Playbook } from '../core/playbook/schema.js';
import type { Profile } from '../core/profile/schema.js';
import type { SessionEvent } from '../core/session/events.js';
import type { State } from '../core/session/state.js';
import { SHIPPED_TEMPLATES, templatesDir } from './dirs.js';

/** The drafts beside a playbook: the templates folder of its playbooks folder (or --templates). */
export const draftsDir = (playbookFile: string, templates: string | undefined, env: NodeJS.ProcessEnv): string => join(templatesDir(dirname(playbookFile), templates, env), 'drafts');

export interface DraftWriter { dir: string; journalDir: string; playbook: Playbook; lang: Lang; tz: string; profile?: Profile }

export type WrittenDraft = { text: string; lang: Lang; gloss: string; file: string } | { failed: string; file: string };

/**
 * Render in the recipient's language and save; returns the text, its language, a gloss in the UI
 * language and the file; `failed` when the template hit a limit (a draft must never stop a live
 * incident); undefined when the draft has no valid template. A write that fails is a storage error.
 */
export async function writeDraft(w: DraftWriter, draftId: string, stepId: string, st: State, events: readonly SessionEvent[]): Promise<WrittenDraft | undefined> {
  // Loaded when the first draft is needed: the template engine stays out of start-up.
  const [{ checkDraft }, { renderDraft }, { templateFault }] = await Promise.all([import('./template-fs.js'), import('../core/report/draft.js'), import('../core/report/template.js')]);
  // The team's draft, else the shipped one (drafts resolve file by file, like templates).
  const source = [w.dir, join(SHIPPED_TEMPLATES, 'drafts')].map((d) => join(d, `${draftId}.yaml`)).find((f) => existsSync(f));
  const checked = source ? checkDraft(source) : undefined;
  if (!checked?.value) return undefined;
  let rendered: ReturnType<typeof renderDraft>;
  try {
    rendered = renderDraft(checked.value, w.playbook, st, events, w.lang, w.tz, w.profile);
  } catch (e) {
    const failed = templateFault(e);
    if (failed === undefined) throw e;
    return { failed, file: source ?? draftId };
  }
  const { lang, text, gloss } = rendered;
  const dir = join(w.journalDir, 'drafts');
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (e) {
    throw storage(dir, e);
  }
  const file = join(dir, `${stepId}.${lang}.txt`);
  // Made again from the journal on resume: replacing it is expected.
  await writeAtomic(file, text, { force: true });
  return { text, lang, gloss, file };
}
