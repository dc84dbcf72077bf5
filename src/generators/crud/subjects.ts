/**
 * The input shapes of a repository as model types, for validate's compiler: `BookCreate` (the
 * create fields) and `BookUpdate` (the mutable fields, all optional), built from the entity's
 * columns so the validators check exactly what the types declare.
 */
import type { Entity, Model, Property } from '../../model/types.js';
import { createDeclarationIndex, type DeclarationIndex } from '../kit/declaration-index.js';
import type { ValidatorSubject } from '../kit/compile-validators.js';
import { createFields, updateFields, type InputField } from './inputs.js';
import { inputFieldType } from './input-types.js';

export interface InputNames {
  create: string;
  update: string;
  key: string;
  repository: string;
  definition: string;
}

/** The names a crud file declares for `entity`. */
export function inputNames(entity: Pick<Entity, 'name'>): InputNames {
  return {
    create: `${entity.name}Create`,
    update: `${entity.name}Update`,
    key: `${entity.name}Key`,
    repository: `${entity.name}Repository`,
    definition: `${entity.name.charAt(0).toLowerCase()}${entity.name.slice(1)}Definition`,
  };
}

/** The create and update shapes of `entity` (among the model's entities, for its foreign keys), to compile validators for. */
export function inputSubjects(entity: Entity, model: Pick<Model, 'entities' | 'declarations'>): ValidatorSubject[] {
  const names = inputNames(entity);
  const scope: Scope = { entities: model.entities, declarations: createDeclarationIndex(model) };
  return [
    { name: names.create, type: objectOf(entity, createFields(entity), scope), typeText: names.create },
    // Nothing to update (every column a key, generated, stamped or read-only): the patch is `never`,
    // so `update` and `updateMany` do not compile, and their validator refuses any value.
    { name: names.update, type: updateFields(entity).length === 0 ? NOTHING : objectOf(entity, updateFields(entity), scope), typeText: names.update },
  ];
}

const NOTHING: ValidatorSubject['type'] = { kind: 'unknown', unsupported: { form: 'never', text: 'never' } };

interface Scope {
  entities: readonly Entity[];
  declarations: DeclarationIndex;
}

function objectOf(entity: Entity, fields: readonly InputField[], scope: Scope): ValidatorSubject['type'] {
  return { kind: 'object', strict: false, properties: fields.map((field) => property(entity, field, scope)) };
}

function property(entity: Entity, { field, column, optional }: InputField, scope: Scope): Property {
  const type = inputFieldType(entity, column, scope.entities, scope.declarations);
  const nullable = type.kind === 'null' || (type.kind === 'union' && type.members.some((member) => member.kind === 'null'));
  return { name: field, type, optional, nullable, readonly: false, docs: {}, source: column.source };
}
