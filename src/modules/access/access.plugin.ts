import type { Aggregate, Query, Schema } from 'mongoose';
import { readFilter, type Scope } from './scope';

const QUERY_OPS =
  /^(find|findOne|countDocuments|distinct|findOneAndUpdate|findOneAndDelete|findOneAndReplace|updateOne|updateMany|replaceOne|deleteOne|deleteMany)$/;

// Declaration merging is the one place an interface is needed: it types the `scope` option.
/* eslint-disable @typescript-eslint/consistent-type-definitions */
declare module 'mongoose' {
  interface QueryOptions {
    /** On whose behalf the query runs; required on account-linked collections. */
    scope?: Scope;
  }
  interface AggregateOptions {
    /** On whose behalf the aggregation runs; required on account-linked collections. */
    scope?: Scope;
  }
}
/* eslint-enable @typescript-eslint/consistent-type-definitions */

/** Thrown when code queries account-linked data without saying on whose behalf. */
export class UnscopedQueryError extends Error {}

function takeScope(options: Record<string, unknown>, what: string): Scope {
  const scope = options.scope as Scope | undefined;
  if (!scope)
    throw new UnscopedQueryError(`${what} without a scope: pass { scope } in its options`);
  delete options.scope; // never sent to the server
  return scope;
}

/**
 * The one access mechanism for account-linked collections: every query and aggregation must carry
 * a `scope` option and is narrowed to the branches that scope may read, so a resolver or service
 * that forgets access control fails loudly instead of leaking another branch's data.
 */
export function accessPlugin(schema: Schema): void {
  schema.pre(QUERY_OPS, function (this: Query<unknown, unknown>) {
    const op = (this as unknown as { op: string }).op;
    const scope = takeScope(
      this.getOptions() as Record<string, unknown>,
      `${op} on ${this.model.modelName}`,
    );
    const filter = readFilter(scope);
    // `and`, not `where`: a caller's own condition on the same field must narrow, not be replaced.
    if (Object.keys(filter).length > 0) this.and([filter]);
  });
  schema.pre('aggregate', function (this: Aggregate<unknown>) {
    const scope = takeScope(this.options as Record<string, unknown>, 'aggregate');
    const filter = readFilter(scope);
    if (Object.keys(filter).length > 0) this.pipeline().unshift({ $match: filter });
  });
}
