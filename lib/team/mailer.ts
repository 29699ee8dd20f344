import "server-only";
import nodemailer from "nodemailer";
import { authEnv } from "@/lib/env";

export type MailResult = { sent: boolean; error?: string };

/** Sends a plain-text mail through SMTP_URL; without SMTP_URL nothing is sent (the link is copied by hand). */
export async function sendMail(to: string, subject: string, text: string): Promise<MailResult> {
  const smtp = authEnv().smtp;
  if (!smtp) return { sent: false };
  try {
    const transport = nodemailer.createTransport(smtp.url);
    await transport.sendMail({ from: smtp.from, to, subject, text });
    return { sent: true };
  } catch (error) {
    // The SMTP URL may carry a password: say only what failed.
    const code = error && typeof error === "object" && "code" in error ? String((error as { code: unknown }).code) : "error";
    return { sent: false, error: `The mail could not be sent (${code}).` };
  }
}
