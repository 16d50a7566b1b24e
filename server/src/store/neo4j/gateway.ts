import neo4j from 'neo4j-driver';
import { codedError } from '../../domain/errors';
import type { CypherCall, SchemaFile } from './cypher-catalog';
import { cypher, statements } from './cypher-files';

/**
 * The one way the Neo4j store talks to Neo4j: a session per call, `executeRead` (so a cluster
 * routes reads to followers) or `executeWrite`, a transaction timeout, the session closed in
 * `finally`, and Neo4j's errors turned into the API's codes in one place (toApiError).
 */

/** What the gateway needs of a neo4j-driver Driver (a recording fake in the tests). */
export interface DriverLike {
  session(config: { database?: string; defaultAccessMode?: string }): SessionLike;
  verifyConnectivity(config?: { database?: string }): Promise<unknown>;
  close(): Promise<void>;
}

export interface SessionLike {
  executeRead<T>(work: (tx: TxLike) => Promise<T>, config?: { timeout?: number }): Promise<T>;
  executeWrite<T>(work: (tx: TxLike) => Promise<T>, config?: { timeout?: number }): Promise<T>;
  close(): Promise<void>;
}

export interface TxLike {
  run(
    query: string,
    parameters?: Record<string, unknown>,
  ): PromiseLike<{ records: { toObject(): Record<string, unknown> }[] }>;
}

/** A transaction as the store sees it: it runs the files of cypher/ by name (cypher-catalog.ts). */
export interface Tx {
  run<Row = Record<string, unknown>>(...call: CypherCall): Promise<Row[]>;
  /** Statement `index` of a schema file (schema commands go one to a transaction). */
  runStatement(file: SchemaFile, index: number): Promise<void>;
}

export class Neo4jGateway {
  constructor(
    private readonly driver: DriverLike,
    private readonly database: string | undefined,
    private readonly timeoutMs = 30_000,
  ) {}

  read<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.transaction('READ', work);
  }

  /** A write transaction, with the gateway's timeout or, for a big import, `timeoutMs` if longer. */
  write<T>(work: (tx: Tx) => Promise<T>, timeoutMs = 0): Promise<T> {
    return this.transaction('WRITE', work, Math.max(timeoutMs, this.timeoutMs));
  }

  private async transaction<T>(
    mode: 'READ' | 'WRITE',
    work: (tx: Tx) => Promise<T>,
    timeoutMs = this.timeoutMs,
  ): Promise<T> {
    const session = this.driver.session({
      ...(this.database ? { database: this.database } : {}),
      defaultAccessMode: mode,
    });
    try {
      const run = (tx: TxLike) =>
        work({
          run: async <Row>(...[file, parameters = {}]: CypherCall) => {
            const result = await tx.run(cypher(file), parameters);
            return result.records.map((r) => r.toObject() as Row);
          },
          runStatement: async (file: SchemaFile, index: number) => {
            const statement = statements(file)[index];
            if (statement === undefined) throw new Error(`cypher/${file}.cypher has no statement ${index + 1}.`);
            await tx.run(statement, {});
          },
        });
      const config = { timeout: timeoutMs };
      return await (mode === 'READ' ? session.executeRead(run, config) : session.executeWrite(run, config));
    } catch (e) {
      throw toApiError(e);
    } finally {
      await session.close();
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}

/** An integer parameter: Neo4j takes a JavaScript number as a float, which LIMIT and SKIP refuse. */
export const int = (n: number) => neo4j.int(n);

/** Neo4j's errors as the API's coded errors; anything else unchanged (and masked by the API). */
export function toApiError(e: unknown): unknown {
  const code = (e as { code?: string }).code ?? '';
  const message = (e as Error).message ?? String(e);
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return codedError('BAD_INPUT', `The change breaks a rule of the graph: ${message}`);
  }
  if (
    code.includes('TransactionTimedOut') ||
    code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'
  ) {
    return codedError('TIMEOUT', 'The graph database took too long to answer.');
  }
  // a transaction over Neo4j's memory limit (dbms.memory.transaction.total.max, 70% of the heap by
  // default; db.memory.transaction.max): a TransientError, but the same work fails the same way
  // again (an import of M's 100k enterprises in one transaction, on a 768 MiB heap, 2026-12-07)
  if (
    code === 'Neo.TransientError.General.MemoryPoolOutOfMemoryError' ||
    code === 'Neo.TransientError.General.TransactionMemoryLimit'
  ) {
    return codedError(
      'TOO_COMPLEX',
      `The change is too big for one transaction of the graph database (its transaction memory limit): import it in several smaller imports, or give Neo4j a larger heap. ${message}`,
    );
  }
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || code.startsWith('Neo.TransientError')) {
    return codedError('UNAVAILABLE', 'The graph database cannot be reached just now; try again.');
  }
  return e;
}
