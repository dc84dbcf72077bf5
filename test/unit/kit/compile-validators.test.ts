/**
 * `compileValidators`: validators for a type that is not a declaration (a repository's
 * synthesized create input), compiled into another generator's file. They import validate's
 * runtime and the collectors of the named declarations they reach, compile under `tsc --strict`
 * beside validate's real output, and accept and reject values as validate's own would.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { format } from 'prettier';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileValidators, validatorRequest, type CompiledValidators, type ValidatorSubject } from '../../../src/generators/kit/compile-validators.js';
import { defineGenerator, type PlanContext, type PlannedFile } from '../../../src/generators/kit/contract.js';
import { createPlanContext, plannedOutputs, planGenerators } from '../../../src/generators/kit/plan-outputs.js';
import { validateGenerator } from '../../../src/generators/validate/index.js';
import type { TypeNode } from '../../../src/model/types.js';
import { createRenderer } from '../../../src/render/index.js';
import { typecheck } from '../../helpers/typecheck.js';
import { declaration, model, object, property, ref } from './model-builders.js';

const ROOT = resolve('test/.tmp/kit-compile-validators');
const paths = { inputRoot: 'input', outputDir: 'generated', outputToRoot: '..', importExtension: '.js' as const, configSource: 'codegen.config.yaml' };
const SOURCE = `export interface Money {\n  amount: number;\n  currency: "EUR" | "USD";\n}\n\nexport interface Address {\n  city: string;\n}\n`;

const inShop = { source: { file: 'input/shop.ts', line: 1, column: 1 }, generators: ['validate'] };
const money = declaration(
  'Money',
  object(
    property('amount', { kind: 'number', constraints: { minimum: 0, multipleOf: '0.01' } }),
    property('currency', { kind: 'union', members: [{ kind: 'literal', value: 'EUR' }, { kind: 'literal', value: 'USD' }] }),
  ),
  inShop,
);
const address = declaration('Address', object(property('city', { kind: 'string', constraints: { minLength: 1 } })), inShop);
const shop = model(money, address);

/** What a crud generator would synthesize from a Book entity's columns: not a declaration. */
const bookCreate: TypeNode = object(
  property('title', { kind: 'string', constraints: { minLength: 1, maxLength: 20 } }),
  property('price', ref('Money')),
  property('shipTo', ref('Address'), { optional: true }),
  property('tags', { kind: 'array', items: { kind: 'string' } }),
);

const subjects: ValidatorSubject[] = [{ name: 'BookCreate', type: bookCreate }];

/** A plugin building on validate, the way crud does: it asks for its subjects' helpers, then compiles them. */
const shelf = defineGenerator({
  name: 'shelf',
  description: 'Validators of synthesized input shapes',
  options: [],
  templatesDir: '/nowhere',
  uses: ['validate'],
  requests: () => ({ validate: validatorRequest(subjects) }),
  plan(model, _options, context) {
    const compiled = compileValidators(subjects, { model, path: 'books/book.crud.ts', context });
    return [{ path: 'books/book.crud.ts', template: 'file.hbs', data: { ...compiled }, source: 'input/shop.ts' }];
  },
});

/** Plans validate (into `checks/`) and the plugin, as the pipeline does. */
function planBoth() {
  const planned = planGenerators(
    shop,
    [
      { generator: validateGenerator, options: { split: 'file', coerce: false, output: 'checks' } },
      { generator: shelf, options: { split: 'file' } },
    ],
    paths,
  );
  return { validateFiles: planned.get('validate')!, compiled: planned.get('shelf')![0]!.data as unknown as CompiledValidators };
}

/** The consumer's context after validate planned without being asked for anything. */
function unaskedContext(): PlanContext {
  const options = { split: 'file' as const, coerce: false, output: 'checks' };
  const files = validateGenerator.plan(shop, options, createPlanContext(paths));
  return createPlanContext(paths, new Map([['validate', plannedOutputs(files, options)]]), ['validate']);
}

describe('compileValidators', () => {
  const { validateFiles, compiled } = planBoth();
  const context = unaskedContext();

  it("imports validate's runtime and the collectors of the declarations it reaches, by their exported names", () => {
    expect(compiled.functions).toEqual({
      BookCreate: { is: 'isBookCreate', validate: 'validateBookCreate', assert: 'assertBookCreate', collect: 'collectBookCreateIssues' },
    });
    expect(compiled.imports).toEqual([
      { names: 'Address, Money', from: '../../input/shop.js', typeOnly: true },
      { names: 'ValidationIssue, ValidationResult', from: '../checks/validation.js', typeOnly: true },
      { names: 'collectAddressIssues, collectMoneyIssues, isAddress, isMoney', from: '../checks/shop.validate.js', typeOnly: false },
      { names: 'ValidationError, codePointLength, isArray, isObject, report', from: '../checks/validation.js', typeOnly: false },
    ]);
  });

  it('refuses a reference to a declaration validate did not process', () => {
    const unknownRef = object(property('owner', ref('Owner')));
    const withOwner = model(money, address, declaration('Owner', object(), { source: { file: 'input/shop.ts', line: 1, column: 1 } }));
    expect(() => compileValidators([{ name: 'Bad', type: unknownRef }], { model: withOwner, path: 'bad.ts', context })).toThrow(
      'the validate generator exports no `is` function for Owner',
    );
  });

  it("refuses a check whose helper validate's runtime does not hold because nobody requested it", () => {
    const withDate = object(property('at', { kind: 'date' }));
    expect(() => compileValidators([{ name: 'Stamp', type: withDate }], { model: shop, path: 'stamp.ts', context })).toThrow(
      "the validate generator's runtime exports no `isValidDate` (a check the compiled code calls); ask for it with `requests: () => ({ validate: validatorRequest(subjects) })`",
    );
  });

  it("puts the requested subjects' helpers in validate's runtime, and only when asked", () => {
    const helpers = (files: PlannedFile[]) => files.find((file) => file.path === 'validation.ts')!.exports!.map((entry) => entry.name);
    expect(helpers(validateFiles)).toEqual(expect.arrayContaining(['codePointLength', 'isArray']));
    const unasked = validateGenerator.plan(shop, { split: 'file', coerce: false }, createPlanContext(paths));
    expect(helpers(unasked)).not.toContain('codePointLength');
  });

  describe('the emitted file', () => {
    let folder = '';
    beforeAll(async () => {
      rmSync(ROOT, { recursive: true, force: true });
      const renderer = createRenderer({ generators: [validateGenerator], displayRoot: process.cwd() });
      const write = async (path: string, content: string) => {
        mkdirSync(dirname(join(ROOT, path)), { recursive: true });
        writeFileSync(join(ROOT, path), await format(content, { parser: 'typescript' }));
      };
      for (const file of validateFiles) await write(join('generated/checks', file.path), renderer.render('validate', file));
      const imports = compiled.imports.map(({ names, from, typeOnly }) => `import ${typeOnly ? 'type ' : ''}{ ${names} } from "${from}";`);
      await write('generated/books/book.crud.ts', `${imports.join('\n')}\n\n${compiled.code}\n`);
      await write('input/shop.ts', SOURCE);
      writeFileSync(join(ROOT, 'package.json'), JSON.stringify({ type: 'module' }));
      folder = ROOT;
    });

    it('compiles under tsc --strict beside the validate output', async () => {
      expect(await typecheck(folder)).toBe('');
    }, 60_000);

    it('accepts a valid input and reports every issue of an invalid one, with paths into the referenced declarations', async () => {
      const crud = (await import(join(folder, 'generated/books/book.crud.ts'))) as Record<string, (value: unknown) => any>;
      const valid = { title: 'Dune', price: { amount: 9.99, currency: 'EUR' }, tags: ['sf'] };
      expect(crud['isBookCreate']!(valid)).toBe(true);
      expect(crud['validateBookCreate']!(valid)).toEqual({ success: true, data: valid });
      const invalid = { title: '', price: { amount: 9.999, currency: 'GBP' }, shipTo: { city: '' }, tags: [1] };
      expect(crud['isBookCreate']!(invalid)).toBe(false);
      const result = crud['validateBookCreate']!(invalid);
      expect(result.issues.map((issue: { path: string; code: string }) => `${issue.path} ${issue.code}`)).toEqual([
        '/title minLength',
        '/price/amount multipleOf',
        '/price/currency union',
        '/shipTo/city minLength',
        '/tags/0 type',
      ]);
      expect(() => crud['assertBookCreate']!(invalid)).toThrow(expect.objectContaining({ name: 'ValidationError' }));
    });
  });
});
