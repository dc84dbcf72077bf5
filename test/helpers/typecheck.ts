/** `tsc --strict --noEmit` over a folder of sources and generated files, as the spec demands. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkProject } from './tsc.js';

/** Type-checks every .ts file below `root`; resolves to tsc's messages ('' when clean). */
export async function typecheck(root: string, include: string[] = ['**/*.ts']): Promise<string> {
  const config = {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      experimentalDecorators: true,
      types: [],
    },
    include,
  };
  const file = join(root, 'tsconfig.typecheck.json');
  writeFileSync(file, JSON.stringify(config, null, 2));
  return checkProject(file, root);
}
