import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface Mail {
  to: string[];
  subject: string;
  /** The text body, quoted-printable decoded. */
  text: string;
}

export interface Mailbox {
  /** `smtp://127.0.0.1:<port>`: what the app's SMTP_URL points at. */
  readonly url: string;
  readonly mails: Mail[];
  /** The first mail to `address` whose subject matches (already here, or when it arrives). */
  next(address: string, subject?: RegExp): Promise<Mail>;
  close(): Promise<void>;
}

/**
 * A real SMTP server on a loopback port (smtp-server, from the Nodemailer
 * project), for the API tests and the browser tests alike: Tideway's mailer
 * talks SMTP to it as to any mail server. Plain SMTP without authentication,
 * as a relay on the same host. Port 0 picks a free one.
 */
export async function startMailbox(port = 0): Promise<Mailbox> {
  const mails: Mail[] = [];
  const waiting: { address: string; subject: RegExp; resolve: (mail: Mail) => void }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const mail = parseMail(
          Buffer.concat(chunks).toString("utf8"),
          session.envelope.rcptTo.map((rcpt) => rcpt.address),
        );
        mails.push(mail);
        for (const waiter of [...waiting]) {
          if (matches(mail, waiter.address, waiter.subject)) {
            waiting.splice(waiting.indexOf(waiter), 1);
            waiter.resolve(mail);
          }
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const listening = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${listening}`,
    mails,
    next: (address, subject = /./) => {
      const here = mails.find((mail) => matches(mail, address, subject));
      if (here) return Promise.resolve(here);
      return new Promise((resolve) => waiting.push({ address, subject, resolve }));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const matches = (mail: Mail, address: string, subject: RegExp) =>
  mail.to.includes(address) && subject.test(mail.subject);

function parseMail(raw: string, to: string[]): Mail {
  const [head = "", ...body] = raw.split(/\r?\n\r?\n/);
  const subject = /^Subject: (.*(?:\r?\n[ \t].*)*)/im.exec(head)?.[1]?.replace(/\r?\n[ \t]/g, " ") ?? "";
  const quotedPrintable = /Content-Transfer-Encoding: quoted-printable/i.test(head);
  const text = body.join("\n\n");
  return { to, subject, text: quotedPrintable ? decodeQuotedPrintable(text) : text };
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}
