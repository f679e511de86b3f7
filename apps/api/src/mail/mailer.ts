import type { TInvitation } from "@tideway/contracts";
import type { FastifyBaseLogger } from "fastify";
import type { Transporter } from "nodemailer";
import type { Config } from "../config";

/**
 * Tideway's emails (optional: only with SMTP_URL). Each send runs after the
 * change it reports has committed and is not awaited by the request: a slow
 * or failing mail server neither delays nor fails it (the failure is logged),
 * and how long a request takes does not reveal whether a mail went out.
 * Links point at PUBLIC_URL, never at a Host header a sender chose.
 */
export interface Mailer {
  readonly enabled: boolean;
  sendInvitation(invitation: TInvitation, boardName: string, path: string): Promise<void>;
  sendPasswordReset(email: string, path: string): Promise<void>;
  sendPasswordChanged(email: string, name: string): Promise<void>;
  sendSignUpConfirmation(email: string, path: string): Promise<void>;
  /** To an account's owner when someone signs up with its email: sign-up's answer does not say it is taken. */
  sendSignUpAttempt(email: string): Promise<void>;
  close(): void;
}

type Message = { to: string; subject: string; text: string };

export function createMailer(config: Config, log: FastifyBaseLogger): Mailer {
  const { smtpUrl, publicUrl } = config;
  if (smtpUrl === undefined || publicUrl === undefined) return NO_MAIL;
  // nodemailer loads with the first email, not at start: its ES modules import node:http,
  // whose lazy getters would load Node's undici and TLS into every start-up.
  let transport: Promise<Transporter> | undefined;
  const transportOnce = () =>
    (transport ??= import("nodemailer").then(({ default: nodemailer }) =>
      nodemailer.createTransport(smtpUrl),
    ));
  const link = (path: string) => `${publicUrl}${path}`;

  async function send(message: Message): Promise<void> {
    try {
      await (await transportOnce()).sendMail({ from: config.mailFrom, ...message });
    } catch (error) {
      // The address is personal data: the log says which kind of mail failed, not to whom.
      log.error({ err: error, subject: message.subject }, "an email could not be sent");
    }
  }

  return {
    enabled: true,
    sendInvitation: (invitation, boardName, path) =>
      send({
        to: invitation.email,
        subject: `You are invited to ${boardName} on Tideway`,
        text: [
          `${invitation.invitedBy ?? "A board admin"} invited you to the board ${boardName} as ${invitation.role}.`,
          "",
          `Open this link to join (it works once, until ${invitation.expiresAt.slice(0, 10)}):`,
          link(path),
          "",
          "Without a Tideway account yet, the link creates one for this email address.",
        ].join("\n"),
      }),
    sendPasswordReset: (email, path) =>
      send({
        to: email,
        subject: "Reset your Tideway password",
        text: [
          "Someone asked to reset the password of the Tideway account for this email address.",
          "",
          "To choose a new password, open this link (it works once, within an hour):",
          link(path),
          "",
          "If it was not you, ignore this email: your password stays as it is.",
        ].join("\n"),
      }),
    sendPasswordChanged: (email, name) =>
      send({
        to: email,
        subject: "Your Tideway password was changed",
        text: [
          `Hello ${name},`,
          "",
          "The password of your Tideway account was just changed, and your other sessions were signed out.",
          `If it was not you, reset your password at ${link("/forgot-password")} and tell your administrator.`,
        ].join("\n"),
      }),
    sendSignUpConfirmation: (email, path) =>
      send({
        to: email,
        subject: "Confirm your Tideway account",
        text: [
          "Someone signed up to Tideway with this email address.",
          "",
          "To create the account, open this link (it works once, within a day):",
          link(path),
          "",
          "If it was not you, ignore this email: no account is created.",
        ].join("\n"),
      }),
    sendSignUpAttempt: (email) =>
      send({
        to: email,
        subject: "Someone tried to sign up to Tideway with your email",
        text: [
          "Someone tried to create a Tideway account with this email address, which already has one.",
          "",
          `If it was you, sign in at ${link("/sign-in")}, or choose a new password at ${link("/forgot-password")}.`,
          "If it was not you, ignore this email: nothing changed.",
        ].join("\n"),
      }),
    close: () => void transport?.then((opened) => opened.close()),
  };
}

const NO_MAIL: Mailer = {
  enabled: false,
  sendInvitation: async () => {},
  sendPasswordReset: async () => {},
  sendPasswordChanged: async () => {},
  sendSignUpConfirmation: async () => {},
  sendSignUpAttempt: async () => {},
  close: () => {},
};
