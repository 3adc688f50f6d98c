// A notify step's draft message: rendered from the journal so far, saved beside the journal (0600).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pick, type Lang } from '../core/i18n/lang.js';
import type { Playbook } from '../core/playbook/schema.js';
import type { State } from '../core/session/state.js';
import { templatesDir } from './dirs.js';

/** The drafts beside a playbook: the templates folder of its playbooks folder (or --templates). */
export const draftsDir = (playbookFile: string, templates: string | undefined, env: NodeJS.ProcessEnv): string => join(templatesDir(dirname(playbookFile), templates, env), 'drafts');

export interface DraftWriter { dir: string; journalDir: string; playbook: Playbook; lang: Lang; tz: string }

/** Render and save; returns the text and the file, or undefined when the draft has no valid template. */
export async function writeDraft(w: DraftWriter, draftId: string, stepId: string, st: State): Promise<{ text: string; file: string } | undefined> {
  // Loaded when the first draft is needed: the template engine stays out of start-up.
  const [{ checkDraft }, { renderText, textData }] = await Promise.all([import('./template-fs.js'), import('../core/report/build.js')]);
  const checked = checkDraft(join(w.dir, `${draftId}.yaml`));
  if (!checked.value) return undefined;
  const data = textData(w.playbook, st, w.lang, w.tz);
  const text = `${renderText(pick(checked.value.title, w.lang), data)}\n\n${renderText(pick(checked.value.body, w.lang), data).trim()}\n`;
  const dir = join(w.journalDir, 'drafts');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, `${stepId}.${w.lang}.txt`);
  writeFileSync(file, text, { mode: 0o600 });
  return { text, file };
}
