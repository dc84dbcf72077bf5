/**
 * One project, from config to formatted files in memory: inputs → analyze → check → plan →
 * render → header → format. Nothing here writes to disk, so a failure anywhere loses nothing.
 */
import { posix } from 'node:path';
import type { AnalyzeResult } from '../analyzer/index.js';
import { withGeneratorDefaults } from '../config/index.js';
import type { ProjectConfig } from '../config/types.js';
import { diagnostic } from '../diagnostics/create.js';
import { DiagnosticError, type Diagnostic } from '../diagnostics/types.js';
import { addHeader } from '../emit/index.js';
import type { CommonGeneratorOptions, GeneratorDefinition, PlanContext, PlannedFile } from '../generators/kit/contract.js';
import type { Model } from '../model/types.js';
import type { Renderer } from '../render/index.js';
import { indexFile } from './index-file.js';
import { selectTypes } from './select-types.js';
import type { Timings } from './timings.js';

export interface OutputFile {
  /** POSIX path relative to the project's output folder. */
  path: string;
  content: string;
  source: string;
  /** See `PlannedFile.indexExports`. */
  indexExports?: string[];
}

export interface ProjectBuildInput {
  project: ProjectConfig;
  analysis: AnalyzeResult;
  context: PlanContext;
  generators: readonly GeneratorDefinition<any>[];
  renderer: Renderer;
  format: (path: string, content: string) => Promise<string>;
  /** `--only`: generator names to run (all configured ones when empty). */
  only: readonly string[];
  /** `--type`: declaration names to generate for (all when empty). */
  types: readonly string[];
  timings: Timings;
}

export interface ProjectBuild {
  model: Model;
  files: OutputFile[];
  diagnostics: Diagnostic[];
}

/** Plans, renders and formats every output file of one project. */
export async function buildProject(input: ProjectBuildInput): Promise<ProjectBuild> {
  const model = selectTypes(input.analysis.model, input.types);
  const diagnostics: Diagnostic[] = [];
  const active = activeGenerators(input);
  const planned = input.timings.measure('plan', () => planAll(model, active, input, diagnostics));
  if (diagnostics.some((d) => d.severity === 'error')) return { model, files: [], diagnostics };

  const rendered = input.timings.measure('render', () => renderAll(planned, input.renderer, diagnostics));
  if (rendered.some((file) => file.path.endsWith('.ts'))) rendered.push(indexFile(rendered, input.context));
  const files = await input.timings.measureAsync('format', () => formatAll(rendered, input.format, diagnostics));
  return { model, files, diagnostics };
}

interface PlannedWithGenerator {
  generator: string;
  file: PlannedFile;
}

function activeGenerators(input: ProjectBuildInput): { definition: GeneratorDefinition<any>; options: Record<string, unknown> }[] {
  return Object.entries(input.project.generators)
    .filter(([name]) => input.only.length === 0 || input.only.includes(name))
    .flatMap(([name, options]) => {
      const definition = input.generators.find((generator) => generator.name === name);
      return definition ? [{ definition, options: withDefaults(definition, options) }] : [];
    });
}

function withDefaults(definition: GeneratorDefinition<any>, options: Record<string, unknown>): Record<string, unknown> & CommonGeneratorOptions {
  return withGeneratorDefaults(definition, options) as Record<string, unknown> & CommonGeneratorOptions;
}

function planAll(
  model: Model,
  active: ReturnType<typeof activeGenerators>,
  input: ProjectBuildInput,
  diagnostics: Diagnostic[],
): PlannedWithGenerator[] {
  const planned: PlannedWithGenerator[] = [];
  for (const { definition, options } of active) {
    try {
      diagnostics.push(...(definition.check?.(model, options as never) ?? []));
      const folder = typeof options['output'] === 'string' ? options['output'] : '';
      for (const file of definition.plan(model, options as never, input.context)) {
        planned.push({ generator: definition.name, file: { ...file, path: posix.join(folder, file.path) } });
      }
    } catch (error) {
      diagnostics.push(...pluginFailure(definition.name, error));
    }
  }
  return planned;
}

function renderAll(planned: PlannedWithGenerator[], renderer: Renderer, diagnostics: Diagnostic[]): OutputFile[] {
  const files: OutputFile[] = [];
  for (const { generator, file } of planned) {
    try {
      const rendered: OutputFile = { path: file.path, content: renderer.render(generator, file), source: file.source };
      if (file.indexExports) rendered.indexExports = file.indexExports;
      files.push(rendered);
    } catch (error) {
      diagnostics.push(...pluginFailure(generator, error));
    }
  }
  return files;
}

async function formatAll(
  files: OutputFile[],
  format: ProjectBuildInput['format'],
  diagnostics: Diagnostic[],
): Promise<OutputFile[]> {
  const formatted: OutputFile[] = [];
  for (const file of files) {
    try {
      const content = await format(file.path, addHeader(file.path, file.content, file.source));
      formatted.push({ ...file, content });
    } catch (error) {
      diagnostics.push(...pluginFailure('format', error));
    }
  }
  return formatted;
}

function pluginFailure(generator: string, error: unknown): Diagnostic[] {
  if (error instanceof DiagnosticError) return error.diagnostics;
  const message = error instanceof Error ? error.message : String(error);
  const failure = diagnostic('CG3006', { message: `Generator "${generator}" failed: ${message}` });
  if (error instanceof Error && error.stack) failure.stack = error.stack;
  return [failure];
}
