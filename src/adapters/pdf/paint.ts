// Content-stream operators written directly, for what a page draws hundreds of times (table rows,
// their rules and text): through pdfkit each rectangle, line and colour is a call that parses the
// colour again and copies a few bytes, which cost more than the drawing itself. The page space is
// pdfkit's (top-down, already flipped), so these mix freely with pdfkit's own calls.
import type { Doc } from './doc.js';

export const num = (n: number): string => String(Math.round(n * 1000) / 1000);

const rgbs = new Map<string, string>();
/** '#1f2933' as "r g b", each 0–1. */
function rgb(hex: string): string {
  let v = rgbs.get(hex);
  if (v === undefined) {
    const n = Number.parseInt(hex.slice(1), 16);
    v = [n >> 16, (n >> 8) & 0xff, n & 0xff].map((c) => num(c / 255)).join(' ');
    rgbs.set(hex, v);
  }
  return v;
}

export const fillOp = (hex: string): string => `${rgb(hex)} rg`;
export const strokeOp = (hex: string, width: number): string => `${rgb(hex)} RG ${num(width)} w`;
export const rectFill = (x: number, y: number, w: number, h: number, hex: string): string => `${fillOp(hex)} ${num(x)} ${num(y)} ${num(w)} ${num(h)} re f`;
export const segment = (x1: number, y1: number, x2: number, y2: number): string => `${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l`;

/** Appends operators to the current page, as bytes (pdfkit would copy a string one character at a time). */
export function emit(doc: Doc, ops: string): void {
  if (ops) doc.addContent(Buffer.from(`${ops}\n`, 'latin1') as unknown as string);
}
