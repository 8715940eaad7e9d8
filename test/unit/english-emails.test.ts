/**
 * The weekly-exchange and follow-up e-mails in each contact's own language: a contact whose
 * preferred language is English gets an English subject and body; everyone else Danish.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Network } from '../../functions/domain/networks.ts';
import { buildQuarterlyStatus } from '../../functions/domain/quarterly.ts';
import type { Contact } from '../../functions/domain/reference.ts';
import { referralFigures } from '../../functions/domain/referrals.ts';
import {
  DEFAULT_DEADLINE as DEADLINE,
  escalationProposal,
  type WeeklyReport,
} from '../../functions/domain/weekly.ts';
import { buildCancerOverview } from '../../functions/services/weekly.ts';
import {
  actionReminderEmail,
  danskeRegionerEmail,
  quarterlyStatusEmail,
  verificationReminderEmail,
} from '../../functions/web/followup-emails.ts';
import {
  weeklyOverviewEmail,
  weeklyProposalEmail,
  weeklyReminderEmail,
} from '../../functions/web/weekly-emails.ts';

beforeAll(() => {
  // Vite sets BASE_URL to '/'; the links in the mails want the app's address.
  Object.assign(process.env, { BASE_URL: 'http://localhost:3000' });
});

function report(week: string, values: Partial<WeeklyReport> = {}): WeeklyReport {
  return {
    departmentId: 'suh-brystkirurgi',
    cancerType: 'brystkraeft',
    week,
    region: 'sjaelland',
    udredningDays: 20,
    treatmentDays: { kirurgi: 16 },
    diagnosticDays: {},
    spareCapacity: 1,
    comment: '',
    submittedAt: '2026-11-16T09:00:00.000Z',
    submittedBy: 'test@example.dk',
    ...values,
  };
}

describe('the weekly e-mails', () => {
  const reminder = (lang: 'da' | 'en' | undefined, now: string) =>
    weeklyReminderEmail({
      recipientName: 'Mette Holm',
      departmentId: 'suh-brystkirurgi',
      week: '2026-W47',
      now: new Date(now),
      deadline: DEADLINE,
      lang,
    });

  it('remind in English when the contact prefers English, in Danish otherwise', () => {
    const english = reminder('en', '2026-11-16T08:00:00Z');
    expect(english.subject).toBe(
      '[Kræftkapacitet] Reminder: weekly report for week 47 2026 – Brystkirurgisk Afdeling, Sjællands Universitetshospital',
    );
    expect(english.text).toContain('Dear Mette Holm');
    expect(english.text).toContain('Remember to report expected waiting times');
    expect(english.html).toContain('<html lang="en">');
    const danish = reminder(undefined, '2026-11-16T08:00:00Z');
    expect(danish.subject).toContain('Påmindelse om ugerapport for uge 47 2026');
    expect(danish.text).toContain('Kære Mette Holm');
  });

  it('say in English when the report is overdue', () => {
    const late = reminder('en', '2026-11-18T08:00:00Z');
    expect(late.subject).toContain('Overdue weekly report for week 47 2026');
    expect(late.text).toContain('was due by');
  });

  it('send the overview in English, with English pathways, pressure and status', () => {
    const overview = buildCancerOverview(
      'brystkraeft',
      [report('2026-W46'), report('2026-W47')],
      ['2026-W46', '2026-W47'],
      new Date('2026-11-18T08:00:00Z'),
      DEADLINE,
    );
    const english = weeklyOverviewEmail(overview, 'en');
    expect(english.subject).toBe('[Kræftkapacitet] Weekly overview for week 47 2026: Breast cancer');
    expect(english.text).toContain('Maximum waiting times: 14 days to udredning (diagnostic work-up)');
    expect(english.text).toContain('diagnostic work-up (udredning) 20 days (!) (±0), surgery 16 days (!)');
    expect(english.text).toContain('spare capacity 1 patient – over the maximum.');
    expect(english.text).toContain('OVERDUE');
    expect(english.text).not.toMatch(/dage|ledig kapacitet|Forsinket/);
    const danish = weeklyOverviewEmail(overview, 'da');
    expect(danish.text).toContain('kirurgi 16 dage (!)');
    expect(danish.text).toContain('ledig kapacitet 1 patient – over maksimum.');
  });

  it('propose a capacity problem in English', () => {
    const proposal = escalationProposal(
      [report('2026-W46'), report('2026-W47')],
      'suh-brystkirurgi',
      'brystkraeft',
      '2026-W47',
    );
    if (!proposal) throw new Error('expected a proposal');
    const english = weeklyProposalEmail(proposal, 'en');
    expect(english.subject).toContain('Proposal to report a capacity problem – Breast cancer');
    expect(english.text).toContain('The weekly reports for week 46 2026, week 47 2026 show waiting times');
    expect(english.text).toContain('over the maximum for 2 weeks in a row');
    expect(weeklyProposalEmail(proposal).text).toContain('over maksimum i 2 uger i træk');
  });
});

const contact = (id: string): Contact => ({
  id,
  role: 'department',
  name: 'Mette Holm',
  title: 'Koordinator',
  email: `${id}@example.dk`,
  phone: '+45 12 34 56 78',
  cancerTypes: [],
  modalities: [],
  maintainer: 'sekretariat@example.dk',
  verifiedAt: '2026-01-15',
});

describe('the follow-up e-mails', () => {
  it('ask for verification in English', () => {
    const mail = verificationReminderEmail({
      name: 'Sekretariatet',
      contacts: [contact('a'), contact('b')],
      months: 6,
      confirmUrl: 'http://localhost/bekraeft/x',
      listUrl: 'http://localhost/kontakter',
      lang: 'en',
    });
    expect(mail.subject).toBe('[Kræftkapacitet] Confirm 2 contact entries');
    expect(mail.text).toContain('not been confirmed for more than 6 months');
    expect(mail.text).toContain('(last confirmed 15 January 2026)');
    expect(mail.text).toContain('Confirm the contact entries');
  });

  it('send the quarterly status in English', () => {
    const status = buildQuarterlyStatus({
      quarter: '2026-Q3',
      problems: [],
      contacts: [],
      preparedAt: new Date('2026-10-10T05:00:00Z'),
      verifyMonths: 6,
    });
    const english = quarterlyStatusEmail(status, 'Direktør', 'http://localhost/kvartalsstatus/2026-Q3', 'en');
    expect(english.subject).toBe('[Kræftkapacitet] Quarterly status for Q3 2026');
    expect(english.text).toContain('Problems opened: 0. Problems resolved: 0.');
    expect(english.text).toContain('Median time to resolution: no resolved problems.');
    expect(english.text).toContain('See the whole quarterly status');
    const danish = quarterlyStatusEmail(status, 'Direktør', 'http://localhost/kvartalsstatus/2026-Q3');
    expect(danish.subject).toBe('[Kræftkapacitet] Kvartalsstatus for 3. kvartal 2026');
  });

  it('count the patients offered referral elsewhere in the quarterly status, in both languages', () => {
    const week = (region: 'sjaelland' | 'nordjylland', offered: number, accepted: number) => ({
      region,
      week: '2026-W30',
      counts: [
        { cancerType: 'brystkraeft', destination: 'udland' as const, offered, accepted },
        { cancerType: 'brystkraeft', destination: 'anden-region' as const, offered: 2, accepted: 2 },
      ],
      submittedAt: '2026-07-25T10:00:00Z',
      submittedBy: 'x@example.dk',
    });
    const base = {
      quarter: '2026-Q3',
      problems: [],
      contacts: [],
      preparedAt: new Date('2026-10-10T05:00:00Z'),
      verifyMonths: 6,
    };
    const status = buildQuarterlyStatus({
      ...base,
      referrals: referralFigures([week('sjaelland', 4, 3), week('nordjylland', 1, 0)]),
    });
    const url = 'http://localhost/kvartalsstatus/2026-Q3';
    expect(quarterlyStatusEmail(status, 'Direktør', url).text).toContain(
      'Henvisning andetsteds: 9 patienter tilbudt, 7 takket ja (anden region 4 af 4, udlandet 3 af 5).',
    );
    expect(quarterlyStatusEmail(status, 'Director', url, 'en').text).toContain(
      'Referral elsewhere: 9 patients offered, 7 accepted (another region 4 of 4, abroad 3 of 5).',
    );
    expect(quarterlyStatusEmail(buildQuarterlyStatus(base), 'Direktør', url).text).toContain(
      'Henvisning andetsteds: ingen data.',
    );
  });

  const network: Network = {
    cancerType: 'brystkraeft',
    state: 'active',
    history: [
      {
        state: 'active',
        at: '2026-11-02T10:00:00Z',
        who: { email: 'system', name: 'System', role: 'system' },
        reason: 'Niveau 4 nået',
        source: 'automatic',
      },
    ],
    members: [],
    meetings: [],
    informed: [],
    version: 1,
  } as unknown as Network;

  it("remind an action's owner in English", () => {
    const mail = actionReminderEmail({
      cancerType: 'brystkraeft',
      meetingDate: '2026-11-20',
      action: {
        id: 'a1',
        text: 'Review the theatre schedule',
        owner: 'x@example.dk',
        due: '2026-12-04',
        done: false,
      },
      url: 'http://localhost/netvaerk/brystkraeft',
      lang: 'en',
    } as Parameters<typeof actionReminderEmail>[0]);
    expect(mail.subject).toBe('[Kræftkapacitet] Action due 4 December 2026: Breast cancer');
    expect(mail.text).toContain('the national network for breast cancer agreed on an action');
  });

  it('inform Danske Regioner in English', () => {
    const mail = danskeRegionerEmail({
      name: 'Danske Regioner',
      network,
      openProblems: [],
      from: { email: 'k@example.dk', name: 'Klaus Friis', role: 'network' },
      url: 'http://localhost/netvaerk/brystkraeft',
      lang: 'en',
    } as Parameters<typeof danskeRegionerEmail>[0]);
    expect(mail.subject).toBe(
      '[Kræftkapacitet] For your information: the national network for breast cancer',
    );
    expect(mail.text).toContain("The network's status: active since 2 November 2026");
    expect(mail.text).toContain('Open problems: 0.');
  });
});
