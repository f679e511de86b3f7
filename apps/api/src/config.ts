import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import proxyAddr from "@fastify/proxy-addr";
import { SIGN_UP_POLICIES, type SignUpPolicy } from "@tideway/domain";
import { z } from "zod";
import { FAST_PASSWORD_HASHING_VARIABLE } from "./auth/password";

// Two folders up from this file's folder: apps/api/src in development, apps/api/dist when compiled.
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
  /** Bearer token that `GET /metrics` requires; unset: the metrics endpoint is off. */
  metricsToken: string | undefined;
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
  /**
   * Who may create an account (packages/domain sign-up-policy.ts). Default:
   * `open` with mail, `invite` without, since only an emailed link lets
   * sign-up answer alike for a taken and a fresh email (`defaultSignUpPolicy`).
   */
  signUp: SignUpPolicy;
  /**
   * The address people reach Tideway at (`https://tideway.example.com`), for
   * links in emails. Never taken from a request's Host header, which a
   * sender chooses (a reset link pointing elsewhere would hand over the account).
   */
  publicUrl: string | undefined;
  /** `smtp://user:password@host:587` or `smtps://…`; unset: Tideway sends no email. */
  smtpUrl: string | undefined;
  /** The From address of Tideway's emails. */
  mailFrom: string;
  /** Single sign-on with an OpenID Connect provider; unset: only passwords (and invitations). */
  oidc: OidcConfig | undefined;
}

export interface OidcConfig {
  /** The provider's issuer URL; its /.well-known/openid-configuration is read at start-up. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** What the sign-in button says: "Sign in with <providerName>". */
  providerName: string;
  /** Where the provider sends people back: PUBLIC_URL + /api/auth/oidc/callback, never a request's Host. */
  redirectUrl: string;
}

export const METRICS_TOKEN_MIN_LENGTH = 16;
const SECRET_VARIABLES = new Set(["DATABASE_URL", "METRICS_TOKEN", "SMTP_URL", "OIDC_CLIENT_SECRET"]);
const OIDC_VARIABLES = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const;
const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** Thrown by loadConfig with one line per bad variable, for the operator to fix them all at once. */
export class ConfigError extends Error {
  override name = "ConfigError";
  constructor(readonly problems: string[]) {
    super(`Tideway's configuration is invalid:\n${problems.map((problem) => `  ${problem}`).join("\n")}`);
  }
}

/** An unset variable and an empty one both mean "use the default". */
const unset = (value: unknown) => (value === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(unset, schema.optional());

const wholeNumber = (min: number, max: number, meaning: string) =>
  z
    .string()
    .refine((value) => /^\d+$/.test(value) && Number(value) >= min && Number(value) <= max, {
      message: meaning,
    })
    .transform(Number);

const commaList = (value: string) =>
  value
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");

const ENVIRONMENT = z.object({
  PORT: optional(wholeNumber(0, 65535, "must be a whole number from 0 to 65535")),
  HOST: optional(z.string().trim().min(1)),
  DATABASE_URL: optional(
    z.string().refine((value) => /^postgres(ql)?:\/\/[^/]+/.test(value) && URL.canParse(value), {
      message: "must be a PostgreSQL connection string: postgresql://user:password@host:5432/database",
    }),
  ),
  DATA_DIR: optional(z.string()),
  NODE_ENV: optional(
    z.enum(["production", "development", "test"], {
      message: "must be production, development or test",
    }),
  ),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(", ")}` })),
  SLE_SWEEP_INTERVAL_MS: optional(
    wholeNumber(0, 2 ** 31 - 1, "must be a whole number of milliseconds (0: off)"),
  ),
  ALERT_WEBHOOK_ALLOWED_ADDRESSES: optional(
    z
      .string()
      .transform(commaList)
      .refine((entries) => entries.every(isAddressOrRange), {
        message: "must be comma-separated IP addresses or CIDR ranges, such as 10.0.0.0/8,127.0.0.1",
      }),
  ),
  TRUST_PROXY: optional(
    z.string().transform(commaList).refine(isTrustedProxyList, {
      message: "must list IP addresses or CIDR ranges (or loopback, linklocal, uniquelocal), comma-separated",
    }),
  ),
  DEMO_NOW: optional(
    z
      .string()
      .refine(isZonedInstant, {
        message: "must be an ISO 8601 instant with a zone, like 2026-03-04T08:20:00Z",
      })
      .transform((value) => new Date(value))
      // A history ending in the future would show demands aged less than nothing.
      .refine((at) => at.getTime() <= Date.now(), { message: "must not be in the future" }),
  ),
  SIGNUP: optional(z.enum(SIGN_UP_POLICIES, { message: `must be one of ${SIGN_UP_POLICIES.join(", ")}` })),
  PUBLIC_URL: optional(
    z
      .string()
      .refine((value) => /^https?:\/\/[^/]+\/?$/.test(value) && URL.canParse(value), {
        message: "must be the address people open Tideway at, like https://tideway.example.com",
      })
      .transform((value) => value.replace(/\/$/, "")),
  ),
  SMTP_URL: optional(
    z.string().refine((value) => /^smtps?:\/\/[^/]+/.test(value) && URL.canParse(value), {
      message: "must be an SMTP address: smtp://user:password@mail.example.com:587 (or smtps://…:465)",
    }),
  ),
  OIDC_ISSUER: optional(
    z.string().refine((value) => /^https?:\/\/[^/]+/.test(value) && URL.canParse(value), {
      message: "must be the provider's issuer URL, like https://accounts.example.com/realms/staff",
    }),
  ),
  OIDC_CLIENT_ID: optional(z.string().min(1).max(500)),
  OIDC_CLIENT_SECRET: optional(z.string().min(1).max(500)),
  OIDC_PROVIDER_NAME: optional(z.string().trim().min(1).max(60)),
  MAIL_FROM: optional(z.email({ message: "must be an email address, like tideway@example.com" })),
  METRICS_TOKEN: optional(
    z.string().min(METRICS_TOKEN_MIN_LENGTH, {
      message: `must be at least ${METRICS_TOKEN_MIN_LENGTH} characters (for example: openssl rand -hex 32)`,
    }),
  ),
});

/**
 * Reads and checks the environment variables of the README's "Configuration"
 * table; all are optional. Throws a ConfigError naming every bad one.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ENVIRONMENT.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0]);
        const value = env[name] ?? "";
        // A secret's value never reaches the logs, even a wrong one.
        const shown = SECRET_VARIABLES.has(name)
          ? ` (${value.length} characters)`
          : `=${JSON.stringify(value)}`;
        return `${name}${shown}: ${issue.message}`;
      }),
    );
  }
  const vars = parsed.data;
  if (vars.SMTP_URL !== undefined && vars.PUBLIC_URL === undefined) {
    throw new ConfigError([
      "PUBLIC_URL: must be set when SMTP_URL is, so the links in Tideway's emails point at this Tideway",
    ]);
  }
  const production = vars.NODE_ENV === "production";
  if (production && env[FAST_PASSWORD_HASHING_VARIABLE] !== undefined) {
    throw new ConfigError([
      `${FAST_PASSWORD_HASHING_VARIABLE}: is for test runs only (cheap password hashes); unset it in production`,
    ]);
  }
  const oidc = oidcConfig(vars);
  return {
    port: vars.PORT ?? 3000,
    host: vars.HOST ?? "127.0.0.1",
    databaseUrl: vars.DATABASE_URL,
    dataDir: path.resolve(repoRoot, vars.DATA_DIR ?? ".data"),
    production,
    logLevel: vars.LOG_LEVEL ?? (production ? "info" : "warn"),
    webDistDir: path.join(repoRoot, "apps/web/dist"),
    migrationsDir: path.join(repoRoot, "prisma/migrations"),
    sleSweepIntervalMs: vars.SLE_SWEEP_INTERVAL_MS ?? 60_000,
    alertWebhookAllowedAddresses: vars.ALERT_WEBHOOK_ALLOWED_ADDRESSES ?? [],
    metricsToken: vars.METRICS_TOKEN,
    demoNow: vars.DEMO_NOW,
    trustedProxies: vars.TRUST_PROXY ?? [],
    signUp: vars.SIGNUP ?? defaultSignUpPolicy(vars.SMTP_URL !== undefined),
    publicUrl: vars.PUBLIC_URL,
    smtpUrl: vars.SMTP_URL,
    mailFrom: vars.MAIL_FROM ?? "tideway@localhost",
    oidc,
  };
}

/**
 * SIGNUP when unset. Open sign-up without mail must refuse a taken email at
 * once (nothing can prove the address, so the account is created on the
 * spot), which tells anyone whether that email has an account; by
 * invitation only, every sign-up after the first gets the same refusal.
 */
export function defaultSignUpPolicy(mailConfigured: boolean): SignUpPolicy {
  return mailConfigured ? "open" : "invite";
}

/**
 * What the start-up banner warns about: settings that work but give
 * something away. Empty in the default configuration.
 */
export function configWarnings(config: Pick<Config, "signUp" | "smtpUrl">): string[] {
  if (config.signUp === "open" && config.smtpUrl === undefined) {
    return [
      "SIGNUP=open without SMTP_URL: sign-up tells anyone whether an email already has an account " +
        "(it must refuse a taken email, as no emailed link can prove the address). " +
        "Set SMTP_URL, or use SIGNUP=invite (the default without mail).",
    ];
  }
  return [];
}

/** OIDC_* together, or none of them; the redirect address comes from PUBLIC_URL. */
function oidcConfig(vars: z.infer<typeof ENVIRONMENT>): OidcConfig | undefined {
  const missing = OIDC_VARIABLES.filter((name) => vars[name] === undefined);
  if (missing.length === OIDC_VARIABLES.length) return undefined;
  if (missing.length > 0) {
    throw new ConfigError(
      missing.map(
        (name) => `${name}: must be set with ${OIDC_VARIABLES.filter((n) => n !== name).join(" and ")}`,
      ),
    );
  }
  if (vars.PUBLIC_URL === undefined) {
    throw new ConfigError([
      "PUBLIC_URL: must be set when OIDC_ISSUER is, so the provider sends people back to this Tideway",
    ]);
  }
  const issuer = vars.OIDC_ISSUER ?? "";
  return {
    issuer,
    clientId: vars.OIDC_CLIENT_ID ?? "",
    clientSecret: vars.OIDC_CLIENT_SECRET ?? "",
    providerName: vars.OIDC_PROVIDER_NAME ?? new URL(issuer).hostname,
    redirectUrl: `${vars.PUBLIC_URL}/api/auth/oidc/callback`,
  };
}

function isAddressOrRange(entry: string): boolean {
  const [address = "", prefix, ...rest] = entry.split("/");
  const family = net.isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** Checked with the same parser Fastify applies to them, so a typo stops the boot instead of trusting no one. */
function isTrustedProxyList(proxies: string[]): boolean {
  try {
    proxyAddr.compile(proxies);
    return true;
  } catch {
    return false;
  }
}

const ZONED_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(Z|([+-])(\d{2}):(\d{2}))$/;

/** An ISO 8601 instant with a zone that names a real date (Date.parse rolls 30 February over into March). */
function isZonedInstant(value: string): boolean {
  const match = ZONED_INSTANT.exec(value);
  const at = Date.parse(value);
  if (!match || Number.isNaN(at)) return false;
  const zoneMinutes = match[2] ? (match[2] === "-" ? -1 : 1) * (Number(match[3]) * 60 + Number(match[4])) : 0;
  return new Date(at + zoneMinutes * 60_000).toISOString().slice(0, 16) === value.slice(0, 16);
}

/** loadConfig for the command-line entry points: a bad variable ends the process with the list, not a stack trace. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

/** Every environment variable loadConfig reads (the deployment files' test checks they set no other). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(ENVIRONMENT.shape);
