import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';

/** The limits an operation is checked against before it runs. */
export type QueryLimit = 'tokens' | 'depth' | 'aliases' | 'directives' | 'cost';

const WHAT: Record<QueryLimit, string> = {
  tokens: 'has {actual} tokens',
  depth: 'is {actual} levels deep',
  aliases: 'uses {actual} aliases',
  directives: 'uses {actual} directives',
  cost: 'costs {actual}',
};

const HINT: Record<QueryLimit, string> = {
  tokens: 'Send a shorter document (use fragments and variables).',
  depth: 'Select less deeply nested fields.',
  aliases: 'Use fewer aliases, or several requests.',
  directives: 'Use fewer directives.',
  cost:
    'Ask for smaller pages (first/last) or fewer nested lists; the cost counts every object ' +
    'the answer may hold, each list at its page size.',
};

const number = (n: number) => n.toLocaleString('en-US');

/**
 * An operation refused before it ran because it exceeds one of the query limits: HTTP 400 with
 * `extensions.code` QUERY_LIMIT_EXCEEDED, the limit's name, its maximum and the operation's value.
 */
export class QueryLimitError extends GraphQLError {
  constructor(
    readonly limit: QueryLimit,
    readonly max: number,
    readonly actual: number,
  ) {
    const what = WHAT[limit].replace('{actual}', number(actual));
    super(
      `Query limit exceeded: the operation ${what}, over the ${limit} limit of ${number(max)} ` +
        `by ${number(actual - max)}. ${HINT[limit]}`,
      { extensions: { ...QueryLimitError.details(limit, max, actual), http: { status: 400 } } },
    );
    this.name = 'QueryLimitError';
  }

  /** The public extensions of the answer. */
  static details(limit: QueryLimit, max: number, actual: number) {
    return { code: 'QUERY_LIMIT_EXCEEDED', limit, max, actual, exceededBy: actual - max };
  }
}

/** Tokens in a document, counted by GraphQL's own lexer (up to a syntax error, if any). */
export function countTokens(source: string): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) count++;
  } catch {
    // a syntax error: the count so far is what the parser saw
  }
  return count;
}

// graphql-js's own message when `parse(…, { maxTokens })` gives up (its typo included).
const PARSER_TOKEN_LIMIT = /Document contains more that (\d+) tokens/;

/** The query-limit refusal behind an error Apollo wrapped (parse or validation), if any. */
export function queryLimitErrorOf(error: unknown): QueryLimitError | null {
  for (let e = error, hops = 0; e && hops < 5; hops++) {
    if (e instanceof QueryLimitError) return e;
    if (e instanceof GraphQLError && e.source) {
      const tokenLimit = PARSER_TOKEN_LIMIT.exec(e.message);
      if (tokenLimit) {
        return new QueryLimitError('tokens', Number(tokenLimit[1]), countTokens(e.source.body));
      }
    }
    e = (e as { originalError?: unknown }).originalError;
  }
  return null;
}
