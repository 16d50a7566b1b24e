import { allCypherFiles, type CypherFolder, cypher } from '../../src/store/neo4j/cypher-files';
import type { DriverLike, SessionLike, TxLike } from '../../src/store/neo4j/gateway';

/**
 * A call a store made: which file (or schema statement), in what kind of transaction, with what.
 * A file's call is pinned by its name and parameters, not its text: editing a query's Cypher
 * changes no snapshot (cypher-lint.test.ts and the Neo4j tier check the text). A schema statement
 * has no file: its text is the call.
 */
export interface RecordedCall {
  mode: string;
  database: string | undefined;
  timeout: number | undefined;
  file: string;
  statement?: string;
  parameters: Record<string, unknown>;
}

/** The Cypher of a recorded call's file (`queries/search`). */
export function textOf(file: string): string {
  const [folder, name] = file.split('/');
  return cypher(folder as CypherFolder, name ?? '');
}

type Responder = (file: string, parameters: Record<string, unknown>) => Record<string, unknown>[];

/** A neo4j-driver stand-in that records every query and answers from `respond`. */
export class RecordingDriver implements DriverLike {
  readonly calls: RecordedCall[] = [];
  openSessions = 0;
  private readonly byText = new Map(allCypherFiles().map((f) => [cypher(f.folder, f.name), `${f.folder}/${f.name}`]));

  constructor(private readonly respond: Responder = () => []) {}

  session(config: { database?: string; defaultAccessMode?: string }): SessionLike {
    this.openSessions++;
    const tx = (mode: string, timeout: number | undefined): TxLike => ({
      run: async (query, parameters = {}) => {
        const file = this.byText.get(query);
        this.calls.push({
          mode,
          database: config.database,
          timeout,
          ...(file ? { file } : { file: 'schema statement', statement: query }),
          parameters,
        });
        return {
          records: this.respond(file ?? 'schema statement', parameters).map((row) => ({ toObject: () => row })),
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
