import { makeExecutableSchema } from '@graphql-tools/schema';
import {
  execute,
  getOperationAST,
  type DocumentNode,
  GraphQLError,
  parse,
  type ExecutionResult,
} from 'graphql';
import { AppError } from '../shared/errors';
import { compiledExecution } from './compiled-executor';

const schema = makeExecutableSchema({
  typeDefs: `
    type Query {
      items(first: Int!): [Item!]!
      refused: Item
      broken: Item!
      name(of: Kind!): String
    }
    type Item { id: ID! label: String missing: String! }
    enum Kind { A B }
  `,
  resolvers: {
    Query: {
      items: (_: unknown, { first }: { first: number }) =>
        Array.from({ length: first }, (_v, i) => ({ id: i, label: `item ${i}` })),
      refused: () => {
        throw new AppError('FORBIDDEN', 'not yours');
      },
      broken: async () => ({ id: 1 }),
      name: (_: unknown, args: { of: string }) => `kind ${args.of}`,
    },
  },
});

/** The compiled executor as Apollo calls it, and graphql-js on the same request. */
// One executor for all, as the service has: its compiled operations are kept per document.
const executorOf = compiledExecution(schema).load({ apollo: {} });

async function both(
  query: string | DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string,
) {
  const document = typeof query === 'string' ? parse(query) : query;
  const operation = getOperationAST(document, operationName)!;
  const { executor } = await executorOf;
  const request = { document, operation, operationName: operationName ?? null, context: {} };
  const compiled = await executor!({ ...request, request: { variables } } as never);
  const reference = (await execute({
    schema,
    document,
    variableValues: variables,
    operationName,
  })) as ExecutionResult;
  return { compiled, reference };
}

// What a client and `formatError` see of an error: its JSON, its class and its cause.
const seen = (result: ExecutionResult) =>
  result.errors?.map((error) => ({
    json: error.toJSON(),
    graphql: error instanceof GraphQLError,
    writable: Object.getOwnPropertyDescriptor(error, 'message')?.writable,
    cause: error.originalError,
  }));

describe('compiled execution', () => {
  it('answers data as graphql-js does', async () => {
    const { compiled, reference } = await both(
      'query($n: Int!) { items(first: $n) { id label } a: name(of: A) }',
      { n: 3 },
    );
    expect(compiled).toEqual(reference);
    expect(compiled.data).toEqual({
      items: [
        { id: '0', label: 'item 0' },
        { id: '1', label: 'item 1' },
        { id: '2', label: 'item 2' },
      ],
      a: 'kind A',
    });
  });

  it("keeps a resolver's error as graphql-js gives it: message, path, locations and cause", async () => {
    const { compiled, reference } = await both('{ refused { id } items(first: 1) { id } }');
    expect(compiled.data).toEqual(reference.data);
    expect(seen(compiled)).toEqual(seen(reference));
    expect(seen(compiled)![0]).toMatchObject({
      json: { message: 'not yours', path: ['refused'], locations: [{ line: 1, column: 3 }] },
      graphql: true,
      // Apollo's plugins (the field-suggestion mask) rewrite messages.
      writable: true,
    });
    expect(seen(compiled)![0]!.cause).toBeInstanceOf(AppError);
  });

  it('nulls the parent of a non-null field that resolved to null, as graphql-js does', async () => {
    const { compiled, reference } = await both('{ broken { id missing } }');
    expect(compiled.data).toEqual(reference.data);
    expect(compiled.data).toBeNull();
    expect(seen(compiled)!.map((e) => e.json)).toEqual(seen(reference)!.map((e) => e.json));
  });

  it("refuses variables that do not coerce with graphql-js's own errors", async () => {
    const { compiled, reference } = await both('query($k: Kind!, $n: Int!) { name(of: $k) }', {
      k: 'C',
      n: 'x',
    });
    expect(compiled).toEqual(reference);
    // Apollo answers these as BAD_USER_INPUT only when they name the variable's definition.
    expect(compiled.errors!.map((e) => e.nodes?.[0]?.kind)).toEqual([
      'VariableDefinition',
      'VariableDefinition',
    ]);
  });

  it('runs the operation named, each compiled apart', async () => {
    // The same document object twice, as Apollo's document store hands it back.
    const query = parse('query One { a: name(of: A) } query Two { b: name(of: B) }');
    const one = await both(query, {}, 'One');
    const two = await both(query, {}, 'Two');
    expect([one.compiled.data, two.compiled.data]).toEqual([{ a: 'kind A' }, { b: 'kind B' }]);
  });
});
