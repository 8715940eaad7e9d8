/**
 * Runtime configuration from environment variables — the same names in Lambda (set by the CDK
 * stack) and in the local runtime (set by `npm start`). Read once, validated, with clear errors.
 */
import * as z from 'zod/mini';
import { DEFAULT_LADDER_SETTINGS, type LadderSettings } from '#domain/ladder.ts';

// zod/mini: every function reads the configuration, and the full zod API costs each of them
// milliseconds of cold start for what a dozen variables need.
const positive = (fallback: number) => z._default(z.coerce.number().check(z.positive()), fallback);

const schema = z.object({
  TABLE_NAME: z._default(z.string().check(z.minLength(1)), 'kraeftkapacitet'),
  DYNAMODB_ENDPOINT: z.optional(z.url()),
  AWS_REGION: z._default(z.string(), 'eu-north-1'),
  BASE_URL: z._default(z.url(), 'http://localhost:3000'),
  MAIL_FROM: z._default(z.string(), 'Kræftkapacitet <noreply@kraeftkapacitet.example>'),
  SES_CONFIGURATION_SET: z.optional(z.string()),
  MAILER: z._default(z.enum(['ses', 'outbox']), 'outbox'),
  STATE_MACHINE_ARN: z.optional(z.string()),
  LADDER_WINDOWS: z._default(
    z
      .string()
      .check(
        z.regex(
          /^\d+(\.\d+)?,\d+(\.\d+)?,\d+(\.\d+)?$/,
          'LADDER_WINDOWS must be three working-day counts, e.g. 2,3,5',
        ),
      ),
    '2,3,5',
  ),
  NETWORK_REMINDER_DAYS: positive(7),
  LOCAL_TIME_SCALE: z._default(z.coerce.number().check(z.gte(1, 'LOCAL_TIME_SCALE must be 1 or more')), 1),
  LINK_TTL_DAYS: positive(14),
  SESSION_TTL_HOURS: positive(12),
  SECURE_COOKIES: z._default(z.enum(['true', 'false']), 'false'),
  /**
   * How long a claimed escalation e-mail is held for its sender before another run may take it
   * over (the sender died mid-send): longer than the ladder-step function's timeout (120 s).
   */
  SEND_LEASE_SECONDS: positive(150),
  /** Bucket for monitoring extracts on their way in (deleted once processed). */
  MONITORING_BUCKET: z._default(z.string().check(z.minLength(1)), 'kraeftkapacitet-monitoring'),
  /** The embedded S3 engine's URL locally; unset in AWS. */
  S3_ENDPOINT: z.optional(z.url()),
  /** The monitoring bucket's origin, where browsers PUT uploads (the pages' CSP); unset locally. */
  UPLOAD_ORIGIN: z.optional(z.url()),
  /** Areas under pressure: capacity exceedances, not-complied pathways per region × cancer type × quarter. */
  MONITORING_PRESSURE: z._default(
    z.string().check(z.regex(/^\d+,\d+$/, 'MONITORING_PRESSURE must be two counts, e.g. 5,3')),
    '5,3',
  ),
});

export type Config = z.infer<typeof schema> & { ladder: LadderSettings };

let cached: Config | undefined;

export function config(): Config {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(
      `Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const [w1, w2, w3] = parsed.data.LADDER_WINDOWS.split(',').map(Number) as [number, number, number];
  cached = {
    ...parsed.data,
    ladder: {
      ...DEFAULT_LADDER_SETTINGS,
      windows: { 1: w1, 2: w2, 3: w3 },
      networkReminderDays: parsed.data.NETWORK_REMINDER_DAYS,
      timeScale: parsed.data.LOCAL_TIME_SCALE,
    },
  };
  return cached;
}

/** Forget the cached configuration (the local runtime and tests set env vars first). */
export function resetConfig(): void {
  cached = undefined;
}
