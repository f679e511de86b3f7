import { DAY } from "@tideway/domain";
import { describe, expect, it } from "vitest";
import { ConfigError, configWarnings, loadConfig } from "./config";

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("the configuration was accepted");
}

describe("configuration from the environment", () => {
  it("takes the defaults when nothing is set, and treats an empty variable as unset", () => {
    const config = loadConfig({ PORT: "", DATABASE_URL: "" });
    expect(config).toMatchObject({
      port: 3000,
      host: "127.0.0.1",
      databaseUrl: undefined,
      production: false,
      logLevel: "warn",
      sleSweepIntervalMs: 60_000,
      alertWebhookAllowedAddresses: [],
      metricsToken: undefined,
      signUp: "invite",
      smtpUrl: undefined,
    });
  });

  it("[F12] defaults SIGNUP to invite without mail (open sign-up would reveal accounts) and to open with it", () => {
    expect(loadConfig({}).signUp).toBe("invite");
    const withMail = { SMTP_URL: "smtp://mail.example.com", PUBLIC_URL: "https://tideway.example.com" };
    expect(loadConfig(withMail).signUp).toBe("open");
    expect(loadConfig({ SIGNUP: "open" }).signUp).toBe("open");
    expect(loadConfig({ ...withMail, SIGNUP: "closed" }).signUp).toBe("closed");
  });

  it("warns at start about open sign-up without mail, and about nothing in the default configuration", () => {
    expect(configWarnings(loadConfig({}))).toEqual([]);
    expect(
      configWarnings(
        loadConfig({ SMTP_URL: "smtp://mail.example.com", PUBLIC_URL: "https://t.example.com" }),
      ),
    ).toEqual([]);
    expect(configWarnings(loadConfig({ SIGNUP: "open" }))).toEqual([
      expect.stringMatching(/^SIGNUP=open without SMTP_URL: sign-up tells anyone whether an email/),
    ]);
  });

  it("reads the account settings: SIGNUP, SMTP_URL with the PUBLIC_URL its links need, MAIL_FROM", () => {
    expect(
      loadConfig({
        SIGNUP: "invite",
        SMTP_URL: "smtp://user:pass@mail.example.com:587",
        PUBLIC_URL: "https://tideway.example.com/",
        MAIL_FROM: "boards@example.com",
      }),
    ).toMatchObject({
      signUp: "invite",
      smtpUrl: "smtp://user:pass@mail.example.com:587",
      publicUrl: "https://tideway.example.com",
      mailFrom: "boards@example.com",
    });
    expect(problemsOf({ SIGNUP: "maybe", SMTP_URL: "mail.example.com" })).toEqual([
      'SIGNUP="maybe": must be one of open, invite, closed',
      "SMTP_URL (16 characters): must be an SMTP address: smtp://user:password@mail.example.com:587 (or smtps://…:465)",
    ]);
    expect(problemsOf({ SMTP_URL: "smtp://mail.example.com" })).toEqual([
      "PUBLIC_URL: must be set when SMTP_URL is, so the links in Tideway's emails point at this Tideway",
    ]);
  });

  it("reads every variable it documents", () => {
    const config = loadConfig({
      PORT: "8080",
      HOST: "0.0.0.0",
      DATABASE_URL: "postgresql://tideway:secret@db:5432/tideway",
      NODE_ENV: "production",
      SLE_SWEEP_INTERVAL_MS: "0",
      ALERT_WEBHOOK_ALLOWED_ADDRESSES: "10.0.0.0/8, 127.0.0.1,::1",
      METRICS_TOKEN: "0123456789abcdef0123",
    });
    expect(config).toMatchObject({
      port: 8080,
      host: "0.0.0.0",
      databaseUrl: "postgresql://tideway:secret@db:5432/tideway",
      production: true,
      logLevel: "info",
      sleSweepIntervalMs: 0,
      alertWebhookAllowedAddresses: ["10.0.0.0/8", "127.0.0.1", "::1"],
      metricsToken: "0123456789abcdef0123",
    });
  });

  it("names every bad variable at once, with its value (a secret's length only) and what it must be", () => {
    const problems = problemsOf({
      PORT: "80a",
      DATABASE_URL: "mysql://db/tideway",
      NODE_ENV: "prod",
      LOG_LEVEL: "verbose",
      SLE_SWEEP_INTERVAL_MS: "-5",
      ALERT_WEBHOOK_ALLOWED_ADDRESSES: "10.0.0.0/33,intranet",
      METRICS_TOKEN: "short",
    });
    expect(problems).toEqual([
      'PORT="80a": must be a whole number from 0 to 65535',
      "DATABASE_URL (18 characters): must be a PostgreSQL connection string: postgresql://user:password@host:5432/database",
      'NODE_ENV="prod": must be production, development or test',
      'LOG_LEVEL="verbose": must be one of fatal, error, warn, info, debug, trace, silent',
      'SLE_SWEEP_INTERVAL_MS="-5": must be a whole number of milliseconds (0: off)',
      'ALERT_WEBHOOK_ALLOWED_ADDRESSES="10.0.0.0/33,intranet": must be comma-separated IP addresses or CIDR ranges, such as 10.0.0.0/8,127.0.0.1',
      "METRICS_TOKEN (5 characters): must be at least 16 characters (for example: openssl rand -hex 32)",
    ]);
  });

  it("puts the list in the error's message, one line per variable", () => {
    expect(() => loadConfig({ PORT: "70000" })).toThrow(
      'Tideway\'s configuration is invalid:\n  PORT="70000": must be a whole number from 0 to 65535',
    );
  });
});

describe("DEMO_NOW", () => {
  it("is unset by default: the demo history ends when it is seeded", () => {
    expect(loadConfig({}).demoNow).toBeUndefined();
    expect(loadConfig({ DEMO_NOW: "" }).demoNow).toBeUndefined();
  });

  it("pins the instant the demo history ends at, in any zone", () => {
    expect(loadConfig({ DEMO_NOW: "2026-03-04T08:20:00Z" }).demoNow?.toISOString()).toBe(
      "2026-03-04T08:20:00.000Z",
    );
    expect(loadConfig({ DEMO_NOW: "2026-03-04T09:20+01:00" }).demoNow?.toISOString()).toBe(
      "2026-03-04T08:20:00.000Z",
    );
  });

  it.each([
    ["no zone, so it would differ between machines", "2026-03-04T08:20:00"],
    ["a date alone", "2026-03-04"],
    ["not a date", "yesterday"],
    ["an impossible date", "2026-02-30T08:20:00Z"],
  ])("refuses %s", (_why, value) => {
    expect(() => loadConfig({ DEMO_NOW: value })).toThrow(
      /DEMO_NOW="[^"]*": must be an ISO 8601 instant with a zone/,
    );
  });

  it("refuses an instant in the future, which would give the demo negative ages", () => {
    const tomorrow = new Date(Date.now() + DAY).toISOString();
    expect(() => loadConfig({ DEMO_NOW: tomorrow })).toThrow(/DEMO_NOW="[^"]*": must not be in the future/);
  });
});
