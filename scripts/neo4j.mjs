#!/usr/bin/env node
/**
 * A Neo4j for Chain Atlas on this machine, with nothing to install but a JDK and Maven:
 *   pnpm run neo4j -- [--port 7687] [--data DIR] [--heap 768m] [--page-cache 128]
 * Neo4j 5.26 LTS Community runs in-process on the JVM (scripts/neo4j/, built with Maven on first
 * use), Bolt on 127.0.0.1:PORT, authentication off, usage reporting off. It prints
 *   Neo4j 5.26.x is ready at bolt://127.0.0.1:PORT (data: DIR)
 * once it answers, and stops cleanly on Ctrl-C or SIGTERM. Then, in another terminal:
 *   NEO4J_URI=bolt://127.0.0.1:PORT pnpm start
 * Plain Node, no dependencies: `startNeo4j()` is also what the test command uses.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PROJECT = join(root, 'scripts', 'neo4j');
const CLASSPATH_FILE = join(PROJECT, 'target', 'classpath.txt');
/** Neo4j 5.26 runs on Java 17 and 21. */
const JAVA_VERSIONS = [17, 21];
const INSTALL_HINT = 'On Debian: sudo apt-get install -y openjdk-17-jdk-headless maven';

/** A problem the user can fix, with what to do: printed without a stack. */
export class Neo4jSetupError extends Error {}

/** The major version of a `java` binary, or undefined when it does not run. */
function javaVersion(java) {
  const result = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return undefined;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(result.stderr);
  if (!match) return undefined;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

/**
 * A JDK that runs Neo4j 5.26: JAVA_HOME's, the `java` on PATH, or one under /usr/lib/jvm; its home
 * (for Maven) and its java.
 */
export function findJdk(env = process.env) {
  const candidates = [];
  if (env.JAVA_HOME) candidates.push(env.JAVA_HOME);
  const onPath = spawnSync('sh', ['-c', 'command -v javac'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) {
    const real = spawnSync('readlink', ['-f', onPath], { encoding: 'utf8' }).stdout.trim();
    candidates.push(dirname(dirname(real || onPath)));
  }
  if (existsSync('/usr/lib/jvm'))
    for (const name of readdirSync('/usr/lib/jvm').sort()) candidates.push(join('/usr/lib/jvm', name));
  const seen = [];
  for (const home of candidates) {
    const java = join(home, 'bin', 'java');
    if (!existsSync(java) || !existsSync(join(home, 'bin', 'javac'))) continue;
    const version = javaVersion(java);
    if (version !== undefined && JAVA_VERSIONS.includes(version)) return { home, java, version };
    if (version !== undefined) seen.push(`${home} (Java ${version})`);
  }
  throw new Neo4jSetupError(
    `Neo4j 5.26 needs a JDK ${JAVA_VERSIONS.join(' or ')}, and none was found` +
      (seen.length ? ` (found only ${seen.join(', ')})` : '') +
      `. Install one, or set JAVA_HOME to one. ${INSTALL_HINT}`,
  );
}

/** Whether Maven runs. */
function hasMaven() {
  const result = spawnSync('mvn', ['-v'], { stdio: 'ignore' });
  return !result.error && result.status === 0;
}

/** Whether a JDK for Neo4j and Maven are both here (the test command's Neo4j tier needs both). */
export function canRunNeo4j(env = process.env) {
  try {
    findJdk(env);
  } catch {
    return false;
  }
  return hasMaven();
}

const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .reduce((t, e) => Math.max(t, statSync(join(e.parentPath, e.name)).mtimeMs), 0);

/**
 * Compiles the launcher and writes its classpath (target/classpath.txt) when that is missing or
 * older than the pom or the Java source. Maven downloads Neo4j's jars from Maven Central once.
 */
export function buildLauncher(jdk, log = console.error) {
  const sources = Math.max(statSync(join(PROJECT, 'pom.xml')).mtimeMs, newest(join(PROJECT, 'src')));
  if (existsSync(CLASSPATH_FILE) && statSync(CLASSPATH_FILE).mtimeMs >= sources) return;
  if (!hasMaven()) throw new Neo4jSetupError(`Building the Neo4j launcher needs Maven (mvn). ${INSTALL_HINT}`);
  log('Building the Neo4j launcher (scripts/neo4j/; the first time, Maven downloads Neo4j 5.26)…');
  const result = spawnSync(
    'mvn',
    ['-q', '-B', 'compile', 'dependency:build-classpath', `-Dmdep.outputFile=${CLASSPATH_FILE}`],
    { cwd: PROJECT, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, JAVA_HOME: jdk.home } },
  );
  if (result.error || result.status !== 0)
    throw new Neo4jSetupError(`Maven could not build the Neo4j launcher in ${PROJECT} (see its output above).`);
  // Maven leaves an unchanged classpath file as it was: mark it as built now
  const now = new Date();
  utimesSync(CLASSPATH_FILE, now, now);
}

/**
 * Starts Neo4j and resolves, once it answers, with its Bolt URI and a `stop()` that ends it cleanly
 * (SIGTERM) and resolves when it has. Rejects with what went wrong if it cannot start.
 */
export async function startNeo4j({
  port = 7687,
  data = join(root, 'data', 'neo4j'),
  heap = '768m',
  pageCacheMib = 128,
  stdio = 'pipe',
  timeoutMs = 180_000,
} = {}) {
  const jdk = findJdk();
  buildLauncher(jdk);
  mkdirSync(data, { recursive: true });
  const classpath = `${join(PROJECT, 'target', 'classes')}:${readFileSync(CLASSPATH_FILE, 'utf8').trim()}`;
  const child = spawn(
    jdk.java,
    [
      `-Xmx${heap}`,
      // what Neo4j's own start script opens to it on Java 17
      '--add-opens=java.base/java.nio=ALL-UNNAMED',
      '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
      '--add-opens=java.base/java.lang=ALL-UNNAMED',
      '-cp',
      classpath,
      'chainatlas.neo4j.Launcher',
      String(port),
      resolve(data),
      String(pageCacheMib),
      '--exit-on-stdin-close',
    ],
    // its stdin a pipe that closes when this process ends, however it ends: Neo4j then stops too
    { stdio: ['pipe', 'pipe', stdio === 'inherit' ? 'inherit' : 'pipe'] },
  );
  const exited = new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })));
  let output = '';
  const uri = await new Promise((resolveUri, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Neo4j did not start in ${timeoutMs / 1000} s:\n${output}`));
    }, timeoutMs);
    const onData = (chunk) => {
      output += chunk;
      if (stdio === 'inherit') process.stdout.write(chunk);
      const ready = /is ready at (bolt:\/\/\S+)/.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolveUri(ready[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Neo4jSetupError(output.trim() || `Neo4j exited (${code ?? signal}) before it was ready.`));
    });
  });
  return {
    uri,
    child,
    exited,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

function parseArgs(argv) {
  const options = {};
  const usage = 'usage: pnpm run neo4j -- [--port 7687] [--data DIR] [--heap 768m] [--page-cache MIB]';
  const args = argv.filter((a) => a !== '--');
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    if (value === undefined) throw new Neo4jSetupError(`${flag} needs a value. ${usage}`);
    if (flag === '--port') {
      options.port = Number(value);
      if (!Number.isInteger(options.port) || options.port < 1 || options.port > 65535)
        throw new Neo4jSetupError(`--port must be a port number from 1 to 65535; got '${value}'.`);
    } else if (flag === '--data') options.data = resolve(process.env.INIT_CWD ?? process.cwd(), value);
    else if (flag === '--heap') {
      if (!/^\d+[mg]$/i.test(value))
        throw new Neo4jSetupError(`--heap takes a size such as 768m or 2g; got '${value}'.`);
      options.heap = value;
    } else if (flag === '--page-cache') {
      options.pageCacheMib = Number(value);
      if (!Number.isInteger(options.pageCacheMib) || options.pageCacheMib < 8)
        throw new Neo4jSetupError(`--page-cache takes MiB, at least 8; got '${value}'.`);
    } else throw new Neo4jSetupError(`unknown option '${flag}'. ${usage}`);
  }
  return options;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const neo4j = await startNeo4j({ ...parseArgs(process.argv.slice(2)), stdio: 'inherit' });
    console.log(`Use it with: NEO4J_URI=${neo4j.uri} pnpm start    (Ctrl-C stops Neo4j)`);
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => neo4j.child.kill('SIGTERM'));
    const { code } = await neo4j.exited;
    process.exit(code === 143 || code === 130 ? 0 : (code ?? 0));
  } catch (e) {
    console.error(`\n✗ ${e instanceof Neo4jSetupError ? e.message : (e?.stack ?? e)}`);
    process.exit(1);
  }
}
