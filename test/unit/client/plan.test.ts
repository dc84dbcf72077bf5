/** The client plan as data: files, names, signatures, wire pieces and what `check` reports. */
import { describe, expect, it } from 'vitest';
import { clientGenerator } from '../../../src/generators/client/index.js';
import { buildClientPlan } from '../../../src/generators/client/view-model.js';
import type { Model, Operation, Service } from '../../../src/model/types.js';
import { clientContext, CONTEXT, fixtureModel } from './helpers.js';

const defaults = { split: 'file' as const, validateResponses: false };

function withService(model: Model, patch: (service: Service) => Service): Model {
  return { ...model, services: model.services.map((service, position) => (position === 0 ? patch(service) : service)) };
}

function operation(model: Model, name: string): Operation {
  return model.services.flatMap((service) => service.operations).find((candidate) => candidate.name === name)!;
}

describe('client plan', () => {
  it('plans one client file per source file and the runtime once, exporting only public names', () => {
    const files = clientGenerator.plan(fixtureModel('authors'), defaults, CONTEXT);
    expect(files.map((file) => [file.path, file.template, file.source])).toEqual([
      ['authors.client.ts', 'file.hbs', 'input/authors.ts'],
      ['client-runtime.ts', 'runtime.hbs', 'codegen.config.yaml'],
    ]);
    expect(files[1]!.indexExports).toEqual(['ApiError', 'ResponseValidationError', 'type ClientOptions', 'type RequestOptions', 'type ErrorResponse', 'type ResponseIssue']);
    expect(files[0]!.indexExports).toBeUndefined();
  });

  it('names the classes after the services, both services of a file in one module', () => {
    const [file] = buildClientPlan(fixtureModel('authors'), defaults, CONTEXT);
    expect(file!.view.services.map((service) => service.className)).toEqual(['AuthorsControllerClient', 'HealthServiceClient']);
  });

  it('leaves out @internal services and those without client', () => {
    const model = fixtureModel('authors');
    const hidden = { ...model, services: [{ ...model.services[0]!, internal: true }, { ...model.services[1]!, generators: ['openapi'] }] };
    expect(clientGenerator.plan(hidden, defaults, CONTEXT)).toEqual([]);
  });

  it('keeps an optional parameter before a required one in place as `T | undefined`', () => {
    const [file] = buildClientPlan(fixtureModel('authors'), defaults, CONTEXT);
    const list = file!.view.services[0]!.operations.find((candidate) => candidate.name === 'list')!;
    expect(list.parameters).toBe('filter: AuthorFilter, cursor: string | undefined, range: YearRange, tenant: string, init?: runtime.RequestOptions');
    expect(list.query).toEqual(['["name", filter.name]', '["limit", filter.limit]', '["cursor", cursor]', '["years", range]']);
    expect(list.headers).toEqual(['"x-tenant": tenant']);
  });

  it('makes a path parameter required even when the route calls it optional (`:id?`): the path is sent with the segment', () => {
    const get = operation(fixtureModel('authors'), 'get');
    const model = withService(fixtureModel('authors'), (service) => ({
      ...service,
      operations: [{ ...get, parameters: [{ ...get.parameters[0]!, optional: true }] }],
    }));
    const view = buildClientPlan(model, defaults, CONTEXT)[0]!.view.services[0]!.operations[0]!;
    expect(view.parameters).toBe(`${get.parameters[0]!.name}: string, init?: runtime.RequestOptions`);
  });

  it('renames the per-call options when a parameter is named init, and escapes path text', () => {
    const model = withService(fixtureModel('authors'), (service) => ({
      ...service,
      operations: [{ ...operation(fixtureModel('authors'), 'get'), path: '/a`${b}/{authorId}', parameters: [{ ...operation(fixtureModel('authors'), 'get').parameters[0]!, name: 'init' }] }],
    }));
    const view = buildClientPlan(model, defaults, CONTEXT)[0]!.view.services[0]!.operations[0]!;
    expect(view.parameters).toBe('init: string, init2?: runtime.RequestOptions');
    expect(view.initEntry).toBe('init: init2');
    expect(view.path).toBe('`/a\\`\\${b}/${runtime.pathParam(init, "get(init)")}`');
  });

  it('imports the runtime as a namespace no identifier of the file takes, and renames a parameter that would shadow a reviver or validator', () => {
    const get = operation(fixtureModel('books'), 'getBook');
    const model = withService(fixtureModel('books'), (service) => ({
      ...service,
      operations: [{ ...get, parameters: [{ ...get.parameters[0]!, name: 'runtime' }, { ...get.parameters[0]!, name: 'reviveBook', in: 'query', wireName: 'reviveBook' }] }],
    }));
    const view = buildClientPlan(model, { ...defaults, validateResponses: true }, clientContext(model))[0]!.view;
    expect(view.runtimeImport.name).toBe('runtime2');
    const built = view.services[0]!.operations[0]!;
    expect(built.parameters).toBe('runtime: string, reviveBook2: string, init?: runtime2.RequestOptions');
    expect(built.query).toEqual(['["reviveBook", reviveBook2]']);
    expect(built.revive).toBe('reviveBook');
    expect(built.validate).toBe('validateBook');
  });

  it("imports validators from where validate writes, found through validate's planned exports", () => {
    const model = fixtureModel('books');
    const context = clientContext(model, { split: 'type', output: 'checks' });
    const [file] = buildClientPlan(model, { ...defaults, validateResponses: true }, context);
    // The documented error bodies' validators too: is(status) checks them (tester3 T-2).
    expect(file!.view.validatorImports).toEqual([
      { names: 'validateApiErrorBody', from: './checks/api-error-body.validate.js' },
      { names: 'validateBook', from: './checks/book.validate.js' },
      { names: 'validateConflict', from: './checks/conflict.validate.js' },
      { names: 'validatePage_Book', from: './checks/page_book.validate.js' },
    ]);
  });
});

describe('client check', () => {
  it('says nothing without validateResponses', () => {
    expect(clientGenerator.check!(fixtureModel('authors'), defaults, CONTEXT)).toEqual([]);
  });

  // HealthService.health's `{ ok: boolean }`, written in place, is composed and checked: no warning
  // (shapes that cannot be: unnamed-answers.test.ts).
  it('reports response types validate does not process', () => {
    const model = fixtureModel('authors');
    const unvalidated = { ...model, declarations: model.declarations.map((declaration) => ({ ...declaration, generators: ['client'] })) };
    const diagnostics = clientGenerator.check!(unvalidated, { ...defaults, validateResponses: true }, clientContext(unvalidated));
    expect(diagnostics.map((d) => `${d.code} ${d.severity} ${d.message}`)).toEqual([
      // An error body the client cannot check is typed unknown, so only a warning (tester3 T-2).
      'CG5001 warning client does not check the 404 error body of AuthorsController.get: Problem is not processed by the validate generator; its error type gives that body as unknown',
      'CG5001 error client cannot validate the response of AuthorsController.get: Author is not processed by the validate generator',
      'CG5001 error client cannot validate the response of AuthorsController.list: Page_Author is not processed by the validate generator',
      'CG5001 error client cannot validate the response of AuthorsController.create: Author is not processed by the validate generator',
      'CG5001 error client cannot validate the response of AuthorsController.update: Author is not processed by the validate generator',
    ]);
    expect(diagnostics[1]).toMatchObject({ file: 'input/authors.ts', line: expect.any(Number) });
  });
});
