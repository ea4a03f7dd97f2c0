import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import {
  getVariableValues,
  GraphQLError,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

// Apollo's gateway interface (a dependency of @apollo/server), as its options name it.
type Gateway = ApolloServerOptionsWithGateway<never>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;
type Data = Record<string, unknown>;
type Compiled = CompiledQuery<Data> | ExecutionResult<Data>;

/**
 * Runs operations with graphql-jit: each operation is compiled once into a function that builds
 * its result directly, instead of graphql-js walking the document for every field of every
 * request (a resolve info, an arguments object and a result dictionary per field: the screen's
 * 100 accounts allocated ~9 MB per request in graphql-js). Parsing, validation (cost and
 * protection rules) and every Apollo plugin hook still run as before; only execution changes.
 *
 * Apollo Server 5 has no `executor` option: its `gateway` option is the executor hook (the Apollo
 * change that removed `executor` calls it redundant with `gateway`), so this is a gateway that
 * serves one fixed schema and never updates it.
 */
export function compiledExecution(schema: GraphQLSchema): Gateway {
  // Apollo keeps each validated document (its document store) and hands the same object back for
  // the same query, so compiled operations are kept per document and go when it does.
  const compiled = new WeakMap<DocumentNode, Map<string | null, Compiled>>();
  const compiledFor = (document: DocumentNode, operationName: string | null): Compiled => {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    let query = byName.get(operationName);
    if (!query) {
      query = compileQuery<Data>(schema, document, operationName ?? undefined);
      byName.set(operationName, query);
    }
    return query;
  };
  const executor: Executor = async ({ document, operation, operationName, context, request }) => {
    const query = compiledFor(document, operationName);
    if (!isCompiledQuery(query)) return withGraphQLErrors(query);
    // Variables are coerced by graphql-js first, so that a variable that does not coerce is
    // refused with graphql-js's own error (Apollo answers it as BAD_USER_INPUT, 400), as before.
    const variables = request.variables ?? {};
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, {
      maxErrors: 50,
    });
    if (coerced.errors) return { errors: coerced.errors };
    return withGraphQLErrors(await query.query(undefined, context, variables));
  };
  return {
    load: async () => ({ executor }),
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    stop: async () => undefined,
  };
}

// graphql-jit's errors are its own (read-only message, no source nodes): made graphql-js errors
// again, with the same message, path, locations, cause and extensions, so that Apollo, the
// protection plugins (which rewrite messages) and `formatError` treat them as before.
function withGraphQLErrors(result: ExecutionResult<Data>): ExecutionResult<Data> {
  if (!result.errors?.length) return result;
  const errors = result.errors.map((error) => {
    const again = new GraphQLError(error.message, {
      path: error.path,
      originalError: error.originalError ?? undefined,
      extensions: error.extensions,
    });
    (again as { locations?: unknown }).locations = error.locations;
    return again;
  });
  return { ...result, errors };
}
