/** The e-mails of the holiday-period plans, in the recipient's language (texts in i18n/). */
import { config } from '#adapters/config.ts';
import type { HolidayProposal } from '#domain/holiday.ts';
import { deadlineEnd, type HolidayPeriod, type WeekAtRisk } from '#domain/holiday.ts';
import { type Contact, cancerTypeLabel, findDepartment, regionLabel } from '#domain/reference.ts';
import { formatDate } from '#domain/time.ts';
import { composeEmail, type Email } from './emails.ts';
import { type Lang, t, translator } from './i18n/mail.ts';

/** `2027-W28` → "uge 28 2027" / "week 28, 2027". */
export function holidayWeekLabel(week: string, lang: Lang): string {
  const [year, w] = week.split('-W');
  return t(lang, 'holiday.week', { week: Number(w), year: year ?? '' });
}

export function periodName(period: Pick<HolidayPeriod, 'name' | 'nameEn'>, lang: Lang): string {
  return lang === 'en' ? period.nameEn || period.name : period.name;
}

export function holidayReminderEmail(args: {
  contact: Contact;
  departmentId: string;
  period: HolidayPeriod;
  now: Date;
}): Email {
  const lang = args.contact.language ?? 'da';
  const tr = translator(lang);
  const d = findDepartment(args.departmentId);
  const department = d ? `${d.name}, ${d.hospitalName}` : args.departmentId;
  const period = periodName(args.period, lang);
  const deadline = formatDate(args.period.deadline, lang);
  const late = args.now.getTime() >= deadlineEnd(args.period).getTime();
  const weeks = `${holidayWeekLabel(args.period.firstWeek, lang)} – ${holidayWeekLabel(args.period.lastWeek, lang)}`;
  return composeEmail(
    late
      ? tr('holiday.mail.reminder.overdueSubject', { period, department })
      : tr('holiday.mail.reminder.subject', { period, department }),
    [
      tr('mail.greeting', { name: args.contact.name }),
      '',
      late
        ? tr('holiday.mail.reminder.overdue', { department, period, deadline })
        : tr('holiday.mail.reminder.text', { department, period, weeks, deadline }),
    ],
    [
      {
        label: tr('holiday.mail.reminder.link'),
        url: `${config().BASE_URL}/ferieplaner/${args.period.id}/plan?afdeling=${args.departmentId}`,
      },
    ],
    tr('holiday.mail.footer'),
    lang,
  );
}

function proposalLine(p: HolidayProposal, lang: Lang): string {
  const wait =
    p.expectedDays === undefined ? '' : t(lang, 'holiday.mail.alert.wait', { days: p.expectedDays });
  return `- ${t(lang, 'holiday.mail.alert.proposal', {
    department: p.departmentName,
    hospital: p.hospitalName,
    region: regionLabel(p.region, lang),
    share: p.share,
  })}${wait}`;
}

export function holidayAlertEmail(args: {
  contact: Contact;
  period: HolidayPeriod;
  risk: WeekAtRisk & { proposals: HolidayProposal[] };
  riskShare: number;
}): Email {
  const lang = args.contact.language ?? 'da';
  const tr = translator(lang);
  const { risk } = args;
  const cancerType = cancerTypeLabel(risk.cancerType, lang);
  const region = regionLabel(risk.region, lang);
  const week = holidayWeekLabel(risk.week, lang);
  const period = periodName(args.period, lang);
  return composeEmail(
    tr('holiday.mail.alert.subject', { cancerType, region, week, period }),
    [
      tr('mail.greeting', { name: args.contact.name }),
      '',
      risk.reason === 'closed'
        ? tr('holiday.mail.alert.closed', { cancerType, region, week })
        : tr('holiday.mail.alert.low', {
            cancerType,
            region,
            week,
            share: risk.share ?? 0,
            riskShare: args.riskShare,
          }),
      tr('holiday.mail.alert.ask'),
      '',
      risk.proposals.length > 0
        ? [
            tr('holiday.mail.alert.proposals'),
            ...risk.proposals.slice(0, 5).map((p) => proposalLine(p, lang)),
          ].join('\n')
        : tr('holiday.proposals.none'),
    ],
    [{ label: tr('holiday.mail.alert.link'), url: `${config().BASE_URL}/ferieplaner/${args.period.id}` }],
    tr('holiday.mail.footer'),
    lang,
  );
}
