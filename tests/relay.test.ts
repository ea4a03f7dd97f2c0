import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { printSchema } from 'graphql';
import { buildSchema } from '../src/graphql/schema';
import { startTestService, stopTestService, type TestService } from './support/test-service';
import { buildWorld, ok, type World } from './support/world';

const run = promisify(execFile);
const CLIENT = path.join(__dirname, 'clients', 'relay-client');

/** The operation text relay-compiler generated for a query (what a Relay app would send). */
function generatedText(dir: string, queryName: string): string {
  const file = readFileSync(
    path.join(dir, 'src', '__generated__', `${queryName}.graphql.ts`),
    'utf8',
  );
  const match = /"text": ("(?:[^"\\]|\\.)*")/.exec(file);
  if (!match) throw new Error(`no operation text in ${queryName}`);
  return JSON.parse(match[1]!) as string;
}

describe('relay-compiler over a small Relay client', () => {
  let service: TestService;
  let world: World;
  let dir: string;
  let compiled: { stdout: string; stderr: string };
  const consultations: string[] = [];

  beforeAll(async () => {
    service = await startTestService();
    world = await buildWorld(service);
    for (let day = 1; day <= 7; day++) {
      const data = await ok(
        service,
        service.adminToken,
        'mutation Ask($i: ConsultationInput!) { createConsultation(input: $i) { id } }',
        {
          i: {
            accountId: world.accounts.own,
            channel: 'HOTLINE',
            askedAt: `2026-03-0${day}T10:00:00+08:00`,
            topic: `question ${day}`,
          },
        },
      );
      consultations.unshift(data.createConsultation.id); // newest first, like the timeline
    }
    // The live schema as one document: what relay-compiler reads (it refuses the extensions of
    // Query spread over schema/*.graphql).
    dir = mkdtempSync(path.join(os.tmpdir(), 'journey-relay-'));
    writeFileSync(path.join(dir, 'schema.graphql'), printSchema(buildSchema()));
    cpSync(CLIENT, path.join(dir, 'src'), { recursive: true });
    writeFileSync(
      path.join(dir, 'relay.config.json'),
      JSON.stringify({ src: './src', schema: './schema.graphql', language: 'typescript' }),
    );
    compiled = await run(process.execPath, [require.resolve('relay-compiler/cli.js')], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1' },
    });
  }, 120_000);
  afterAll(async () => {
    await stopTestService(service);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('compiles @connection and @refetchable on the top-level lists, a timeline and a card', () => {
    expect(compiled.stdout + compiled.stderr).toMatch(/Compilation completed/);
    for (const query of [
      'AccountListPaginationQuery',
      'OpenWorkPaginationQuery',
      'OpenOrdersPaginationQuery',
    ]) {
      expect(generatedText(dir, query)).toMatch(/^query \w+\(/);
    }
    // Fragments on objects other than Query refetch through node(id:).
    for (const query of [
      'AccountTimelinePaginationQuery',
      'ScorecardLateActivationsPaginationQuery',
    ]) {
      expect(generatedText(dir, query)).toContain('node(id: $id)');
    }
  });

  it("pages an account's timeline with the generated refetch query, as Relay would", async () => {
    const text = generatedText(dir, 'AccountTimelinePaginationQuery');
    const page = async (cursor: string | null) =>
      ok(service, world.tokens.mgrA1, text, { id: world.accounts.own, count: 5, cursor });
    const first = await page(null);
    const edges1 = first.node.timeline.edges as { node: { id: string } }[];
    expect(edges1.map((e) => e.node.id)).toEqual(consultations.slice(0, 5));
    expect(first.node.timeline.pageInfo.hasNextPage).toBe(true);
    const second = await page(first.node.timeline.pageInfo.endCursor);
    const edges2 = second.node.timeline.edges as { node: { id: string } }[];
    expect(edges2.map((e) => e.node.id)).toEqual(consultations.slice(5));
    expect(second.node.timeline.pageInfo.hasNextPage).toBe(false);
  });

  it('answers the refetch query with null for an account out of scope', async () => {
    const text = generatedText(dir, 'AccountTimelinePaginationQuery');
    const result = await ok(service, world.tokens.mgrA1, text, { id: world.accounts.otherBranch });
    expect(result.node).toBeNull();
  });

  it("pages the top-level account list and the screen's query runs", async () => {
    const text = generatedText(dir, 'AccountListPaginationQuery');
    const first = await ok(service, world.tokens.mgrA1, text, { count: 1 });
    expect(first.keyAccounts.totalCount).toBe(2); // the two accounts of branch BA
    const second = await ok(service, world.tokens.mgrA1, text, {
      count: 1,
      cursor: first.keyAccounts.pageInfo.endCursor,
    });
    const names = [first, second].map((p) => p.keyAccounts.edges[0].node.name);
    expect(names).toEqual(['Account A1', 'Account A2']);
    const screen = await ok(
      service,
      world.tokens.mgrA1,
      generatedText(dir, 'AccountManagerScreenQuery'),
    );
    expect(screen.keyAccounts.edges).toHaveLength(2);
  });
});
