import { Command, Option } from 'commander';
import { createImportApi } from '../src/modules/imports/import-client';
import { createProgress } from '../src/modules/imports/import-progress';
import { runImport } from '../src/modules/imports/import-runner';

/**
 * `npm run import -- --kind <kind> --file <path> [--format csv|ndjson] [--dry-run] [--url URL]`:
 * streams a file into a running service with the INTEGRATION token in JOURNEY_TOKEN. The last line
 * on stdout is the JSON summary; exit code 0 clean, 1 rows rejected, 2 malformed file or refused,
 * 3 service unreachable, 130 stopped with Ctrl-C (after the batches in flight).
 */
export async function main(argv: string[] = process.argv): Promise<number> {
  const options = new Command()
    .name('import')
    .requiredOption(
      '--kind <kind>',
      'accounts | activation-orders | fault-tickets | follow-ups | survey-responses',
    )
    .requiredOption('--file <path>', 'the file to import')
    .addOption(
      new Option('--format <format>', 'file format (default: from the file name)').choices([
        'csv',
        'ndjson',
      ]),
    )
    .option('--dry-run', 'validate and decide every row, write nothing', false)
    .option(
      '--url <url>',
      'GraphQL endpoint of the running service',
      process.env.JOURNEY_URL ?? 'http://localhost:4000/graphql',
    )
    .option('--source-system <code>', 'source system (default: the token user’s)')
    .option('--rejects <path>', 'where rejected rows go (default: <file>.rejects.ndjson)')
    .option('--batch-size <n>', 'rows per request (≤ 1000)', (v) => Number(v), 500)
    .option('--concurrency <n>', 'requests in flight', (v) => Number(v), 4)
    .parse(argv)
    .opts();
  const token = process.env.JOURNEY_TOKEN;
  if (!token) {
    process.stderr.write(
      'JOURNEY_TOKEN is not set: export an INTEGRATION token (see docs/integration-imports.md)\n',
    );
    return 2;
  }
  const controller = new AbortController();
  process.once('SIGINT', () => {
    process.stderr.write('\nstopping after the batches in flight…\n');
    controller.abort();
  });
  const { summary, exitCode } = await runImport({
    api: createImportApi(options.url, token),
    kind: options.kind,
    file: options.file,
    format:
      options.format ??
      (options.file.endsWith('.ndjson') || options.file.endsWith('.jsonl') ? 'ndjson' : 'csv'),
    dryRun: options.dryRun,
    sourceSystem: options.sourceSystem,
    rejectsFile: options.rejects,
    batchSize: options.batchSize,
    concurrency: options.concurrency,
    signal: controller.signal,
    progress: createProgress(process.stderr),
  });
  if (summary.error) process.stderr.write(`import failed: ${summary.error}\n`);
  process.stdout.write(`${JSON.stringify(summary)}\n`);
  return exitCode;
}

if (require.main === module) {
  main().then((code) => process.exit(code));
}
