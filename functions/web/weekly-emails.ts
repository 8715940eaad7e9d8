/** The e-mails of the weekly exchange, in the recipient's language (texts in i18n/), as plain text and HTML. */
import { config } from '#adapters/config.ts';
import { WAIT_PATHWAY_LIST } from '#domain/lists.ts';
import { cancerTypeLabel, findDepartment, regionLabel } from '#domain/reference.ts';
import { formatDateTime } from '#domain/time.ts';
import {
  type CancerOverview,
  changeFromLastWeek,
  type DeadlineSettings,
  daysText,
  deadlineOf,
  type EscalationProposal,
  MAX_WAIT_DAYS,
  patientsText,
  proposalDescription,
  proposalQuery,
  waits,
  weekLabel,
} from '#domain/weekly.ts';
import { composeEmail, type Email } from './emails.ts';
import { type Lang, translator } from './i18n/mail.ts';
import { pressureLabel, reportStatusLabel } from './weekly-labels.ts';

function compose(subject: string, lines: string[], link: { label: string; url: string }, lang: Lang): Email {
  return composeEmail(
    `[Kræftkapacitet] ${subject}`,
    lines,
    [link],
    translator(lang)('weeklyMail.footer'),
    lang,
  );
}

function departmentText(departmentId: string): string {
  const department = findDepartment(departmentId);
  return department ? `${department.name}, ${department.hospitalName}` : departmentId;
}

export function weeklyReminderEmail(args: {
  recipientName: string;
  departmentId: string;
  week: string;
  now: Date;
  deadline: DeadlineSettings;
  lang?: Lang;
}): Email {
  const lang = args.lang ?? 'da';
  const tr = translator(lang);
  const values = {
    department: departmentText(args.departmentId),
    week: weekLabel(args.week, lang),
  };
  const due = deadlineOf(args.week, args.deadline);
  const late = args.now.getTime() >= due.getTime();
  const deadline = formatDateTime(due, lang);
  return compose(
    tr(late ? 'weeklyMail.late.subject' : 'weeklyMail.reminder.subject', values),
    [
      tr('mail.greeting', { name: args.recipientName }),
      '',
      tr(late ? 'weeklyMail.late.text' : 'weeklyMail.reminder.text', { ...values, deadline }),
      tr('weeklyMail.reminder.why'),
    ],
    { label: tr('weekly.submit'), url: `${config().BASE_URL}/ugerapport?afdeling=${args.departmentId}` },
    lang,
  );
}

function signed(n: number | undefined): string {
  if (n === undefined || n === 0) return n === 0 ? '±0' : '';
  return n > 0 ? `+${n}` : `${n}`;
}

export function weeklyOverviewEmail(overview: CancerOverview, lang: Lang = 'da'): Email {
  const tr = translator(lang);
  const cancerType = cancerTypeLabel(overview.cancerType, lang);
  const week = weekLabel(overview.week, lang);
  const lines = [
    tr('weeklyMail.overview.intro', { cancerType, week }),
    tr('weeklyMail.overview.max', {
      udredning: MAX_WAIT_DAYS.udredning,
      behandling: MAX_WAIT_DAYS.behandling,
    }),
    '',
  ];
  for (const row of overview.rows) {
    const department = `${row.departmentName}, ${row.hospitalName} (${regionLabel(row.region, lang)})`;
    const status = row.status === 'reported' ? '' : ` – ${reportStatusLabel(row.status, lang).toUpperCase()}`;
    if (!row.latest) {
      lines.push(tr('weeklyMail.overview.noFigures', { department, status }));
      continue;
    }
    const latest = row.latest;
    const values = waits(latest).map(([p, d]) => {
      const change = signed(changeFromLastWeek(latest, row.previous, p));
      const over = d > (p === 'udredning' ? MAX_WAIT_DAYS.udredning : MAX_WAIT_DAYS.behandling) ? ' (!)' : '';
      return `${WAIT_PATHWAY_LIST.label(p, lang).toLowerCase()} ${daysText(d, lang)}${over}${change ? ` (${change})` : ''}`;
    });
    const stale =
      latest.week !== overview.week
        ? tr('weeklyMail.overview.stale', { week: weekLabel(latest.week, lang) })
        : '';
    lines.push(
      tr('weeklyMail.overview.line', {
        department,
        status,
        waits: values.join(', '),
        spare: patientsText(latest.spareCapacity, lang),
        pressure: pressureLabel(row.pressure, lang).toLowerCase(),
        stale,
      }),
    );
  }
  return compose(
    tr('weeklyMail.overview.subject', { week, cancerType }),
    lines,
    { label: tr('weeklyMail.overview.link'), url: `${config().BASE_URL}/ventetider/${overview.cancerType}` },
    lang,
  );
}

/** The escalation proposal: the department's waits have been over the maximum for weeks. */
export function weeklyProposalEmail(proposal: EscalationProposal, lang: Lang = 'da'): Email {
  const tr = translator(lang);
  const department = departmentText(proposal.departmentId);
  return compose(
    tr('weeklyMail.proposal.subject', { cancerType: cancerTypeLabel(proposal.cancerType, lang), department }),
    [
      tr('mail.greeting', { name: department }),
      '',
      proposalDescription(proposal, lang),
      tr('weeklyMail.proposal.text', { count: proposal.weeks.length }),
    ],
    { label: tr('weekly.proposal.report'), url: `${config().BASE_URL}/indberet?${proposalQuery(proposal)}` },
    lang,
  );
}
