/**
 * Template literal types are strings of their form, matched as TypeScript matches them: the
 * `template-literals` fixture run, its samples' verdicts checked against tsc itself, and the
 * OpenAPI pattern (kit/template-literal.ts) checked against the validator on the same texts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { templatePattern } from '../../../src/generators/kit/template-literal.js';
import type { Model, ObjectType, StringType } from '../../../src/model/types.js';
import { tscSampleVerdicts } from '../../helpers/tsc-sample-verdicts.js';
import { VALIDATE_SAMPLES } from '../../helpers/validate-samples.js';
import { FIXTURES_DIR, loadGenerated, validatorsOf, type TypeValidators } from './helpers.js';

let network: TypeValidators;

beforeAll(async () => {
  network = validatorsOf(await loadGenerated('template-literals', 'template-literals.validate.ts'), 'Network');
});

const valid = { ssid: 'wifi5', version: 'v1.2.3', size: '10px', id: '42', route: '/users/ann/posts/7', pair: '12', escaped: 'a.b*(1.5)[x]$', mixed: 'ax1', side: 'left-7' };

describe('template literal types', () => {
  it('accept the texts TypeScript accepts, whatever `+text` reads as a finite number', () => {
    for (const ssid of ['wifi5', 'wifi 1', 'wifi0x1F', 'wifi.5', 'wifi-2']) expect(network.accepts({ ...valid, ssid }), ssid).toBe(true);
  });

  it('reject the others with a pattern issue that names the type', () => {
    expect(network.issues({ ...valid, ssid: 'wifi1e400' })).toEqual(['/ssid pattern']);
    expect(network.issues({ ...valid, ssid: 5 })).toEqual(['/ssid type']);
  });

  it('end each hole where the text after it first occurs, as TypeScript does', () => {
    // `${string}x${number}`: "a" | "bx1", and "bx1" is no number.
    expect(network.issues({ ...valid, mixed: 'axbx1' })).toEqual(['/mixed pattern']);
    // `${number}${number}`: "1" | "e5".
    expect(network.issues({ ...valid, pair: '1e5' })).toEqual(['/pair pattern']);
    // `v${number}.${number}.${number}`: "1" | "5" | "2.3".
    expect(network.accepts({ ...valid, version: 'v1.5.2.3' })).toBe(true);
  });
});

describe('the template-literals samples agree with tsc', () => {
  it('accepts the valid samples and rejects the invalid ones', () => {
    const { actual, expected } = tscSampleVerdicts(join(FIXTURES_DIR, 'template-literals', 'input', 'template-literals.ts'), VALIDATE_SAMPLES['template-literals']!);
    expect(actual).toEqual(expected);
  });
});

describe('the OpenAPI pattern of each template', () => {
  const model = JSON.parse(readFileSync(join(FIXTURES_DIR, 'template-literals', 'model.json'), 'utf8')) as Model;
  const properties = (model.declarations.find((declaration) => declaration.name === 'Network')!.type as ObjectType).properties;
  const templates = properties.flatMap((property) => {
    const members = property.type.kind === 'union' ? property.type.members : property.type.kind === 'array' ? [property.type.items] : [property.type];
    return members.filter((member): member is StringType & { template: NonNullable<StringType['template']> } => member.kind === 'string' && member.template !== undefined).map((member) => ({ name: property.name, template: member.template }));
  });

  it('compiles in Unicode mode and gives the validator verdict on texts around each hole', async () => {
    const { isTemplate } = (await loadGenerated('template-literals', 'validation.ts')) as { isTemplate: (text: string, template: unknown) => boolean };
    const holeTexts = ['', ' ', '1', '12', '-1', '1.5', '.', '1e3', '1e', 'e5', '0x1F', '-0x1F', '01', '0b2', 'x', 'ab', '/posts/', ')', '[', '%', 'px', '-', 'left', '1 ', ' 1 ', '\u00a0', 'Infinity'];
    expect(templates.length).toBeGreaterThan(8);
    let compared = 0;
    for (const { name, template } of templates) {
      const pattern = new RegExp(templatePattern(template), 'u');
      const spec = { texts: template.texts, holes: template.holes.map((hole) => (hole.kind === 'union' ? hole.members.map((member) => String((member as { value: unknown }).value)) : hole.kind)) };
      // Every text with each hole filled from `holeTexts` (two holes: all pairs; three: a diagonal and shifts).
      const fills = template.holes.length === 1 ? holeTexts.map((text) => [text]) : holeTexts.flatMap((a, i) => holeTexts.map((b, j) => [a, b, holeTexts[(i + j) % holeTexts.length]!].slice(0, template.holes.length)));
      for (const fill of fills) {
        const text = template.texts.map((part, i) => part + (fill[i] ?? '')).join('');
        expect(pattern.test(text), `${name}: ${JSON.stringify(text)} against /${pattern.source}/u`).toBe(isTemplate(text, spec));
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });
});
