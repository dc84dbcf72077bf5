/** `tsc --strict --noEmit` over a folder of sources and generated files, as the spec demands. */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { TSC } from './paths.js';

const run = promisify(execFile);

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
  try {
    await run(process.execPath, [TSC, '-p', file], { cwd: root });
    return '';
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string; message: string };
    return `${failure.stdout ?? ''}${failure.stderr ?? ''}` || failure.message;
  }
}
