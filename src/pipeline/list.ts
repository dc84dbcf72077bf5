/** `codegen list`: generators, inputs and outputs, ready for Turborepo/Nx `inputs`/`outputs`. */
import { posix } from 'node:path';
import type { Diagnostic } from '../diagnostics/types.js';
import { BUILTIN_GENERATOR_INFO } from '../generators/builtin-info.js';
import type { ProjectGenerator } from './build-project.js';
import { posixRelative } from '../config/paths.js';
import { run, type RunOptions } from './run.js';

export interface ListResult {
  exitCode: 0 | 2;
  generators: { name: string; description: string; builtin: boolean }[];
  projects: {
    name: string;
    input: string[];
    inputFiles: string[];
    /** The generators the project runs, in planning order; `enabledBy` marks one enabled because others use it. */
    generators: ProjectGenerator[];
    output: string;
    outputFiles: string[];
  }[];
  diagnostics: Diagnostic[];
}

/** Lists what a run reads and writes, paths relative to the working folder. */
export async function list(options: Omit<RunOptions, 'mode'> = {}): Promise<ListResult> {
  const cwd = options.cwd ?? process.cwd();
  const result = await run({ ...options, mode: 'dry-run' });
  const builtin = new Set(BUILTIN_GENERATOR_INFO.map((generator) => generator.name));
  return {
    exitCode: result.exitCode === 0 ? 0 : 2,
    generators: result.generators.map((generator) => ({
      name: generator.name,
      description: generator.description,
      builtin: builtin.has(generator.name),
    })),
    projects: result.projects.map((project) => {
      const output = posixRelative(cwd, project.outputDir);
      return {
        name: project.name,
        input: project.input,
        inputFiles: project.inputFiles.map((file) => posixRelative(cwd, file)),
        generators: project.generators,
        output,
        outputFiles: project.plan.entries
          .filter((entry) => entry.action !== 'delete')
          .map((entry) => posix.join(output, entry.path)),
      };
    }),
    diagnostics: result.diagnostics,
  };
}
