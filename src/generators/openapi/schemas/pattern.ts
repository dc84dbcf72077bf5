/**
 * JSON Schema patterns have no flags. The `i` flag is written into the pattern itself (each
 * letter `a` becomes `[aA]`, ranges gain their other case), `u` is how JSON Schema reads
 * patterns anyway, and `g`/`y`/`d` change nothing for a single test. `m` and `s` change what
 * the pattern means and cannot be written without rewriting it: those are reported.
 */
import type { RegexSource } from '../../../model/types.js';

/** Flags a JSON Schema pattern cannot express. */
export function unsupportedFlags(regex: RegexSource): string[] {
  return [...regex.flags].filter((flag) => flag === 'm' || flag === 's' || flag === 'v');
}

/** The pattern as a JSON Schema `pattern`, with a case-insensitive flag folded in. */
export function patternText(regex: RegexSource): string {
  return regex.flags.includes('i') ? caseInsensitive(regex.source) : regex.source;
}

const LETTER = /^[A-Za-z]$/;

function bothCases(letter: string): string {
  return `${letter.toLowerCase()}${letter.toUpperCase()}`;
}

/** Rewrites letters outside escapes so the pattern matches either case. */
function caseInsensitive(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (char === '\\') {
      const escape = escapeAt(source, i);
      out += escape;
      i += escape.length - 1;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
      const range = source.slice(i, i + 3);
      if (/^[a-z]-[a-z]$|^[A-Z]-[A-Z]$/.test(range)) {
        out += `${range.toLowerCase()}${range.toUpperCase()}`;
        i += 2;
      } else {
        out += LETTER.test(char) ? bothCases(char) : char;
      }
      continue;
    }
    if (char === '[') {
      inClass = true;
      out += char;
      if (source[i + 1] === '^') out += source[++i];
      continue;
    }
    if (char === '(' && source[i + 1] === '?') {
      // Group syntax (`(?<name>`, `(?:`, look-arounds): the name is not text to match.
      const named = /^\(\?<([A-Za-z_$][\w$]*)>/.exec(source.slice(i));
      const head = named ? named[0] : source.slice(i, i + 2);
      out += head;
      i += head.length - 1;
      continue;
    }
    out += LETTER.test(char) ? `[${bothCases(char)}]` : char;
  }
  return out;
}

/** The whole escape sequence starting at `start` (`\d`, `\u{1F600}`, `\p{L}`, `\k<name>`, `\x41`…). */
function escapeAt(source: string, start: number): string {
  const rest = source.slice(start);
  const match = /^\\(?:u\{[0-9A-Fa-f]+\}|u[0-9A-Fa-f]{4}|x[0-9A-Fa-f]{2}|c[A-Za-z]|[pP]\{[^}]*\}|k<[^>]*>|[\s\S])/.exec(rest);
  return match ? match[0] : rest;
}
