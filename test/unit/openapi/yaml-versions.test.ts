/**
 * openapi.yaml means the same to a YAML 1.1 reader as to a YAML 1.2 one (tester s12 T3). Many
 * OpenAPI tools read YAML 1.1 (PyYAML, SnakeYAML in openapi-generator and swagger-parser, go-yaml
 * v2), where a plain `no` is false, `on:` the key true, `2024-01-01` a date, `12:30:00` the
 * sexagesimal 45000 and `1_000` the number 1000. Strings that either version would read as
 * something else are quoted (keys included), so both read the document the JSON file holds:
 * checked with the `yaml` package in both modes, after Prettier, on titles, property keys,
 * `required`, enum members, defaults, examples and descriptions.
 */
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { analyzeSources, generate, jsonDocument } from './helpers.js';

const SOURCE = [
  '/** Words YAML 1.1 reads as booleans, numbers, dates or null. */',
  'export interface Toggle {',
  '  on: boolean;',
  '  off?: string;',
  '  y: number;',
  "  answer: 'yes' | 'no' | 'y' | 'n' | 'on' | 'off' | 'Yes' | 'NO' | 'true' | 'null' | '~' | '';",
  "  version: '1.0' | '1e3' | '0x1F' | '012' | '0o17' | '0b101' | '2024-01-01' | '12:30:00' | '190:20:30' | '.inf' | '-.nan' | '1_000' | '+12';",
  '  /** @default "no" @example "off" */',
  '  def: string;',
  '  /** on */',
  '  described: string;',
  '}',
  '',
].join('\n');

describe('openapi.yaml under YAML 1.1 and 1.2', () => {
  it('reads as the JSON document under both versions, each such string quoted', async () => {
    const { model } = analyzeSources({ 'toggle.ts': SOURCE });
    const { files } = await generate(model, { split: 'file', formats: ['yaml', 'json'], title: 'no', version: '1.0' });
    const json = jsonDocument(files);
    const yaml = files.find((file) => file.path === 'openapi.yaml')!.content;
    expect(parse(yaml, { version: '1.2' })).toEqual(json);
    expect(parse(yaml, { version: '1.1' })).toEqual(json);
    // The cases that differ between the versions were there to be misread.
    expect(yaml).toMatch(/^ {2}title: "no"$/m);
    expect(yaml).toMatch(/^ {8}"on":$/m);
    for (const word of ['yes', 'no', 'on', 'off', '2024-01-01', '12:30:00', '1_000']) expect(yaml).toContain(`- "${word}"`);
  });
});
