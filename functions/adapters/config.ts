/**
 * Runtime configuration from environment variables — the same names in Lambda (set by the CDK
 * stack) and in the local runtime (set by `npm start`). Read once, validated, with clear errors.
 */
import { z } from 'zod';
import { DEFAULT_LADDER_SETTINGS, type LadderSettings } from '#domain/ladder.ts';

const schema = z.object({
  TABLE_NAME: z.string().min(1).default('kraeftkapacitet'),
  DYNAMODB_ENDPOINT: z.url().optional(),
  AWS_REGION: z.string().default('eu-north-1'),
  BASE_URL: z.url().default('http://localhost:3000'),
  MAIL_FROM: z.string().default('Kræftkapacitet <noreply@kraeftkapacitet.example>'),
  SES_CONFIGURATION_SET: z.string().optional(),
  MAILER: z.enum(['ses', 'outbox']).default('outbox'),
  STATE_MACHINE_ARN: z.string().optional(),
  LADDER_WINDOWS: z
    .string()
    .regex(
      /^\d+(\.\d+)?,\d+(\.\d+)?,\d+(\.\d+)?$/,
      'LADDER_WINDOWS must be three working-day counts, e.g. 2,3,5',
    )
    .default('2,3,5'),
  NETWORK_REMINDER_DAYS: z.coerce.number().positive().default(7),
  LOCAL_TIME_SCALE: z.coerce.number().min(1, 'LOCAL_TIME_SCALE must be 1 or more').default(1),
  LINK_TTL_DAYS: z.coerce.number().positive().default(14),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  /** Bucket for monitoring extracts on their way in (deleted once processed). */
  MONITORING_BUCKET: z.string().min(1).default('kraeftkapacitet-monitoring'),
  /** The embedded S3 engine's URL locally; unset in AWS. */
  S3_ENDPOINT: z.url().optional(),
  /** Areas under pressure: capacity exceedances, not-complied pathways per region × cancer type × quarter. */
  MONITORING_PRESSURE: z
    .string()
    .regex(/^\d+,\d+$/, 'MONITORING_PRESSURE must be two counts, e.g. 5,3')
    .default('5,3'),
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
