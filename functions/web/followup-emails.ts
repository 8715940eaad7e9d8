/** E-mails of the follow-up features (Danish): contact verification and the quarterly status. */

import { formatCount, formatPercent } from '#domain/monitoring-figures.ts';
import type { MeetingAction, Network } from '#domain/networks.ts';
import type { Person, Problem } from '#domain/problem.ts';
import { type QuarterlyStatus, quarterLabel } from '#domain/quarterly.ts';
import type { Contact } from '#domain/reference.ts';
import { cancerTypeName, regionName } from '#domain/reference.ts';
import { formatDate } from '#domain/time.ts';
import { composeEmail, type Email } from './emails.ts';

const FOOTER = 'Kræftkapacitet – regionernes samarbejde om kapacitet på kræftområdet.';

function compose(subject: string, paragraphs: string[], links: { label: string; url: string }[]): Email {
  return composeEmail(subject, paragraphs, links, FOOTER);
}

export function verificationReminderEmail(args: {
  name: string;
  contacts: Contact[];
  months: number;
  confirmUrl: string;
  listUrl: string;
}): Email {
  const lines = args.contacts.map(
    (c) => `• ${c.name}, ${c.title} – ${c.email}, ${c.phone} (sidst bekræftet ${formatDate(c.verifiedAt)})`,
  );
  return compose(
    `[Kræftkapacitet] Bekræft ${args.contacts.length === 1 ? 'en kontaktoplysning' : `${args.contacts.length} kontaktoplysninger`}`,
    [
      `Kære ${args.name}`,
      `Du vedligeholder disse kontaktoplysninger i eskalationsmodellen. De er ikke bekræftet i over ${args.months} måneder:`,
      lines.join('\n'),
      'Er de stadig rigtige, så bekræft dem med ét klik. Er noget forkert, så ret det på telefonlisten – en rettelse tæller også som bekræftelse.',
    ],
    [
      { label: 'Bekræft kontaktoplysningerne', url: args.confirmUrl },
      { label: 'Ret på telefonlisten', url: args.listUrl },
    ],
  );
}

export function quarterlyStatusSummary(s: QuarterlyStatus): string[] {
  return [
    `Sager oprettet: ${s.opened}. Sager løst: ${s.resolved}.`,
    `Median tid til løsning: ${s.medianResolutionDays === null ? 'ingen løste sager' : `${String(s.medianResolutionDays).replace('.', ',')} dage`}.`,
    `Oprettede sager efter højeste niveau: niveau 1: ${s.openedByLevel['1']}, niveau 2: ${s.openedByLevel['2']}, niveau 3: ${s.openedByLevel['3']}, niveau 4: ${s.openedByLevel['4']}.`,
    ...s.rows.map(
      (r) =>
        `• ${cancerTypeName(r.cancerType)}, ${regionName(r.region)}: ${r.opened} oprettet, ${r.resolved} løst, højeste niveau ${r.highestLevel}`,
    ),
    `Nationale netværk: ${s.networks ? `${s.networks.active.length} aktive, ${s.networks.standby.length} i standby` : 'ingen data'}.`,
    `Kræftformer under vedvarende pres: ${s.weekly ? s.weekly.sustainedPressure.map((p) => cancerTypeName(p.cancerType)).join(', ') || 'ingen' : 'ingen data'}.`,
    s.monitoring
      ? `Maksimale ventetider (landsplan): ${formatPercent(s.monitoring.national.within + s.monitoring.national.compliedExceeded.total, s.monitoring.national.pathways)} af ${formatCount(s.monitoring.national.pathways)} forløb med reglerne overholdt; ${s.monitoring.national.notComplied} ikke overholdt. Områder under pres: ${s.monitoring.pressure.map((a) => `${cancerTypeName(a.cancerType)} i ${regionName(a.region)}`).join(', ') || 'ingen'}.`
      : 'Maksimale ventetider: ingen data.',
    ...(s.holiday ?? []).map(
      (h) =>
        `Ferieperiode ${h.name}: planlagt kapacitet ${h.weeks
          .filter((w) => !w.baseline)
          .map((w) => `${w.week} ${w.plannedShare ?? '–'} %`)
          .join(', ')}; se evalueringen i kvartalsstatus.`,
    ),
    `Kontaktoplysninger ikke bekræftet i tide: ${s.overdueContacts.length}.`,
  ];
}

export function quarterlyStatusEmail(s: QuarterlyStatus, name: string, url: string): Email {
  return compose(
    `[Kræftkapacitet] Kvartalsstatus ${quarterLabel(s.quarter)}`,
    [
      `Kære ${name}`,
      `Her er status for ${quarterLabel(s.quarter)} til sundhedsdirektørkredsens møde.`,
      quarterlyStatusSummary(s).join('\n'),
    ],
    [{ label: 'Se hele kvartalsstatus', url }],
  );
}

export function actionReminderEmail(args: {
  cancerTypeName: string;
  meetingDate: string;
  action: MeetingAction;
  url: string;
}): Email {
  return compose(
    `[Kræftkapacitet] Handling med frist ${formatDate(args.action.due)}: ${args.cancerTypeName}`,
    [
      `Det nationale netværk for ${args.cancerTypeName.toLowerCase()} aftalte på koordineringsmødet ${formatDate(args.meetingDate)} en handling, som du er ansvarlig for:`,
      args.action.text,
      `Frist: ${formatDate(args.action.due)}. Markér handlingen som udført på netværkets side, når den er klaret.`,
    ],
    [{ label: 'Gå til netværket', url: args.url }],
  );
}

export function danskeRegionerEmail(args: {
  name: string;
  network: Network;
  openProblems: Problem[];
  from: Person;
  url: string;
}): Email {
  const type = cancerTypeName(args.network.cancerType);
  const last = args.network.history.at(-1);
  return compose(
    `[Kræftkapacitet] Til orientering: nationalt netværk for ${type.toLowerCase()}`,
    [
      `Kære ${args.name}`,
      `${args.from.name} orienterer Danske Regioner om situationen for ${type.toLowerCase()}.`,
      `Netværkets status: ${args.network.state === 'active' ? 'aktivt' : 'standby'}${last ? ` siden ${formatDate(last.at)} (${last.reason})` : ''}.`,
      `Åbne sager: ${args.openProblems.length}.${args.openProblems.map((p) => `\n• ${p.ref}: ${regionName(p.region)}, niveau ${p.level}, ${p.patientsAtRisk} patienter i risiko`).join('')}`,
      `Koordineringsmøder: ${args.network.meetings.length}.`,
    ],
    [{ label: 'Se netværket', url: args.url }],
  );
}
