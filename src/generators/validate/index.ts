/**
 * The `validate` generator: `isT`, `validateT` and `assertT` for every processed type (and the
 * types they reach), in one file per source file, plus a small runtime file. Built on the
 * generator contract exactly as a plugin would be.
 */
import { diagnostic } from '../../diagnostics/create.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import type { Model, TypeNode } from '../../model/types.js';
import { withOptionDefaults } from '../kit/common-options.js';
import { defineGenerator, type CommonGeneratorOptions, type TemplateHelper } from '../kit/contract.js';
import { createDeclarationIndex } from '../kit/declaration-index.js';
import { perFrozenPart } from '../kit/frozen-memo.js';
import { collectInType } from '../kit/walk.js';
import { decimalFraction } from '../../model/decimal-fraction.js';
import { importableAsValue, isNominalClass, nominalClassOf } from './compile/behaviour-checks.js';
import { fileExports, runtimeExports } from './exports.js';
import { VALIDATE_INFO } from './info.js';
import { buildValidatePlan, GENERATOR_NAME, validatedDeclarations, type DeclarationView, type ValidateOptions } from './view-model.js';

/** Template helpers: the compiled code of a declaration view, overridable by name. */
const helpers: Record<string, TemplateHelper> = {
  isBody: (declaration: DeclarationView) => declaration.isBody,
  collectBody: (declaration: DeclarationView) => declaration.collectBody,
  coerceBody: (declaration: DeclarationView) => declaration.coerceBody,
};

export const validateGenerator = defineGenerator<ValidateOptions>({
  ...VALIDATE_INFO,
  helpers,
  check: (model) => checkValidate(model),
  plan(model, options, context) {
    const plan = buildValidatePlan(model, withDefaults(options), context);
    if (plan.files.length === 0) return [];
    return [
      ...plan.files.map((file) => ({
        path: file.path,
        template: 'file.hbs',
        data: { ...file.view },
        source: file.source,
        exports: fileExports(file.view.declarations),
      })),
      {
        path: plan.runtime.path,
        template: 'runtime.hbs',
        data: { ...plan.runtime.view },
        source: context.configSource,
        // The helpers are for the generated files; users get the result types and the error.
        indexExports: ['ValidationError', 'type ValidationIssue', 'type ValidationResult'],
        exports: runtimeExports(plan.runtime.view.helpers),
      },
    ];
  },
});

function withDefaults(options: Partial<ValidateOptions> & CommonGeneratorOptions): ValidateOptions & CommonGeneratorOptions {
  return withOptionDefaults(VALIDATE_INFO.options, options);
}

/**
 * What the validators cannot check, reported before anything is written: a `multipleOf` a
 * double cannot check exactly, and a class with non-public members (only its instances are
 * values of it) that generated code cannot import for `instanceof`. Everything else in the model
 * has a check (`unknown` accepts anything).
 */
function checkValidate(model: Model): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const index = createDeclarationIndex(model);
  for (const declaration of validatedDeclarations(index)) {
    const base = declaration.kind === 'class' ? undefined : nominalClassOf(declaration, index);
    if (base && !importableAsValue(base)) {
      const how = !base.exported ? 'it is not exported' : base.typeOnlyExport ? 'it is exported with `export type` only' : 'it is declared with no JavaScript behind it (in a declaration file or with `declare`)';
      diagnostics.push(
        diagnostic('CG5001', {
          message: `validate cannot check ${declaration.name}: it inherits non-public members from the class ${base.name}, so its only values are instances of ${base.name}, which its validator tests with \`instanceof\`, but ${how}, so generated code cannot import it as a value.`,
          hint: `Export the class with \`export class ${base.name}\` (or \`export { ${base.name} }\`), make its members public, or leave ${declaration.name} out of validate with \`@codegen\`.`,
          file: declaration.source.file,
          line: declaration.source.line,
          column: declaration.source.column,
        }),
      );
    }
    if (isNominalClass(declaration) && !importableAsValue(declaration)) {
      const how = !declaration.exported ? 'it is not exported' : declaration.typeOnlyExport ? 'it is exported with `export type` only' : 'it is declared with no JavaScript behind it (in a declaration file or with `declare`)';
      diagnostics.push(
        diagnostic('CG5001', {
          message: `validate cannot check ${declaration.name}: a class with non-public members has no values but its instances, which its validator tests with \`instanceof\`, but ${how}, so generated code cannot import it as a value.`,
          hint: `Export the class with \`export class ${declaration.name}\` (or \`export { ${declaration.name} }\`), make its members public, or leave it out of validate with \`@codegen\`.`,
          file: declaration.source.file,
          line: declaration.source.line,
          column: declaration.source.column,
        }),
      );
    }
    for (const why of inexactSteps(declaration.type)) {
      diagnostics.push(
        diagnostic('CG5001', {
          message: `validate cannot check ${declaration.name}: ${why}`,
          file: declaration.source.file,
          line: declaration.source.line,
          column: declaration.source.column,
        }),
      );
    }
  }
  return diagnostics;
}

/**
 * The steps a double cannot check exactly, with why, in `node` and below (references not
 * followed). Kept per frozen type tree: in watch, only the edited declarations are walked again.
 */
const inexactSteps: (node: TypeNode) => readonly string[] = perFrozenPart((node: TypeNode) =>
  collectInType(node, (current) => (current.kind === 'number' && current.constraints?.multipleOf !== undefined ? [current.constraints.multipleOf] : [])).flatMap((step) => {
    try {
      decimalFraction(step);
      return [];
    } catch (error) {
      return [(error as Error).message];
    }
  }),
);
