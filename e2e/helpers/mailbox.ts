import { startMailbox as startSmtpMailbox } from "../../test-servers/mailbox";

/** The port scripts/e2e-server.mjs points the app's SMTP_URL at. */
export const mailboxPort = (appPort: number) => appPort + 1000;

/**
 * The shared SMTP test server (test-servers/mailbox.ts) on the port the e2e
 * server sends to; `next` waits for the first mail to an address (with a matching subject) and gives its text.
 */
export async function startMailbox(port: number) {
  const mailbox = await startSmtpMailbox(port);
  return {
    next: async (address: string, subject?: RegExp) => (await mailbox.next(address, subject)).text,
    close: () => mailbox.close(),
  };
}
