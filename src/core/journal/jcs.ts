// The canonical form every journal hash covers: RFC 8785 JSON Canonicalization Scheme (JCS), so an
// outside tool can check a chain with off-the-shelf code (e.g. the `canonicalize` package, against
// which test/core/journal.test.ts checks this encoder). JCS for the values events hold: object keys
// sorted by UTF-16 code unit, no whitespace, strings and numbers as ECMAScript's JSON.stringify
// writes them (numbers: Number.prototype.toString, so 1e21, 0.1, -0 → 0, as RFC 8785 §3.2.2.3
// asks). Stricter than a generic encoder: anything that is not a JSON value (undefined, bigint,
// NaN, Dates, class instances, sparse arrays, cycles, lone surrogates) throws instead of being
// coerced, so what is hashed is exactly what a reader parses back.

/** RFC 8785 (JCS) text of a JSON value; throws TypeError on anything that is not one. */
export function canonical(value: unknown): string {
  return encode(value, undefined);
}

// String.prototype.isWellFormed (ES2024, in Node 20): native, unlike a /\p{Surrogate}/u test.
const wellFormed = (s: string): boolean => (s as string & { isWellFormed(): boolean }).isWellFormed();

function str(s: string): string {
  // I-JSON (RFC 7493), which JCS requires: no lone surrogates.
  if (!wellFormed(s)) throw new TypeError('canonical: lone surrogate in a string');
  return JSON.stringify(s);
}

// Every append encodes a few strings and one small object: plain loops, and the set of objects
// being encoded (to refuse cycles) made only when there is an object.
function encode(v: unknown, ancestors: Set<object> | undefined): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'string': return str(v);
    case 'boolean': return v ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(v)) throw new TypeError(`canonical: ${v} is not a JSON number`);
      return JSON.stringify(v);
    case 'object': break;
    default: throw new TypeError(`canonical: ${typeof v} is not a JSON value`);
  }
  const seen = ancestors ?? new Set<object>();
  if (seen.has(v)) throw new TypeError('canonical: cyclic value');
  seen.add(v);
  let out: string;
  if (Array.isArray(v)) {
    out = '[';
    for (let i = 0; i < v.length; i++) {
      if (!(i in v)) throw new TypeError('canonical: sparse array');
      out += `${i ? ',' : ''}${encode(v[i], seen)}`;
    }
    out += ']';
  } else {
    const proto: unknown = Object.getPrototypeOf(v);
    // Dates, Maps, class instances… would hash as whatever JSON.stringify makes of them: refuse.
    if (proto !== Object.prototype && proto !== null) throw new TypeError('canonical: not a plain object');
    const o = v as Record<string, unknown>;
    // Array.prototype.sort without a comparator orders by UTF-16 code unit: RFC 8785 §3.2.3.
    const keys = Object.keys(o).sort();
    out = '{';
    for (let i = 0; i < keys.length; i++) out += `${i ? ',' : ''}${str(keys[i]!)}:${encode(o[keys[i]!], seen)}`;
    out += '}';
  }
  seen.delete(v);
  return out;
}
