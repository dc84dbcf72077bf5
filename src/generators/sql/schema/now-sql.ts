/**
 * The current time as a SQLite default writes it for a timestamp column: the text the runtime
 * writes for a Date, at the precision the column keeps. Used by `sql-text.ts` (`now()` defaults)
 * and `raw-defaults.ts` (`now() + interval '1 day'`).
 */

/** PostgreSQL's epoch, 2000-01-01 00:00:00 UTC, in ms since the start of SQLite's Julian day numbers (2451544.5 days). */
const POSTGRES_EPOCH_JULIAN_MS = 211_813_444_800_000;

/**
 * SQLite's current time (moved by `modifiers`, such as `'+1 days'`) as the runtime writes a Date
 * in a timestamp column keeping `fraction` decimals of a second: ISO 8601 in UTC with
 * milliseconds, rounded as PostgreSQL rounds into `timestamptz(fraction)` (the runtime's
 * `atPrecision`: to the nearest step, a half away from PostgreSQL's epoch 2000-01-01), so the
 * default is the text the repository would write for that instant. In integers of ms: SQLite's
 * `round()` of a decimal works on the binary double (1.015 is 1.01499…) where PostgreSQL's
 * integer microseconds do not. `'now'` is one instant within a statement, so its repeats agree.
 */
export function sqliteNowIso(fraction: number | undefined, modifiers: readonly string[] = []): string {
  const time = ["'now'", ...modifiers].join(', ');
  if (fraction === undefined || fraction >= 3) return `strftime('%Y-%m-%dT%H:%M:%fZ', ${time})`;
  const step = 10 ** (3 - fraction);
  const since = `(CAST(round(julianday(${time}) * 86400000) AS INTEGER) - ${POSTGRES_EPOCH_JULIAN_MS})`;
  const rounded = `CASE WHEN ${since} >= 0 THEN (${since} + ${step / 2}) / ${step} * ${step} ELSE -((${step / 2} - ${since}) / ${step} * ${step}) END`;
  return `strftime('%Y-%m-%dT%H:%M:%fZ', (${rounded} + ${POSTGRES_EPOCH_JULIAN_MS}) / 86400000.0)`;
}
