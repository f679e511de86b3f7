import path from "node:path";
import { fileURLToPath } from "node:url";
import proxyAddr from "@fastify/proxy-addr";

export const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));

export interface Config {
  port: number;
  host: string;
  /** Unset: an embedded PostgreSQL is started under `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  production: boolean;
  logLevel: string;
  /** Built SPA to serve; absent in tests that only exercise the API. */
  webDistDir: string;
  migrationsDir: string;
  /** How often the API looks for demands past their board's SLE (services/insights); 0 turns it off. */
  sleSweepIntervalMs: number;
  /** Private or reserved addresses (IPs, CIDR ranges) the SLE alert webhook may call; none by default. */
  alertWebhookAllowedAddresses: string[];
  /**
   * The instant the demo history ends at when the demo board is seeded; unset: the moment of
   * seeding. The demo's shape (what sits in which stage) depends on it, so tests pin it.
   */
  demoNow: Date | undefined;
  /**
   * Reverse proxies (IPs, CIDR ranges, or proxy-addr's `loopback`, `linklocal`,
   * `uniquelocal`) whose X-Forwarded-For/-Host/-Proto are believed; none by
   * default, so a client cannot choose the address its rate limits count
   * against, nor the host the CSRF check compares with.
   */
  trustedProxies: string[];
}

/** Reads the environment variables of DESIGN.md "Configuration"; all are optional. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === "production";
  return {
    port: parsePort(env.PORT),
    host: env.HOST ?? "127.0.0.1",
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(repoRoot, env.DATA_DIR ?? ".data"),
    production,
    logLevel: env.LOG_LEVEL ?? (production ? "info" : "warn"),
    webDistDir: path.join(repoRoot, "apps/web/dist"),
    migrationsDir: path.join(repoRoot, "prisma/migrations"),
    sleSweepIntervalMs: parseInterval(env.SLE_SWEEP_INTERVAL_MS, 60_000),
    alertWebhookAllowedAddresses: commaList(env.ALERT_WEBHOOK_ALLOWED_ADDRESSES),
    trustedProxies: parseTrustedProxies(env.TRUST_PROXY),
    demoNow: parseDemoNow(env.DEMO_NOW),
  };
}

function commaList(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
}

/** Checked with the same parser Fastify applies to them, so a typo stops the boot instead of trusting no one. */
function parseTrustedProxies(value: string | undefined): string[] {
  const proxies = commaList(value);
  try {
    proxyAddr.compile(proxies);
  } catch (error) {
    throw new Error(
      `TRUST_PROXY must list IP addresses or CIDR ranges (or loopback, linklocal, uniquelocal), comma-separated: ${(error as Error).message}`,
    );
  }
  return proxies;
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === "") return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, got "${value}"`);
  }
  return port;
}

function parseInterval(value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0) {
    throw new Error(`SLE_SWEEP_INTERVAL_MS must be a whole number of milliseconds (0: off), got "${value}"`);
  }
  return ms;
}

/** An ISO 8601 instant with its zone (`Z` or `+02:00`), so it means the same on every machine. */
const ZONED_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(Z|([+-])(\d{2}):(\d{2}))$/;

function parseDemoNow(value: string | undefined): Date | undefined {
  if (value === undefined || value === "") return undefined;
  const match = ZONED_INSTANT.exec(value);
  const at = Date.parse(value);
  // Date.parse rolls 30 February over into March; the written date and time must survive the trip.
  const zoneMinutes = match?.[2]
    ? (match[2] === "-" ? -1 : 1) * (Number(match[3]) * 60 + Number(match[4]))
    : 0;
  const written = Number.isNaN(at) ? "" : new Date(at + zoneMinutes * 60_000).toISOString().slice(0, 16);
  if (!match || written !== value.slice(0, 16)) {
    throw new Error(
      `DEMO_NOW must be an ISO 8601 instant with a zone, like 2026-03-04T08:20:00Z, got "${value}"`,
    );
  }
  // A history ending in the future would show demands aged less than nothing.
  if (at > Date.now()) throw new Error(`DEMO_NOW must not be in the future, got "${value}"`);
  return new Date(at);
}
