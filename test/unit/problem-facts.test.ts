import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../functions/domain/contact-csv.ts';
import type { Problem } from '../../functions/domain/problem.ts';
import { problemsToCsv, reportFacts, stateFacts } from '../../functions/domain/problem-facts.ts';
import { escalationEmail, receiptEmail } from '../../functions/web/emails.ts';
import { escapeHtml } from '../../functions/web/html.ts';
import { summary } from '../../functions/web/views/problem-page.ts';
import { BREAST_SURGERY_REPORT } from '../fixtures.ts';

const problem: Problem = {
  ...BREAST_SURGERY_REPORT,
  pathwayTypes: ['udredning', 'behandling'],
  modalities: ['kirurgi', 'straalebehandling'],
  longLasting: true,
  id: '6435VRXXZ3',
  ref: 'KK-6435-VRXX',
  status: 'open',
  hospital: 'suh',
  region: 'sjaelland',
  entryLevel: 1,
  level: 2,
  round: 0,
  deadline: '2026-12-04T11:00:00.000Z',
  reportedBy: { email: 'mette.holm@regionsjaelland.example', name: 'Mette Holm', role: 'department' },
  createdAt: '2026-11-30T09:15:00.000Z',
  updatedAt: '2026-11-30T09:15:00.000Z',
  offeredPatients: 3,
  workflow: { state: 'started', attempts: 1, generation: 1 },
  version: 3,
};

describe("a problem's facts, described once", () => {
  it('names every affected pathway with its modalities, in both languages', () => {
    const affected = reportFacts(problem).find((f) => f.id === 'affected');

    expect(affected?.value).toEqual({
      da: 'Udredning, Behandling (kirurgi, strålebehandling)',
      en: 'Diagnostic work-up (udredning), Treatment (surgery, radiotherapy)',
    });
  });

  it('says the expected end (`until`) as one meaning, distinct from long-lasting', () => {
    const period = reportFacts(problem).find((f) => f.id === 'period');

    expect(period?.value.da).toBe(
      'Fra 16. november 2026, forventes at vare til 31. december 2026 – forventes længerevarende',
    );
    expect(period?.value.en).toBe(
      'From 16 November 2026, expected to last until 31 December 2026 – expected to be long-lasting',
    );
  });

  it('shows every fact with a value on the page, in the e-mails and in the CSV', () => {
    const page = String(summary(problem));
    const mail = receiptEmail(problem, 'Mette Holm', 'https://x/svar/t');
    const escalation = escalationEmail({
      problem,
      recipient: {
        contactId: 'hanne',
        email: 'a@b.example',
        name: 'Hanne Lund',
        role: 'department',
        kind: 'action',
      },
      level: 1,
      round: 0,
      deadline: new Date('2026-12-04T11:00:00Z'),
      respondUrl: 'https://x/svar/u',
    });
    const [header, row] = parseCsv(problemsToCsv([problem]), ';');

    for (const fact of reportFacts(problem)) {
      expect(page).toContain(escapeHtml(fact.label.da));
      expect(page).toContain(escapeHtml(fact.value.da));
      expect(mail.text).toContain(`${fact.label.da}: ${fact.value.da}`);
      expect(escalation.text).toContain(`${fact.label.da}: ${fact.value.da}`);
      expect(row?.[header?.indexOf(fact.label.da) ?? -1]).toBe(fact.value.da);
    }
    for (const fact of stateFacts(problem).filter((f) => f.value.da !== '' && f.id !== 'status')) {
      expect(page).toContain(escapeHtml(fact.value.da));
      expect(row).toContain(fact.value.da);
    }
  });

  it('exports the facts as CSV in English too', () => {
    const [header, row] = parseCsv(problemsToCsv([{ ...problem, status: 'resolved' }], 'en'), ';');

    expect(header).toContain('Cancer type');
    expect(row?.[header?.indexOf('Cancer type') ?? -1]).toBe('Breast cancer');
    expect(row?.[header?.indexOf('Status') ?? -1]).toBe('Resolved');
  });
});
