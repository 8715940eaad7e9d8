import { describe, expect, it } from 'vitest';
import type { Level } from '../../functions/domain/ladder.ts';
import type { Problem } from '../../functions/domain/problem.ts';
import { type Recipient, recipientsFor } from '../../functions/domain/recipients.ts';
import { type Contact, REGION_IDS, referenceData } from '../../functions/domain/reference.ts';
import { BREAST_SURGERY_REPORT } from '../fixtures.ts';

const OWN_HOSPITAL = 'sjaellands-universitetshospital';
const REPORTER_EMAIL = 'mette.holm@regionsjaelland.example';
const SECRETARIAT = ['specialenheden'];
const DIRECTORS = REGION_IDS.map((region) => `sundhedsdirektoer-${region}`).sort();

/** A breast-surgery problem reported by Mette Holm at Sjællands Universitetshospital. */
function breastSurgeryProblem(overrides: Partial<Problem> = {}): Problem {
  return {
    id: '01JD0000000000000000000000',
    ref: 'KK-2026-0001',
    status: 'open',
    ...BREAST_SURGERY_REPORT,
    description: 'To kirurger er sygemeldt.',
    hospital: OWN_HOSPITAL,
    region: 'sjaelland',
    entryLevel: 1,
    level: 1,
    levelSince: '2026-11-16T09:00:00.000Z',
    round: 0,
    deadline: '2026-11-18T09:00:00.000Z',
    reportedBy: { email: REPORTER_EMAIL, name: 'Mette Holm', role: 'department' },
    createdAt: '2026-11-16T09:00:00.000Z',
    updatedAt: '2026-11-16T09:00:00.000Z',
    offeredPatients: 0,
    workflow: { state: 'started', executionId: 'exec-1', attempts: 1, generation: 1 },
    version: 1,
    ...overrides,
  };
}

const contacts = (): Contact[] => referenceData().contacts;

const ids = (recipients: Recipient[], kind: Recipient['kind']) =>
  recipients
    .filter((r) => r.kind === kind)
    .map((r) => r.contactId)
    .sort();

/** Department coordinators (from the reference data) whose department at another hospital fits. */
function coordinatorsOfOtherDepartments(fits: (department: { modalities: string[] }) => boolean): string[] {
  const { departments } = referenceData();
  const fitting = new Set(
    departments
      .filter((d) => d.hospital !== OWN_HOSPITAL && d.cancerTypes.includes('brystkraeft') && fits(d))
      .map((d) => d.id),
  );
  return contacts()
    .filter((c) => c.role === 'department' && c.department !== undefined && fitting.has(c.department))
    .map((c) => c.id)
    .sort();
}

describe('recipientsFor: who is contacted at each level of the ladder', () => {
  describe('level 1 — hospital', () => {
    it('asks the breast-surgery departments at the other hospitals, in every region', () => {
      const recipients = recipientsFor(1, breastSurgeryProblem(), contacts());

      const action = ids(recipients, 'action');
      expect(action).toEqual(coordinatorsOfOtherDepartments((d) => d.modalities.includes('kirurgi')));
      expect(action).toEqual(
        expect.arrayContaining([
          'nsr-brystkirurgi-koordinator', // another hospital in the same region
          'rh-brystkirurgi-koordinator',
          'ouh-brystkirurgi-koordinator',
          'auh-brystkirurgi-koordinator',
          'aauh-brystkirurgi-koordinator',
        ]),
      );
      expect(recipients.filter((r) => r.kind === 'action').every((r) => r.role === 'department')).toBe(true);
    });

    it('does not ask departments that cannot do the affected treatment (oncology for a surgery problem)', () => {
      const recipients = recipientsFor(1, breastSurgeryProblem(), contacts());

      expect(ids(recipients, 'action')).not.toContain('rh-onkologi-koordinator');
      expect(ids(recipients, 'action')).not.toContain('ouh-onkologi-koordinator');
    });

    it('asks the oncology departments at the other hospitals when medical treatment is affected', () => {
      const problem = breastSurgeryProblem({ departmentId: 'suh-onkologi', modalities: ['medicinsk'] });

      const recipients = recipientsFor(1, problem, contacts());

      expect(ids(recipients, 'action')).toEqual(
        coordinatorsOfOtherDepartments((d) => d.modalities.includes('medicinsk')),
      );
      expect(ids(recipients, 'action')).toContain('rh-onkologi-koordinator');
      expect(ids(recipients, 'action')).not.toContain('suh-onkologi-koordinator');
    });

    it("never asks any department at the reporter's own hospital", () => {
      const recipients = recipientsFor(1, breastSurgeryProblem(), contacts());

      const ownDepartments = recipients.filter((r) => r.role === 'department' && r.hospital === OWN_HOSPITAL);
      expect(ownDepartments).toEqual([]);
    });

    it("informs only the reporter's own hospital management", () => {
      const recipients = recipientsFor(1, breastSurgeryProblem(), contacts());

      expect(ids(recipients, 'informed')).toEqual(['suh-hospitalsledelse']);
    });
  });

  describe('level 2 — region', () => {
    it("asks each region's primærindgang for breast surgery, in all five regions", () => {
      const recipients = recipientsFor(2, breastSurgeryProblem(), contacts());

      const action = recipients.filter((r) => r.kind === 'action');
      expect(action.map((r) => r.contactId).sort()).toEqual(
        REGION_IDS.map((region) => `primaer-${region}-bryst-kirurgi`).sort(),
      );
      expect(action.every((r) => r.role === 'primary')).toBe(true);
      expect(new Set(action.map((r) => r.region))).toEqual(new Set(REGION_IDS));
    });

    it('informs the five health directors', () => {
      const recipients = recipientsFor(2, breastSurgeryProblem(), contacts());

      expect(ids(recipients, 'informed')).toEqual(DIRECTORS);
    });
  });

  describe('level 3 — sundhedsdirektørkredsen', () => {
    it('asks the five health directors and informs Specialenheden', () => {
      const recipients = recipientsFor(3, breastSurgeryProblem(), contacts());

      expect(ids(recipients, 'action')).toEqual(DIRECTORS);
      expect(ids(recipients, 'informed')).toEqual(SECRETARIAT);
    });
  });

  describe('level 4 — national network', () => {
    it('asks the breast-cancer network across all regions and informs Specialenheden', () => {
      const recipients = recipientsFor(4, breastSurgeryProblem(), contacts());

      const action = recipients.filter((r) => r.kind === 'action');
      expect(action.map((r) => r.contactId).sort()).toEqual(
        REGION_IDS.map((region) => `netvaerk-bryst-${region}`).sort(),
      );
      expect(new Set(action.map((r) => r.region))).toEqual(new Set(REGION_IDS));
      expect(ids(recipients, 'informed')).toEqual(SECRETARIAT);
    });

    it('does not involve the networks for other cancer types', () => {
      const recipients = recipientsFor(4, breastSurgeryProblem(), contacts());

      expect(recipients.some((r) => r.contactId.startsWith('netvaerk-lunge-'))).toBe(false);
    });
  });

  describe('at every level', () => {
    const levels: Level[] = [1, 2, 3, 4];

    it.each(levels)('sends each person at most one e-mail (level %i)', (level) => {
      const recipients = recipientsFor(level, breastSurgeryProblem(), contacts());

      const emails = recipients.map((r) => r.email);
      expect(recipients.length).toBeGreaterThan(0);
      expect(new Set(emails).size).toBe(emails.length);
    });

    it.each(levels)('never sends the reporter an escalation (level %i)', (level) => {
      const recipients = recipientsFor(level, breastSurgeryProblem(), contacts());

      expect(recipients.map((r) => r.email)).not.toContain(REPORTER_EMAIL);
    });

    it('leaves out a reporter who would otherwise be asked (a network member reporting)', () => {
      const reporter = {
        email: 'lene.noergaard@regionsjaelland.example',
        name: 'Lene Nørgaard',
        role: 'network',
      };
      const problem = breastSurgeryProblem({ reportedBy: reporter });

      const recipients = recipientsFor(4, problem, contacts());

      expect(recipients.map((r) => r.email)).not.toContain(reporter.email);
      expect(ids(recipients, 'action')).toHaveLength(4);
    });

    it('asks (rather than merely informs) a person listed in both an action and an informed role', () => {
      const director = contacts().find((c) => c.id === 'sundhedsdirektoer-hovedstaden');
      const secretariatEntry = contacts().find((c) => c.id === 'specialenheden');
      if (!director || !secretariatEntry) throw new Error('reference data lacks the expected contacts');
      const doubleListed: Contact = {
        ...secretariatEntry,
        id: 'specialenheden-ekstra',
        email: director.email,
      };

      const recipients = recipientsFor(3, breastSurgeryProblem(), [...contacts(), doubleListed]);

      const forDirector = recipients.filter((r) => r.email === director.email);
      expect(forDirector).toHaveLength(1);
      expect(forDirector[0]?.kind).toBe('action');
    });
  });
});
