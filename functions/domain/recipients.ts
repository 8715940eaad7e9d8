/**
 * Who is contacted at each level of the ladder, from the current contact lists.
 * "action" recipients are asked to respond (acknowledge or offer capacity);
 * "informed" recipients are told, as the agreement says (hospital management, directors).
 */
import type { Level } from './ladder.ts';
import type { Problem } from './problem.ts';
import { type Contact, referenceData } from './reference.ts';

export interface Recipient {
  contactId: string;
  email: string;
  name: string;
  role: Contact['role'];
  kind: 'action' | 'informed';
  /** The language of the recipient's e-mails (the contact's choice; Danish by default). */
  language?: 'da' | 'en';
  region?: string;
  hospital?: string;
  department?: string;
}

function toRecipient(contact: Contact, kind: Recipient['kind']): Recipient {
  return {
    contactId: contact.id,
    email: contact.email,
    name: contact.name,
    role: contact.role,
    kind,
    language: contact.language ?? 'da',
    region: contact.region,
    hospital: contact.hospital,
    department: contact.department,
  };
}

function treatsCancer(contact: Contact, cancerType: string): boolean {
  return contact.cancerTypes.length === 0 || contact.cancerTypes.includes(cancerType);
}

/** The treatment types a problem touches, in the vocabulary of primary entries. */
function affectedTypes(problem: Pick<Problem, 'pathwayTypes' | 'modalities'>): string[] {
  return [...(problem.pathwayTypes.includes('udredning') ? ['udredning'] : []), ...problem.modalities];
}

function departmentMatches(departmentId: string | undefined, problem: Problem): boolean {
  const department = referenceData().departments.find((d) => d.id === departmentId);
  if (!department?.cancerTypes.includes(problem.cancerType)) return false;
  return (
    (problem.pathwayTypes.includes('udredning') && department.udredning) ||
    problem.modalities.some((m) => department.modalities.includes(m))
  );
}

/**
 * The recipients of one level for a problem, de-duplicated by e-mail (an action role wins over
 * an informed one). The reporter's own department is never asked to help itself.
 */
export function recipientsFor(level: Level, problem: Problem, contacts: Contact[]): Recipient[] {
  const picked: Recipient[] = [];
  const types = affectedTypes(problem);
  const add = (list: Contact[], kind: Recipient['kind']) => {
    for (const c of list) picked.push(toRecipient(c, kind));
  };
  const byRole = (role: Contact['role']) => contacts.filter((c) => c.role === role);

  if (level === 1) {
    const others = byRole('department').filter(
      (c) => c.hospital !== problem.hospital && treatsCancer(c, problem.cancerType),
    );
    const matching = others.filter((c) => departmentMatches(c.department, problem));
    add(matching.length > 0 ? matching : others, 'action');
    add(
      byRole('hospital-management').filter((c) => c.hospital === problem.hospital),
      'informed',
    );
  } else if (level === 2) {
    const primaries = byRole('primary').filter((c) => c.cancerTypes.includes(problem.cancerType));
    const matching = primaries.filter(
      (c) => c.modalities.length === 0 || c.modalities.some((m) => types.includes(m)),
    );
    add(matching.length > 0 ? matching : primaries, 'action');
    add(byRole('director'), 'informed');
  } else if (level === 3) {
    add(byRole('director'), 'action');
    add(byRole('secretariat'), 'informed');
  } else {
    add(
      byRole('network').filter((c) => c.cancerTypes.includes(problem.cancerType)),
      'action',
    );
    add(byRole('secretariat'), 'informed');
  }

  const byEmail = new Map<string, Recipient>();
  const reporter = problem.reportedBy.email.toLowerCase();
  for (const r of picked) {
    const email = r.email.toLowerCase();
    if (email === reporter) continue;
    const seen = byEmail.get(email);
    if (!seen || (seen.kind === 'informed' && r.kind === 'action')) byEmail.set(email, { ...r, email });
  }
  return [...byEmail.values()];
}
