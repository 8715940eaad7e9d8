/**
 * The catalogues (pages, e-mails) stay in step across the languages, every text is used, and each
 * request gets the language it asked for.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { da } from '#web/i18n/da.ts';
import { en } from '#web/i18n/en.ts';
import { t, translator } from '#web/i18n/index.ts';
import {
  fromAcceptLanguage,
  type LanguageSource,
  languageCookieFor,
  resolveLanguage,
  switchUrl,
} from '#web/i18n/language.ts';
import { t as mailT } from '#web/i18n/mail.ts';
import { mailDa } from '#web/i18n/mail-da.ts';
import { mailEn } from '#web/i18n/mail-en.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.includes('/i18n/') ? [path] : [];
  });
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const CATALOGUES: { name: string; da: Record<string, string>; en: Record<string, string> }[] = [
  { name: 'pages', da, en },
  { name: 'e-mails', da: mailDa, en: mailEn },
];

describe.each(CATALOGUES)('the $name catalogue', ({ da, en }) => {
  it('has the same keys in Danish and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(da).sort());
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of Object.keys(da)) {
      expect(placeholders(en[key] ?? ''), key).toEqual(placeholders(da[key] ?? ''));
    }
  });

  it('has no empty text', () => {
    for (const [key, text] of [...Object.entries(da), ...Object.entries(en)])
      expect(text.trim(), key).not.toBe('');
  });

  it('contains no key that the code never uses', () => {
    const code = [...sourceFiles('functions'), ...sourceFiles('local')]
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const unused = Object.keys(da).filter((key) => !code.includes(`'${key}'`));
    expect(unused).toEqual([]);
  });
});

describe('the catalogues', () => {
  it('share no key, so a page text cannot hide an e-mail text of the same name', () => {
    expect(Object.keys(mailDa).filter((key) => key in da)).toEqual([]);
  });

  it('word each validation message as the domain schema that emits it', () => {
    const domain = sourceFiles('functions/domain')
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const keys = (Object.keys(da) as (keyof typeof da)[]).filter((k) => k.startsWith('validation.'));
    expect(keys.length).toBeGreaterThan(50);
    for (const key of keys) {
      // The longest fixed part of the text (between placeholders) is in a schema, word for word.
      const fixed = da[key].split(/\{\w+\}/).sort((a, b) => b.length - a.length)[0] ?? '';
      expect(domain.includes(fixed), key).toBe(true);
    }
  });

  it('fill placeholders', () => {
    expect(t('da', 'form.errorSummary.many', { count: 3 })).toBe('Der er 3 fejl i formularen');
    expect(translator('en')('form.charCount', { used: 12, max: 2000 })).toBe('12 of 2000 characters');
    expect(mailT('da', 'weeklyMail.overview.stale', { week: 'uge 7' })).toBe(' [tal fra uge 7]');
    expect(t('en', 'weeklyMail.overview.stale', { week: 'week 7' })).toBe(' [figures from week 7]');
  });
});

describe('the language of a request', () => {
  const source = (query: string, cookie?: string, accept?: string): LanguageSource => ({
    query: new URLSearchParams(query),
    cookies: cookie ? { kk_lang: cookie } : {},
    headers: accept ? { 'accept-language': accept } : {},
  });

  it('is Danish by default', () => {
    expect(resolveLanguage(source(''))).toBe('da');
    expect(resolveLanguage(source('', undefined, 'de-DE,fr;q=0.8'))).toBe('da');
  });

  it('follows Accept-Language by quality', () => {
    expect(resolveLanguage(source('', undefined, 'en-GB,en;q=0.9,da;q=0.8'))).toBe('en');
    expect(resolveLanguage(source('', undefined, 'de;q=1, da;q=0.5, en;q=0.7'))).toBe('en');
    expect(fromAcceptLanguage('da-DK,da;q=0.9,en;q=0.8')).toBe('da');
    expect(fromAcceptLanguage('en;q=0')).toBeUndefined();
  });

  it('lets the cookie of the switch win over the browser, and ?lang= win over both', () => {
    expect(resolveLanguage(source('', 'en', 'da-DK'))).toBe('en');
    expect(resolveLanguage(source('lang=da', 'en', 'en'))).toBe('da');
    expect(resolveLanguage(source('lang=xx', 'en'))).toBe('en');
  });

  it('remembers ?lang= in a cookie only when it changes something', () => {
    expect(languageCookieFor(source('lang=en'))).toMatch(/^kk_lang=en; Path=\/; SameSite=Lax; Max-Age=\d+$/);
    expect(languageCookieFor(source('lang=en', 'en'))).toBeUndefined();
    expect(languageCookieFor(source('lang=fr'))).toBeUndefined();
  });

  it('switches to the same page in the other language, keeping its query', () => {
    expect(switchUrl('/kontakter', new URLSearchParams('region=sjaelland&lang=da'), 'en')).toBe(
      '/kontakter?region=sjaelland&lang=en',
    );
  });
});
