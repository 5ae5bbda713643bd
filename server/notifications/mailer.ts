import nodemailer from "nodemailer";
import { env } from "@/server/env";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Sends e-mail; the notification service holds one, or none when SMTP is not configured. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

/**
 * A mailer over SMTP (nodemailer), from an smtp:// or smtps:// URL with its credentials. Its connections are pooled
 * (five at most, as nodemailer's default): telling a class's families of a change sends dozens of e-mails at once,
 * which then reuse open connections instead of each opening and greeting its own.
 */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport({ url, pool: true });
  return {
    async send(mail) {
      await transport.sendMail({ from, ...mail });
    },
    close: () => transport.close(),
  };
}

/** This process's mailer from SMTP_URL and MAIL_FROM, or null: then notifications stay in the app. */
export function mailerFromEnv(): Mailer | null {
  const { SMTP_URL, MAIL_FROM } = env();
  return SMTP_URL ? smtpMailer(SMTP_URL, MAIL_FROM) : null;
}
