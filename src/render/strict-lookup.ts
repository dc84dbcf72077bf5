/**
 * The lookup every path of a template goes through (see `strict-compiler.ts`): a segment the
 * data does not have is an error naming that segment and the whole path, at the tag's
 * position. Handlebars' own strict mode checks only the last segment of a mustache's own path:
 * helper arguments (`{{json nosuch}}`, `{{#each itmes}}`), block params and hash values pass
 * through as `undefined`, and a missing middle segment is reported as `"deeper" not defined in
 * undefined`.
 */
import { suggest } from '../config/suggest.js';
import { TemplateFailure, type TagLocation } from './template-failure.js';

/** The helper name the compiled code calls; no template can spell it (it contains spaces). */
export const STRICT_LOOKUP_HELPER = 'codegen strict lookup';

/** What the compiled code tells the lookup about the segment it reads. */
export interface LookupSite {
  /** The path as written in the template: `item.type.properties`, `../name`, `@root.x`. */
  path: string;
  /** The path up to and including this segment (`item.type`). */
  upTo: string;
  /** The path before this segment (`item`); empty for the first one. */
  parent: string;
  /** The last segment of a path tested by `#if`/`#unless`: missing means false, not an error. */
  optional: boolean;
  loc?: TagLocation;
}

/** Reads `name` from `parent`, or throws a located `TemplateFailure` when the data has no such value. */
export function strictLookup(parent: unknown, name: string, site: LookupSite): unknown {
  const present = parent !== null && parent !== undefined;
  if (present && Object.prototype.hasOwnProperty.call(Object(parent), name)) return (parent as Record<string, unknown>)[name];
  if (site.optional) return undefined;
  throw new TemplateFailure(missingMessage(parent, name, site), 'missing-value', site.loc);
}

function missingMessage(parent: unknown, name: string, site: LookupSite): string {
  const reading = site.upTo === site.path ? '' : ` (reading "${site.path}")`;
  if (parent === null || parent === undefined) {
    const holder = site.parent === '' ? 'the current context' : `"${site.parent}"`;
    return `"${site.upTo}" is not defined: ${holder} is ${String(parent)}${reading}`;
  }
  const keys = typeof parent === 'object' ? Object.keys(parent as object).filter((key) => key !== '_parent') : [];
  const alternative = suggest(name, keys);
  return `"${site.upTo}" is not defined${reading}${alternative ? `; did you mean "${alternative}"?` : ''}`;
}
