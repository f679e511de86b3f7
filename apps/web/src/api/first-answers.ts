/**
 * The API's answers the server put into the page it served (docs/decisions/020): for the
 * pages people wait on, the GETs the page makes on arrival, asked with the visitor's own
 * session through the API's own routes (apps/api/src/web-app/first-answers.ts). A GET that
 * has one here is answered from it instead of over the network, once, and only while the
 * page the server answered for is still the one shown: after a navigation, or once taken,
 * the answer would be older than what a request would bring.
 */
interface FirstAnswers {
  /** The path of the page the server answered for. */
  page: string;
  answers: Record<string, unknown>;
}

const ELEMENT_ID = "first-answers";

let first: FirstAnswers | null = readFirstAnswers();

function readFirstAnswers(): FirstAnswers | null {
  const text = globalThis.document?.getElementById(ELEMENT_ID)?.textContent;
  if (!text) return null;
  try {
    return JSON.parse(text) as FirstAnswers;
  } catch {
    return null;
  }
}

/** The page's answer to GET `path`, taken once; undefined when there is none (ask the API). */
export function takeFirstAnswer(path: string): unknown {
  if (!first) return undefined;
  if (globalThis.location?.pathname !== first.page) {
    first = null;
    return undefined;
  }
  if (!Object.hasOwn(first.answers, path)) return undefined;
  const answer = first.answers[path];
  delete first.answers[path];
  return answer;
}

/** Signing out drops what was answered for the person signed in. */
export function forgetFirstAnswers(): void {
  first = null;
}
