/** The e-mails of the yearly capacity check, in the recipient's language (texts in i18n/). */
import { config } from '#adapters/config.ts';
import { type CapacityCheck, type SpecialisedFunction, totalOf } from '#domain/capacity-check.ts';
import { type Contact, findDepartment, regionLabel } from '#domain/reference.ts';
import { formatDate } from '#domain/time.ts';
import type { CheckView } from '../services/capacity-check.ts';
import { composeEmail, type Email } from './emails.ts';
import { type Lang, translator } from './i18n/mail.ts';

export function functionName(fn: Pick<SpecialisedFunction, 'name' | 'nameEn'>, lang: Lang): string {
  return lang === 'en' ? fn.nameEn || fn.name : fn.name;
}

export function capacityCheckAskEmail(args: {
  contact: Contact;
  check: CapacityCheck;
  fn: SpecialisedFunction;
  departmentId: string;
  reminder: boolean;
}): Email {
  const lang = args.contact.language ?? 'da';
  const tr = translator(lang);
  const d = findDepartment(args.departmentId);
  const department = d ? `${d.name}, ${d.hospitalName}` : args.departmentId;
  const fn = functionName(args.fn, lang);
  const year = args.check.year;
  return composeEmail(
    args.reminder
      ? tr('check.mail.reminder.subject', { year, function: fn, department })
      : tr('check.mail.ask.subject', { year, function: fn, department }),
    [
      tr('mail.greeting', { name: args.contact.name }),
      '',
      ...(args.reminder ? [tr('check.mail.reminder.text')] : []),
      tr('check.mail.ask.text', {
        function: fn,
        department,
        year,
        deadline: formatDate(args.check.deadline, lang),
      }),
      tr('check.mail.ask.why'),
    ],
    [
      {
        label: tr('check.mail.ask.link'),
        url: `${config().BASE_URL}/kapacitetstjek/${year}/svar?afdeling=${args.departmentId}&funktion=${args.fn.id}`,
      },
    ],
    tr('check.mail.footer'),
    lang,
  );
}

export function capacityCheckSummaryEmail(args: {
  name: string;
  lang: Lang;
  view: CheckView;
  url: string;
}): Email {
  const { lang, view } = args;
  const tr = translator(lang);
  const names = new Map(view.functions.map((f) => [f.id, functionName(f, lang)]));
  const gaps = view.rows.filter((r) => r.gapQuarters.length > 0);
  const answered = view.statuses.filter((s) => s.answered).length;
  return composeEmail(
    tr('check.mail.summary.subject', { year: view.check.year }),
    [
      tr('mail.greeting', { name: args.name }),
      '',
      tr('check.mail.summary.intro', { year: view.check.year, answered, asked: view.statuses.length }),
      gaps.length === 0
        ? tr('check.mail.summary.noGaps')
        : [
            tr('check.mail.summary.gaps'),
            ...gaps.map(
              (r) =>
                `- ${tr('check.mail.summary.gap', {
                  function: names.get(r.functionId) ?? r.functionId,
                  region: regionLabel(r.region, lang),
                  demand: totalOf(r.demand),
                  capacity: totalOf(r.capacity),
                  quarters: r.gapQuarters.map((q) => `K${q}`).join(', '),
                })}`,
            ),
          ].join('\n'),
    ],
    [{ label: tr('check.mail.summary.link'), url: args.url }],
    tr('check.mail.footer'),
    lang,
  );
}
