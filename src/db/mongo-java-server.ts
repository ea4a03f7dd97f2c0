import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { projectRoot } from '../shared/project-root';

// The stand-in is fetched from Maven Central into an ignored cache, never committed.
const root = projectRoot();
const cacheDir = path.join(root, '.cache', 'mongo-java-server');
const libDir = path.join(cacheDir, 'lib');
const classesDir = path.join(cacheDir, 'classes');
const sourceDir = path.join(root, 'db', 'mongo-java-server');
const launcherClass = path.join(classesDir, 'JourneyMongoServer.class');

/** A running mongo-java-server child process. */
export type StandIn = { uri: string; port: number; stop(): Promise<void> };

/** Which storage the stand-in uses: H2 file (survives restarts) or memory (tests). */
export type StandInStorage = { kind: 'h2'; file: string } | { kind: 'memory' };

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

/** True when the jars and the compiled launcher are already in the cache. */
export function standInFetched(): boolean {
  return existsSync(launcherClass) && existsSync(libDir);
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
  run(
    javaCommand('javac'),
    [
      '-d',
      classesDir,
      '-cp',
      path.join(libDir, '*'),
      path.join(sourceDir, 'JourneyMongoServer.java'),
    ],
    'Compiling the mongo-java-server launcher',
  );
}

function storageArgs(storage: StandInStorage): string[] {
  return storage.kind === 'h2' ? ['h2', storage.file] : ['memory'];
}

/** Starts the stand-in on a loopback port (0 = any free port) and waits until it listens. */
export function startStandIn(storage: StandInStorage, port = 0): Promise<StandIn> {
  fetchStandIn();
  const classpath = [classesDir, path.join(libDir, '*')].join(path.delimiter);
  const child = spawn(
    javaCommand(),
    ['-Xss4m', '-cp', classpath, 'JourneyMongoServer', ...storageArgs(storage), String(port)],
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
        stop: async () => {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}
