/**
 * The e-mails of the ladder, in Danish, as plain text and HTML. Texts are short and say what
 * the recipient is asked to do, by when, and how (one link).
 */
import { LEVEL_NAMES, type Level } from '#domain/ladder.ts';
import type { Offer, Problem } from '#domain/problem.ts';
import { affectedText, factLines, reportFacts } from '#domain/problem-facts.ts';
import type { Recipient } from '#domain/recipients.ts';
import { cancerTypeName, MODALITY_LABELS } from '#domain/reference.ts';
import { formatDate, formatDateTime } from '#domain/time.ts';
import { escapeHtml } from './html.ts';

export interface Email {
  subject: string;
  text: string;
  html: string;
}

/** The report's facts as `Label: value` lines — the same facts the problem page shows. */
export function problemSummaryLines(problem: Problem): string[] {
  return factLines(reportFacts(problem));
}

/** One e-mail as plain text and HTML: paragraphs, button links, footer. Every e-mail is built here. */
export function composeEmail(
  subject: string,
  paragraphs: string[],
  links: { label: string; url: string }[],
  footer: string,
): Email {
  const text = [...paragraphs, '', ...links.map((l) => `${l.label}: ${l.url}`), '', '--', footer].join('\n');
  const htmlBody = [
    '<!doctype html><html lang="da"><body style="font-family: Arial, sans-serif; color: #1a1a1a; line-height: 1.5">',
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

const FOOTER =
  'Kræftkapacitet – regionernes samarbejde om kapacitet på kræftområdet. Skriv aldrig CPR-numre eller andre patientoplysninger i svar.';

function subjectFor(problem: Problem, prefix: string): string {
  return `[Kræftkapacitet] ${prefix} ${problem.ref}: ${cancerTypeName(problem.cancerType)} – ${affectedText(problem, 'da').toLowerCase()}`;
}

const LEVEL_ASK: Record<Level, string> = {
  1: 'Jeres afdeling behandler samme kræftform. Kan I tage patienter fra den berørte afdeling?',
  2: 'Du er regionens primærindgang for denne kræftform. Undersøg om regionens hospitaler kan tage patienter, og svar for regionen.',
  3: 'Problemet er ikke løst mellem hospitaler og regioner og rejses nu i sundhedsdirektørkredsen.',
  4: 'Det nationale netværk for kræftformen er aktiveret og skal koordinere kapaciteten på tværs af regionerne, indtil situationen er stabil.',
};

export function escalationEmail(args: {
  problem: Problem;
  recipient: Recipient;
  level: Level;
  round: number;
  deadline: Date;
  respondUrl: string;
  finderLines?: string[];
}): Email {
  const { problem, recipient, level, round, deadline, respondUrl } = args;
  const levelName = LEVEL_NAMES[level].da;
  const reminder = round > 0;
  const intro = reminder
    ? `Påmindelse (uge ${round + 1} på netværksniveau): kapacitetsproblemet er stadig ikke løst.`
    : recipient.kind === 'informed'
      ? `Til orientering: et kapacitetsproblem er nu på niveau ${level} (${levelName}) i regionernes eskalationstrappe.`
      : `Et kapacitetsproblem er nu på niveau ${level} (${levelName}) i regionernes eskalationstrappe, og I er kontaktet.`;
  const paragraphs = [
    `Kære ${recipient.name}`,
    '',
    intro,
    recipient.kind === 'action' ? LEVEL_ASK[level] : '',
    '',
    ...problemSummaryLines(problem),
    '',
    level < 4
      ? `Svarfrist: ${formatDateTime(deadline)}. Er problemet ikke løst inden da, går sagen automatisk et trin op ad trappen.`
      : `Næste påmindelse: ${formatDateTime(deadline)}.`,
    ...(args.finderLines && args.finderLines.length > 0
      ? [
          '',
          'Afdelinger der ifølge den ugentlige udveksling kan starte inden for den maksimale ventetid:',
          ...args.finderLines,
        ]
      : []),
  ];
  return composeEmail(
    subjectFor(
      problem,
      reminder ? 'Påmindelse:' : recipient.kind === 'informed' ? 'Orientering:' : 'Kapacitetsproblem',
    ),
    paragraphs,
    [
      {
        label: recipient.kind === 'action' ? 'Kvittér eller tilbyd kapacitet' : 'Se sagen og kvittér',
        url: respondUrl,
      },
    ],
    FOOTER,
  );
}

export function receiptEmail(problem: Problem, reporterName: string, respondUrl: string): Email {
  return composeEmail(
    subjectFor(problem, 'Kvittering:'),
    [
      `Kære ${reporterName}`,
      '',
      `Tak for jeres indberetning. Den har referencen ${problem.ref} og starter på niveau ${problem.entryLevel} (${LEVEL_NAMES[problem.entryLevel].da}) i eskalationstrappen.`,
      'Du får besked, når sagen går et trin op, og når nogen tilbyder kapacitet.',
      '',
      ...problemSummaryLines(problem),
      '',
      'Når problemet er løst, så markér det som løst via linket herunder. Så stopper eskaleringen med det samme, og alle kontaktede får besked.',
    ],
    [{ label: 'Følg sagen eller markér den som løst', url: respondUrl }],
    FOOTER,
  );
}

export function reporterLevelEmail(
  problem: Problem,
  reporterName: string,
  level: Level,
  respondUrl: string,
): Email {
  return composeEmail(
    subjectFor(problem, `Niveau ${level}:`),
    [
      `Kære ${reporterName}`,
      '',
      `Jeres kapacitetsproblem ${problem.ref} er ikke løst inden for svarfristen og er nu på niveau ${level} (${LEVEL_NAMES[level].da}).`,
      '',
      ...problemSummaryLines(problem),
    ],
    [{ label: 'Følg sagen eller markér den som løst', url: respondUrl }],
    FOOTER,
  );
}

export function offerEmail(
  problem: Problem,
  reporterName: string,
  from: string,
  offer: Offer,
  respondUrl: string,
): Email {
  return composeEmail(
    subjectFor(problem, 'Tilbud om kapacitet:'),
    [
      `Kære ${reporterName}`,
      '',
      `${from} tilbyder kapacitet til ${problem.ref}:`,
      `${offer.patients} patienter – ${MODALITY_LABELS[offer.modality]} – fra ${formatDate(offer.earliest)}.`,
      ...(offer.note ? [`Bemærkning: ${offer.note}`] : []),
    ],
    [{ label: 'Se sagen', url: respondUrl }],
    FOOTER,
  );
}

export function resolvedEmail(problem: Problem, recipientName: string, problemUrl: string): Email {
  return composeEmail(
    subjectFor(problem, 'Løst:'),
    [
      `Kære ${recipientName}`,
      '',
      `Kapacitetsproblemet ${problem.ref} er markeret som løst${problem.resolvedBy ? ` af ${problem.resolvedBy.name}` : ''}. Eskaleringen er stoppet, og der kommer ikke flere henvendelser om sagen.`,
      ...(problem.resolution ? [`Bemærkning: ${problem.resolution}`] : []),
      '',
      'Tak for hjælpen.',
    ],
    [{ label: 'Se sagen', url: problemUrl }],
    FOOTER,
  );
}

export function nobodyReachedEmail(
  problem: Problem,
  level: Level,
  reason: string,
  problemUrl: string,
): Email {
  return composeEmail(
    subjectFor(problem, 'Ingen modtagere nået:'),
    [
      'Til Specialenheden',
      '',
      `Et trin i eskalationstrappen nåede ikke ud: niveau ${level} (${LEVEL_NAMES[level].da}) for ${problem.ref}.`,
      reason,
      'Kontaktlisten skal rettes, og de relevante personer kontaktes direkte.',
      '',
      ...problemSummaryLines(problem),
    ],
    [{ label: 'Se sagen', url: problemUrl }],
    FOOTER,
  );
}

export function signInEmail(name: string, url: string): Email {
  return composeEmail(
    '[Kræftkapacitet] Dit login-link',
    [
      `Kære ${name}`,
      '',
      'Brug linket herunder for at logge ind i Kræftkapacitet. Linket virker én gang og i 30 minutter.',
      'Har du ikke bedt om det, kan du se bort fra denne e-mail.',
    ],
    [{ label: 'Log ind', url }],
    FOOTER,
  );
}
