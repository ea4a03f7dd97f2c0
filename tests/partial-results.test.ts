import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema as buildSdl, getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { startTestService, stopTestService, type TestService } from './support/test-service';
import { buildWorld, type World } from './support/world';

describe('partial results and the live schema', () => {
  let service: TestService;
  let world: World;
  beforeAll(async () => {
    service = await startTestService();
    world = await buildWorld(service);
  });
  afterAll(() => stopTestService(service));

  it("answers a branch head's ranking and refuses only the other branch's card, on its path", async () => {
    const result = await service.graphql<Record<string, any>>( // eslint-disable-line @typescript-eslint/no-explicit-any
      `query HeadScreen {
        scorecardRanking(period: "2026-Q1") { branch { code } }
        branchScorecard(branchCode: "BB", period: "2026-Q1") { id }
        me { login }
      }`,
      {},
      world.tokens.headA,
    );
    expect(result.status).toBe(200);
    expect(result.data).toEqual({
      scorecardRanking: [{ branch: { code: 'BA' } }],
      branchScorecard: null,
      me: { login: 'headA' },
    });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]).toMatchObject({
      path: ['branchScorecard'],
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('keeps the result of a mutation that succeeded when a later one in the request fails', async () => {
    const result = await service.graphql<Record<string, any>>( // eslint-disable-line @typescript-eslint/no-explicit-any
      `mutation TwoConsultations($own: ID!, $other: ID!) {
        stored: createConsultation(input: { accountId: $own, channel: HOTLINE, askedAt: "2026-03-01T10:00:00+08:00", topic: "a" }) { id }
        refused: createConsultation(input: { accountId: $other, channel: HOTLINE, askedAt: "2026-03-01T10:00:00+08:00", topic: "b" }) { id }
      }`,
      { own: world.accounts.own, other: world.accounts.otherBranch },
      world.tokens.mgrA1,
    );
    expect(result.data?.stored.id).toEqual(expect.any(String));
    expect(result.data?.refused).toBeNull();
    expect(result.errors?.[0]).toMatchObject({
      path: ['refused'],
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('serves the descriptions of the SDL, including the scalars taken from graphql-scalars', async () => {
    const result = await service.graphql<IntrospectionQuery>(getIntrospectionQuery());
    const live = new Map(result.data!.__schema.types.map((t) => [t.name, t.description]));
    const sdl = buildSdl(
      readFileSync(path.join(__dirname, '../src/graphql/generated/schema.graphql'), 'utf8'),
    );
    for (const name of ['DateTime', 'JSONObject']) {
      expect(live.get(name)).toBe(sdl.getType(name)!.description);
    }
    expect(live.get('DateTime')).toMatch(/^An instant as an ISO-8601 string with offset/);
  });

  // An `id: ID!` is identity; ImportRowResult's nullable `id` names the record a row wrote.
  it('makes every object type with an id a Node', async () => {
    const result = await service.graphql<IntrospectionQuery>(getIntrospectionQuery());
    const withId = result.data!.__schema.types.filter(
      (t) =>
        t.kind === 'OBJECT' && t.fields.some((f) => f.name === 'id' && f.type.kind === 'NON_NULL'),
    );
    expect(withId.length).toBeGreaterThanOrEqual(16);
    for (const type of withId) {
      if (type.kind !== 'OBJECT') continue;
      expect([type.name, type.interfaces.map((i) => i.name)]).toEqual([
        type.name,
        expect.arrayContaining(['Node']),
      ]);
    }
  });
});
