/**
 * Generation speed: the built CLI on a copy of the bookstore example and on a synthetic
 * project, each in a temporary folder (so the repository's own outputs and format cache are
 * never touched): cold, warm (nothing changed), after a `touch` and after editing one file.
 */
import { appendFileSync, cpSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatTable } from '../runtime/table.js';
import { writeSyntheticProject } from './synthetic-project.js';
import { timeGenerate, type CliRun } from './time-cli.js';

// This file runs from bench/.out/bench/generation/, four folders below the repository root.
const BOOKSTORE = fileURLToPath(new URL('../../../../examples/bookstore/', import.meta.url));
const SYNTHETIC_FILES = 40;

interface Project {
  name: string;
  /** Writes the project into the empty folder `root`. */
  write: (root: string) => void;
  /** The model file the edit scenarios change, relative to the project. */
  editedFile: string;
}

const PROJECTS: Project[] = [
  { name: 'bookstore example (7 model + 2 service files)', write: copyBookstore, editedFile: 'src/models/review.ts' },
  {
    name: `synthetic (${SYNTHETIC_FILES} files × 10 interfaces)`,
    write: (root) => writeSyntheticProject(root, SYNTHETIC_FILES),
    editedFile: 'src/models/module-00.ts',
  },
];

/** Times every scenario on every project and prints one table per project. */
export async function benchGeneration(print: (line: string) => void): Promise<void> {
  for (const project of PROJECTS) {
    const root = mkdtempSync(join(tmpdir(), 'codegen-bench-'));
    try {
      project.write(root);
      const runs = scenarios(root, project.editedFile);
      print('');
      print(`■ Generation: ${project.name}, node bin/codegen.js generate --cwd <tmp>`);
      const rows = runs.map((run) => [run.label, `${run.seconds.toFixed(2)} s`, run.summary.replace(/^✓ /, '')]);
      for (const line of formatTable(['run', 'wall time', 'CLI summary'], rows, [0, 2])) print(`  ${line}`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
}

function scenarios(root: string, editedFile: string): CliRun[] {
  const edited = join(root, editedFile);
  const runs = [timeGenerate(root, 'cold (no output, no format cache)')];
  resetOutputs(root);
  runs.push(timeGenerate(root, 'cold again'));
  runs.push(timeGenerate(root, 'warm (nothing changed)'));
  runs.push(timeGenerate(root, 'warm again'));
  const now = new Date();
  utimesSync(edited, now, now);
  runs.push(timeGenerate(root, `touch ${editedFile} (mtime only)`));
  for (const n of [1, 2]) {
    appendFileSync(edited, `\n/** Added by the bench. */\nexport interface BenchEdit${n} {\n  /** @minLength ${n} */\n  value: string;\n}\n`);
    runs.push(timeGenerate(root, `edit ${editedFile} (+1 interface)`));
  }
  return runs;
}

/** Back to a cold start: no generated files, no manifest, no format cache. */
function resetOutputs(root: string): void {
  rmSync(join(root, 'src', 'generated'), { recursive: true, force: true });
  rmSync(join(root, 'node_modules'), { recursive: true, force: true });
}

function copyBookstore(root: string): void {
  for (const folder of ['models', 'services', 'lib']) {
    cpSync(join(BOOKSTORE, 'src', folder), join(root, 'src', folder), { recursive: true });
  }
  cpSync(join(BOOKSTORE, 'tsconfig.json'), join(root, 'tsconfig.json'));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'bookstore', private: true, type: 'module' }, null, 2));
  writeFileSync(
    join(root, 'codegen.config.yaml'),
    'input:\n  - src/models/**/*.ts\n  - src/services/**/*.ts\noutput: src/generated\ngenerators:\n  validate: {}\n',
  );
}
