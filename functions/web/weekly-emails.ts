/** The e-mails of the weekly exchange, in Danish, as plain text and HTML. */
import { config } from '#adapters/config.ts';
import { cancerTypeName, findDepartment, regionName } from '#domain/reference.ts';
import { formatDateTime } from '#domain/time.ts';
import {
  type CancerOverview,
  changeFromLastWeek,
  type DeadlineSettings,
  daysText,
  deadlineOf,
  type EscalationProposal,
  MAX_WAIT_DAYS,
  PATHWAY_LABELS,
  PRESSURE_LABELS,
  patientsText,
  proposalDescription,
  proposalQuery,
  STATUS_LABELS,
  waits,
  weekLabel,
} from '#domain/weekly.ts';
import { composeEmail, type Email } from './emails.ts';

const FOOTER =
  'Kræftkapacitet – den ugentlige udveksling af ventetider mellem afdelinger, der behandler samme kræftform. Skriv aldrig CPR-numre eller andre patientoplysninger.';

function compose(subject: string, lines: string[], link: { label: string; url: string }): Email {
  return composeEmail(subject, lines, [link], FOOTER);
}

export function weeklyReminderEmail(args: {
  recipientName: string;
  departmentId: string;
  week: string;
  now: Date;
  deadline: DeadlineSettings;
}): Email {
  const department = findDepartment(args.departmentId);
  const name = department ? `${department.name}, ${department.hospitalName}` : args.departmentId;
  const due = deadlineOf(args.week, args.deadline);
  const late = args.now.getTime() >= due.getTime();
  return compose(
    `[Kræftkapacitet] ${late ? 'Forsinket' : 'Påmindelse'}: ugerapport for ${weekLabel(args.week)} – ${name}`,
    [
      `Kære ${args.recipientName}`,
      '',
      late
        ? `Ugerapporten for ${name}, ${weekLabel(args.week)}, skulle have været indberettet senest ${formatDateTime(due)}. Afdelingen vises som forsinket i oversigterne, indtil tallene er indberettet.`
        : `Husk at indberette forventede ventetider og ledig kapacitet for ${name} for ${weekLabel(args.week)} senest ${formatDateTime(due)}.`,
      'Det tager et par minutter, og tallene hjælper andre afdelinger med at finde plads til patienter inden for de maksimale ventetider.',
    ],
    { label: 'Indberet ugens tal', url: `${config().BASE_URL}/ugerapport?afdeling=${args.departmentId}` },
  );
}

function signed(n: number | undefined): string {
  if (n === undefined || n === 0) return n === 0 ? '±0' : '';
  return n > 0 ? `+${n}` : `${n}`;
}

export function weeklyOverviewEmail(overview: CancerOverview): Email {
  const name = cancerTypeName(overview.cancerType);
  const lines = [
    `Ugeoversigt for ${name}, ${weekLabel(overview.week)}.`,
    `Maksimale ventetider: ${MAX_WAIT_DAYS.udredning} dage til udredning og ${MAX_WAIT_DAYS.behandling} dage til behandling. Overskridelser er markeret med (!).`,
    '',
  ];
  for (const row of overview.rows) {
    const head = `${row.departmentName}, ${row.hospitalName} (${regionName(row.region)})`;
    const status = row.status === 'reported' ? '' : ` – ${STATUS_LABELS[row.status].toUpperCase()}`;
    if (!row.latest) {
      lines.push(`${head}${status}: ingen tal.`);
      continue;
    }
    const latest = row.latest;
    const values = waits(latest).map(([p, d]) => {
      const change = signed(changeFromLastWeek(latest, row.previous, p));
      const over = d > (p === 'udredning' ? MAX_WAIT_DAYS.udredning : MAX_WAIT_DAYS.behandling) ? ' (!)' : '';
      return `${PATHWAY_LABELS[p].toLowerCase()} ${daysText(d)}${over}${change ? ` (${change})` : ''}`;
    });
    const stale = latest.week !== overview.week ? ` [tal fra ${weekLabel(latest.week)}]` : '';
    lines.push(
      `${head}${status}: ${values.join(', ')}; ledig kapacitet ${patientsText(latest.spareCapacity)} – ${PRESSURE_LABELS[row.pressure].toLowerCase()}${stale}.`,
    );
  }
  return compose(`[Kræftkapacitet] Ugeoversigt ${weekLabel(overview.week)}: ${name}`, lines, {
    label: 'Se oversigten',
    url: `${config().BASE_URL}/ventetider/${overview.cancerType}`,
  });
}

/** The escalation proposal: the department's waits have been over the maximum for weeks. */
export function weeklyProposalEmail(proposal: EscalationProposal): Email {
  const department = findDepartment(proposal.departmentId);
  const name = department ? `${department.name}, ${department.hospitalName}` : proposal.departmentId;
  return compose(
    `[Kræftkapacitet] Forslag: indberet kapacitetsproblem – ${cancerTypeName(proposal.cancerType)}, ${name}`,
    [
      `Kære ${name}`,
      '',
      proposalDescription(proposal),
      `Ventetiden har dermed været over maksimum i ${proposal.weeks.length} uger i træk. Overvej at indberette et kapacitetsproblem, så eskalationstrappen kan finde plads til patienterne andre steder. Formularen er udfyldt på forhånd; tilføj antal berørte patienter.`,
    ],
    { label: 'Indberet kapacitetsproblem', url: `${config().BASE_URL}/indberet?${proposalQuery(proposal)}` },
  );
}
