import { buildSchema, getIntrospectionQuery, parse } from 'graphql';
import { queryCost } from './query-cost';

const schema = buildSchema(`
  type Query { items(first: Int, last: Int): ItemConnection nodes(ids: [ID!]!): [Item]! version: String }
  type ItemConnection { edges: [ItemEdge!]! total: Int }
  type ItemEdge { node: Item! }
  type Item { id: ID! name: String tags: [String!]! owner: Owner history: [Change!]! children(first: Int): ItemConnection }
  type Change { at: String }
  type Owner { name: String }
`);
const cost = (query: string, variables?: Record<string, unknown>) =>
  queryCost({ schema, document: parse(query), variables });

describe('query cost: objects the answer may hold, lists at their page size', () => {
  it('counts scalars as free and every object as 1', () => {
    expect(cost('{ version }')).toBe(0);
    // items 1 + 3 × (edges 1 + node 1 + owner 1)
    expect(cost('{ items(first: 3) { total edges { node { name owner { name } } } } }')).toBe(10);
  });

  it('multiplies nested pages, whether written or passed as variables', () => {
    // items 1 + 10 × (edges 1 + node 1 + children (1 + 4 × (edges 1 + node 1)))
    const query =
      '{ items(first: 10) { edges { node { children(first: 4) { edges { node { id } } } } } } }';
    expect(cost(query)).toBe(1 + 10 * (1 + 1 + (1 + 4 * 2)));
    const withVariables = query.replace('first: 10', 'first: $a').replace('first: 4', 'first: $b');
    expect(cost(`query Q($a: Int, $b: Int) ${withVariables}`, { a: 10, b: 4 })).toBe(111);
  });

  it('counts other lists of objects as 10 items, lists of scalars as free', () => {
    // items 1 + 2 × (edges 1 + node 1 + history 10 × (change 1))
    expect(cost('{ items(first: 2) { edges { node { tags history { at } } } } }')).toBe(
      1 + 2 * (1 + 1 + 10 * 1),
    );
  });

  it('counts introspection as free', () => {
    expect(cost(getIntrospectionQuery())).toBe(0);
    expect(cost('{ version __schema { types { name } } }')).toBe(0);
  });

  it('takes `last` like `first`, the default page of 20 without either, and `nodes` per id', () => {
    expect(cost('{ items(last: 2) { edges { node { id } } } }')).toBe(1 + 2 * 2);
    expect(cost('{ items { edges { node { id } } } }')).toBe(1 + 20 * 2);
    // 3 ids × (item 1 + owner 1)
    expect(cost('{ nodes(ids: ["a", "b", "c"]) { owner { name } } }')).toBe(3 * (1 + 1));
  });
});
