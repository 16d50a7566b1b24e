import neo4j from 'neo4j-driver';
import type { DriverLike } from './gateway';

/** Connection settings from the environment: NEO4J_URI (neo4j:// or bolt://), NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE. */
export interface Neo4jConfig {
  uri: string;
  user: string;
  password: string;
  database?: string;
}

export function neo4jConfigFromEnv(env: NodeJS.ProcessEnv = process.env): Neo4jConfig | undefined {
  const uri = env.NEO4J_URI?.trim();
  if (!uri) return undefined;
  if (!/^(neo4j|bolt)(\+s|\+ssc)?:\/\//.test(uri)) {
    throw new Error(`NEO4J_URI must start with neo4j:// or bolt:// (or their +s / +ssc forms); got '${uri}'.`);
  }
  return {
    uri,
    user: env.NEO4J_USER ?? 'neo4j',
    password: env.NEO4J_PASSWORD ?? '',
    ...(env.NEO4J_DATABASE ? { database: env.NEO4J_DATABASE } : {}),
  };
}

/**
 * A driver that has been seen to reach the server; one clear error naming the URI, within a few
 * seconds, when it cannot.
 */
export async function connect(config: Neo4jConfig, timeoutMs = 5000): Promise<DriverLike> {
  const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
    connectionTimeout: timeoutMs,
    connectionAcquisitionTimeout: timeoutMs,
    maxTransactionRetryTime: timeoutMs,
    disableLosslessIntegers: true,
    logging: { level: 'error', logger: () => {} },
  });
  try {
    await driver.verifyConnectivity(config.database ? { database: config.database } : {});
  } catch (e) {
    await driver.close().catch(() => {});
    const reason = (e as Error).message.split('\n')[0];
    throw new Error(`Cannot reach Neo4j at ${config.uri}: ${reason}`);
  }
  return driver as unknown as DriverLike;
}
