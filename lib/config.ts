/**
 * Deployment configuration, read from CDK context (`-c key=value` on the command line, or the
 * `"context"` object in cdk.json) and validated with zod before a single construct is created.
 * A missing or wrong value stops `cdk synth` with a message naming the key and showing how to set it.
 *
 * @example
 * npx cdk deploy -c stage=test -c senderEmail=kraeftkapacitet@regionh.dk -c opsEmail=drift@regionh.dk
 */
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import * as z from 'zod';

/** Stages whose data is thrown away with the stack unless `keepData=true` is given. */
const DISPOSABLE_STAGE = /^(test|dev)(-|$)/;

const RETENTION_VALUES = Object.values(RetentionDays).filter((v): v is number => typeof v === 'number');

/** Everything the stack needs from the operator. */
export interface DeployConfig {
  /** Deployment name: part of every resource name (`Kraeftkapacitet-<stage>`). */
  stage: string;
  /** Address the mail is sent from (must be covered by a verified SES identity). */
  senderEmail: string;
  /** Display name in the From header. */
  senderName: string;
  /** The From header handed to the functions as MAIL_FROM (see {@link fromHeader}). */
  mailFrom: string;
  /** The verified SES identity (domain or address) that covers `senderEmail`. */
  sesIdentity: string;
  /** Operations mailbox that receives CloudWatch alarms. */
  opsEmail: string;
  /** Public base URL for links in e-mails, without a trailing slash; default: the CloudFront URL (or domainName). */
  baseUrl: string | undefined;
  /** Custom domain for the CloudFront distribution (with certificateArn). */
  domainName: string | undefined;
  /** ACM certificate in us-east-1 covering domainName. */
  certificateArn: string | undefined;
  /** WAF web ACL (scope CLOUDFRONT) attached to the distribution. */
  webAclArn: string | undefined;
  /** Working days each ladder level gets to answer, as the functions read it: "2,3,5". */
  ladderWindows: string;
  /** Days between reminders to the national network. */
  networkReminderDays: number;
  /** Keep the table (RETAIN + deletion protection) when the stack is deleted. */
  keepData: boolean;
  /** Retention of every log group (Lambda, API access logs, state machine). */
  logRetention: RetentionDays;
}

interface KeyHelp {
  /** What the value is, in one line. */
  what: string;
  /** A value that would be accepted, shown in the `-c key=value` hint. */
  example: string;
}

/** Documentation of every context key; the error messages and docs/deploy.md use the same words. */
export const CONTEXT_KEYS: Record<string, KeyHelp> = {
  stage: {
    what: 'deployment name: lower-case letters, digits and dashes, starting with a letter, at most 20 characters (prod, test, test-anna)',
    example: 'test',
  },
  senderEmail: {
    what: 'e-mail address the system sends from; a verified SES identity must cover it',
    example: 'kraeftkapacitet@regionh.dk',
  },
  senderName: {
    what: 'display name in the From header (optional, default "Kræftkapacitet")',
    example: 'Kræftkapacitet',
  },
  sesIdentity: {
    what: 'the verified SES identity (a domain or an address) that covers senderEmail (optional, default: the domain of senderEmail)',
    example: 'regionh.dk',
  },
  opsEmail: { what: 'operations mailbox that receives the CloudWatch alarms', example: 'drift@regionh.dk' },
  baseUrl: {
    what: 'public https base URL used in e-mail links (optional, default: https://<domainName>, or the CloudFront URL)',
    example: 'https://kraeftkapacitet.regionh.dk',
  },
  domainName: {
    what: 'custom domain name for the CloudFront distribution; needs certificateArn (optional)',
    example: 'kraeftkapacitet.regionh.dk',
  },
  certificateArn: {
    what: 'ARN of an ACM certificate in us-east-1 covering domainName (optional, together with domainName)',
    example: 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1234-5678-9abc-0a1b2c3d4e5f',
  },
  webAclArn: {
    what: 'ARN of a WAF web ACL with scope CLOUDFRONT (created in us-east-1) to attach to the distribution (optional)',
    example: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/kraeftkapacitet/0a1b2c3d-1234',
  },
  ladderWindows: {
    what: 'working days levels 1, 2 and 3 get to answer, three numbers separated by commas (optional, default 2,3,5)',
    example: '2,3,5',
  },
  networkReminderDays: {
    what: 'days between reminders to the national network, a whole number 1-60 (optional, default 7)',
    example: '7',
  },
  keepData: {
    what: 'true keeps the table (deletion protection, RETAIN) when the stack is deleted (optional, default false for stages test/dev/test-*/dev-*, true otherwise)',
    example: 'true',
  },
  logRetentionDays: {
    what: `days CloudWatch keeps logs, one of ${RETENTION_VALUES.join(', ')} (optional, default 180, or 14 for disposable stages)`,
    example: '180',
  },
};

/** Thrown when the context is incomplete or wrong; the message lists every problem at once. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());

const required = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), schema);

const booleanLike = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')], {
  error: 'must be true or false',
});

const windowsSchema = z
  .union([z.string(), z.array(z.union([z.number(), z.string()]))])
  .transform((v) => (Array.isArray(v) ? v.join(',') : v).replace(/\s+/g, ''))
  .refine(
    (v) => /^\d+(\.\d+)?,\d+(\.\d+)?,\d+(\.\d+)?$/.test(v) && v.split(',').every((n) => Number(n) > 0),
    {
      message: 'must be three positive numbers of working days separated by commas',
    },
  );

const domainOrEmail = z
  .string()
  .refine(
    (v) =>
      z.email().safeParse(v).success ||
      /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/i.test(v),
    {
      message: 'must be a domain (regionh.dk) or an e-mail address',
    },
  );

const schema = z.object({
  stage: required(
    z
      .string()
      .regex(
        /^[a-z][a-z0-9-]{0,19}$/,
        'must be lower-case letters, digits and dashes, starting with a letter, at most 20 characters',
      ),
  ),
  senderEmail: required(z.email({ message: 'must be an e-mail address' })),
  senderName: optional(
    z
      .string()
      .max(64, 'must be at most 64 characters')
      .regex(/^[^"<>\r\n]+$/, 'must not contain quotes, angle brackets or line breaks'),
  ),
  sesIdentity: optional(domainOrEmail),
  opsEmail: required(z.email({ message: 'must be an e-mail address' })),
  baseUrl: optional(
    z
      .url({ protocol: /^https$/, message: 'must be an https:// URL' })
      .refine((u) => !/[?#]/.test(u), 'must not contain a query or fragment')
      .transform((u) => u.replace(/\/+$/, '')),
  ),
  domainName: optional(
    z
      .string()
      .regex(
        /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/,
        'must be a lower-case domain name',
      ),
  ),
  certificateArn: optional(
    z
      .string()
      .regex(
        /^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[\w-]+$/,
        'must be the ARN of an ACM certificate in us-east-1 (CloudFront only uses certificates from there)',
      ),
  ),
  webAclArn: optional(
    z
      .string()
      .regex(
        /^arn:aws[a-z-]*:wafv2:us-east-1:\d{12}:global\/webacl\/[\w-]+\/[\w-]+$/,
        'must be the ARN of a WAF web ACL with scope CLOUDFRONT (us-east-1, …:global/webacl/…)',
      ),
  ),
  ladderWindows: optional(windowsSchema),
  networkReminderDays: optional(
    z.coerce
      .number()
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(60, 'must be at most 60'),
  ),
  keepData: optional(booleanLike),
  logRetentionDays: optional(
    z.coerce
      .number()
      .refine((n) => RETENTION_VALUES.includes(n), `must be one of ${RETENTION_VALUES.join(', ')}`),
  ),
});

/**
 * The From header SES expects: a display name outside ASCII (æ, ø, å) must be a MIME
 * encoded-word (RFC 2047), or SES rejects the message.
 */
export function fromHeader(name: string, address: string): string {
  const display = /^[\x20-\x7e]*$/.test(name)
    ? `"${name}"`
    : `=?UTF-8?B?${Buffer.from(name, 'utf8').toString('base64')}?=`;
  return `${display} <${address}>`;
}

function hint(key: string): string {
  const help = CONTEXT_KEYS[key];
  if (!help) return '';
  return `\n      ${help.what}.\n      Set it with \`-c ${key}=${help.example}\` on the cdk command line, or as "${key}" in the "context" object of cdk.json.`;
}

/**
 * Reads and validates the deployment configuration.
 *
 * @param get - reads one context value, e.g. `(key) => app.node.tryGetContext(key)`
 * @throws ConfigError naming every missing or invalid key and how to set it
 * @example
 * const config = readConfig((key) => app.node.tryGetContext(key));
 */
export function readConfig(get: (key: string) => unknown): DeployConfig {
  const raw = Object.fromEntries(Object.keys(CONTEXT_KEYS).map((key) => [key, get(key)]));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? '?');
      const value = raw[key];
      const problem =
        value === undefined || value === '' || value === null
          ? 'is missing'
          : `${issue.message} (got ${JSON.stringify(value)})`;
      return `  - ${key} ${problem}${hint(key)}`;
    });
    throw new ConfigError(
      `Kraeftkapacitet: invalid deployment configuration (CDK context):\n${lines.join('\n')}\n` +
        'Example: npx cdk synth -c stage=test -c senderEmail=kraeftkapacitet@regionh.dk -c opsEmail=drift@regionh.dk\n' +
        'All values: docs/deploy.md.',
    );
  }
  const c = parsed.data;
  if (!c.domainName !== !c.certificateArn) {
    const missing = c.domainName ? 'certificateArn' : 'domainName';
    throw new ConfigError(
      `Kraeftkapacitet: invalid deployment configuration (CDK context):\n  - ${missing} is missing: a custom domain needs both domainName and certificateArn.${hint(missing)}`,
    );
  }
  const disposable = DISPOSABLE_STAGE.test(c.stage);
  const senderEmail = c.senderEmail.toLowerCase();
  const senderName = c.senderName ?? 'Kræftkapacitet';
  const senderDomain = senderEmail.slice(senderEmail.lastIndexOf('@') + 1);
  const sesIdentity = (c.sesIdentity ?? senderDomain).toLowerCase();
  const covered = sesIdentity.includes('@')
    ? sesIdentity === senderEmail
    : senderDomain === sesIdentity || senderDomain.endsWith(`.${sesIdentity}`);
  if (!covered) {
    throw new ConfigError(
      `Kraeftkapacitet: invalid deployment configuration (CDK context):\n  - sesIdentity ${JSON.stringify(sesIdentity)} does not cover senderEmail ${JSON.stringify(senderEmail)}: SES only sends from an address whose own identity, domain or parent domain is verified.${hint('sesIdentity')}`,
    );
  }
  return {
    stage: c.stage,
    senderEmail,
    senderName,
    mailFrom: fromHeader(senderName, senderEmail),
    sesIdentity,
    opsEmail: c.opsEmail,
    baseUrl: c.baseUrl,
    domainName: c.domainName,
    certificateArn: c.certificateArn,
    webAclArn: c.webAclArn,
    ladderWindows: c.ladderWindows ?? '2,3,5',
    networkReminderDays: c.networkReminderDays ?? 7,
    keepData: c.keepData ?? !disposable,
    logRetention: (c.logRetentionDays ?? (disposable ? 14 : 180)) as RetentionDays,
  };
}
