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
import { buildSchema } from '../src/graphql/schema';
import { startTestService, stopTestService, type TestService } from './support/test-service';
import { buildWorld, ok, type World } from './support/world';

// Issue 11: an object of another branch is byte for byte a missing one, on every path that takes
// an id: every query and mutation with an ID argument (also inside inputs) is called by branch A's
// account manager with another branch's object, then with an id nothing has, and the two answers
// must be the same text once the id itself is swapped.

const MISSING = 'fedcba9876543210fedcba98';
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

type Vars = Record<string, unknown>;

// A plausible value for every argument, so that the id is what decides the answer.
function plausible(type: GraphQLInputType, id: string, depth = 0): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [plausible(inner.ofType, id, depth + 1)];
  const named = getNamedType(inner);
  if (isInputObjectType(named)) {
    const value: Vars = {};
    for (const field of Object.values(named.getFields())) {
      if (isNonNullType(field.type) || getNamedType(field.type).name === 'ID' || depth === 0)
        value[field.name] = plausible(field.type, id, depth + 1);
    }
    return value;
  }
  if (isEnumType(named)) return named.getValues()[0]!.name;
  const scalars: Record<string, unknown> = {
    ID: id,
    String: 'BA',
    Int: 5,
    Float: 0.5,
    Boolean: true,
    DateTime: hoursAgo(2),
    JSONObject: {},
  };
  return scalars[named.name] ?? 'BA';
}

function takesId(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (named.name === 'ID') return true;
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((field) => takesId(field.type, seen));
}

function operationOf(kind: string, field: GraphQLField<unknown, unknown>): string {
  const params = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return `${kind}(${params}) { ${field.name}(${args})${selection} }`;
}

describe('no existence oracle across branches', () => {
  let service: TestService;
  let world: World;
  const others: Record<string, string> = {};
  beforeAll(async () => {
    service = await startTestService();
    world = await buildWorld(service);
    const admin = world.tokens.admin;
    const accountId = world.accounts.otherBranch;
    others.account = accountId;
    const at = hoursAgo(48);
    others.ticket = (
      await ok(
        service,
        admin,
        'mutation($i: OpenFaultTicketInput!) { r: openFaultTicket(input: $i) { id } }',
        {
          i: {
            accountId,
            serviceRef: 'L-B',
            severity: 'MAJOR',
            channel: 'HOTLINE',
            reportedAt: at,
          },
        },
      )
    ).r.id;
    others.order = (
      await ok(
        service,
        admin,
        'mutation($i: CreateActivationOrderInput!) { r: createActivationOrder(input: $i) { id } }',
        { i: { accountId, product: 'BROADBAND', orderedAt: at } },
      )
    ).r.id;
    others.complaint = (
      await ok(
        service,
        admin,
        'mutation($i: OpenComplaintInput!) { r: openComplaint(input: $i) { id } }',
        { i: { accountId, receivedAt: at, channel: 'HOTLINE', category: 'BILLING' } },
      )
    ).r.id;
    others.followUp = (
      await ok(
        service,
        admin,
        'mutation($i: ScheduleFollowUpInput!) { r: scheduleFollowUp(input: $i) { id } }',
        { i: { accountId, purpose: 'PERIODIC', channel: 'PHONE', dueAt: at } },
      )
    ).r.id;
  });
  afterAll(() => stopTestService(service));

  async function answerText(query: string, variables: Vars, hidden: string) {
    const response = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${world.tokens.mgrA1}`,
      },
      body: JSON.stringify({ query, variables }),
    });
    return `${response.status} ${(await response.text()).replaceAll(hidden, '<id>')}`;
  }

  it('answers every id-taking query and mutation alike for another branch’s object and none', async () => {
    const schema = buildSchema();
    const differences: string[] = [];
    let compared = 0;
    for (const [kind, root] of [
      ['query', schema.getQueryType()!],
      ['mutation', schema.getMutationType()!],
    ] as const) {
      for (const field of Object.values(root.getFields())) {
        if (!field.args.some((arg) => takesId(arg.type))) continue;
        const query = operationOf(kind, field);
        for (const [what, id] of Object.entries(others)) {
          const variables = (target: string) =>
            Object.fromEntries(field.args.map((arg) => [arg.name, plausible(arg.type, target)]));
          const hidden = await answerText(query, variables(id), id);
          const missing = await answerText(query, variables(MISSING), MISSING);
          compared += 1;
          if (hidden !== missing)
            differences.push(
              `${field.name} with another branch's ${what}:\n  ${hidden}\n  ${missing}`,
            );
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
    expect(differences).toEqual([]);
  });
});
