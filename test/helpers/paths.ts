import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Scratch space inside the repo, so temp projects resolve this repo's node_modules (Prettier, TypeScript). */
export const TMP_ROOT = join(REPO_ROOT, 'test', '.tmp');
/** The built CLI entry (tests run after `npm run build`). */
export const BIN = join(REPO_ROOT, 'bin', 'codegen.js');
export const TSC = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
