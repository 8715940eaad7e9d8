/** The quarterly status as one `;`-separated CSV (Danish Excel), section by section, in the reader's language. */
import { csvCell } from '#domain/contact-csv.ts';
import { type QuarterlyStatus, quarterLabel } from '#domain/quarterly.ts';
import { cancerTypeLabel, regionLabel } from '#domain/reference.ts';
import { DESTINATION_LIST, DESTINATIONS } from '#domain/referrals.ts';
import { periodName } from './holiday-emails.ts';
import { type Lang, translator } from './i18n/index.ts';

export function quarterlyStatusCsv(s: QuarterlyStatus, lang: Lang = 'da'): string {
  const tr = translator(lang);
  const cancer = (id: string) => cancerTypeLabel(id, lang);
  const region = (id: string) => regionLabel(id, lang);
  const noData = tr('followMail.noData');
  const networks = (ids: string[] | undefined) =>
    ids ? ids.map(cancer).join(', ') || tr('followMail.none') : noData;
  const m = s.monitoring;
  const lines: (string | number)[][] = [
    [tr('quarterlyCsv.title'), quarterLabel(s.quarter, lang)],
    [tr('quarterly.opened'), s.opened],
    [tr('quarterly.resolved'), s.resolved],
    [tr('quarterlyCsv.median'), s.medianResolutionDays ?? noData],
    ...(['1', '2', '3', '4'] as const).map((l) => [
      tr('quarterly.byLevel', { level: l }),
      s.openedByLevel[l],
    ]),
    [],
    [
      tr('quarterly.col.cancerType'),
      tr('quarterly.col.region'),
      tr('quarterly.col.opened'),
      tr('quarterly.col.resolved'),
      tr('quarterly.col.highest'),
    ],
    ...s.rows.map((r) => [cancer(r.cancerType), region(r.region), r.opened, r.resolved, r.highestLevel]),
    [],
    [tr('quarterlyCsv.networksActive'), networks(s.networks?.active)],
    [tr('quarterlyCsv.networksStandby'), networks(s.networks?.standby)],
    [],
    [tr('quarterly.pressure'), s.weekly ? '' : noData],
    ...(s.weekly?.sustainedPressure ?? []).map((p) => [
      cancer(p.cancerType),
      tr('quarterlyCsv.weeks', { weeks: p.weeks }),
    ]),
    [tr('quarterly.compliance'), s.weekly ? '' : noData],
    ...(s.weekly?.compliance ?? []).map((c) => [
      region(c.region),
      tr('quarterly.received', { received: c.received, expected: c.expected }),
    ]),
    [],
    [tr('quarterlyCsv.monitoring'), m ? '' : noData],
    ...(m
      ? [
          [tr('quarterlyCsv.pathways'), m.national.pathways],
          [tr('quarterly.mon.within'), m.national.within],
          [tr('quarterly.mon.complied'), m.national.compliedExceeded.total],
          [tr('quarterly.mon.capacityUdredning'), m.national.compliedExceeded.capacityUdredning],
          [tr('quarterly.mon.capacityBehandling'), m.national.compliedExceeded.capacityBehandling],
          [tr('quarterly.mon.notComplied'), m.national.notComplied],
          [tr('quarterlyCsv.packages'), m.packages.pathways],
          [tr('quarterlyCsv.packagesWithin'), m.packages.withinStandard],
          [tr('quarterlyCsv.areas'), ''],
          ...m.pressure.map((a) => [
            cancer(a.cancerType),
            region(a.region),
            tr('quarterlyCsv.areaCapacity', { count: a.capacityUdredning + a.capacityBehandling }),
            tr('quarterlyCsv.areaNotComplied', { count: a.notComplied }),
          ]),
        ]
      : []),
    ...(s.holiday ?? []).flatMap((e) => [
      [],
      [
        tr('quarterlyCsv.holidayPeriod', { name: periodName(e, lang) }),
        tr('quarterlyCsv.holidayPlans', { received: e.plansReceived, expected: e.plansExpected }),
      ],
      [
        tr('holiday.eval.week'),
        tr('quarterlyCsv.plannedShare'),
        tr('holiday.eval.atRisk'),
        tr('holiday.eval.reports'),
        tr('holiday.eval.spare'),
        tr('holiday.eval.median'),
        tr('holiday.eval.over'),
      ],
      ...e.weeks.map((w) => [
        w.baseline ? tr('holiday.eval.baseline', { week: w.week }) : w.week,
        w.plannedShare ?? '',
        w.baseline ? '' : w.cellsAtRisk,
        w.reports,
        w.spareCapacity,
        w.medianWorstDays ?? '',
        w.overMaximum,
      ]),
    ]),
    [],
    [tr('quarterlyCsv.referrals'), s.referrals ? '' : noData],
    ...(s.referrals
      ? [
          [
            tr('referrals.col.region'),
            ...DESTINATIONS.flatMap((d) => [
              tr('quarterlyCsv.referralOffered', { destination: DESTINATION_LIST.label(d, lang) }),
              tr('referrals.col.accepted'),
            ]),
          ],
          ...s.referrals.regions.map((r) => [
            region(r.region),
            ...DESTINATIONS.flatMap((d) => [r.byDestination[d].offered, r.byDestination[d].accepted]),
          ]),
          [
            tr('referrals.col.national'),
            ...DESTINATIONS.flatMap((d) => [
              s.referrals?.national[d].offered ?? 0,
              s.referrals?.national[d].accepted ?? 0,
            ]),
          ],
        ]
      : []),
    [],
    [tr('quarterlyCsv.overdue'), s.overdueContacts.length],
    ...s.overdueContacts.map((c) => [c.name, c.maintainer, c.verifiedAt]),
  ];
  return `${lines.map((l) => l.map((v) => csvCell(String(v))).join(';')).join('\r\n')}\r\n`;
}
