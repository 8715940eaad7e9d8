/**
 * The e-mails of the ladder, in the recipient's language (texts in i18n/), as plain text and HTML. Texts are short and say what
 * the recipient is asked to do, by when, and how (one link).
 */
import { externalHitLine } from '#domain/external-providers.ts';
import { LEVEL_NAMES, type Level } from '#domain/ladder.ts';
import { WAIT_PATHWAY_LIST } from '#domain/lists.ts';
import type { Offer, Problem } from '#domain/problem.ts';
import { affectedText, factLines, reportFacts } from '#domain/problem-facts.ts';
import type { Recipient } from '#domain/recipients.ts';
import { findDepartment } from '#domain/reference.ts';
import { formatDate, formatDateTime } from '#domain/time.ts';
import { daysText, type FinderSection, patientsText } from '#domain/weekly.ts';
import { escapeHtml } from './html.ts';
import { type Lang, type MailKey, t, translator } from './i18n/mail.ts';

export interface Email {
  subject: string;
  text: string;
  html: string;
}

/** The report's facts as `Label: value` lines — the same facts the problem page shows. */
export function problemSummaryLines(problem: Problem, lang: Lang = 'da'): string[] {
  return factLines(reportFacts(problem), lang);
}

/** One e-mail as plain text and HTML: paragraphs, button links, footer. Every e-mail is built here. */
export function composeEmail(
  subject: string,
  paragraphs: string[],
  links: { label: string; url: string }[],
  footer: string,
  lang: Lang = 'da',
): Email {
  const text = [...paragraphs, '', ...links.map((l) => `${l.label}: ${l.url}`), '', '--', footer].join('\n');
  const htmlBody = [
    `<!doctype html><html lang="${lang}"><body style="font-family: Arial, sans-serif; color: #1a1a1a; line-height: 1.5">`,
    ...paragraphs.map((p) =>
      p === '' ? '' : `<p style="margin:0 0 8px">${escapeHtml(p).replaceAll('\n', '<br>')}</p>`,
    ),
    ...links.map(
      (l) =>
        `<p style="margin:16px 0"><a href="${escapeHtml(l.url)}" style="background:#0059b3;color:#fff;padding:10px 16px;text-decoration:none;border-radius:4px">${escapeHtml(l.label)}</a></p>`,
    ),
    `<p style="color:#666;font-size:13px;margin-top:24px">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html: htmlBody };
}

/** The subject: one colon, between the case and what it is about. */
function subjectFor(problem: Problem, what: string, lang: Lang): string {
  const cancer = reportFacts(problem).find((f) => f.id === 'cancerType')?.value[lang] ?? problem.cancerType;
  return `[Kræftkapacitet] ${what}: ${cancer} – ${affectedText(problem, lang).toLowerCase()}`;
}

const LEVEL_ASK = {
  1: 'mail.ask.1',
  2: 'mail.ask.2',
  3: 'mail.ask.3',
  4: 'mail.ask.4',
} as const satisfies Record<Level, MailKey>;

/** "Påmindelse nr. 2 til det nationale netværk": one numbering, the same as on the timeline. */
export function networkReminderText(round: number, lang: Lang = 'da'): string {
  return t(lang, 'mail.reminder', { round });
}

export function escalationEmail(args: {
  problem: Problem;
  recipient: Recipient;
  level: Level;
  round: number;
  deadline: Date;
  respondUrl: string;
  /** The capacity finder's answer (levels 1–2). */
  finder?: FinderSection[];
}): Email {
  const { problem, recipient, level, round, deadline, respondUrl } = args;
  const lang = recipient.language ?? 'da';
  const tr = translator(lang);
  const levelName = LEVEL_NAMES[level][lang];
  const reminder = round > 0;
  const informed = recipient.kind === 'informed';
  const intro = reminder
    ? tr('mail.escalation.reminderIntro', { reminder: networkReminderText(round, lang) })
    : informed
      ? tr('mail.escalation.informedIntro', { level, levelName })
      : tr('mail.escalation.actionIntro', { level, levelName });
  const found = finderLines(args.finder ?? [], lang);
  const paragraphs = [
    tr('mail.greeting', { name: recipient.name }),
    '',
    intro,
    informed ? tr('mail.escalation.informedNoAction') : tr(LEVEL_ASK[level]),
    '',
    ...problemSummaryLines(problem, lang),
    // Those only informed are asked for nothing, so they get no deadline either.
    ...(informed
      ? []
      : [
          '',
          level < 4
            ? tr('mail.escalation.deadline', { deadline: formatDateTime(deadline, lang) })
            : tr('mail.escalation.nextReminder', { deadline: formatDateTime(deadline, lang) }),
        ]),
    ...(found.length > 0 ? ['', tr('mail.escalation.finderHeading'), ...found] : []),
  ];
  const what = reminder
    ? tr('mail.subject.reminder', { ref: problem.ref })
    : informed
      ? tr('mail.subject.informed', { ref: problem.ref })
      : tr('mail.subject.problem', { ref: problem.ref });
  return composeEmail(
    subjectFor(problem, what, lang),
    paragraphs,
    [{ label: informed ? tr('mail.link.see') : tr('mail.link.respond'), url: respondUrl }],
    tr('mail.footer'),
    lang,
  );
}

/** The capacity finder's answer as e-mail lines: per pathway, external providers first, then departments. */
export function finderLines(sections: FinderSection[], lang: Lang = 'da'): string[] {
  const tr = translator(lang);
  return sections.flatMap(({ pathway, hits, external }) => [
    `${WAIT_PATHWAY_LIST.label(pathway, lang)}:`,
    ...(hits.length === 0 ? [`  ${tr('mail.finder.none')}`] : []),
    ...external.map((e) => `  ${externalHitLine(e, lang)}`),
    ...hits.map(
      (h) =>
        `  ${tr('mail.finder.hit', {
          department: h.departmentName,
          hospital: h.hospitalName,
          days: daysText(h.expectedDays, lang),
          patients: patientsText(h.spareCapacity, lang),
          contact: h.contact
            ? tr('mail.finder.contact', {
                name: h.contact.name,
                email: h.contact.email,
                phone: h.contact.phone,
              })
            : '',
        })}`,
    ),
  ]);
}

export function receiptEmail(
  problem: Problem,
  reporterName: string,
  respondUrl: string,
  lang: Lang = 'da',
): Email {
  const tr = translator(lang);
  return composeEmail(
    subjectFor(problem, tr('mail.subject.receipt', { ref: problem.ref }), lang),
    [
      tr('mail.greeting', { name: reporterName }),
      '',
      tr('mail.receipt.thanks', {
        ref: problem.ref,
        level: problem.entryLevel,
        levelName: LEVEL_NAMES[problem.entryLevel][lang],
      }),
      tr('mail.receipt.updates'),
      '',
      ...problemSummaryLines(problem, lang),
      '',
      tr('mail.receipt.resolve'),
    ],
    [{ label: tr('mail.link.follow'), url: respondUrl }],
    tr('mail.footer'),
    lang,
  );
}

export function reporterLevelEmail(
  problem: Problem,
  reporterName: string,
  level: Level,
  respondUrl: string,
  lang: Lang = 'da',
): Email {
  const tr = translator(lang);
  return composeEmail(
    subjectFor(problem, tr('mail.subject.level', { ref: problem.ref, level }), lang),
    [
      tr('mail.greeting', { name: reporterName }),
      '',
      tr('mail.level.text', { ref: problem.ref, level, levelName: LEVEL_NAMES[level][lang] }),
      '',
      ...problemSummaryLines(problem, lang),
    ],
    [{ label: tr('mail.link.follow'), url: respondUrl }],
    tr('mail.footer'),
    lang,
  );
}

/** "Klaus Friis (Brystkirurgisk Afdeling, Odense Universitetshospital)": who offered, and where. */
export function offerorText(name: string, departmentId: string | undefined): string {
  const department = departmentId ? findDepartment(departmentId) : undefined;
  return department ? `${name} (${department.name}, ${department.hospitalName})` : name;
}

export function offerEmail(
  problem: Problem,
  reporterName: string,
  from: string,
  offer: Offer,
  respondUrl: string,
  lang: Lang = 'da',
): Email {
  const tr = translator(lang);
  return composeEmail(
    subjectFor(problem, tr('mail.subject.offer', { ref: problem.ref }), lang),
    [
      tr('mail.greeting', { name: reporterName }),
      '',
      tr('mail.offer.intro', { from, ref: problem.ref }),
      offerText(offer, lang),
      ...(offer.note ? [tr('mail.note', { note: offer.note })] : []),
    ],
    [{ label: tr('mail.link.see'), url: respondUrl }],
    tr('mail.footer'),
    lang,
  );
}

/** "3 patienter – Kirurgi – fra 7. december 2026." */
export function offerText(offer: Offer, lang: Lang = 'da'): string {
  return t(lang, 'mail.offer.line', {
    patients: offer.patients,
    modality: WAIT_PATHWAY_LIST.label(offer.modality, lang),
    date: formatDate(offer.earliest, lang),
  });
}

export function resolvedEmail(
  problem: Problem,
  recipientName: string,
  problemUrl: string,
  lang: Lang = 'da',
): Email {
  const tr = translator(lang);
  return composeEmail(
    subjectFor(problem, tr('mail.subject.resolved', { ref: problem.ref }), lang),
    [
      tr('mail.greeting', { name: recipientName }),
      '',
      problem.resolvedBy
        ? tr('mail.resolved.textBy', { ref: problem.ref, name: problem.resolvedBy.name })
        : tr('mail.resolved.text', { ref: problem.ref }),
      ...(problem.resolution ? [tr('mail.note', { note: problem.resolution })] : []),
      '',
      tr('mail.resolved.thanks'),
    ],
    [{ label: tr('mail.link.see'), url: problemUrl }],
    tr('mail.footer'),
    lang,
  );
}

export function nobodyReachedEmail(
  problem: Problem,
  level: Level,
  reason: { key: MailKey; params?: Record<string, string | number> },
  problemUrl: string,
  lang: Lang = 'da',
): Email {
  const tr = translator(lang);
  return composeEmail(
    subjectFor(problem, tr('mail.subject.nobody', { ref: problem.ref }), lang),
    [
      tr('mail.nobody.to'),
      '',
      tr('mail.nobody.text', { level, levelName: LEVEL_NAMES[level][lang], ref: problem.ref }),
      (tr as (key: MailKey, params?: Record<string, string | number>) => string)(reason.key, reason.params),
      tr('mail.nobody.fix'),
      '',
      ...problemSummaryLines(problem, lang),
    ],
    [{ label: tr('mail.link.see'), url: problemUrl }],
    tr('mail.footer'),
    lang,
  );
}

/**
 * To the secretariat: a problem's escalation stopped on an error and waits for its restart.
 * `reason` is the error as the workflow reported it (technical, not translated).
 */
export function ladderStoppedEmail(
  problem: Problem,
  reason: string,
  problemUrl: string,
  lang: Lang = 'da',
): Email {
  const tr = translator(lang);
  return composeEmail(
    subjectFor(problem, tr('mail.subject.stopped', { ref: problem.ref }), lang),
    [
      tr('mail.nobody.to'),
      '',
      tr('mail.stopped.text', {
        ref: problem.ref,
        level: problem.level,
        levelName: LEVEL_NAMES[problem.level][lang],
      }),
      tr('mail.stopped.reason', { reason }),
      tr('mail.stopped.restart'),
      tr('mail.stopped.persists'),
      '',
      ...problemSummaryLines(problem, lang),
    ],
    [{ label: tr('mail.link.see'), url: problemUrl }],
    tr('mail.footer'),
    lang,
  );
}

export function signInEmail(name: string, url: string, lang: Lang = 'da'): Email {
  const tr = translator(lang);
  return composeEmail(
    `[Kræftkapacitet] ${tr('mail.signIn.subject')}`,
    [tr('mail.greeting', { name }), '', tr('mail.signIn.text'), tr('mail.signIn.ignore')],
    [{ label: tr('layout.signIn'), url }],
    tr('mail.footer'),
    lang,
  );
}
