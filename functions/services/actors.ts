/** Who is acting: a signed-in person, an API client, or the recipient of an e-mail link. */
import type { Person } from '#domain/problem.ts';
import type { User } from './auth.ts';

export interface Actor extends User {
  via: 'session' | 'token' | 'link';
}

export function asPerson(actor: Pick<User, 'email' | 'name' | 'role'>): Person {
  return { email: actor.email, name: actor.name, role: actor.role };
}

export class ForbiddenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}
