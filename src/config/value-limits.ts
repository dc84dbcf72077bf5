/**
 * Checks of the config's values that keep the rest of the run bounded and its file operations
 * meaningful: no NUL character in any string (no path can hold one, and Node's file functions
 * throw on it), paths and globs of at most `CONFIG_LIMITS.pathLength` characters, and at most
 * `CONFIG_LIMITS.listItems` globs per list (each glob is compiled into a matcher). Each problem
 * is a CG1004 at the value that breaks it.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import { isPlainObject, type KeyPath } from './check-value.js';
import { formatKeyPath, locateNearest, type Locate } from './locate.js';
import { CONFIG_LIMITS, formatCount } from './limits.js';

const NUL_HINT = 'Remove the NUL character (it often comes from an environment variable or a generated config).';
const LIMIT_HINT = 'Stay within the limits listed in docs/cli.md ("Config file", "Limits").';

/** A CG1004 at the value of `keyPath` (or the nearest written ancestor), with its own hint. */
function invalidValue(locate: Locate, keyPath: KeyPath, message: string, hint = LIMIT_HINT): Diagnostic {
  return diagnostic('CG1004', { message, hint, ...locateNearest(locate, keyPath, 'value') });
}

/** Options that hold a path or glob, or a list of them. */
const PATH_KEYS = ['$schema', 'input', 'output', 'tsconfig', 'templates', 'plugins', 'protect'] as const;
const LIST_KEYS = ['input', 'plugins', 'protect'] as const;
/** Enough to show the pattern; a config with thousands of bad strings needs no more. */
const MAX_NUL_REPORTS = 10;

/** Diagnostics for values beyond the limits (call after the shape check passed). */
export function checkValueLimits(raw: Record<string, unknown>, locate: Locate): Diagnostic[] {
  const diagnostics = [...nulCharacters(raw, locate)];
  const scopes: [KeyPath, Record<string, unknown>][] = [[[], raw]];
  if (isPlainObject(raw.projects)) {
    const names = Object.keys(raw.projects);
    if (names.length > CONFIG_LIMITS.projects) diagnostics.push(tooMany(locate, ['projects'], names.length, CONFIG_LIMITS.projects, 'projects'));
    for (const [name, settings] of Object.entries(raw.projects)) if (isPlainObject(settings)) scopes.push([['projects', name], settings]);
  }
  for (const [base, settings] of scopes) diagnostics.push(...scopeLimits(base, settings, locate));
  return diagnostics;
}

function scopeLimits(base: KeyPath, settings: Record<string, unknown>, locate: Locate): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const key of LIST_KEYS) {
    const value = settings[key];
    if (Array.isArray(value) && value.length > CONFIG_LIMITS.listItems) {
      diagnostics.push(tooMany(locate, [...base, key], value.length, CONFIG_LIMITS.listItems, 'entries; use fewer, broader globs'));
    }
  }
  for (const key of PATH_KEYS) {
    const value = settings[key];
    const items: [KeyPath, unknown][] = Array.isArray(value) ? value.map((item, i) => [[...base, key, i], item]) : [[[...base, key], value]];
    const long = items.find(([, item]) => typeof item === 'string' && item.length > CONFIG_LIMITS.pathLength);
    if (long) {
      const message = `Invalid value for "${formatKeyPath(long[0])}": a path of ${formatCount((long[1] as string).length)} characters; at most ${formatCount(CONFIG_LIMITS.pathLength)}.`;
      diagnostics.push(invalidValue(locate, long[0], message));
    }
  }
  const generators = settings.generators;
  if (isPlainObject(generators) && Object.keys(generators).length > CONFIG_LIMITS.generators) {
    diagnostics.push(tooMany(locate, [...base, 'generators'], Object.keys(generators).length, CONFIG_LIMITS.generators, 'generators'));
  }
  return diagnostics;
}

function tooMany(locate: Locate, keyPath: KeyPath, count: number, limit: number, what: string): Diagnostic {
  return invalidValue(locate, keyPath, `Invalid value for "${formatKeyPath(keyPath)}": ${formatCount(count)} entries, at most ${formatCount(limit)} ${what}.`);
}

/** Every string (key or value) holding U+0000, walked without recursion; the first few are reported. */
function nulCharacters(raw: Record<string, unknown>, locate: Locate): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const pending: [KeyPath, unknown][] = [[[], raw]];
  while (pending.length > 0 && diagnostics.length < MAX_NUL_REPORTS) {
    const [keyPath, value] = pending.pop()!;
    if (typeof value === 'string' && value.includes('\0')) {
      const message = `Invalid value for "${formatKeyPath(keyPath)}": it contains a NUL character (\\0), which no path or option can hold.`;
      diagnostics.push(invalidValue(locate, keyPath, message, NUL_HINT));
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) pending.push([[...keyPath, i], value[i]]);
    } else if (isPlainObject(value)) {
      for (const [key, item] of Object.entries(value).reverse()) {
        if (key.includes('\0')) {
          diagnostics.push(invalidValue(locate, [...keyPath, key], `Invalid key "${formatKeyPath([...keyPath, key])}": it contains a NUL character (\\0).`, NUL_HINT));
        } else pending.push([[...keyPath, key], item]);
      }
    }
  }
  return diagnostics;
}
