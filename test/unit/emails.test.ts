/**
 * The ladder's e-mails as their readers see them: one colon in the subject, nothing to do for
 * those only informed, offers naming department and hospital with a Danish date, one numbering
 * for network reminders, and the contact's own language.
 */
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../functions/domain/problem.ts';
import type { Recipient } from '../../functions/domain/recipients.ts';
import {
  escalationEmail,
  networkReminderText,
  offerEmail,
  offerorText,
  offerText,
  receiptEmail,
} from '../../functions/web/emails.ts';
import { BREAST_SURGERY_REPORT } from '../fixtures.ts';

const problem: Problem = {
  ...BREAST_SURGERY_REPORT,
  id: '6435VRXXZ3',
  ref: 'KK-6435-VRXX',
  status: 'open',
  hospital: 'suh',
  region: 'sjaelland',
  entryLevel: 1,
  level: 1,
  round: 0,
  reportedBy: { email: 'mette.holm@regionsjaelland.example', name: 'Mette Holm', role: 'department' },
  createdAt: '2026-11-30T09:15:00.000Z',
  updatedAt: '2026-11-30T09:15:00.000Z',
  offeredPatients: 0,
  workflow: { state: 'started', attempts: 1, generation: 1 },
  version: 1,
};

const recipient = (kind: Recipient['kind'], language?: 'da' | 'en'): Recipient => ({
  contactId: 'ouh-brystkirurgi-koordinator',
  email: 'klaus.friis@rsyd.example',
  name: 'Klaus Friis',
  role: 'department',
  kind,
  language,
});

const mail = (kind: Recipient['kind'], round = 0, language?: 'da' | 'en') =>
  escalationEmail({
    problem,
    recipient: recipient(kind, language),
    level: round > 0 ? 4 : 1,
    round,
    deadline: new Date('2026-12-04T11:00:00Z'),
    respondUrl: 'http://localhost/svar/x',
  });

describe('the e-mails of the ladder', () => {
  it('have subjects with one colon, naming the case, the cancer type and what is affected', () => {
    const subjects = [
      mail('action').subject,
      mail('informed').subject,
      mail('action', 2).subject,
      receiptEmail(problem, 'Mette Holm', 'http://localhost/svar/y').subject,
    ];
    for (const subject of subjects) expect(subject.split(':')).toHaveLength(2);
    expect(subjects[3]).toBe(
      '[Kræftkapacitet] Kvittering for KK-6435-VRXX: Brystkræft – behandling (kirurgi)',
    );
  });

  it('say "behandling" with the modality, as the reporter chose it', () => {
    expect(mail('action').text).toContain('Berørt: Behandling (kirurgi)');
  });

  it('ask nothing of those only informed: no "kvittér" and no deadline', () => {
    const informed = mail('informed');
    expect(informed.subject).toContain('Orientering om KK-6435-VRXX');
    expect(informed.text).not.toMatch(/kvittér/i);
    expect(informed.text).not.toContain('Svarfrist');
    expect(informed.text).toContain('Se sagen: http://localhost/svar/x');
    const action = mail('action');
    expect(action.text).toContain('Kvittér eller tilbyd kapacitet');
    expect(action.text).toContain('Svarfrist: ');
  });

  it('number network reminders the way the timeline does', () => {
    expect(mail('action', 1).text).toContain('Påmindelse nr. 1 til det nationale netværk: ');
    expect(networkReminderText(1)).toBe('Påmindelse nr. 1 til det nationale netværk');
  });

  it('name the offering department with its hospital, and the date in words', () => {
    const from = offerorText('Klaus Friis', 'ouh-brystkirurgi');
    expect(from).toBe('Klaus Friis (Brystkirurgisk Afdeling, Odense Universitetshospital)');
    const offer = { patients: 3, modality: 'kirurgi' as const, earliest: '2026-12-07', note: '' };
    expect(offerText(offer)).toBe('3 patienter – Kirurgi – fra 7. december 2026.');
    const email = offerEmail(problem, 'Mette Holm', from, offer, 'http://localhost/svar/z');
    expect(email.text).toContain('Odense Universitetshospital');
    expect(email.text).not.toContain('2026-12-07');
  });

  it("are written in the contact's language, English on request, Danish by default", () => {
    const english = mail('action', 0, 'en');
    expect(english.subject).toBe(
      '[Kræftkapacitet] Capacity problem KK-6435-VRXX: Breast cancer – treatment (surgery)',
    );
    expect(english.text).toContain('Dear Klaus Friis');
    expect(english.text).toContain('Deadline for answers: ');
    expect(english.html).toContain('<html lang="en">');
    expect(mail('action').html).toContain('<html lang="da">');
    expect(mail('action').text).toContain('Kære Klaus Friis');
  });
});
