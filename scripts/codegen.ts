import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { codegen } from '@graphql-codegen/core';
import * as schemaAst from '@graphql-codegen/schema-ast';
import * as typescript from '@graphql-codegen/typescript';
import * as typescriptResolvers from '@graphql-codegen/typescript-resolvers';
import { loadFilesSync } from '@graphql-tools/load-files';
import { mergeTypeDefs } from '@graphql-tools/merge';
import { getDocumentNodeFromSchema } from '@graphql-tools/utils';
import { buildASTSchema, lexicographicSortSchema } from 'graphql';
import config from '../codegen';

// Runs @graphql-codegen's core with the plugins named in codegen.ts. The CLI package would do the
// same, but its loaders (URL, GitHub, Apollo Engine) pull in packages that declare Node >= 22;
// the schema here is only local SDL files. `--check` exits 1 when a generated file is stale.

const PLUGINS: Record<string, unknown> = {
  'schema-ast': schemaAst,
  typescript,
  'typescript-resolvers': typescriptResolvers,
};

const root = path.join(__dirname, '..');

async function generate(file: string, plugins: string[], options: Record<string, unknown>) {
  // Sorted, as the CLI does by default, so that the output does not follow file order.
  const schema = lexicographicSortSchema(
    buildASTSchema(mergeTypeDefs(loadFilesSync(path.join(root, config.schema)))),
  );
  return codegen({
    filename: file,
    schema: getDocumentNodeFromSchema(schema),
    schemaAst: schema,
    documents: [],
    config: options,
    plugins: plugins.map((name) => ({ [name]: {} })),
    pluginMap: Object.fromEntries(plugins.map((name) => [name, PLUGINS[name] as never])),
  });
}

function current(file: string): string | null {
  try {
    return readFileSync(path.join(root, file), 'utf8');
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const stale: string[] = [];
  for (const [file, { plugins, config: options = {} }] of Object.entries(config.generates)) {
    const output = await generate(file, plugins, options);
    if (current(file) === output) continue;
    if (check) stale.push(file);
    else writeFileSync(path.join(root, file), output);
  }
  if (stale.length > 0) {
    process.stderr.write(`out of date (run npm run codegen): ${stale.join(', ')}\n`);
    process.exit(1);
  }
  process.stdout.write(check ? 'generated files are up to date\n' : 'generated\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`codegen failed: ${(error as Error).message}\n`);
  process.exit(1);
});
