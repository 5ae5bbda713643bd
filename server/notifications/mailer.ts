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

/** A mailer over SMTP (nodemailer), from an smtp:// or smtps:// URL with its credentials. */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
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
