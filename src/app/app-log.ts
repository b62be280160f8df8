// The log the App's pipeline and handlers write to: structured fields, then a message. Probot's
// pino logger satisfies it, and so does a test's capturing logger, so nothing here knows Probot.
export interface AppLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}
