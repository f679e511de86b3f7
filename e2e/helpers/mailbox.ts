import { SMTPServer } from "smtp-server";

/** The port scripts/e2e-server.mjs points the app's SMTP_URL at. */
export const mailboxPort = (appPort: number) => appPort + 1000;

/**
 * A real SMTP server on a loopback port (smtp-server), which the app under
 * test sends its emails to; `next` waits for the first mail to an address.
 */
export async function startMailbox(port: number) {
  const mails: { to: string[]; raw: string }[] = [];
  const waiting: { address: string; resolve: (raw: string) => void }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const mail = {
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString(),
        };
        mails.push(mail);
        for (const waiter of waiting.filter((w) => mail.to.includes(w.address))) {
          waiting.splice(waiting.indexOf(waiter), 1);
          waiter.resolve(mail.raw);
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    /** The first mail to `address`, quoted-printable soft line breaks undone. */
    next: async (address: string) => {
      const raw =
        mails.find((mail) => mail.to.includes(address))?.raw ??
        (await new Promise<string>((resolve) => waiting.push({ address, resolve })));
      return raw.replace(/=\r?\n/g, "").replaceAll("=3D", "=");
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
