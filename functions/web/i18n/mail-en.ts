/** English texts of the e-mails and the timeline; the same keys as mail-da.ts. */
import type { mailDa } from './mail-da.ts';

export const mailEn: { [K in keyof typeof mailDa]: string } = {
  // The sign-in link's label
  'layout.signIn': 'Sign in',
  // Capacity check e-mails
  'check.mail.ask.subject': '[Kræftkapacitet] Capacity check {year}: {function} – {department}',
  'check.mail.reminder.subject':
    '[Kræftkapacitet] Reminder: capacity check {year}: {function} – {department}',
  'check.mail.reminder.text': 'We are still waiting for your answer.',
  'check.mail.ask.text':
    '{department} is approved for the highly specialised function {function}. Please give by {deadline} the expected demand and the capacity in {year} (patients per quarter) and known constraints (staff, equipment, building work).',
  'check.mail.ask.why':
    'Specialenheden collects the answers into a summary for sundhedsdirektørkredsen, so capacity gaps are seen in good time.',
  'check.mail.ask.link': 'Answer the capacity check',
  'check.mail.summary.subject': '[Kræftkapacitet] Capacity check {year} of the highly specialised functions',
  'check.mail.summary.intro':
    'Here is the summary of expected demand and capacity in {year} for the highly specialised functions ({answered} of {asked} answers).',
  'check.mail.summary.gaps': 'Expected capacity gaps:',
  'check.mail.summary.gap': '{function}, {region}: demand {demand}, capacity {capacity} (gap in {quarters})',
  'check.mail.summary.noGaps': 'No function has an expected capacity gap.',
  'check.mail.summary.link': 'See the whole summary',
  'check.mail.footer':
    'Kræftkapacitet – the yearly capacity check of the highly specialised functions. Never write CPR numbers or other patient data.',
  // Weekly exchange: labels shared by the e-mails and the pages
  'weekly.submit': "Report this week's figures",
  'weekly.proposal.report': 'Report a capacity problem (pre-filled)',
  'weekly.pressure.ok': 'Within the maximum',
  'weekly.pressure.tight': 'Close to the maximum',
  'weekly.pressure.over': 'Over the maximum',
  'weekly.pressure.severe': 'Far over the maximum',
  'weekly.pressure.missing': 'No report',
  'weekly.reportStatus.reported': 'Reported',
  'weekly.reportStatus.pending': 'Awaited',
  'weekly.reportStatus.overdue': 'Overdue',
  // Weekly exchange e-mails
  'weeklyMail.footer':
    'Kræftkapacitet – the weekly exchange of waiting times between departments treating the same cancer type. Never write CPR numbers or other patient details.',
  'weeklyMail.reminder.subject': 'Reminder: weekly report for {week} – {department}',
  'weeklyMail.late.subject': 'Overdue weekly report for {week} – {department}',
  'weeklyMail.reminder.text':
    'Remember to report expected waiting times and spare capacity for {department} for {week} by {deadline}.',
  'weeklyMail.late.text':
    'The weekly report for {department}, {week}, was due by {deadline}. The department is shown as overdue in the overviews until the figures are reported.',
  'weeklyMail.reminder.why':
    'It takes a few minutes, and the figures help other departments find room for patients within the maximum waiting times.',
  'weeklyMail.overview.subject': 'Weekly overview for {week}: {cancerType}',
  'weeklyMail.overview.intro': 'Weekly overview for {cancerType}, {week}.',
  'weeklyMail.overview.max':
    'Maximum waiting times: {udredning} days to udredning (diagnostic work-up) and {behandling} days to treatment. Waits over the maximum are marked (!).',
  'weeklyMail.overview.noFigures': '{department}{status}: no figures.',
  'weeklyMail.overview.line': '{department}{status}: {waits}; spare capacity {spare} – {pressure}{stale}.',
  'weeklyMail.overview.stale': ' [figures from {week}]',
  'weeklyMail.overview.link': 'See the overview',
  'weeklyMail.proposal.subject': 'Proposal to report a capacity problem – {cancerType}, {department}',
  'weeklyMail.proposal.text':
    'The waiting time has thus been over the maximum for {count} weeks in a row. Consider reporting a capacity problem, so that the escalation ladder can find room for the patients elsewhere. The form is filled in beforehand; add the number of patients affected.',
  // The ladder's e-mails: free capacity found, a stopped ladder
  'mail.finder.none': 'No department has reported spare capacity within the maximum.',
  'mail.finder.hit': '{department}, {hospital}: about {days}, room for {patients}.{contact}',
  'mail.finder.contact': ' Contact: {name}, {email}, {phone}.',
  'mail.subject.stopped': 'The escalation of {ref} has stopped on an error',
  'mail.stopped.reason': 'Error: {reason}',
  'mail.stopped.text': 'The escalation of {ref} has stopped on an error at level {level} ({levelName}).',
  'mail.stopped.restart':
    'The system restarts the escalation automatically from the saved level and the saved response deadline; nobody gets the same e-mail twice.',
  'mail.stopped.persists':
    'If the error persists, you can restart the problem from its page – and contact the people concerned directly.',
  // Follow-up e-mails: contact verification, quarterly status, network actions, Danske Regioner
  'followMail.footer': 'Kræftkapacitet – the Danish regions working together on capacity in cancer care.',
  'followMail.verify.subject.one': 'Confirm one contact entry',
  'followMail.verify.subject.many': 'Confirm {count} contact entries',
  'followMail.verify.line': '• {name}, {title} – {email}, {phone} (last confirmed {date})',
  'followMail.verify.intro':
    'You maintain these contact entries in the escalation model. They have not been confirmed for more than {months} months:',
  'followMail.verify.ask':
    'If they are still right, confirm them with one click. If something is wrong, correct it on the phone list – a correction also counts as a confirmation.',
  'followMail.verify.confirm': 'Confirm the contact entries',
  'followMail.verify.edit': 'Correct them on the phone list',
  'followMail.quarterly.subject': 'Quarterly status for {quarter}',
  'followMail.quarterly.intro':
    "Here is the status for {quarter} for the meeting of sundhedsdirektørkredsen (the regions' health directors).",
  'followMail.quarterly.link': 'See the whole quarterly status',
  'followMail.quarterly.cases': 'Problems opened: {opened}. Problems resolved: {resolved}.',
  'followMail.quarterly.median': 'Median time to resolution: {median}.',
  'followMail.quarterly.medianDays': '{days} days',
  'followMail.quarterly.noResolved': 'no resolved problems',
  'followMail.quarterly.byLevel':
    'Problems opened by highest level: level 1: {l1}, level 2: {l2}, level 3: {l3}, level 4: {l4}.',
  'followMail.quarterly.row':
    '• {cancerType}, {region}: {opened} opened, {resolved} resolved, highest level {level}',
  'followMail.quarterly.networks': 'National networks: {active} active, {standby} on standby.',
  'followMail.quarterly.networksNoData': 'National networks: no data.',
  'followMail.quarterly.pressure': 'Cancer types under sustained pressure: {list}.',
  'followMail.quarterly.monitoring':
    'Maximum waiting times (nationwide): {share} of {pathways} pathways within the rules; {notComplied} not. Areas under pressure: {areas}.',
  'followMail.quarterly.monitoringNoData': 'Maximum waiting times: no data.',
  'followMail.quarterly.referrals':
    'Referral elsewhere: {offered} patients offered, {accepted} accepted{destinations}.',
  'followMail.quarterly.referralDestination': '{destination} {tally}',
  'followMail.quarterly.referralsNoData': 'Referral elsewhere: no data.',
  'followMail.quarterly.area': '{cancerType} in {region}',
  'followMail.quarterly.holiday':
    'Holiday period {name}: planned capacity {weeks}; see the evaluation in the quarterly status.',
  'followMail.quarterly.overdueContacts': 'Contact entries not confirmed in time: {count}.',
  'followMail.none': 'none',
  'followMail.noData': 'no data',
  'followMail.action.subject': 'Action due {due}: {cancerType}',
  'followMail.action.intro':
    'At the coordination meeting on {date}, the national network for {cancerType} agreed on an action you are responsible for:',
  'followMail.action.due': "Due: {due}. Mark the action as done on the network's page when it is done.",
  'followMail.action.link': 'Go to the network',
  'followMail.inform.subject': 'For your information: the national network for {cancerType}',
  'followMail.inform.intro': '{from} informs Danske Regioner about the situation for {cancerType}.',
  'followMail.inform.state': "The network's status: {state}{since}.",
  'followMail.inform.since': ' since {date} ({reason})',
  'followMail.inform.active': 'active',
  'followMail.inform.standby': 'standby',
  'followMail.inform.open': 'Open problems: {count}.',
  'followMail.inform.problem': '• {ref}: {region}, level {level}, {patients} patients at risk',
  'followMail.inform.meetings': 'Coordination meetings: {count}.',
  'followMail.inform.link': 'See the network',
  // Timeline entries, written by the ladder and shown on the problem page
  'timeline.reported': 'Reported by {name}. Starts at level {level} ({levelName}).',
  'timeline.workflowStarted': 'The escalation has started.',
  'timeline.workflowStartFailed':
    'The escalation could not be started yet. The report is saved, and the start is retried automatically.',
  'timeline.acknowledged': '{name} has acknowledged receipt.',
  'timeline.acknowledgedNote': '{name} has acknowledged receipt. Note: {note}',
  'timeline.offer': '{from} offers {patients} patients – {modality} – from {date}.',
  'timeline.resolved': 'Marked as resolved by {name}.',
  'timeline.resolutionNotified': '{count} people contacted have been told that the problem is resolved.',
  'timeline.resolutionNotifiedOne': 'The person contacted has been told that the problem is resolved.',
  'timeline.levelEntered': 'Level {level}: {levelName}. Response deadline {deadline}.',
  'timeline.reminder': 'Reminder no. {round} to the national network.',
  'timeline.networkActivated': 'The national network for the cancer type is activated.',
  'timeline.notified': 'E-mail sent to {count}: {names}.',
  'timeline.nobodyReached': 'No recipients reached at level {level}.',
  'timeline.addressRejected':
    '{name} ({email}) could not be reached: the address was rejected. The level continues with the other recipients.',
  'timeline.deadlinePassed':
    'The response deadline at level {level} has passed without a solution. The problem moves on to level {toLevel} ({toLevelName}).',
  'timeline.continued':
    'The problem has been open for a long time and continues in a new run of the workflow. The history is kept.',
  'timeline.stopped':
    'The escalation has stopped on an error. It is restarted automatically from the saved level and the saved response deadline, and Specialenheden has been told.',
  'timeline.restartedAutomatically':
    'The escalation was restarted automatically at level {level} ({levelName}).',
  'timeline.restartedAutomaticallyDeadline':
    'The escalation was restarted automatically at level {level} ({levelName}), response deadline {deadline}.',
  'timeline.restartedBy': 'The escalation was restarted by {name} at level {level} ({levelName}).',
  'timeline.restartedByDeadline':
    'The escalation was restarted by {name} at level {level} ({levelName}), response deadline {deadline}.',
  'timeline.bounced': '{recipient} could not be reached (the e-mail bounced).',
  'timeline.complained': '{recipient} could not be reached (the recipient complained).',
  // The ladder's e-mails and the sign-in e-mail
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

  // Holiday-period e-mails
  'holiday.week': 'week {week}, {year}',
  'holiday.proposals.none': 'No department in another region has planned normal capacity that week.',
  'holiday.mail.reminder.subject': '[Kræftkapacitet] Reminder: holiday plan for {period} – {department}',
  'holiday.mail.reminder.overdueSubject':
    '[Kræftkapacitet] Overdue: holiday plan for {period} – {department}',
  'holiday.mail.reminder.text':
    'Please send the plan of {department} for {period} ({weeks}) by {deadline}: planned capacity as a percentage of normal per week for udredning and each treatment, and the days the department is closed.',
  'holiday.mail.reminder.overdue':
    'The plan of {department} for {period} was due on {deadline}. The department is shown as overdue in the holiday plan until the plan is sent.',
  'holiday.mail.reminder.link': 'Send the holiday plan',
  'holiday.mail.alert.subject': '[Kræftkapacitet] {cancerType}, {region}: {week} is at risk ({period})',
  'holiday.mail.alert.low':
    'The holiday plans show that {region} has planned {share} % of normal capacity for {cancerType} in {week} – below the threshold of {riskShare} %.',
  'holiday.mail.alert.closed':
    'The holiday plans show that every department treating {cancerType} in {region} is closed in {week}.',
  'holiday.mail.alert.ask':
    'You receive this e-mail as a primærindgang or a member of the national network for the cancer type. Please agree in good time where patients can be referred.',
  'holiday.mail.alert.proposals':
    'Departments in other regions planning at least normal capacity that week (best first):',
  'holiday.mail.alert.proposal': '{department}, {hospital} ({region}): {share} % of normal',
  'holiday.mail.alert.wait': ', latest wait about {days} days',
  'holiday.mail.alert.link': 'See the holiday plan',
  'holiday.mail.footer':
    'Kræftkapacitet – the regions’ holiday plans for cancer treatment. Never write CPR numbers or other patient data.',
  // ---- referrals: verification reminders of the external-provider register
  'followMail.providerVerify.subject.one': 'Confirm the details of one external provider',
  'followMail.providerVerify.subject.many': 'Confirm the details of {count} external providers',
  'followMail.providerVerify.line': '• {name}, {country} – {contact}; {agreement} (last confirmed {date})',
  'followMail.providerVerify.intro':
    'The details of these external providers in the register have not been confirmed for more than {months} months. The capacity finder and escalation e-mails show them when no public department can start in time:',
  'followMail.providerVerify.ask':
    'Check with the provider through the agreement’s contact that the contact person, phone, agreement period and typical time to start still hold. If they are right, confirm them with one click; if something is wrong, correct it in the register – a correction also counts as a confirmation.',
  'followMail.providerVerify.confirm': 'Confirm the providers’ details',
  'followMail.providerVerify.edit': 'Correct them in the register of external providers',
  // ---- pageslang: what the system writes for later readers (the audit trail, a network's history), worded when read
  'trail.created': 'Created {name}.',
  'trail.updated': 'Changed: {fields}.',
  'trail.updatedNothing': 'Changed: nothing.',
  'trail.contact.confirmed': 'Changed: nothing (confirmed).',
  'trail.contact.verifiedByLink': 'Confirmed through the reminder link.',
  'trail.provider.verifiedByLink': 'Details confirmed through the reminder link.',
  'trail.imported': 'Imported (changed: {fields}).',
  'trail.importedNothing': 'Imported (changed: nothing).',
  'trail.importedNew': 'Imported (new).',
  'trail.importedNewNamed': 'Imported (new): {name}.',
  'trail.problem.reported': 'Reported {ref} at level {level}.',
  'trail.problem.level': 'Level {level} ({levelName}).',
  'trail.problem.restarted': 'Escalation restarted (attempt {attempt}).',
  'trail.problem.acknowledged': 'Acknowledged receipt.',
  'trail.problem.offer': 'Offer of {patients} patients.',
  'trail.problem.resolved': 'Marked as resolved.',
  'trail.quarterly.prepared': 'Quarterly status {quarter} prepared.',
  'trail.holiday.plan': 'Holiday plan for {department}, {period}.',
  'trail.holiday.planLate': 'Holiday plan for {department}, {period} (after the deadline).',
  'trail.holiday.evaluated': 'Evaluation of {period}.',
  'trail.check.opened': 'Capacity check {year} opened.',
  'trail.check.answered': 'Answer to capacity check {year} for {department}.',
  'trail.check.sent': 'The summary was sent to {count}.',
  'trail.network.autoActivated': 'Activated automatically: {ref} reached level 4.',
  'trail.network.memberAdded': 'Member added: {name} ({email}).',
  'trail.network.meeting':
    'Coordination meeting {date} with {participants} participants and {actions} actions.',
  'trail.network.actionDone': 'Action {action} marked as done.',
  'trail.network.informed': 'Danske Regioner informed ({to}).',
  'trail.monitoring.replaced':
    'Monitoring figures for {region}, {quarter} replaced from the file "{file}" ({count} pathways).',
  'trail.reference.created': '{kind} created: {name}',
  'trail.reference.retired': '{kind} retired: {name}',
  'trail.reference.updated': '{kind} changed: {fields}',
  'trail.checklist.updated': 'The checklist was changed.',
  'network.reason.reachedLevel4': 'Problem {ref} reached level 4.',
  'trail.kind.hospital': 'Hospital',
  'trail.kind.department': 'Department',
  'trail.kind.cancerType': 'Cancer type',
  'trail.referrals.recorded': 'Referral elsewhere week {week}: {offered} offered, {accepted} accepted.',
  'timeline.why.noRecipients': 'The contact list has no recipients for this level and this cancer type.',
  'timeline.why.noneAccepted': "None of the recipients' addresses were accepted.",
  'timeline.why.noneReachable':
    'None of the recipients at the level could be reached (most recently {recipient}).',
  'timeline.why.othersReached':
    '{recipient} could not be reached; {count} other recipients at the level are still contacted.',
  'timeline.why.addressRejected':
    'The address {email} ({name}) was refused: {detail}. The contact list must be corrected.',
  // ---- end pageslang
};
