// One sanitiser for every string that came from a journal, a file name or a person and is about to
// be printed to a terminal. Control characters would let such a string set the window title (OSC 0),
// clear the screen (CSI 2J), write the clipboard (OSC 52) or overwrite a line (\r); a newline would
// forge a timeline row; bidi overrides reverse text and zero-width characters make `zh\u200bang`
// look like `zhang`. They are all shown, visibly, instead of being acted on or hidden.

// C0 controls and DEL have printable pictures (U+2400 block): ␛ for ESC, ␤ for a newline.
const PICTURE: Record<number, string> = { 0x0a: '\u2424', 0x7f: '\u2421' };
// Bidi controls, zero-width and invisible formatting characters, line/paragraph separators, C1 controls.
const INVISIBLE = /[\u0080-\u009f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb\u{E0000}-\u{E007F}]/gu;

const hex = (ch: string) => `\\u{${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase()}}`;

function control(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code === 0x09) return ' ';
  return PICTURE[code] ?? String.fromCharCode(0x2400 + code);
}

/** One terminal line: nothing in it can move the cursor, change the terminal or hide itself. */
export function sanitize(text: string): string {
  return text.replace(/[\x00-\x1f\x7f]/g, control).replace(INVISIBLE, hex);
}

/** A message's parameters, each string sanitised. */
export function sanitizeParams<T extends Record<string, string | number>>(params: T): T {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? sanitize(v) : v])) as T;
}

// A responder's name goes into every event and every report: letters (any script), combining marks,
// digits, `._-@` and single spaces between words; at most 64 characters.
const ACTOR = /^[\p{L}\p{M}\p{N}._@-]+(?:[ \u3000][\p{L}\p{M}\p{N}._@-]+)*$/u;
export const ACTOR_MAX = 64;

/** Whether a name may be used as an actor. */
export const isActor = (name: string): boolean => [...name].length <= ACTOR_MAX && ACTOR.test(name);
