/**
 * Operation ids are unique in the document (OpenAPI requires it): without `@operationId` an
 * operation is `<Service>_<method>`, so two services with `get` and `list` give four ids, and
 * adding a service never renames another's operations; an `@operationId` is used as written;
 * two operations with one id are a located CG5001 error.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSources, expectValidDocument, generate, jsonDocument, operationsOf } from './helpers.js';

const BOOKS_AND_AUTHORS = `export interface Item { id: string }

/** @service /books */
export interface BooksService {
  /** @http GET /{id} */
  get(id: string): Promise<Item>;
  /** @http GET / */
  list(): Promise<Item[]>;
}

/** @service /authors */
export interface AuthorsService {
  /** @http GET /{id} */
  get(id: string): Promise<Item>;
  /** @http GET / */
  list(): Promise<Item[]>;
}
`;

const NEST = `function route(path?: string): MethodDecorator { return () => {}; }
export function Controller(options?: string | { path?: string; version?: string }): ClassDecorator { return () => {}; }
export function Version(version: string): MethodDecorator { return () => {}; }
export function Param(name?: string): ParameterDecorator { return () => {}; }
export const Get = route;
export interface Item { id: string }

@Controller({ path: 'items', version: '1' })
export class ItemsController {
  @Get(':id')
  get(@Param('id') id: string): Item { return { id }; }

  @Version('2')
  @Get(':id')
  getV2(@Param('id') id: string): Item { return { id }; }
}

@Controller('things')
export class ThingsController {
  @Get(':id')
  get(@Param('id') id: string): Item { return { id }; }
}
`;

async function documentOf(source: string) {
  const { model, diagnostics } = analyzeSources({ 'api.ts': source });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const generated = await generate(model, { split: 'file' });
  return { ...generated, document: jsonDocument(generated.files) };
}

const ids = (document: Parameters<typeof operationsOf>[0]) => operationsOf(document).map((o) => `${o.method} ${o.path} ${o.operationId}`).sort();

describe('operation ids', () => {
  it('two services with get and list: four ids, each prefixed by its service, valid document', async () => {
    const { document, diagnostics } = await documentOf(BOOKS_AND_AUTHORS);
    expect(diagnostics).toEqual([]);
    expect(ids(document)).toEqual([
      'GET /authors AuthorsService_list',
      'GET /authors/{id} AuthorsService_get',
      'GET /books BooksService_list',
      'GET /books/{id} BooksService_get',
    ]);
    await expectValidDocument(document);
  });

  it('an id does not change when another service with the same method names is added', async () => {
    const alone = await documentOf(BOOKS_AND_AUTHORS.slice(0, BOOKS_AND_AUTHORS.indexOf('/** @service /authors')));
    expect(ids(alone.document)).toEqual(['GET /books BooksService_list', 'GET /books/{id} BooksService_get']);
  });

  it('an explicit @operationId is used as written, beside implicit ids', async () => {
    const source = BOOKS_AND_AUTHORS.replace('/** @http GET /{id} */\n  get(id: string): Promise<Item>;\n  /** @http GET / */\n  list(): Promise<Item[]>;\n}\n\n/** @service /authors', '/**\n   * @http GET /{id}\n   * @operationId getBook\n   */\n  get(id: string): Promise<Item>;\n  /** @http GET / */\n  list(): Promise<Item[]>;\n}\n\n/** @service /authors');
    const { document, diagnostics } = await documentOf(source);
    expect(diagnostics).toEqual([]);
    expect(ids(document)).toContain('GET /books/{id} getBook');
    expect(ids(document)).toContain('GET /authors/{id} AuthorsService_get');
  });

  it('two equal explicit ids are a CG5001 error at the second operation, naming the first', async () => {
    const source = BOOKS_AND_AUTHORS.replaceAll('/** @http GET /{id} */', '/**\n   * @http GET /{id}\n   * @operationId fetchOne\n   */');
    const { diagnostics } = await documentOf(source);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'CG5001',
        severity: 'error',
        line: 20,
        message: 'openapi: AuthorsService.get has the operation id fetchOne, which BooksService.get already has; operation ids must be unique in the document.',
      }),
    ]);
  });

  it('an explicit id equal to another operation\'s implicit one is a collision too', async () => {
    const source = BOOKS_AND_AUTHORS.replace('/** @http GET / */\n  list(): Promise<Item[]>;\n}\n\n/** @service /authors', '/**\n   * @http GET /\n   * @operationId AuthorsService_get\n   */\n  list(): Promise<Item[]>;\n}\n\n/** @service /authors');
    const { diagnostics } = await documentOf(source);
    expect(diagnostics.map((d) => `${d.code} ${d.line} ${d.message}`)).toEqual([
      'CG5001 17 openapi: AuthorsService.get has the operation id AuthorsService_get, which BooksService.list already has; operation ids must be unique in the document.',
    ]);
  });

  it('NestJS: versioned get/getV2 and another controller\'s get are three ids', async () => {
    const { document, diagnostics } = await documentOf(NEST);
    expect(diagnostics).toEqual([]);
    expect(ids(document)).toEqual(['GET /things/{id} ThingsController_get', 'GET /v1/items/{id} ItemsController_get', 'GET /v2/items/{id} ItemsController_getV2']);
    await expectValidDocument(document);
  });
});
