/** `tsc --strict --noEmit` over a folder of sources and generated files, as the spec demands. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkProject } from './tsc.js';

/**
 * Type-checks every .ts file below `root` (or those `include` names); resolves to tsc's messages
 * ('' when clean). `options` adds compiler options (e.g. `rootDirs`); it cannot loosen `strict`.
 */
export async function typecheck(root: string, include: string[] = ['**/*.ts'], options: Record<string, unknown> = {}): Promise<string> {
  const config = {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      noEmit: true,
      skipLibCheck: true,
      experimentalDecorators: true,
      types: [],
      ...options,
      strict: true,
    },
    include,
  };
  const file = join(root, 'tsconfig.typecheck.json');
  writeFileSync(file, JSON.stringify(config, null, 2));
  return checkProject(file, root);
}
