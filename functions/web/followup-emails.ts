/**
 * E-mails of the follow-up features, in the recipient's language (texts in i18n/): contact and
 * external-provider verification, the quarterly status, network actions and the note to Danske Regioner.
 */

import { type ExternalProvider, providerVerifiedAt, validityText } from '#domain/external-providers.ts';
import type { Lang } from '#domain/lists.ts';
import { formatCount, formatPercent } from '#domain/monitoring-figures.ts';
import type { MeetingAction, Network } from '#domain/networks.ts';
import type { Person, Problem } from '#domain/problem.ts';
import { type QuarterlyStatus, quarterLabel } from '#domain/quarterly.ts';
import type { Contact } from '#domain/reference.ts';
import { cancerTypeLabel, regionLabel } from '#domain/reference.ts';
import { DESTINATION_LIST, DESTINATIONS, type ReferralFigures, tallyText } from '#domain/referrals.ts';
import { formatDate } from '#domain/time.ts';
import { composeEmail, type Email } from './emails.ts';
import { translator } from './i18n/mail.ts';
import { readStored } from './stored-phrase.ts';

function compose(
  subject: string,
  paragraphs: string[],
  links: { label: string; url: string }[],
  lang: Lang,
): Email {
  return composeEmail(
    `[Kræftkapacitet] ${subject}`,
    paragraphs,
    links,
    translator(lang)('followMail.footer'),
    lang,
  );
}

export function verificationReminderEmail(args: {
  name: string;
  contacts: Contact[];
  months: number;
  confirmUrl: string;
  listUrl: string;
  lang?: Lang;
}): Email {
  const lang = args.lang ?? 'da';
  const tr = translator(lang);
  const lines = args.contacts.map((c) =>
    tr('followMail.verify.line', {
      name: c.name,
      title: c.title,
      email: c.email,
      phone: c.phone,
      date: formatDate(c.verifiedAt, lang),
    }),
  );
  const count = args.contacts.length;
  return compose(
    count === 1 ? tr('followMail.verify.subject.one') : tr('followMail.verify.subject.many', { count }),
    [
      tr('mail.greeting', { name: args.name }),
      tr('followMail.verify.intro', { months: args.months }),
      lines.join('\n'),
      tr('followMail.verify.ask'),
    ],
    [
      { label: tr('followMail.verify.confirm'), url: args.confirmUrl },
      { label: tr('followMail.verify.edit'), url: args.listUrl },
    ],
    lang,
  );
}

/** Patients offered referral elsewhere in the quarter, all regions together, by destination. */
function referralLine(figures: ReferralFigures | null | undefined, lang: Lang): string {
  const tr = translator(lang);
  if (!figures) return tr('followMail.quarterly.referralsNoData');
  const offered = DESTINATIONS.reduce((sum, d) => sum + figures.national[d].offered, 0);
  const accepted = DESTINATIONS.reduce((sum, d) => sum + figures.national[d].accepted, 0);
  const destinations = DESTINATIONS.filter((d) => figures.national[d].offered > 0).map((d) =>
    tr('followMail.quarterly.referralDestination', {
      destination: DESTINATION_LIST.label(d, lang).toLowerCase(),
      tally: tallyText(figures.national[d], lang),
    }),
  );
  return tr('followMail.quarterly.referrals', {
    offered,
    accepted,
    destinations: destinations.length ? ` (${destinations.join(', ')})` : '',
  });
}

export function quarterlyStatusSummary(s: QuarterlyStatus, lang: Lang = 'da'): string[] {
  const tr = translator(lang);
  const cancer = (id: string) => cancerTypeLabel(id, lang);
  const region = (id: string) => regionLabel(id, lang);
  const median =
    s.medianResolutionDays === null
      ? tr('followMail.quarterly.noResolved')
      : tr('followMail.quarterly.medianDays', {
          days: lang === 'da' ? String(s.medianResolutionDays).replace('.', ',') : s.medianResolutionDays,
        });
  const national = s.monitoring?.national;
  return [
    tr('followMail.quarterly.cases', { opened: s.opened, resolved: s.resolved }),
    tr('followMail.quarterly.median', { median }),
    tr('followMail.quarterly.byLevel', {
      l1: s.openedByLevel['1'],
      l2: s.openedByLevel['2'],
      l3: s.openedByLevel['3'],
      l4: s.openedByLevel['4'],
    }),
    ...s.rows.map((r) =>
      tr('followMail.quarterly.row', {
        cancerType: cancer(r.cancerType),
        region: region(r.region),
        opened: r.opened,
        resolved: r.resolved,
        level: r.highestLevel,
      }),
    ),
    s.networks
      ? tr('followMail.quarterly.networks', {
          active: s.networks.active.length,
          standby: s.networks.standby.length,
        })
      : tr('followMail.quarterly.networksNoData'),
    tr('followMail.quarterly.pressure', {
      list: s.weekly
        ? s.weekly.sustainedPressure.map((p) => cancer(p.cancerType)).join(', ') || tr('followMail.none')
        : tr('followMail.noData'),
    }),
    s.monitoring && national
      ? tr('followMail.quarterly.monitoring', {
          share: formatPercent(national.within + national.compliedExceeded.total, national.pathways, lang),
          pathways: formatCount(national.pathways, lang),
          notComplied: national.notComplied,
          areas:
            s.monitoring.pressure
              .map((a) =>
                tr('followMail.quarterly.area', {
                  cancerType: cancer(a.cancerType),
                  region: region(a.region),
                }),
              )
              .join(', ') || tr('followMail.none'),
        })
      : tr('followMail.quarterly.monitoringNoData'),
    referralLine(s.referrals, lang),
    ...(s.holiday ?? []).map((h) =>
      tr('followMail.quarterly.holiday', {
        name: h.name,
        weeks: h.weeks
          .filter((w) => !w.baseline)
          .map((w) => `${w.week} ${w.plannedShare ?? '–'} %`)
          .join(', '),
      }),
    ),
    tr('followMail.quarterly.overdueContacts', { count: s.overdueContacts.length }),
  ];
}

export function quarterlyStatusEmail(
  s: QuarterlyStatus,
  name: string,
  url: string,
  lang: Lang = 'da',
): Email {
  const tr = translator(lang);
  const quarter = quarterLabel(s.quarter, lang);
  return compose(
    tr('followMail.quarterly.subject', { quarter }),
    [
      tr('mail.greeting', { name }),
      tr('followMail.quarterly.intro', { quarter }),
      quarterlyStatusSummary(s, lang).join('\n'),
    ],
    [{ label: tr('followMail.quarterly.link'), url }],
    lang,
  );
}

export function actionReminderEmail(args: {
  cancerType: string;
  meetingDate: string;
  action: MeetingAction;
  url: string;
  lang?: Lang;
}): Email {
  const lang = args.lang ?? 'da';
  const tr = translator(lang);
  const cancerType = cancerTypeLabel(args.cancerType, lang);
  const due = formatDate(args.action.due, lang);
  return compose(
    tr('followMail.action.subject', { due, cancerType }),
    [
      tr('followMail.action.intro', {
        cancerType: cancerType.toLowerCase(),
        date: formatDate(args.meetingDate, lang),
      }),
      args.action.text,
      tr('followMail.action.due', { due }),
    ],
    [{ label: tr('followMail.action.link'), url: args.url }],
    lang,
  );
}

export function danskeRegionerEmail(args: {
  name: string;
  network: Network;
  openProblems: Problem[];
  from: Person;
  url: string;
  lang?: Lang;
}): Email {
  const lang = args.lang ?? 'da';
  const tr = translator(lang);
  const cancerType = cancerTypeLabel(args.network.cancerType, lang).toLowerCase();
  const last = args.network.history.at(-1);
  const problems = args.openProblems.map(
    (p) =>
      `\n${tr('followMail.inform.problem', { ref: p.ref, region: regionLabel(p.region, lang), level: p.level, patients: p.patientsAtRisk })}`,
  );
  return compose(
    tr('followMail.inform.subject', { cancerType }),
    [
      tr('mail.greeting', { name: args.name }),
      tr('followMail.inform.intro', { from: args.from.name, cancerType }),
      tr('followMail.inform.state', {
        state: tr(args.network.state === 'active' ? 'followMail.inform.active' : 'followMail.inform.standby'),
        since: last
          ? tr('followMail.inform.since', {
              date: formatDate(last.at, lang),
              reason: readStored({ text: last.reason, phrase: last.reasonPhrase }, lang),
            })
          : '',
      }),
      `${tr('followMail.inform.open', { count: args.openProblems.length })}${problems.join('')}`,
      tr('followMail.inform.meetings', { count: args.network.meetings.length }),
    ],
    [{ label: tr('followMail.inform.link'), url: args.url }],
    lang,
  );
}

export function providerVerificationEmail(args: {
  name: string;
  providers: ExternalProvider[];
  months: number;
  confirmUrl: string;
  listUrl: string;
  lang?: Lang;
}): Email {
  const lang = args.lang ?? 'da';
  const tr = translator(lang);
  const lines = args.providers.map((p) =>
    tr('followMail.providerVerify.line', {
      name: p.name,
      country: p.country,
      contact: `${p.contactName}, ${p.contactEmail}, ${p.contactPhone}`,
      agreement: validityText(p, lang),
      date: formatDate(providerVerifiedAt(p), lang),
    }),
  );
  const count = args.providers.length;
  return compose(
    count === 1
      ? tr('followMail.providerVerify.subject.one')
      : tr('followMail.providerVerify.subject.many', { count }),
    [
      tr('mail.greeting', { name: args.name }),
      tr('followMail.providerVerify.intro', { months: args.months }),
      lines.join('\n'),
      tr('followMail.providerVerify.ask'),
    ],
    [
      { label: tr('followMail.providerVerify.confirm'), url: args.confirmUrl },
      { label: tr('followMail.providerVerify.edit'), url: args.listUrl },
    ],
    lang,
  );
}
