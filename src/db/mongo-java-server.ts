import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { projectRoot } from '../shared/project-root';

// The stand-in is fetched from Maven Central into an ignored cache, never committed.
const root = projectRoot();
const cacheDir = path.join(root, '.cache', 'mongo-java-server');
const libDir = path.join(cacheDir, 'lib');
const classesDir = path.join(cacheDir, 'classes');
const sourceDir = path.join(root, 'db', 'mongo-java-server');
const launcherSource = path.join(sourceDir, 'JourneyMongoServer.java');
const launcherClass = path.join(classesDir, 'JourneyMongoServer.class');
// Which launcher source the compiled class was built from: a changed launcher is recompiled.
const launcherHash = path.join(classesDir, 'JourneyMongoServer.sha256');

/** A running mongo-java-server child process. */
export type StandIn = {
  uri: string;
  port: number;
  pid: number;
  /** Resolves when the process has exited, for whatever reason. */
  exited: Promise<void>;
  stop(): Promise<void>;
};

/**
 * Which storage the stand-in uses: H2 file (survives restarts) or memory (tests). H2 commits every
 * write before answering it unless `lazyCommit` (H2's own cadence, about once a second).
 * `h2KeyOrder`: unique-index keys compared as H2 does on its own, re-serializing both keys on every
 * comparison (the launcher remembers each key's bytes instead); only for the test that reopens a
 * store so written.
 */
export type StandInStorage =
  { kind: 'h2'; file: string; lazyCommit?: boolean; h2KeyOrder?: boolean } | { kind: 'memory' };

function javaCommand(binary: 'java' | 'javac' = 'java'): string {
  const home = process.env.JAVA_HOME;
  return home ? path.join(home, 'bin', binary) : binary;
}

const works = (command: string, args: string[]) =>
  spawnSync(command, args, { stdio: 'ignore' }).status === 0;

/**
 * What this machine lacks to run the stand-in, in words for a newcomer; empty when it can run.
 * The compiler and Maven are needed only until the launcher is compiled and the jars fetched.
 */
export function standInMissing(): string[] {
  const missing: string[] = [];
  if (!works(javaCommand(), ['-version'])) missing.push('Java 17+ (java not found)');
  if (!existsSync(launcherClass) && !works(javaCommand('javac'), ['-version'])) {
    missing.push('a JDK, not only a Java runtime (javac not found)');
  }
  if (!existsSync(libDir) && !works('mvn', ['-v'])) missing.push('Maven (mvn not found)');
  return missing;
}

const sourceHash = () => createHash('sha256').update(readFileSync(launcherSource)).digest('hex');

function launcherCompiled(): boolean {
  return (
    existsSync(launcherClass) &&
    existsSync(launcherHash) &&
    readFileSync(launcherHash, 'utf8') === sourceHash()
  );
}

/** True when the jars and the launcher compiled from its current source are in the cache. */
export function standInFetched(): boolean {
  return launcherCompiled() && existsSync(libDir);
}

function run(command: string, args: string[], what: string): void {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) {
    const detail = result.error?.message ?? `${result.stdout}\n${result.stderr}`.trim();
    throw new Error(`${what} failed (${command} ${args.join(' ')}): ${detail}`);
  }
}

/** Fetches mongo-java-server with Maven and compiles the launcher; a no-op when cached. */
export function fetchStandIn(): void {
  if (standInFetched()) return;
  mkdirSync(classesDir, { recursive: true });
  if (!existsSync(libDir)) fetchJars();
  run(
    javaCommand('javac'),
    ['-d', classesDir, '-cp', path.join(libDir, '*'), launcherSource],
    'Compiling the mongo-java-server launcher',
  );
  writeFileSync(launcherHash, sourceHash());
}

function fetchJars(): void {
  run(
    'mvn',
    [
      '-q',
      '-B',
      '-f',
      path.join(sourceDir, 'pom.xml'),
      'dependency:copy-dependencies',
      `-DoutputDirectory=${libDir}`,
    ],
    'Fetching mongo-java-server with Maven',
  );
}

function storageArgs(storage: StandInStorage): string[] {
  if (storage.kind === 'memory') return ['memory'];
  return [
    'h2',
    storage.file,
    ...(storage.lazyCommit ? ['--lazy-commit'] : []),
    ...(storage.h2KeyOrder ? ['--h2-key-order'] : []),
  ];
}

/**
 * The stand-in's JVM options. String deduplication shares the contents of equal strings (field
 * names and values of the documents being read or written; it cut the live heap by a fifth when
 * the memory backend still kept documents as maps, before the launcher kept them as BSON bytes).
 * The default maximum heap (a quarter of the RAM) is left as it is.
 */
const JVM_OPTIONS = ['-Xss4m', '-XX:+UseStringDeduplication'];

/** Starts the stand-in on a loopback port (0 = any free port) and waits until it listens. */
export function startStandIn(storage: StandInStorage, port = 0): Promise<StandIn> {
  fetchStandIn();
  const classpath = [classesDir, path.join(libDir, '*')].join(path.delimiter);
  const child = spawn(
    javaCommand(),
    [...JVM_OPTIONS, '-cp', classpath, 'JourneyMongoServer', ...storageArgs(storage), String(port)],
    // stdin stays open as a lifeline: the launcher exits when this process goes away.
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));

  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) =>
      reject(new Error(`mongo-java-server exited (${code}): ${stderr}`)),
    );
    const lines = readline.createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const match = /^LISTENING (\d+)$/.exec(line);
      if (!match) return;
      const boundPort = Number(match[1]);
      resolve({
        port: boundPort,
        uri: `mongodb://127.0.0.1:${boundPort}`,
        pid: child.pid!,
        exited,
        stop: async () => {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}
