/** Names of the weekly exchange's states in a language, shared by its pages and e-mails. */
import type { Pressure, ReportStatus } from '#domain/weekly.ts';
import { type Lang, type MailKey, t } from './i18n/mail.ts';

const PRESSURE_KEYS = {
  ok: 'weekly.pressure.ok',
  tight: 'weekly.pressure.tight',
  over: 'weekly.pressure.over',
  severe: 'weekly.pressure.severe',
  missing: 'weekly.pressure.missing',
} as const satisfies Record<Pressure, MailKey>;

const STATUS_KEYS = {
  reported: 'weekly.reportStatus.reported',
  pending: 'weekly.reportStatus.pending',
  overdue: 'weekly.reportStatus.overdue',
} as const satisfies Record<ReportStatus, MailKey>;

/** How hard a department or region is pressed: "Over maksimum" / "Over the maximum". */
export function pressureLabel(pressure: Pressure, lang: Lang = 'da'): string {
  return t(lang, PRESSURE_KEYS[pressure]);
}

/** Whether this week's report is in: "Indberettet", "Afventer", "Forsinket". */
export function reportStatusLabel(status: ReportStatus, lang: Lang = 'da'): string {
  return t(lang, STATUS_KEYS[status]);
}
