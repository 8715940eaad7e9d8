/** Who is acting: a signed-in person, an API client, or the recipient of an e-mail link. */
import type { Person } from '#domain/problem.ts';
import type { Phrase } from '#web/i18n/phrase.ts';
import type { User } from './auth.ts';

export interface Actor extends User {
  via: 'session' | 'token' | 'link';
}

export function asPerson(actor: Pick<User, 'email' | 'name' | 'role'>): Person {
  return { email: actor.email, name: actor.name, role: actor.role };
}

/**
 * An error a person reads. It carries a phrase, worded by the HTTP layer in the language of the
 * request that met it; `message` is the phrase's key (the logs: a service knows no texts, so a
 * job's bundle carries no page catalogue).
 */
export class PhrasedError extends Error {
  constructor(readonly phrase: Phrase) {
    super(phrase.key);
    this.name = 'PhrasedError';
  }
}

export class ForbiddenError extends PhrasedError {
  constructor(phrase: Phrase) {
    super(phrase);
    this.name = 'ForbiddenError';
  }
}

export class NotFoundError extends PhrasedError {
  constructor(phrase: Phrase) {
    super(phrase);
    this.name = 'NotFoundError';
  }
}
