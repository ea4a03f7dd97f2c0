import { createServer } from 'node:http';
import { buildSchema as buildSdl, execute, parse } from 'graphql';
import { loadConfig } from '../config/env';
import { createLogger } from '../config/logger';
import { createLoaders } from './loaders';
import { createApollo } from './apollo';

// The service's Apollo server runs operations through the compiled executor
// (compiled-executor.ts), not graphql-js: only the account screen's benchmark would show it
// otherwise. The two build their results differently: graphql-js makes every result object
// with `Object.create(null)`, graphql-jit writes object literals.
describe("the service's GraphQL server", () => {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: '.data' });
  const httpServer = createServer();
  const apollo = createApollo({ config, logger: createLogger(config), httpServer });

  beforeAll(() => apollo.start());
  afterAll(() => apollo.stop());

  it('tells the two executors apart by the objects they build', async () => {
    const schema = buildSdl('type Query { version: Version } type Version { name: String }');
    const { data } = (await execute({
      schema,
      document: parse('{ version { name } }'),
      rootValue: { version: { name: '1' } },
    })) as { data: { version: object } };
    expect(Object.getPrototypeOf(data)).toBeNull();
    expect(Object.getPrototypeOf(data.version)).toBeNull();
  });

  it('executes operations compiled', async () => {
    const response = await apollo.executeOperation(
      { query: 'query Version { apiVersion }' },
      {
        contextValue: {
          requestId: 'test',
          logger: createLogger(config),
          actor: null,
          loaders: createLoaders(null),
          responseMediaType: null,
        },
      },
    );
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    const { data, errors } = response.body.singleResult;
    expect(errors).toBeUndefined();
    expect(data).toEqual({ apiVersion: '1' });
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
  });
});
