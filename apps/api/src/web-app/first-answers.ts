import type { FastifyInstance } from "fastify";

/**
 * The API's answers to the GETs a page makes on arrival, asked with the visitor's own
 * credentials through the API's own routes (`app.inject`), so they pass exactly the checks
 * those routes make: a signed-out visitor or a non-member gets 401 or 404 there, and such
 * an answer is left out. Only 200 answers are kept, each as the JSON text the route sent.
 * The web app reads them instead of asking (apps/web/src/api/first-answers.ts).
 */
export async function firstAnswers(
  app: FastifyInstance,
  paths: readonly string[],
  cookie: string,
): Promise<Map<string, string>> {
  const answered = await Promise.all(
    paths.map(async (path) => {
      const response = await app.inject({
        method: "GET",
        url: path,
        headers: { cookie, accept: "application/json" },
      });
      const json = response.headers["content-type"]?.toString().startsWith("application/json");
      return [path, response.statusCode === 200 && json ? response.body : null] as const;
    }),
  );
  return new Map(answered.filter((entry): entry is [string, string] => entry[1] !== null));
}

export const FIRST_ANSWERS_ELEMENT_ID = "first-answers";

/**
 * The answers as a JSON script element, which a browser does not run (a CSP allows it) and
 * the web app parses: `{ page, rendered?, answers: { [path]: body } }`, where `rendered` says
 * that the page's markup was rendered from them, at which "now" and in which language
 * (docs/decisions/021). Every `<` (and `>`, `&`, the JavaScript line separators) in the JSON
 * is escaped, so no text a user typed (a card titled `</script><script>…`) can end the
 * element or start another one.
 */
export function firstAnswersElement(
  page: string,
  answers: ReadonlyMap<string, string>,
  rendered: { now: number; locale: string } | null = null,
): string {
  const entries = [...answers].map(([path, body]) => `${JSON.stringify(path)}:${body}`);
  const renderedWith = rendered ? `,"rendered":${JSON.stringify(rendered)}` : "";
  const json = `{"page":${JSON.stringify(page)}${renderedWith},"answers":{${entries.join(",")}}}`;
  return `<script type="application/json" id="${FIRST_ANSWERS_ELEMENT_ID}">${escapeForScriptElement(json)}</script>`;
}

function escapeForScriptElement(json: string): string {
  return json.replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
