// The responder's name, as given by --actor, an answers file, IRBOOK_ACTOR or the login name.
import { isActor, ACTOR_MAX, sanitize } from '../core/text/sanitize.js';
import { EXIT, UserError } from '../errors.js';

/** The name itself, or a usage error: it goes into every event, timeline and report. */
export function checkedActor(name: string): string {
  if (!isActor(name)) throw new UserError(EXIT.usage, 'bad-actor', { actor: sanitize(name) }, { code: 'hint-actor', params: { max: ACTOR_MAX } });
  return name;
}
