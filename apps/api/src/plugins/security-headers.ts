import type { FastifyPluginAsync } from "fastify";
import fastifyPlugin from "fastify-plugin";
import helmet, { type HelmetOptions } from "helmet";

/** Tideway's response headers: helmet's defaults with a CSP for the SPA, HSTS only in production. */
export function tidewayHelmetOptions({ production }: { production: boolean }): HelmetOptions {
  return {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        connectSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: production ? [] : null,
      },
    },
    // Dev and tests run on plain http://localhost.
    strictTransportSecurity: production,
    // Same-origin requests keep their Referer: socket.io's polling handshake
    // carries no Origin, and the server needs one of the two to accept a cookie.
    referrerPolicy: { policy: "same-origin" },
  };
}

/** One response header as helmet writes it; `value` null: helmet removes it (X-Powered-By). */
export type SecurityHeader = readonly [name: string, value: string | null];

/**
 * The headers helmet writes for `options`, worked out once: helmet's own
 * middleware run against a response that only records them. Only for
 * options whose values do not depend on the request (no function-valued CSP
 * directives, no nonces), which is what this app uses.
 */
export function securityHeadersFor(options: Readonly<HelmetOptions>): readonly SecurityHeader[] {
  const headers: SecurityHeader[] = [];
  const recorder = {
    setHeader: (name: string, value: string) => headers.push([name, value]),
    removeHeader: (name: string) => headers.push([name, null]),
  };
  helmet(options)({} as never, recorder as never, () => {});
  return headers;
}

/**
 * Helmet's headers on every response, computed once at start-up. @fastify/helmet
 * called `helmet(options)` on every request, which validates the options and
 * builds the CSP string again each time: 110 to 195 MB of allocation across
 * a move bench in a review's profile, and measured alone 16 to 28 µs a
 * request against 0.04 to 0.2 µs for setting the headers computed once. The
 * headers are set on the raw response at onRequest, as @fastify/helmet set
 * them, so every answer (errors, 404s and the web app's pages included)
 * carries the same ones; a route's own CSP (the Swagger UI's) still replaces it.
 */
const securityHeaders: FastifyPluginAsync<{ production: boolean }> = async (app, options) => {
  const headers = securityHeadersFor(tidewayHelmetOptions(options));
  app.addHook("onRequest", (_request, reply, done) => {
    for (const [name, value] of headers) {
      if (value === null) reply.raw.removeHeader(name);
      else reply.raw.setHeader(name, value);
    }
    done();
  });
};

export const securityHeadersPlugin = fastifyPlugin(securityHeaders, { name: "tideway-security-headers" });
