/** The resolved config as YAML, for `codegen config --print`: defaults applied, paths relative to cwd. */
import { stringify } from 'yaml';
import { relativeForDisplay } from './paths.js';
import type { ProjectConfig, ResolvedConfig } from './types.js';

/** The resolved config as YAML, paths shown relative to `cwd`. */
export function printConfig(config: ResolvedConfig, cwd: string): string {
  const rel = (p: string) => relativeForDisplay(cwd, p);
  const printed = {
    configFile: rel(config.configFile),
    rootDir: rel(config.rootDir),
    projects: Object.fromEntries(config.projects.map((project) => [project.name, printProject(project, rel)])),
  };
  return stringify(printed, { lineWidth: 0 });
}

function printProject(project: ProjectConfig, rel: (p: string) => string): Record<string, unknown> {
  return {
    input: project.input,
    output: rel(project.output),
    tsconfig: project.tsconfig === undefined ? null : rel(project.tsconfig),
    generators: project.generators,
    templates: project.templates === undefined ? null : rel(project.templates),
    plugins: project.plugins.map(rel),
    format: project.format,
    onHandEdit: project.onHandEdit,
    protect: project.protect,
    debounce: project.debounce,
  };
}
