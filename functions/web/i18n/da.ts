/**
 * Danish texts (the source language). Keys are grouped by page; `{name}` is a placeholder.
 * en.ts must have exactly the same keys (checked by the compiler and by test/unit/i18n.test.ts).
 */
export const da = {
  'layout.siteName': 'Kræftkapacitet',
  'layout.skip': 'Gå til indhold',
  'layout.mainMenu': 'Hovedmenu',
  'layout.signIn': 'Log ind',
  'layout.signOut': 'Log ud',
  'layout.signedInAs': 'Logget ind som',
  'layout.switchLabel': 'Sprog',
  'layout.switchTo': 'English',
  'layout.scrollCue': 'Tabellen er bred: rul vandret for at se alle kolonner.',
  'nav.report': 'Indberet kapacitetsproblem',
  'nav.problems': 'Sager',
  'nav.waitingTimes': 'Ventetider',
  'nav.finder': 'Find kapacitet',
  'nav.contacts': 'Telefonliste',
  'nav.networks': 'Netværk',
  'nav.quarterly': 'Kvartalsstatus',
  'nav.monitoring': 'Overvågning',

  'form.errorSummary.one': 'Der er en fejl i formularen',
  'form.errorSummary.many': 'Der er {count} fejl i formularen',
  'form.errorPrefix': 'Fejl:',
  'form.charCount': '{used} af {max} tegn',

  'error.400': 'Forespørgslen kunne ikke behandles',
  'error.401': 'Du skal være logget ind',
  'error.403': 'Du har ikke adgang',
  'error.404': 'Siden findes ikke',
  'error.405': 'Metoden er ikke tilladt',
  'error.409': 'Konflikt',
  'error.413': 'Indholdet er for stort',
  'error.415': 'Formatet understøttes ikke',
  'error.500': 'Der skete en fejl',
  'error.generic': 'Fejl',
  'error.unexpected': 'Der skete en uventet fejl. Prøv igen om lidt. Dine data er ikke gået tabt.',
  'error.toFrontPage': 'Til forsiden',
} as const;
