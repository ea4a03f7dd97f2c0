import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import mongoose from 'mongoose';
import { buildSchema } from '../src/graphql/schema';
import { createRandom, type Random } from '../src/modules/demo/random';
import { startTestService, stopTestService, type TestService } from './support/test-service';
import { buildWorld, type World, type WorldUser } from './support/world';

// Issue 11: inputs derived from the schema, boundary and garbage values for every argument of
// every mutation and query, sent by callers of every role. No answer may be a server fault, and a
// refused write must leave every collection as it was. Seeded and bounded: FUZZ_SEED and
// FUZZ_CALLS reproduce or lengthen a run; a failure prints the seed, the call and its input.

const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const CALLS = Number(process.env.FUZZ_CALLS ?? 2000);
const DEADLINE_MS = 240_000;

type Vars = Record<string, unknown>;
type Failure = { call: number; user: WorldUser; operation: string; variables: Vars; why: string };

const base64 = (text: string) => Buffer.from(text).toString('base64url');
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

// Values every string-like argument may get: plausible ones (so that deeper rules are reached)
// and hostile ones (control characters, lone surrogates, operators, tampered cursors, long text).
function stringValues(world: World): unknown[] {
  return [
    '',
    ' ',
    'a',
    'BA',
    'BB',
    'CRM',
    'mgrA1',
    'headB',
    'BROADBAND',
    'LINE_QUALITY',
    '2025-Q1',
    '2025-03',
    '2025',
    '1989',
    '9999-Q4',
    '2025-Q9',
    'Asia/Shanghai',
    'not an email',
    'x'.repeat(5000),
    'nul\u0000',
    '\uD800',
    '😀 ünïcödé',
    '{"$gt":""}',
    '$where',
    world.accounts.own,
    world.accounts.otherBranch,
    'WzFlMjAsMCwiYSJd',
    base64(JSON.stringify([{ $gt: '' }, { $oid: '0123456789abcdef01234567' }])),
    base64('[1,2'),
  ];
}

function idValues(world: World): unknown[] {
  return [
    world.accounts.own,
    world.accounts.sameBranch,
    world.accounts.otherBranch,
    '0123456789abcdef01234567',
    'ffffffffffffffffffffffff',
    'not-an-id',
    '',
    `${world.accounts.own}\u0000`,
    base64('KeyAccount:0123456789abcdef01234567'),
  ];
}

const DATE_TIMES = [
  hoursAgo(1),
  hoursAgo(24 * 30),
  '2025-03-05T10:00:00+08:00',
  new Date(Date.now() + 86_400_000).toISOString(),
  '1900-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '1970-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '2025-02-30T10:00:00Z',
  'yesterday',
];
const INTS = [0, 1, -1, 5, 20, 100, 101, 2 ** 31 - 1, -(2 ** 31)];
const FLOATS = [0, 0.5, 1, -1, 75, 100, 1e308, -1e308, 5e-324];
const JSON_OBJECTS = [{}, { $gt: '' }, { a: { b: [1, 'x', null] } }];

type Generator = { random: Random; strings: unknown[]; ids: unknown[] };

function valueFor(type: GraphQLInputType, gen: Generator, depth = 0): unknown {
  const { random } = gen;
  if (!isNonNullType(type) && random.chance(0.15)) return null;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    const length = random.pick([0, 1, 1, 2, 3]);
    return Array.from({ length }, () => valueFor(inner.ofType, gen, depth + 1));
  }
  const named = getNamedType(inner);
  if (isInputObjectType(named)) {
    if (depth > 4) return {};
    const value: Vars = {};
    for (const field of Object.values(named.getFields())) {
      const required = isNonNullType(field.type);
      if (required || random.chance(0.6)) value[field.name] = valueFor(field.type, gen, depth + 1);
    }
    return value;
  }
  if (isEnumType(named)) {
    return random.chance(0.05) ? 'NOT_A_VALUE' : random.pick(named.getValues()).name;
  }
  switch (named.name) {
    case 'ID':
      return random.pick(gen.ids);
    case 'String':
      return random.pick(random.chance(0.5) ? gen.strings : gen.ids);
    case 'Int':
      return random.pick(INTS);
    case 'Float':
      return random.pick(FLOATS);
    case 'Boolean':
      return random.chance(0.5);
    case 'DateTime':
      return random.pick(DATE_TIMES);
    case 'JSONObject':
      return random.pick(JSON_OBJECTS);
    default:
      return random.pick(gen.strings);
  }
}

function operationOf(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const params = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return `${kind}${params ? `(${params})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
}

async function collectionCounts(): Promise<Record<string, number>> {
  const db = mongoose.connection.db!;
  const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
  const counts: Record<string, number> = {};
  for (const name of names.sort()) counts[name] = await db.collection(name).countDocuments();
  return counts;
}

describe('schema-driven fuzzing of every mutation and query', () => {
  let service: TestService;
  let world: World;
  beforeAll(async () => {
    service = await startTestService();
    world = await buildWorld(service);
  });
  afterAll(() => stopTestService(service));

  it(`answers ${CALLS} generated calls without a server fault, and refused writes store nothing`, async () => {
    const schema = buildSchema();
    const fields = [
      ...Object.values(schema.getMutationType()!.getFields()).map((f) => ['mutation', f] as const),
      ...Object.values(schema.getQueryType()!.getFields()).map((f) => ['query', f] as const),
    ];
    const random = createRandom(SEED);
    const gen: Generator = { random, strings: stringValues(world), ids: idValues(world) };
    // Token revocation would lock the run out of its own world: revokeToken gets only unknown ids.
    const users = Object.keys(world.tokens) as WorldUser[];
    const failures: Failure[] = [];
    const covered = new Set<string>();
    const started = Date.now();
    let calls = 0;
    let counts = await collectionCounts();
    while (calls < CALLS && Date.now() - started < DEADLINE_MS) {
      const [kind, field] = fields[calls % fields.length]!;
      const user = random.pick(users);
      const variables: Vars = {};
      for (const arg of field.args) {
        const value = valueFor(arg.type, gen);
        if (value !== null || random.chance(0.5)) variables[arg.name] = value;
      }
      const operation = operationOf(kind, field);
      const answer = await service.graphql(operation, variables, world.tokens[user]);
      calls += 1;
      covered.add(`${kind} ${field.name}`);
      const fail = (why: string) => failures.push({ call: calls, user, operation, variables, why });
      const codes = (answer.errors ?? []).map((e) => e.extensions?.code);
      if (answer.status >= 500) fail(`HTTP ${answer.status}`);
      if (codes.includes('INTERNAL_SERVER_ERROR')) fail(JSON.stringify(answer.errors));
      const after = await collectionCounts();
      const refused = kind === 'mutation' && codes.length > 0 && answer.data?.[field.name] == null;
      if (refused && JSON.stringify(after) !== JSON.stringify(counts)) {
        fail(`refused (${codes.join(', ')}) but stored: ${JSON.stringify({ counts, after })}`);
      }
      counts = after;
      if (failures.length >= 5) break;
    }
    if (failures.length > 0) {
      process.stdout.write(`fuzz seed ${SEED}: ${JSON.stringify(failures, null, 2)}\n`);
    }
    expect(failures).toEqual([]);
    expect(calls).toBeGreaterThanOrEqual(Math.min(CALLS, 2000));
    expect([...covered].filter((name) => name.startsWith('mutation')).length).toBe(
      Object.keys(schema.getMutationType()!.getFields()).length,
    );
  }, 300_000);
});
