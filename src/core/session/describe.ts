// One line per event, for the timeline and the reports.
import { pick, type Lang, type Text } from '../i18n/lang.js';
import { message } from '../i18n/messages.js';
import type { SessionEvent } from './events.js';
import { formatTime } from '../time/format.js';

const short = (v: unknown): string => {
  if (Array.isArray(v)) return v.map(short).join(', ');
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'object' && v !== null) return JSON.stringify(v);
  return String(v);
};

export function describeEvent(e: SessionEvent, lang: Lang, tz?: string): string {
  const d = e.data as Record<string, unknown>;
  const t = (code: string) => message(code, {}, lang);
  const yn = (v: unknown) => (typeof v === 'boolean' ? t(v ? 'answer-yes' : 'answer-no') : short(v));
  switch (e.type) {
    case 'session.started': {
      const pb = d.playbook as { id: string; version: string };
      return `${pb.id} ${pb.version} · ${short(d.responder)} · ${short(d.timezone)}${d.exercise ? ` · ${t('exercise-mark')}` : ''}`;
    }
    case 'stage.entered':
    case 'stage.completed': return t(`stage-${short(d.stage)}`);
    case 'fact.recorded': return `${short(d.step)} · ${short(d.fact)} = ${yn(d.value)}`;
    case 'check.done': return `${short(d.step)} · ${d.skipped ? '✗' : '✓'} ${pick(d.text as Text, lang)}${d.reason ? ` (${short(d.reason)})` : ''}`;
    case 'decision.made': {
      const rec = d.recommended === undefined ? '' : ` (${t('recommended')}: ${yn(d.recommended)})`;
      return `${short(d.step)} · ${pick(d.question as Text, lang)} → ${yn(d.answer)}${rec}${d.reason ? ` · ${short(d.reason)}` : ''}`;
    }
    case 'step.skipped': return `${short(d.step)} · ${short(d.guard)}`;
    case 'notify.sent': return `${short(d.step)} · ${short(d.party)} · ${short(d.channel)} · ${short(d.ref)} · ${tz ? formatTime(String(d.at), tz, 'short') : short(d.at)}`;
    case 'notify.waived': return `${short(d.step)} · ${short(d.party)} · ${message('r-waived', {}, lang)}: ${short(d.reason)}`;
    case 'record.written': return `${short(d.step)} · ${short(d.text)}`;
    case 'note.added': return short(d.text);
    case 'evidence.added': return `${short(d.path)} · sha256 ${short(d.sha256).slice(0, 16)}… · ${short(d.bytes)} B`;
    case 'journal.repaired': return `line ${short(d.line)} · ${short(d.bytes)} B`;
    case 'playbook.changed': return `${short(d.id)} ${short(d.version)} · sha256 ${short(d.was).slice(0, 12)} → ${short(d.now).slice(0, 12)}`;
    default: return Object.keys(d).length ? JSON.stringify(d) : '';
  }
}
