import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { createMutation, RECORD_KINDS } from './support/record-kinds';
import { startTestService, stopTestService, type TestService } from './support/test-service';
import { buildWorld, ok, type World } from './support/world';

// One screen reaching every type with identity: what an Apollo Client app would ask for.
const WIDE = gql`
  query WideScreen($accountId: ID!) {
    me {
      id
      login
      branch {
        id
        code
      }
    }
    branches {
      id
      code
      name
    }
    keyAccounts(first: 10) {
      edges {
        node {
          id
          name
          branch {
            id
            code
          }
          accountManager {
            id
            name
            branch {
              id
              code
            }
          }
          timeline(first: 20) {
            edges {
              node {
                __typename
                id
                stage
                account {
                  id
                  name
                  branch {
                    id
                    code
                  }
                }
                ... on ActivationOrder {
                  policyVersions {
                    id
                    label
                  }
                }
                ... on FaultTicket {
                  policyVersions {
                    id
                    label
                  }
                  repeatOf {
                    id
                  }
                }
                ... on SurveyResponse {
                  followUp {
                    id
                    status
                  }
                }
              }
            }
          }
          activationOrders(first: 5) {
            edges {
              node {
                id
                status
              }
            }
          }
          faultTickets(first: 5) {
            edges {
              node {
                id
                status
              }
            }
          }
          followUps(first: 5) {
            edges {
              node {
                id
                status
              }
            }
          }
          surveyResponses(first: 5) {
            edges {
              node {
                id
                cs1
              }
            }
          }
        }
      }
    }
    branchScorecard(branchCode: "BA", period: "2026-Q1") {
      id
      branch {
        id
        code
      }
      lateActivations(first: 5) {
        edges {
          node {
            id
          }
        }
      }
    }
    surveyAttributes {
      id
      key
      label
    }
    auditTrail(entityId: $accountId, first: 5) {
      edges {
        node {
          id
          action
        }
      }
    }
  }
`;

type Entity = Record<string, unknown>;

/** Objects stored inside cache entities instead of as entities of their own, by type name. */
function embeddedTypes(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => embeddedTypes(item, found));
  else if (value && typeof value === 'object') {
    const object = value as Entity;
    if (typeof object.__typename === 'string') found.add(object.__typename);
    Object.values(object).forEach((inner) => embeddedTypes(inner, found));
  }
  return found;
}

describe('Apollo Client 4 against the running service', () => {
  let service: TestService;
  let world: World;
  let identityTypes: Set<string>;
  const clientFor = (token: string) =>
    new ApolloClient({
      link: new HttpLink({
        uri: `${service.url}/graphql`,
        headers: { authorization: `Bearer ${token}` },
      }),
      cache: new InMemoryCache(),
    });

  beforeAll(async () => {
    service = await startTestService();
    world = await buildWorld(service);
    const admin = (query: string, i: Record<string, unknown>) =>
      ok(service, service.adminToken, query, { i });
    const accountId = world.accounts.own;
    for (const kind of RECORD_KINDS)
      await admin(createMutation(kind), { ...kind.input, accountId });
    await admin(
      'mutation Order($i: CreateActivationOrderInput!) { createActivationOrder(input: $i) { id } }',
      { accountId, product: 'BROADBAND', orderedAt: '2026-03-01T10:00:00+08:00' },
    );
    await admin(
      'mutation Ticket($i: OpenFaultTicketInput!) { openFaultTicket(input: $i) { id } }',
      {
        accountId,
        serviceRef: 'CIRCUIT-1',
        severity: 'MAJOR',
        channel: 'HOTLINE',
        reportedAt: '2026-03-02T10:00:00+08:00',
      },
    );
    const followUp = await admin(
      'mutation Visit($i: ScheduleFollowUpInput!) { scheduleFollowUp(input: $i) { id } }',
      { accountId, purpose: 'OTHER', channel: 'PHONE', dueAt: '2026-03-03T10:00:00+08:00' },
    );
    await admin(
      'mutation Survey($i: RecordSurveyResponseInput!) { recordSurveyResponse(input: $i) { id } }',
      {
        accountId,
        respondedAt: '2026-03-04T10:00:00+08:00',
        channel: 'PHONE',
        cs1: 9,
        cs2: 8,
        cs3: 8,
        followUpId: followUp.scheduleFollowUp.id,
      },
    );
    const node = await ok(
      service,
      service.adminToken,
      'query NodeTypes { __type(name: "Node") { possibleTypes { name } } }',
    );
    identityTypes = new Set(node.__type.possibleTypes.map((t: { name: string }) => t.name));
  });
  afterAll(() => stopTestService(service));

  it('normalises every object with identity, each once (the account rows share one Branch entry)', async () => {
    const client = clientFor(world.tokens.headA);
    const result = await client.query({
      query: WIDE,
      variables: { accountId: world.accounts.own },
    });
    expect(result.error).toBeUndefined();
    const cache = client.cache.extract() as Record<string, Entity>;
    const entityTypes = new Set(Object.values(cache).map((e) => e.__typename as string));
    // Every kind of identity the screen reached is an entity of the cache …
    for (const type of [
      'User',
      'Branch',
      'KeyAccount',
      'Consultation',
      'BusinessHandling',
      'BillingInteraction',
      'MaintenanceRecord',
      'ActivationOrder',
      'FaultTicket',
      'FollowUp',
      'SurveyResponse',
      'SlaPolicy',
      'SurveyAttribute',
      'BranchScorecard',
      'AuditEntry',
    ]) {
      expect([type, entityTypes.has(type)]).toEqual([type, true]);
    }
    // … and no object with identity is stored inside another entity (unnormalised copies).
    const embedded = [...embeddedTypes(Object.values(cache).map((e) => Object.values(e)))].filter(
      (t) => identityTypes.has(t),
    );
    expect(embedded).toEqual([]);
    expect(
      Object.keys(cache)
        .filter((key) => key.startsWith('Branch:'))
        .sort(),
    ).toHaveLength(2);
  });

  it('updates every place an account appears from one mutation answer', async () => {
    const client = clientFor(world.tokens.headA);
    await client.query({ query: WIDE, variables: { accountId: world.accounts.own } });
    await client.mutate({
      mutation: gql`
        mutation Rename($id: ID!) {
          updateKeyAccount(id: $id, input: { name: "Renamed" }) {
            id
            name
          }
        }
      `,
      variables: { id: world.accounts.own },
    });
    const cached = client.readQuery({
      query: WIDE,
      variables: { accountId: world.accounts.own },
    }) as {
      keyAccounts: {
        edges: {
          node: {
            id: string;
            name: string;
            timeline: { edges: { node: { account: { name: string } } }[] };
          };
        }[];
      };
    };
    const account = cached.keyAccounts.edges.find((e) => e.node.id === world.accounts.own)!.node;
    expect(account.name).toBe('Renamed');
    expect(account.timeline.edges.length).toBeGreaterThan(0);
    for (const edge of account.timeline.edges) expect(edge.node.account.name).toBe('Renamed');
  });

  it('reads an API token as an entity too', async () => {
    const client = clientFor(service.adminToken);
    await client.query({
      query: gql`
        query Tokens {
          apiTokens(login: "mgrA1") {
            id
            label
          }
        }
      `,
    });
    const keys = Object.keys(client.cache.extract() as Record<string, unknown>);
    expect(keys.filter((key) => key.startsWith('ApiToken:'))).toHaveLength(1);
  });
});
