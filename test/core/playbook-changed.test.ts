// A playbook.changed names which pinned files changed (playbook, clocks.yaml, parties.yaml), each
// with its short hashes before and after, and the timeline line says so — never `sha256 X → X`
// when only the clocks or the parties changed.
import { describe, expect, it } from 'vitest';
import { catalogFor, loadPlaybook } from '../../src/adapters/playbook-fs.js';
import { describeEvent } from '../../src/core/session/describe.js';
import { ev, stamp, type Pinned, type SessionEvent } from '../../src/core/session/events.js';
import { planResume, type Shas } from '../../src/core/session/plan.js';

const { clocks, parties } = catalogFor('playbooks');
const { playbook } = loadPlaybook('chat-leak', 'playbooks');
const A = { playbook: 'a'.repeat(64), clocks: 'b'.repeat(64), parties: 'c'.repeat(64) };
const pin = (sha256: Pinned['sha256']): Pinned => ({ playbook, clocks: clocks!, parties, sha256 });
const started: SessionEvent = {
  seq: 1, ...stamp(ev('session.started', { incident: 'I', playbook: { id: 'chat-leak', version: '1', sha256: A.playbook, file: 'x' }, responder: 'z', locale: 'en', timezone: 'UTC', exercise: false, pinned: pin(A) }), { at: '2026-11-23T02:00:00.000Z', tz: 'UTC', actor: 'z' }),
};
const resume = (now: Shas) => planResume([started], { id: 'I', tz: 'UTC', actor: 'z', playbook: { id: 'chat-leak', version: '2', sha256: now.playbook, ...(now.clocks ? { clocks: now.clocks } : {}), ...(now.parties ? { parties: now.parties } : {}) }, allowChanged: true, pinned: pin(now as Pinned['sha256']) });

describe('playbook.changed names what changed', () => {
  it.each([
    ['only clocks.yaml', { ...A, clocks: 'd'.repeat(64) }, 'chat-leak 2 · clocks bbbbbbbbbbbb → dddddddddddd'],
    ['only parties.yaml', { ...A, parties: 'e'.repeat(64) }, 'chat-leak 2 · parties cccccccccccc → eeeeeeeeeeee'],
    ['the playbook and clocks.yaml', { ...A, playbook: 'f'.repeat(64), clocks: 'd'.repeat(64) }, 'chat-leak 2 · playbook aaaaaaaaaaaa → ffffffffffff · clocks bbbbbbbbbbbb → dddddddddddd'],
  ])('%s', (_name, now, line) => {
    const p = resume(now);
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    const e = { seq: 2, ...p.events[0]! };
    expect(describeEvent(e, 'en')).toBe(line);
    expect(describeEvent(e, 'en')).not.toMatch(/(\w{12}) → \1/);
  });

  it.each([
    ['an older event for a changed playbook', { was: 'a'.repeat(64), now: 'f'.repeat(64) }, 'chat-leak 2 · playbook aaaaaaaaaaaa → ffffffffffff'],
    ['an older event where only clocks or parties changed', { was: 'a'.repeat(64), now: 'a'.repeat(64) }, 'chat-leak 2 · clocks / parties'],
  ])('%s', (_name, shas, line) => {
    const e = { seq: 2, ...stamp(ev('playbook.changed', { id: 'chat-leak', version: '2', ...shas }), { at: '2026-11-23T02:01:00.000Z', tz: 'UTC', actor: 'z' }) };
    expect(describeEvent(e, 'en')).toBe(line);
  });
});
