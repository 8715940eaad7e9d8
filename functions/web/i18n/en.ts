/** English texts; the same keys as da.ts. Domain terms people know keep their Danish names. */
import type { da } from './da.ts';

export const en: { [K in keyof typeof da]: string } = {
  'layout.siteName': 'Kræftkapacitet',
  'layout.skip': 'Skip to content',
  'layout.mainMenu': 'Main menu',
  'layout.signIn': 'Sign in',
  'layout.signOut': 'Sign out',
  'layout.signedInAs': 'Signed in as',
  'layout.switchLabel': 'Language',
  'layout.switchTo': 'Dansk',
  'layout.scrollCue': 'The table is wide: scroll sideways to see every column.',
  'nav.report': 'Report a capacity problem',
  'nav.problems': 'Problems',
  'nav.waitingTimes': 'Waiting times',
  'nav.finder': 'Find capacity',
  'nav.contacts': 'Phone list',
  'nav.networks': 'Networks',
  'nav.quarterly': 'Quarterly status',

  'form.errorSummary.one': 'There is one error in the form',
  'form.errorSummary.many': 'There are {count} errors in the form',
  'form.errorPrefix': 'Error:',
  'form.charCount': '{used} of {max} characters',

  'error.400': 'The request could not be processed',
  'error.401': 'You need to sign in',
  'error.403': 'You do not have access',
  'error.404': 'Page not found',
  'error.405': 'Method not allowed',
  'error.409': 'Conflict',
  'error.413': 'The content is too large',
  'error.415': 'The format is not supported',
  'error.500': 'Something went wrong',
  'error.generic': 'Error',
  'error.unexpected': 'An unexpected error occurred. Please try again shortly. Your data has not been lost.',
  'error.toFrontPage': 'Go to the front page',
};
