/**
 * The API's answers the server put into the page it served (docs/decisions/020): for the
 * pages people wait on, the GETs the page makes on arrival, asked with the visitor's own
 * session through the API's own routes (apps/api/src/web-app/first-answers.ts). A GET that
 * has one here is answered from it instead of over the network, once, and only while the
 * page the server answered for is still the one shown: after a navigation, or once taken,
 * the answer would be older than what a request would bring.
 */
import type { TLocale } from "@tideway/contracts";

export interface FirstAnswers {
  /** The path of the page the server answered for. */
  page: string;
  answers: Record<string, unknown>;
  /** Present when the server also rendered the page's markup from these answers (docs/decisions/021). */
  rendered?: RenderedPage;
}

/** What the server rendered the page with, which the browser hydrates it with too. */
export interface RenderedPage {
  /** The server's "now" (ms since the epoch): ages and times on the page count from it. */
  now: number;
  locale: TLocale;
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

/** The answers while the page they were served for is the one shown (on a server: the one it renders). */
function current(): FirstAnswers | null {
  if (first && (globalThis.location?.pathname ?? first.page) !== first.page) first = null;
  return first;
}

/** The page's answer to GET `path`, taken once; undefined when there is none (ask the API). */
export function takeFirstAnswer(path: string): unknown {
  const answer = peekFirstAnswer(path);
  if (answer !== undefined) delete first?.answers[path];
  return answer;
}

/**
 * The page's answer to GET `path` without taking it: what the page renders first with
 * (first-page.ts), while the request the page then makes on arrival still takes it.
 */
export function peekFirstAnswer(path: string): unknown {
  const answers = current()?.answers;
  return answers && Object.hasOwn(answers, path) ? answers[path] : undefined;
}

/** What the server rendered the page with, when it rendered the page's markup. */
export function renderedPage(): RenderedPage | null {
  return current()?.rendered ?? null;
}

/** The server's side: the answers of the page it is about to render, or null once it rendered it. */
export function serveFirstAnswers(answers: FirstAnswers | null): void {
  first = answers;
}

/** Signing out drops what was answered for the person signed in. */
export function forgetFirstAnswers(): void {
  first = null;
}
