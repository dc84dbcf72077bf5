/**
 * The config file's JSON Schema (draft-07, what yaml-language-server handles best), built from
 * the option table and the generators' option tables: the schema editors use for completion
 * and hover, shipped as schema/codegen.config.schema.json.
 */
import type { GeneratorOption } from '../generators/kit/contract.js';
import { COMMON_GENERATOR_OPTIONS } from './common-generator-options.js';
import { CONFIG_OPTIONS, type ConfigOption, type JsonSchema } from './option-table.js';

export interface GeneratorSchemaSource {
  name: string;
  description: string;
  options: GeneratorOption[];
}

/** The JSON Schema of the config file, with each listed generator's options under `generators.<name>`. */
export function buildConfigSchema(generators: readonly GeneratorSchemaSource[]): JsonSchema {
  const rootOptions = CONFIG_OPTIONS.filter((o) => o.scope === 'root' && o.key !== 'projects');
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'codegen config',
    description: 'Configuration of codegen (codegen.config.yaml, .yml or .json).',
    type: 'object',
    properties: {
      ...Object.fromEntries(rootOptions.map((o) => [o.key, optionSchema(o)])),
      ...projectProperties(),
      projects: {
        description: describedOption('projects'),
        type: 'object',
        minProperties: 1,
        additionalProperties: { $ref: '#/definitions/project' },
      },
    },
    additionalProperties: false,
    // `input` is required, at the top level or in the projects (checked per project on load).
    anyOf: [{ required: ['input'] }, { required: ['projects'] }],
    definitions: {
      project: {
        description: 'One project: its settings override the top-level ones.',
        type: ['object', 'null'],
        properties: projectProperties(),
        additionalProperties: false,
      },
      generators: generatorsSchema(generators),
    },
  };
}

function projectProperties(): Record<string, JsonSchema> {
  return Object.fromEntries(
    CONFIG_OPTIONS.filter((o) => o.scope === 'project').map((o) => [
      o.key,
      // draft-07 ignores keywords beside $ref, so the description sits beside an allOf.
      o.key === 'generators' ? withDoc(o, { allOf: [{ $ref: '#/definitions/generators' }] }) : optionSchema(o),
    ]),
  );
}

function optionSchema(option: ConfigOption): JsonSchema {
  return withDoc(option, option.schema);
}

function withDoc(option: ConfigOption, schema: JsonSchema): JsonSchema {
  const documented: JsonSchema = { description: option.description, ...schema };
  if (option.default !== undefined) documented.default = option.default;
  return documented;
}

function generatorsSchema(generators: readonly GeneratorSchemaSource[]): JsonSchema {
  return {
    type: 'object',
    properties: Object.fromEntries(generators.map((g) => [g.name, generatorSchema(g)])),
    additionalProperties: {
      description: 'A custom generator (from `plugins`) and its options.',
      type: ['object', 'null'],
    },
  };
}

function generatorSchema(generator: GeneratorSchemaSource): JsonSchema {
  const options = [...COMMON_GENERATOR_OPTIONS, ...generator.options];
  return {
    description: generator.description,
    type: ['object', 'null'],
    properties: Object.fromEntries(options.map((o) => [o.name, generatorOptionSchema(o)])),
    additionalProperties: false,
  };
}

function generatorOptionSchema(option: GeneratorOption): JsonSchema {
  const schema: JsonSchema = { description: option.description, ...option.schema };
  if (option.default !== undefined) schema.default = option.default;
  return schema;
}

function describedOption(key: string): string {
  return CONFIG_OPTIONS.find((o) => o.key === key)?.description ?? '';
}
