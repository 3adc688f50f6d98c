// One line per event, for the timeline and the reports. The step kinds word their own events.
import type { Lang } from '../i18n/lang.js';
import { message } from '../i18n/messages.js';
import type { SessionEvent } from './events.js';
import { KIND_DESCRIBE } from './kinds/index.js';
import type { Wording } from './kinds/kind.js';

const short = (v: unknown): string => {
  if (Array.isArray(v)) return v.map(short).join(', ');
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'object' && v !== null) return JSON.stringify(v);
  return String(v);
};

// Which pinned files a playbook.changed took, with short hashes; an older event names only the
// playbook's, so an unchanged one there means clocks.yaml or parties.yaml changed.
function filesChanged(d: Record<string, unknown>): string {
  const files = d.files as Record<string, { was: string; now: string }> | undefined;
  const hashes = (f: { was: unknown; now: unknown }) => `${short(f.was).slice(0, 12)} → ${short(f.now).slice(0, 12)}`;
  if (files) return Object.entries(files).map(([name, f]) => `${name} ${hashes(f)}`).join(' · ');
  return d.was === d.now ? 'clocks / parties' : `playbook ${hashes({ was: d.was, now: d.now })}`;
}

export function describeEvent(e: SessionEvent, lang: Lang, tz?: string): string {
  const d = e.data as Record<string, unknown>;
  const t = (code: string) => message(code, {}, lang);
  const yn = (v: unknown) => (typeof v === 'boolean' ? t(v ? 'answer-yes' : 'answer-no') : short(v));
  const own = (KIND_DESCRIBE as Record<string, ((d: unknown, w: Wording) => string) | undefined>)[e.type];
  if (own) return own(d, { lang, ...(tz ? { tz } : {}), t, yn, short });
  switch (e.type) {
    case 'session.started': {
      const pb = d.playbook as { id: string; version: string };
      return `${pb.id} ${pb.version} · ${short(d.responder)} · ${short(d.timezone)}${d.exercise ? ` · ${t('exercise-mark')}` : ''}`;
    }
    case 'stage.entered':
    case 'stage.completed': return t(`stage-${short(d.stage)}`);
    case 'step.skipped': return `${short(d.step)} · ${short(d.guard)}`;
    case 'step.deferred': return `${short(d.step)} · ${short(d.reason)}${d.owner ? ` → ${short(d.owner)}` : ''}${d.until ? ` (${short(d.until)})` : ''}`;
    case 'item.resolved': return `${short(d.item)} · ${short(d.reason)}`;
    case 'incident.closed': return `${short(d.reason)}${Array.isArray(d.waived) && d.waived.length ? ` · ${short(d.waived)}` : ''}`;
    case 'note.added': return short(d.text);
    case 'evidence.added': return `${short(d.path)} · sha256 ${short(d.sha256).slice(0, 16)}… · ${short(d.bytes)} B`;
    case 'journal.repaired': return `line ${short(d.line)} · ${short(d.bytes)} B`;
    case 'playbook.changed': return `${short(d.id)} ${short(d.version)} · ${filesChanged(d)}`;
    default: return Object.keys(d).length ? JSON.stringify(d) : '';
  }
}
