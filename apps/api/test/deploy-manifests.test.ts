import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { CONFIG_VARIABLES, repoRoot } from "../src/config";
import { useTestApp } from "./test-app";

/**
 * The deployment files (Kubernetes manifests, docker-compose.yml, Dockerfile)
 * cannot run here; this checks that what they name exists: probe paths are
 * routes the app answers, ports are the port the app listens on, selectors
 * select the Deployment's pods, and every variable set is one the app reads.
 */

interface Manifest {
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  // biome-ignore lint/suspicious/noExplicitAny: a manifest's spec differs by kind; each test reads what it checks.
  spec?: any;
  stringData?: Record<string, string>;
}

const KUBERNETES_DIR = path.join(repoRoot, "deploy/kubernetes");

function readManifests(): Manifest[] {
  return readdirSync(KUBERNETES_DIR)
    .filter((file) => file.endsWith(".yaml"))
    .flatMap((file) =>
      parseAllDocuments(readFileSync(path.join(KUBERNETES_DIR, file), "utf8")).map((document) => {
        expect(document.errors, file).toEqual([]);
        return document.toJS() as Manifest;
      }),
    );
}

function only(manifests: Manifest[], kind: string): Manifest {
  const found = manifests.filter((manifest) => manifest.kind === kind);
  expect(found, kind).toHaveLength(1);
  return found[0] as Manifest;
}

describe("deployment files name routes, ports and variables the app really has", () => {
  const ctx = useTestApp();
  const manifests = readManifests();
  const deployment = only(manifests, "Deployment");
  const container = deployment.spec.template.spec.containers[0];
  const env = new Map<string, { value?: string }>(
    container.env.map((entry: { name: string; value?: string }) => [entry.name, entry]),
  );
  const appPort = Number(env.get("PORT")?.value);

  async function expectServed(route: string) {
    const response = await ctx.app.inject({ method: "GET", url: route });
    expect(response.statusCode, `GET ${route}`).toBe(200);
  }

  it("runs two replicas whose probes are health routes the app answers, on the port it listens on", async () => {
    expect(deployment.spec.replicas).toBe(2);
    expect(container.ports).toEqual([{ name: "http", containerPort: appPort }]);
    const probes = [container.readinessProbe, container.livenessProbe, container.startupProbe];
    for (const probe of probes) {
      expect(probe.httpGet.port).toBe("http");
      await expectServed(probe.httpGet.path);
    }
    expect(container.readinessProbe.httpGet.path).toBe("/api/health/ready");
    expect(container.livenessProbe.httpGet.path).toBe("/api/health/live");
  });

  it("sets only variables the app reads, takes the secret ones from the Secret template, and runs as non-root", () => {
    for (const name of env.keys()) expect(CONFIG_VARIABLES).toContain(name);
    const secret = only(manifests, "Secret");
    const secretKeys = container.env
      .filter((entry: { valueFrom?: unknown }) => entry.valueFrom)
      .map((entry: { valueFrom: { secretKeyRef: { name: string; key: string } } }) => {
        expect(entry.valueFrom.secretKeyRef.name).toBe(secret.metadata.name);
        return entry.valueFrom.secretKeyRef.key;
      });
    expect(secretKeys.sort()).toEqual(Object.keys(secret.stringData ?? {}).sort());
    expect(secretKeys).toEqual(expect.arrayContaining(["DATABASE_URL", "METRICS_TOKEN"]));
    expect(deployment.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
  });

  it("routes the Service, the sticky Ingress and the disruption budget to the Deployment's pods", () => {
    const podLabels = deployment.spec.template.metadata.labels;
    const service = only(manifests, "Service");
    expect(podLabels).toMatchObject(service.spec.selector);
    expect(service.spec.ports).toEqual([{ name: "http", port: 80, targetPort: "http" }]);

    const ingress = only(manifests, "Ingress");
    expect(ingress.metadata.annotations?.["nginx.ingress.kubernetes.io/affinity"]).toBe("cookie");
    const backends = ingress.spec.rules.flatMap((rule: { http: { paths: { backend: unknown }[] } }) =>
      rule.http.paths.map((entry) => entry.backend),
    );
    expect(backends).toEqual([{ service: { name: service.metadata.name, port: { name: "http" } } }]);

    const budget = only(manifests, "PodDisruptionBudget");
    expect(podLabels).toMatchObject(budget.spec.selector.matchLabels);
    expect(budget.spec.minAvailable).toBeLessThan(deployment.spec.replicas);
  });

  it("builds the image on Node 24 as a non-root user, exposing the app's port with a health check it serves", async () => {
    const dockerfile = readFileSync(path.join(repoRoot, "Dockerfile"), "utf8");
    const stages = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map((match) => match[1]);
    expect(stages.every((image) => image?.startsWith("node:24-"))).toBe(true);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(new RegExp(`^ENV [\\s\\S]*?PORT=${appPort}\\b`, "m"));
    expect(dockerfile).toMatch(new RegExp(`^EXPOSE ${appPort}$`, "m"));
    const healthRoute = /HEALTHCHECK[\s\S]*?(\/api\/health\/\w+)/.exec(dockerfile)?.[1] as string;
    await expectServed(healthRoute);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
  });

  it("composes the app with PostgreSQL 17 on a volume, both health-checked, the app waiting for the database", () => {
    const compose = parse(readFileSync(path.join(repoRoot, "docker-compose.yml"), "utf8"));
    expect(compose.services.db.image).toMatch(/^postgres:17\b/);
    expect(compose.services.db.volumes[0]).toMatch(/^db-data:/);
    expect(compose.services.db.healthcheck.test.join(" ")).toContain("pg_isready");
    expect(compose.services.app.depends_on.db.condition).toBe("service_healthy");
    expect(compose.services.app.ports).toEqual([`${appPort}:${appPort}`]);
    for (const name of Object.keys(compose.services.app.environment))
      expect(CONFIG_VARIABLES).toContain(name);
    expect(compose.services.app.environment.DATABASE_URL).toMatch(/@db:5432\/tideway$/);

    const replicas = parse(readFileSync(path.join(repoRoot, "deploy/compose/two-replicas.yml"), "utf8"), {
      customTags: [{ tag: "!reset", collection: "seq", resolve: () => null }],
    });
    expect(replicas.services.app.deploy.replicas).toBe(2);
    const nginx = readFileSync(path.join(repoRoot, "deploy/compose/nginx.conf"), "utf8");
    expect(nginx).toMatch(/ip_hash;\s+server app:(\d+);/);
    expect(nginx).toContain(`server app:${appPort};`);
  });
});
