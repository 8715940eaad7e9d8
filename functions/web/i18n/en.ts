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

  'mail.greeting': 'Dear {name}',
  'mail.footer':
    'Kræftkapacitet – the Danish regions working together on cancer capacity. Never write CPR numbers or other patient details in replies.',
  'mail.note': 'Note: {note}',
  'mail.link.respond': 'Acknowledge or offer capacity',
  'mail.link.see': 'See the case',
  'mail.link.follow': 'Follow the case or mark it as resolved',
  'mail.subject.problem': 'Capacity problem {ref}',
  'mail.subject.reminder': 'Reminder about {ref}',
  'mail.subject.informed': 'For your information: {ref}',
  'mail.subject.receipt': 'Receipt for {ref}',
  'mail.subject.level': '{ref} is at level {level}',
  'mail.subject.offer': 'Capacity offered for {ref}',
  'mail.subject.resolved': '{ref} is resolved',
  'mail.subject.nobody': 'Nobody reached for {ref}',
  'mail.reminder': 'Reminder no. {round} to the national network',
  'mail.ask.1':
    'Your department treats the same cancer type. Can you take patients from the affected department?',
  'mail.ask.2':
    "You are the region's primærindgang (the region's agreed point of contact) for this cancer type. Find out whether the region's hospitals can take patients, and answer for the region.",
  'mail.ask.3':
    'The problem has not been solved between hospitals and regions and is now raised in sundhedsdirektørkredsen (the circle of health directors).',
  'mail.ask.4':
    'The national network for the cancer type has been activated and is to coordinate capacity across the regions until the situation is stable.',
  'mail.escalation.reminderIntro': '{reminder}: The capacity problem has still not been solved.',
  'mail.escalation.informedIntro':
    "For your information: a capacity problem is now at level {level} ({levelName}) of the regions' escalation ladder.",
  'mail.escalation.actionIntro':
    "A capacity problem is now at level {level} ({levelName}) of the regions' escalation ladder, and you have been contacted.",
  'mail.escalation.informedNoAction': 'You need not do anything; this e-mail is for your information only.',
  'mail.escalation.deadline':
    'Deadline for answers: {deadline}. If the problem is not solved by then, the case automatically moves one step up the ladder.',
  'mail.escalation.nextReminder': 'Next reminder: {deadline}.',
  'mail.escalation.finderHeading':
    'Departments that, according to the weekly exchange, can start within the maximum waiting time:',
  'mail.receipt.thanks':
    'Thank you for your report. Its reference is {ref}, and it starts at level {level} ({levelName}) of the escalation ladder.',
  'mail.receipt.updates': 'You will hear when the case moves up a step and when someone offers capacity.',
  'mail.receipt.resolve':
    'When the problem is solved, mark it as resolved with the link below. The escalation then stops at once, and everyone contacted is told.',
  'mail.level.text':
    'Your capacity problem {ref} was not solved within the deadline and is now at level {level} ({levelName}).',
  'mail.offer.intro': '{from} offers capacity for {ref}:',
  'mail.offer.line': '{patients} patients – {modality} – from {date}.',
  'mail.resolved.text':
    'The capacity problem {ref} has been marked as resolved. The escalation has stopped, and there will be no more messages about the case.',
  'mail.resolved.textBy':
    'The capacity problem {ref} has been marked as resolved by {name}. The escalation has stopped, and there will be no more messages about the case.',
  'mail.resolved.thanks': 'Thank you for your help.',
  'mail.nobody.to': 'To Specialenheden (the secretariat)',
  'mail.nobody.text':
    'A step of the escalation ladder reached nobody: level {level} ({levelName}) for {ref}.',
  'mail.nobody.fix': 'The contact list must be corrected, and the right people contacted directly.',
  'mail.signIn.subject': 'Your sign-in link',
  'mail.signIn.text':
    'Use the link below to sign in to Kræftkapacitet. The link works once and for 30 minutes.',
  'mail.signIn.ignore': 'If you did not ask for it, you can ignore this e-mail.',

  'problem.resolved': 'Resolved',
  'problem.levelBadge': 'Level {level}: {levelName}',
  'problem.levelShort': 'level {level}',
  'problem.heading': 'Capacity problem {ref}',
  'problem.timeline': 'Timeline',
  'problem.contacted': 'Contacted',
  'problem.nobodyContacted': 'Nobody has been contacted yet.',
  'problem.recipient.name': 'Name',
  'problem.recipient.role': 'Role',
  'problem.recipient.level': 'Level',
  'problem.recipient.first': 'First contacted',
  'problem.recipient.status': 'Status',
  'problem.recipient.informed': 'informed',
  'problem.recipient.unreachable': 'Not reached',
  'problem.recipient.offered': 'Offered capacity',
  'problem.recipient.acknowledged': 'Acknowledged',
  'problem.recipient.sent': 'Sent – no answer yet',
  'receipt.thanks': 'Thank you – the report has been received',
  'receipt.reference':
    'Reference: {ref}. The case starts at level {level} ({levelName}), and the first e-mails have been sent.',
  'receipt.heading': 'Receipt',
  'receipt.mailSent':
    'You have been sent a receipt by e-mail with a link where you can mark the problem as resolved.',
  'receipt.nextStep':
    'If the deadline passes without a solution, the case automatically moves one step up the escalation ladder.',
  'receipt.nextReminder':
    'If the problem is not solved after a week, the national network automatically gets a reminder.',
  'receipt.see': 'See the case and its timeline',
  'list.heading': 'Capacity problems',
  'list.csv': 'Download as CSV',
  'list.none': 'Nothing has been reported yet.',
  'list.ref': 'Reference',
  'list.cancerType': 'Cancer type',
  'list.department': 'Department and hospital',
  'list.patients': 'Patients',
  'list.status': 'Status',
  'list.reported': 'Reported',
  'actions.label': 'Actions',
  'actions.alreadyResolved': 'The case is resolved. Nothing more needs doing.',
  'actions.note': 'Note (optional)',
  'actions.resolve.heading': 'Mark as resolved',
  'actions.resolve.text':
    'When the problem is solved, the escalation stops at once, and everyone contacted is told.',
  'actions.offer.heading': 'Offer capacity',
  'actions.offer.patients': 'Number of patients you can take',
  'actions.offer.modality': 'Treatment',
  'actions.offer.earliest': 'Earliest from',
  'actions.offer.submit': 'Send offer',
  'actions.ack.heading': 'Acknowledge receipt',
  'actions.ack.text': 'Let them know you have seen the request, even if you cannot help.',
  'actions.ack.submit': 'Acknowledge',
  'actions.ack.done': 'Thank you – your acknowledgement has been recorded.',
  'actions.offer.done': 'Thank you – your offer has been sent to the reporting department.',
  'actions.resolve.done': 'The case has been marked as resolved.',
  'actions.resolve.doneText': 'The escalation has stopped, and everyone contacted has been told.',
};
