// A notify step's draft message: rendered from the journal so far, saved beside the journal (0600).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
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

/**
 * Render in the recipient's language and save; returns the text, its language, a gloss in the UI
 * language and the file, or undefined when the draft has no valid template.
 */
export async function writeDraft(w: DraftWriter, draftId: string, stepId: string, st: State, events: readonly SessionEvent[]): Promise<{ text: string; lang: Lang; gloss: string; file: string } | undefined> {
  // Loaded when the first draft is needed: the template engine stays out of start-up.
  const [{ checkDraft }, { renderDraft }] = await Promise.all([import('./template-fs.js'), import('../core/report/draft.js')]);
  // The team's draft, else the shipped one (drafts resolve file by file, like templates).
  const source = [w.dir, join(SHIPPED_TEMPLATES, 'drafts')].map((d) => join(d, `${draftId}.yaml`)).find((f) => existsSync(f));
  const checked = source ? checkDraft(source) : undefined;
  if (!checked?.value) return undefined;
  const { lang, text, gloss } = renderDraft(checked.value, w.playbook, st, events, w.lang, w.tz, w.profile);
  const dir = join(w.journalDir, 'drafts');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, `${stepId}.${lang}.txt`);
  writeFileSync(file, text, { mode: 0o600 });
  return { text, lang, gloss, file };
}
