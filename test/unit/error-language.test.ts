/**
 * Errors a person reads carry a phrase (a catalogue key and values), worded in the reader's
 * language where answered: no thrown error holds Danish text written out, and the phrases of the
 * services word themselves in both languages.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HttpError } from '#http/types.ts';
import { da } from '#web/i18n/da.ts';
import { phraseText } from '#web/i18n/index.ts';
import { phrase } from '#web/i18n/phrase.ts';
import { localizeErrors, SERVICE_MESSAGE_KEYS } from '#web/validation.ts';
import { ForbiddenError, NotFoundError } from '../../functions/services/actors.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.includes('/i18n/') ? [path] : [];
  });
}

/** Words that give a Danish sentence away (the English ones never use them). */
const DANISH = /[æøåÆØÅ]|\b(ikke|kan|skal|findes|ugyldig\w*|mangler|angiv|vælg)\b/i;

describe('thrown errors', () => {
  it('hold no Danish text written out (they throw a phrase instead)', () => {
    const offenders: string[] = [];
    for (const file of [...sourceFiles('functions'), ...sourceFiles('local')]) {
      const code = readFileSync(file, 'utf8');
      for (const match of code.matchAll(
        /(?:throw new \w+|super)\(\s*(?:\d+,\s*)?(['`"])((?:(?!\1).)*)\1/gs,
      )) {
        if (DANISH.test(match[2] ?? '')) offenders.push(`${file}: ${match[2]}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('carry a phrase worded in Danish, or in English on request', () => {
    const refusal = new ForbiddenError(phrase('error.network.stateForbidden'));
    expect(refusal.message).toBe('error.network.stateForbidden');
    expect(phraseText('da', refusal.phrase)).toBe(
      'Kun sundhedsdirektørkredsen og Specialenheden kan ændre netværkets status.',
    );
    expect(phraseText('en', refusal.phrase)).toBe(
      "Only sundhedsdirektørkredsen and Specialenheden can change the network's status.",
    );
    const missing = new NotFoundError(phrase('error.check.notYourDepartment', { department: 'ouh-kir' }));
    expect(phraseText('en', missing.phrase)).toBe('You cannot answer for the department ouh-kir.');
    const http = new HttpError(413, phrase('error.request.tooLarge', { kb: 256 }));
    expect(http.message).toBe('Indholdet er for stort (højst 256 KB).');
    expect(phraseText('en', http.phrase)).toBe('The content is too large (at most 256 KB).');
  });

  it("word a service's field messages as the service writes them, so the lookup cannot drift", () => {
    const services = sourceFiles('functions/services')
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    for (const key of SERVICE_MESSAGE_KEYS) {
      const fixed = da[key].split(/\{\w+\}/).sort((a, b) => b.length - a.length)[0] ?? '';
      expect(services.includes(fixed), key).toBe(true);
    }
  });

  it("word a service's field messages in English on an English page", () => {
    expect(localizeErrors({ id: 'Id kan ikke ændres.' }, 'en')).toEqual({ id: 'The id cannot be changed.' });
    expect(
      localizeErrors(
        { _form: 'Filen har 1001 kontakter; der kan højst importeres 1000 ad gangen. Del filen op.' },
        'en',
      ),
    ).toEqual({
      _form: 'The file has 1001 contacts; at most 1000 can be imported at a time. Split the file.',
    });
  });
});
