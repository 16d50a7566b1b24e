import type { CypherFile } from '../../src/store/neo4j/cypher-catalog';
import { allCypherFiles, cypher, statements } from '../../src/store/neo4j/cypher-files';
import type { DriverLike, SessionLike, TxLike } from '../../src/store/neo4j/gateway';

/**
 * A call a store made: which file of cypher/ (and, for a schema file, which of its statements,
 * from 1), in what kind of transaction, with what. A call is pinned by its file and parameters,
 * not its text: editing a query's Cypher changes no snapshot (cypher-lint.test.ts and the Neo4j
 * tier check the text), while running another file, or the same with other parameters, does.
 */
export interface RecordedCall {
  mode: string;
  database: string | undefined;
  timeout: number | undefined;
  file: CypherFile;
  statement?: number;
  parameters: Record<string, unknown>;
}

/** The Cypher of a recorded call's file (`queries/search`). */
export const textOf = (file: CypherFile): string => cypher(file);

/** Every text the store may send, by what it is: a file, or one statement of a schema file. */
function knownTexts(): Map<string, { file: CypherFile; statement?: number }> {
  const known = new Map<string, { file: CypherFile; statement?: number }>();
  for (const { file: name } of allCypherFiles()) {
    const file = name as CypherFile;
    if (file.startsWith('schema/'))
      statements(file as Extract<CypherFile, `schema/${string}`>).forEach((text, i) => {
        known.set(text, { file, statement: i + 1 });
      });
    else known.set(cypher(file), { file });
  }
  return known;
}

type Responder = (file: CypherFile, parameters: Record<string, unknown>) => Record<string, unknown>[];

/** A neo4j-driver stand-in that records every query and answers from `respond`. */
export class RecordingDriver implements DriverLike {
  readonly calls: RecordedCall[] = [];
  openSessions = 0;
  private readonly known = knownTexts();

  constructor(private readonly respond: Responder = () => []) {}

  session(config: { database?: string; defaultAccessMode?: string }): SessionLike {
    this.openSessions++;
    const tx = (mode: string, timeout: number | undefined): TxLike => ({
      run: async (query, parameters = {}) => {
        const what = this.known.get(query);
        if (!what) throw new Error(`The store sent Cypher that is no file of cypher/: ${query.slice(0, 80)}`);
        this.calls.push({ mode, database: config.database, timeout, ...what, parameters });
        return {
          records: this.respond(what.file, parameters).map((row) => ({ toObject: () => row })),
        };
      },
    });
    return {
      executeRead: (work, c) => work(tx('READ', c?.timeout)),
      executeWrite: (work, c) => work(tx('WRITE', c?.timeout)),
      close: async () => {
        this.openSessions--;
      },
    };
  }

  async verifyConnectivity(): Promise<void> {}

  async close(): Promise<void> {}
}
