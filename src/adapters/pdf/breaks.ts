// Where lines may break: between ideographs and kana, at spaces, not inside Latin words, and never
// before closing punctuation (、。）」…) or after an opening bracket (（「…) — the usual kinsoku.
import type { Face } from './fonts.js';

/** One character as set: shared by every string that has it, so never changed. `mark`: a combining mark. */
export interface Ch { readonly s: string; readonly face: Face; readonly w: number; readonly space: boolean; readonly mark: boolean }
export interface Tok { a: number; b: number; w: number; space: boolean; cjk: boolean }

const cps = (s: string) => [...s].map((c) => c.codePointAt(0) ?? 0);
const NO_START = new Set(cps('、。，．：；？！）」』】〕〉》〙〗｝］’”〜ー…‥ゝゞヽヾぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ・％,.:;!?)]}%'));
const NO_END = new Set(cps('（「『【〔〈《〘〖｛［‘“([{'));
export const SOFT = new Set(cps('./-_:,=&?'));

const isCjk = (cp: number) =>
  (cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0xf900 && cp <= 0xfaff) ||
  (cp >= 0xff00 && cp <= 0xffef) || (cp >= 0x20000 && cp <= 0x3ffff);
// Invisible characters that no font draws: controls, zero-width marks, variation selectors, BOM.
export const isInvisible = (cp: number) =>
  cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0xfe00 && cp <= 0xfe0f) ||
  cp === 0xfeff || (cp >= 0xe0100 && cp <= 0xe01ef);

/** Breakable units: a space, one ideograph or kana (with the punctuation that may not be parted
 *  from it), or a run of Latin letters and digits. */
export function tokens(chars: Ch[]): Tok[] {
  const toks: Tok[] = [];
  let cur: Tok | undefined;
  let glue = false;
  chars.forEach((c, i) => {
    if (c.space) {
      toks.push({ a: i, b: i + 1, w: c.w, space: true, cjk: false });
      cur = undefined;
      glue = false;
      return;
    }
    const cp = c.s.codePointAt(0) ?? 0;
    const cjk = isCjk(cp);
    // Join the token before: after an opening bracket, before a closing mark, inside a Latin word.
    if (cur && (glue || NO_START.has(cp) || (!cjk && !cur.cjk))) {
      cur.b = i + 1;
      cur.w += c.w;
      cur.cjk = cjk;
    } else {
      cur = { a: i, b: i + 1, w: c.w, space: false, cjk };
      toks.push(cur);
    }
    glue = NO_END.has(cp);
  });
  return toks;
}
