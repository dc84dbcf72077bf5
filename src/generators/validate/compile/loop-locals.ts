/**
 * The locals a loop reads its item into (`const item = value[i];`), declared only where the
 * loop's body reads them: the test of a `never[]` item or a `Record<string, never>` value is
 * `false`, and an unread local fails `noUnusedLocals` (TS6133), which @tsconfig/strictest sets.
 */

import { readsName } from '../../kit/reads-name.js';

/** `const local = read;` then `body`, or `body` alone when it does not mention `local`. */
export function readInto(local: string, read: string, body: string): string {
  return readsName(body, local) ? `const ${local} = ${read};\n${body}` : body;
}
