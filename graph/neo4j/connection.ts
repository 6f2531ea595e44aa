// Connection settings from the environment, with local defaults shared by the launcher, the CLI, the server and the tests.
import neo4j, { type Config, type Driver } from "neo4j-driver";
import { explainNeo4jError } from "./errors.ts";

/** Where and as whom to connect: bolt://, neo4j:// or neo4j+s:// (Aura, clusters), plus an optional database name. */
export interface Neo4jSettings {
  uri: string;
  user: string;
  password: string;
  database?: string;
}

/** The local defaults: what `npm run neo4j` and docker-compose.yml start when no environment variable is set. */
export const LOCAL_NEO4J: Readonly<Neo4jSettings> = {
  uri: "bolt://127.0.0.1:7687",
  user: "neo4j",
  password: "plangraph-dev",
};

/** Reads NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE, falling back to the local defaults. */
export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): Neo4jSettings {
  const database = env.NEO4J_DATABASE?.trim();
  return {
    uri: env.NEO4J_URI?.trim() || LOCAL_NEO4J.uri,
    user: env.NEO4J_USER?.trim() || LOCAL_NEO4J.user,
    password: env.NEO4J_PASSWORD ?? LOCAL_NEO4J.password,
    ...(database ? { database } : {}),
  };
}

/** A driver together with the settings it was made from, so errors and sessions can name the database. */
export interface Neo4jConnection {
  driver: Driver;
  settings: Neo4jSettings;
}

/** Creates a driver (integers come back as JS numbers); it connects lazily, call verifyConnection to fail early. */
export function createDriver(settings: Neo4jSettings = settingsFromEnv(), config: Config = {}): Neo4jConnection {
  const driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password), {
    disableLosslessIntegers: true,
    userAgent: "plangraph",
    connectionTimeout: 10_000,
    ...config,
  });
  return { driver, settings };
}

/**
 * Driver settings for a server answering people: no transaction retries (the default retries for 30 s, and every
 * API call waited that long for its 503), so a dead Neo4j is reported at once; a reader can simply ask again.
 */
export const SERVING_DRIVER_CONFIG: Readonly<Config> = { maxTransactionRetryTime: 0, connectionTimeout: 1_500 };

/** Checks that the server answers and accepts the credentials, throwing a Neo4jStoreError that says how to fix it. */
export async function verifyConnection({ driver, settings }: Neo4jConnection): Promise<void> {
  try {
    const session = driver.session({ defaultAccessMode: neo4j.session.READ, database: settings.database });
    try {
      await session.run("RETURN 1");
    } finally {
      await session.close();
    }
  } catch (err) {
    throw explainNeo4jError(err, settings);
  }
}

/** Whether the environment names a Neo4j (NEO4J_URI set), i.e. whether commands should use it rather than a file. */
export function neo4jConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.NEO4J_URI?.trim());
}

/** Creates a driver and checks the server answers, closing the driver again if it does not; the caller owns the rest. */
export async function openConnection(settings: Neo4jSettings, config: Config = {}): Promise<Neo4jConnection> {
  const connection = createDriver(settings, config);
  try {
    await verifyConnection(connection);
  } catch (err) {
    await connection.driver.close();
    throw err;
  }
  return connection;
}

/** Runs `use` with a checked connection and closes the driver afterwards, whether `use` succeeded or threw. */
export async function withConnection<T>(
  settings: Neo4jSettings,
  use: (connection: Neo4jConnection) => Promise<T>,
  config: Config = {},
): Promise<T> {
  const connection = await openConnection(settings, config);
  try {
    return await use(connection);
  } finally {
    await connection.driver.close();
  }
}
