/** Case folding of a regular expression without `u`, for writing `i` into a JSON Schema pattern (pattern.ts). */
let partnerTable: Map<number, number[]> | undefined;

/**
 * The code units `/c/i` matches without `u` (ECMA-262 Canonicalize, non-Unicode: a unit's
 * `toUpperCase` when that is one unit and does not take a non-ASCII unit to ASCII), `code` first
 * among them: `k` is `k` and `K` only (the Kelvin sign is `k` under `iu`), `ſ` is itself alone.
 */
export function nonUnicodePartners(code: number): number[] {
  if (code > 0xffff) return [code];
  if (!partnerTable) {
    const byCanonical = new Map<number, number[]>();
    for (let unit = 0; unit <= 0xffff; unit++) {
      const canonical = canonicalize(unit);
      const group = byCanonical.get(canonical);
      if (group) group.push(unit);
      else byCanonical.set(canonical, [unit]);
    }
    partnerTable = new Map();
    for (const group of byCanonical.values()) if (group.length > 1) for (const unit of group) partnerTable.set(unit, group);
  }
  const group = partnerTable.get(code);
  return group ? [code, ...group.filter((unit) => unit !== code)] : [code];
}

function canonicalize(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit;
  const upper = String.fromCharCode(unit).toUpperCase();
  if (upper.length !== 1) return unit;
  const result = upper.charCodeAt(0);
  return unit >= 128 && result < 128 ? unit : result;
}
