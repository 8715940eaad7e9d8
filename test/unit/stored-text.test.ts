/**
 * What the system stores for later readers is read in the reader's language: a timeline entry's
 * reason, an audit summary with its language-dependent values, the secretariat's e-mail about it.
 */
import { describe, expect, it } from 'vitest';
import type { Problem } from '#domain/problem.ts';
import { ladderStoppedEmail, nobodyReachedEmail } from '#web/emails.ts';
import { readStored, storedPhraseText, storedText } from '#web/stored-phrase.ts';
import { eventText, timelineEntry } from '#web/timeline.ts';

/** A problem as the secretariat's e-mails about it read it. */
const PROBLEM = {
  id: 'P1',
  ref: 'KK-0001-AAAA',
  cancerType: 'brystkraeft',
  departmentId: 'suh-brystkirurgi',
  pathwayTypes: ['behandling'],
  modalities: ['kirurgi'],
  patientsAtRisk: 3,
  from: '2026-12-01',
  scope: 'hospital',
  level: 2,
} as unknown as Problem;

describe('a timeline entry saying why nobody was reached', () => {
  const entry = timelineEntry('timeline.nobodyReached', { level: 2 }, { key: 'timeline.why.noRecipients' });

  it('keeps the Danish text older readers know', () => {
    expect(entry.text).toBe(
      'Ingen modtagere nået på niveau 2. Kontaktlisten har ingen modtagere for dette niveau og denne kræftform.',
    );
  });

  it('reads in English, the reason too', () => {
    expect(eventText(entry, 'en')).toBe(
      'No recipients reached at level 2. The contact list has no recipients for this level and this cancer type.',
    );
  });

  it("words the secretariat's e-mail in its language", () => {
    const reason = {
      key: 'timeline.why.othersReached',
      params: { recipient: 'a@x.example', count: 2 },
    } as const;
    const english = nobodyReachedEmail(PROBLEM, 2, reason, 'http://x/p', 'en');
    expect(english.text).toContain(
      'a@x.example could not be reached; 2 other recipients at the level are still contacted.',
    );
    const danish = nobodyReachedEmail(PROBLEM, 2, reason, 'http://x/p', 'da');
    expect(danish.text).toContain(
      'a@x.example kunne ikke nås; 2 andre modtagere på niveauet er stadig kontaktet.',
    );
  });
});

describe("the secretariat's e-mail that a ladder stopped on an error", () => {
  it('reads in English for a contact who chose English, the technical reason as reported', () => {
    const english = ladderStoppedEmail(PROBLEM, 'States.Timeout', 'http://x/p', 'en');
    expect(english.text).toContain('The escalation of KK-0001-AAAA has stopped on an error at level 2');
    expect(english.text).toContain('Error: States.Timeout');
    expect(english.text).not.toContain('Fejl');
  });

  it('reads in Danish by default', () => {
    const danish = ladderStoppedEmail(PROBLEM, 'States.Timeout', 'http://x/p');
    expect(danish.text).toContain('Eskaleringen af KK-0001-AAAA er stoppet af en fejl på niveau 2');
    expect(danish.text).toContain('Fejl: States.Timeout');
  });
});

describe('an audit summary', () => {
  it('formats its values for the reader: changed fields, region, quarter, reference kind', () => {
    const fields = { key: 'trail.updated', params: { fields: 'phone,verifiedAt' } };
    expect(storedText(fields)).toBe('Rettet: telefon, bekræftet.');
    expect(storedPhraseText(fields, 'en')).toBe('Changed: phone, verified.');
    const monitoring = {
      key: 'trail.monitoring.replaced',
      params: { region: 'sjaelland', quarter: '2026-Q3', file: 'x.csv', count: 12 },
    };
    expect(storedPhraseText(monitoring, 'en')).toBe(
      'Monitoring figures for Region Zealand, Q3 2026 replaced from the file "x.csv" (12 pathways).',
    );
    expect(
      storedPhraseText({ key: 'trail.reference.created', params: { kind: 'cancer-type', name: 'X' } }, 'en'),
    ).toBe('Cancer type created: X');
  });

  it('keeps a text stored without a phrase, or with a key no longer known, as written', () => {
    expect(readStored({ text: 'Rettet: telefon.' }, 'en')).toBe('Rettet: telefon.');
    expect(readStored({ text: 'Gammel', phrase: { key: 'trail.gone' } }, 'en')).toBe('Gammel');
  });
});
