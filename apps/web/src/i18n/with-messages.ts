import { activeLocale } from "./intl";
import { loadMessageGroup } from "./messages";

/**
 * Loads a lazily loaded page's module together with its messages (`group`, any name: the
 * build gives it the ids that only this page's code names; build/message-groups.ts), so the
 * page never renders a raw message id. Write it as `withMessages("group", () => import("./page"))`:
 * the build recognises that shape.
 */
export function withMessages<Module>(group: string, load: () => Promise<Module>): Promise<Module> {
  return Promise.all([load(), loadMessageGroup(group, activeLocale())]).then(([module]) => module);
}
