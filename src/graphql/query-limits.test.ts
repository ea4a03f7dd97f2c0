import { GraphQLError, parse } from 'graphql';
import { countTokens, QueryLimitError, queryLimitErrorOf } from './query-limits';

describe('query limit errors', () => {
  it('count the tokens of a document like the parser does', () => {
    // query, Q, {, a, (, x, :, 1, ), }
    expect(countTokens('query Q { a(x: 1) }')).toBe(10);
    expect(countTokens('# a comment only')).toBe(0);
  });

  it("recognise GraphQL's own token-limit abort and count the whole document", () => {
    const source = `{ ${'a '.repeat(10)}}`;
    let thrown: unknown;
    try {
      parse(source, { maxTokens: 5 });
    } catch (error) {
      thrown = error;
    }
    const wrapped = new GraphQLError('wrapped', { originalError: thrown as Error });
    const found = queryLimitErrorOf(wrapped);
    expect(found).toBeInstanceOf(QueryLimitError);
    expect([found!.limit, found!.max, found!.actual]).toEqual(['tokens', 5, 12]);
  });

  it('say which limit, its maximum and by how much', () => {
    const error = new QueryLimitError('cost', 10_000, 20_301);
    expect(error.message).toBe(
      'Query limit exceeded: the operation costs 20,301, over the cost limit of 10,000 by 10,301. ' +
        'Ask for smaller pages (first/last) or fewer nested lists; the cost counts every object ' +
        'the answer may hold, each list at its page size.',
    );
    expect(error.extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', exceededBy: 10_301 });
    expect(queryLimitErrorOf(new Error('other'))).toBeNull();
  });
});
