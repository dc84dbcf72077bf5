/**
 * The commented `codegen.config.yaml` that `codegen init` writes, built from the option table:
 * every top-level key with its description, optional ones commented out.
 */
import { Document, isSeq, stringify, visit } from 'yaml';
import { CONFIG_OPTIONS, type ConfigOption } from './option-table.js';

export interface InitConfigOptions {
  /** The package name under node_modules that ships the schema. */
  packageName: string;
  input?: string[];
  output?: string;
  /** Generators offered as commented-out examples (the built-in ones). */
  generators: readonly { name: string; description: string }[];
}

/** The text of a new, commented config file. */
export function renderInitConfig(options: InitConfigOptions): string {
  const overrides: Record<string, unknown> = { input: options.input, output: options.output };
  const examples = options.generators;
  const lines = [
    `# yaml-language-server: $schema=./node_modules/${options.packageName}/schema/codegen.config.schema.json`,
    '# codegen config: every key is described in docs/config.md; relative paths resolve against this file.',
  ];
  for (const option of CONFIG_OPTIONS.filter((o) => o.init !== undefined)) {
    const value = overrides[option.key] ?? option.init!.value;
    lines.push('', `# ${option.description}`, ...renderOption(option, value));
    if (option.key === 'generators') lines.push(...generatorExamples(value as Record<string, unknown>, examples));
  }
  return `${lines.join('\n')}\n`;
}

function renderOption(option: ConfigOption, value: unknown): string[] {
  const nested = option.key === 'generators' || option.key === 'projects';
  const text = nested ? blockWithFlowLists({ [option.key]: value }) : `${option.key}: ${inline(value)}`;
  const rendered = text.trimEnd().split('\n');
  return option.init!.active ? rendered : rendered.map((line) => `# ${line}`);
}

function generatorExamples(active: Record<string, unknown>, examples: readonly { name: string; description: string }[]): string[] {
  return examples
    .filter((g) => !(g.name in active))
    .map((g) => `#   ${g.name}: {}`.padEnd(24) + `# ${g.description}`);
}

function inline(value: unknown): string {
  return stringify(value, { collectionStyle: 'flow', flowCollectionPadding: false }).trimEnd();
}

/** Block mappings, but lists inline (`input: [a, b]`), which reads best in a short example. */
function blockWithFlowLists(value: unknown): string {
  const document = new Document(value);
  visit(document, {
    Seq(_, node) {
      if (isSeq(node)) node.flow = true;
    },
  });
  return document.toString({ flowCollectionPadding: false });
}
