/** Names of the functions generated for a declaration. */

export interface DeclarationFunctionNames {
  is: string;
  validate: string;
  assert: string;
  collect: string;
  coerce: string;
}

/** `isOrder`, `validateOrder`, `assertOrder`, `collectOrderIssues`, `coerceOrder`. */
export function declarationFunctionNames(name: string): DeclarationFunctionNames {
  return {
    is: `is${name}`,
    validate: `validate${name}`,
    assert: `assert${name}`,
    collect: `collect${name}Issues`,
    coerce: `coerce${name}`,
  };
}

/** Private helpers for a nested type (an inline object, an array…), named after where it sits. */
export function liftedFunctionNames(base: string): Pick<DeclarationFunctionNames, 'is' | 'collect' | 'coerce'> {
  return { is: `_is${base}`, collect: `_collect${base}Issues`, coerce: `_coerce${base}` };
}
