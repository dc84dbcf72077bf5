/**
 * Nested types of the same shape share their helpers (the `shared-shapes` fixture): `Comment`'s
 * `tags`, `author` and `meta` are checked by the helpers written for `Article`'s, and each type
 * still gets exactly its own constraints.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR, loadGenerated, validatorsOf, type TypeValidators } from './helpers.js';

let article: TypeValidators;
let comment: TypeValidators;
let draft: TypeValidators;

beforeAll(async () => {
  const module = await loadGenerated('shared-shapes', 'shared-shapes.validate.ts');
  [article, comment, draft] = ['Article', 'Comment', 'Draft'].map((type) => validatorsOf(module, type)) as [TypeValidators, TypeValidators, TypeValidators];
});

const author = { name: 'Ada' };

describe('shared shapes', () => {
  it('writes one pair of helpers per shape, named after where it was first met', () => {
    const code = readFileSync(join(FIXTURES_DIR, 'shared-shapes', 'expected', 'shared-shapes.validate.ts'), 'utf8');
    const helpers = [...code.matchAll(/^function (_is\w+)\(/gm)].map((match) => match[1]);
    expect(helpers).toEqual(['_isArticleTags', '_isArticleAuthor', '_isArticleMeta', '_isDraftTags', '_isDraftAuthor']);
    expect(code).toContain('_collectArticleTagsIssues(value["tags"], path + "/tags", issues)');
  });

  it('checks a type through the helpers it shares as through its own', () => {
    for (const validators of [article, comment]) {
      expect(validators.accepts({ tags: ['a', 'b'], author: { name: 'Ada', email: 'a@b.c' }, meta: { x: 'y' } })).toBe(true);
      expect(validators.issues({ tags: ['a', 'a', 'b', 'c'], author: { email: 1 }, meta: { x: 2 } })).toEqual([
        '/tags maxItems',
        '/tags uniqueItems',
        '/author/name required',
        '/author/email type',
        '/meta/x type',
      ]);
    }
  });

  it('keeps a shape that differs in a constraint or a property apart', () => {
    expect(draft.accepts({ tags: ['a', 'b', 'c', 'd'], author: { ...author, draft: true }, title: 'T' })).toBe(true);
    expect(article.accepts({ tags: ['a', 'b', 'c', 'd'], author, meta: {} })).toBe(false);
    expect(draft.issues({ tags: ['a', 'b', 'c', 'd', 'e'], author, title: '' })).toEqual(['/tags maxItems', '/author/draft required', '/title minLength']);
    expect(comment.accepts({ tags: [], author: { ...author, draft: 'no' }, meta: {} })).toBe(true);
  });
});
