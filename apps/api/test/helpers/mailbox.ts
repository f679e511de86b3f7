import { afterAll, beforeAll } from "vitest";
import { type Mail, type Mailbox, startMailbox } from "../../../../test-servers/mailbox";

export type { Mail };

/**
 * The shared SMTP test server (test-servers/mailbox.ts) for the calling test
 * file. Register it before useTestApp, so it listens when the app is built.
 */
export function useMailbox(): Omit<Mailbox, "close"> {
  let mailbox: Mailbox | null = null;
  const started = () => {
    if (!mailbox) throw new Error("the mailbox is used before its beforeAll ran");
    return mailbox;
  };
  beforeAll(async () => {
    mailbox = await startMailbox();
  });
  afterAll(async () => {
    await mailbox?.close();
  });
  return {
    get url() {
      return started().url;
    },
    get mails() {
      return started().mails;
    },
    next: (address, subject) => started().next(address, subject),
  };
}
