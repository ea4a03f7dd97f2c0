import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse } from 'graphql';

/**
 * A ```graphql block of the docs. Its leading comment lines say how to run it:
 * `# user: <login>` (a demo user; `admin` = the initial admin, `none` = no token) and optionally
 * `# variables: {json}`, where a string in angle brackets ("<an account of am.hz1>") is a value
 * the reader looks up first and the test resolves from the demo data.
 */
export type DocExample = {
  file: string;
  line: number;
  source: string;
  user: string | null;
  variables: Record<string, unknown>;
  /** Names of the block's operations (exactly one is expected). */
  operations: (string | null)[];
  /** The parser's message when the block is not valid GraphQL. */
  syntaxError: string | null;
};

/** README.md and every Markdown file under docs/, relative to `root`, sorted. */
export function docFiles(root: string): string[] {
  const docs = readdirSync(path.join(root, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => path.join('docs', name))
    .sort();
  return ['README.md', ...docs];
}

/** Every ```graphql block of a Markdown text, with its line number (1-based, of the fence). */
export function graphqlBlocks(markdown: string): { line: number; source: string }[] {
  const blocks: { line: number; source: string }[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    if (lines[i]!.trim() !== '```graphql') continue;
    const start = i;
    const body: string[] = [];
    for (i += 1; i < lines.length && lines[i]!.trim() !== '```'; i += 1) body.push(lines[i]!);
    blocks.push({ line: start + 1, source: body.join('\n') });
  }
  return blocks;
}

function header(source: string, key: string): string | null {
  const match = new RegExp(`^#\\s*${key}:\\s*(.+)$`, 'm').exec(source);
  return match ? match[1]!.trim() : null;
}

function operationNames(source: string): {
  operations: (string | null)[];
  syntaxError: string | null;
} {
  try {
    const operations = parse(source)
      .definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION)
      .map((d) => d.name?.value ?? null);
    return { operations, syntaxError: null };
  } catch (error) {
    return { operations: [], syntaxError: (error as Error).message };
  }
}

/** Reads one block: its header and the names of its operations. */
export function docExample(file: string, block: { line: number; source: string }): DocExample {
  const variables = header(block.source, 'variables');
  return {
    file,
    line: block.line,
    source: block.source,
    user: header(block.source, 'user'),
    variables: variables ? (JSON.parse(variables) as Record<string, unknown>) : {},
    ...operationNames(block.source),
  };
}

/** Every GraphQL example of README.md and docs/, in reading order. */
export function docExamples(root: string): DocExample[] {
  return docFiles(root).flatMap((file) =>
    graphqlBlocks(readFileSync(path.join(root, file), 'utf8')).map((block) =>
      docExample(file, block),
    ),
  );
}
