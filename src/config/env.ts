import { z } from 'zod';

const booleanFlag = z.enum(['true', 'false']).transform((value) => value === 'true');

const port = z.coerce
  .number({ error: 'must be a port number' })
  .int('must be a whole number')
  .min(0, 'must be 0–65535')
  .max(65535, 'must be 0–65535');

/** Every setting the service reads; `.env.example` lists the same variables with their defaults. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: port.default(4000),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  EMBEDDED_ENGINE: z.enum(['auto', 'mongod', 'mongo-java-server']).default('auto'),
  DEMO_DATA: booleanFlag.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GRAPHQL_INTROSPECTION: booleanFlag.optional(),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(4).max(50).default(15),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(100).default(10000),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10000),
  CONSEQUENCE_SWEEP_INTERVAL_MS: z.coerce.number().int().min(0).default(60000),
  CONSEQUENCE_SCAN_INTERVAL_MS: z.coerce.number().int().min(0).default(21_600_000),
  DB_SERVER_SELECTION_TIMEOUT_MS: z.coerce.number().int().min(100).default(3000),
  DB_OPERATION_TIMEOUT_MS: z.coerce.number().int().min(0).default(15000),
  DB_RESTART_BACKOFF_MS: z.coerce.number().int().min(10).default(500),
  DB_RESTART_ATTEMPTS: z.coerce.number().int().min(1).default(6),
});

/** Validated configuration, read once at start. */
export type Config = z.infer<typeof envSchema>;

/** Raised when the environment holds invalid settings; lists every problem by variable name. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the settings; empty strings count as unset so `.env` templates work. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  return parsed.data;
}
