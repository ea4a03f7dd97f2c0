import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import {
  createImportApi,
  graphqlEndpoint,
  ImportRefusedError,
} from '../src/modules/imports/import-client';
import { createProgress } from '../src/modules/imports/import-progress';
import { runImport } from '../src/modules/imports/import-runner';

const positiveInteger = (max: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new InvalidArgumentError(`not a whole number 1–${max}`);
  }
  return n;
};

function parseOptions(argv: string[]) {
  return new Command()
    .name('import')
    .exitOverride()
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
      'the service (http://host:4000) or its GraphQL endpoint',
      process.env.JOURNEY_URL ?? 'http://localhost:4000/graphql',
    )
    .option('--source-system <code>', 'source system (default: the token user’s)')
    .option('--rejects <path>', 'where rejected rows go (default: <file>.rejects.ndjson)')
    .option('--batch-size <n>', 'rows per request (≤ 1000)', positiveInteger(1000), 500)
    .option('--concurrency <n>', 'requests in flight (≤ 64)', positiveInteger(64), 4)
    .parse(argv)
    .opts();
}

/**
 * `npm run import -- --kind <kind> --file <path> [--format csv|ndjson] [--dry-run] [--url URL]`:
 * streams a file into a running service with the INTEGRATION token in JOURNEY_TOKEN. The last line
 * on stdout is the JSON summary; exit code 0 clean, 1 rows rejected, 2 the input is wrong
 * (option, URL, missing or malformed file, refused token, source system or kind), 3 the service
 * is unreachable or failing after retries, 130 stopped with Ctrl-C (after the batches in flight).
 * A failure is one line on stderr.
 */
export async function main(argv: string[] = process.argv): Promise<number> {
  let options;
  let url: string;
  try {
    options = parseOptions(argv);
    url = graphqlEndpoint(options.url);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has printed its one-line message (or the help) already.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof ImportRefusedError) {
      process.stderr.write(`import failed: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const token = process.env.JOURNEY_TOKEN;
  if (!token) {
    process.stderr.write(
      'import failed: JOURNEY_TOKEN is not set: export an INTEGRATION token (see docs/integration-imports.md)\n',
    );
    return 2;
  }
  const notice = (message: string) => process.stderr.write(`${message}\n`);
  const controller = new AbortController();
  process.once('SIGINT', () => {
    process.stderr.write('\nstopping after the batches in flight…\n');
    controller.abort();
  });
  const { summary, exitCode } = await runImport({
    api: createImportApi(url, token, notice),
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
    notice,
  });
  if (summary.error) process.stderr.write(`import failed: ${summary.error}\n`);
  process.stdout.write(`${JSON.stringify(summary)}\n`);
  return exitCode;
}

if (require.main === module) {
  main().then((code) => process.exit(code));
}
