/**
 * Danish texts of the e-mails and the timeline (sent or written by jobs and the ladder step, shown on
 * the problem page too). Kept apart from the page texts (da.ts) so a job bundles only what it sends;
 * the pages see both (index.ts). mail-en.ts has exactly the same keys (test/unit/i18n.test.ts).
 */
export const mailDa = {
  // The sign-in link's label
  'layout.signIn': 'Log ind',
  // Capacity check e-mails
  'check.mail.ask.subject': '[Kræftkapacitet] Kapacitetstjek {year}: {function} – {department}',
  'check.mail.reminder.subject':
    '[Kræftkapacitet] Påmindelse: kapacitetstjek {year}: {function} – {department}',
  'check.mail.reminder.text': 'Vi mangler stadig jeres svar.',
  'check.mail.ask.text':
    '{department} er godkendt til den højt specialiserede funktion {function}. Angiv senest {deadline} den forventede efterspørgsel og kapaciteten i {year} (patienter pr. kvartal) og kendte begrænsninger (personale, udstyr, byggeri).',
  'check.mail.ask.why':
    'Specialenheden samler svarene i en oversigt til sundhedsdirektørkredsen, så mangel på kapacitet ses i god tid.',
  'check.mail.ask.link': 'Besvar kapacitetstjekket',
  'check.mail.summary.subject': '[Kræftkapacitet] Kapacitetstjek {year} af de højt specialiserede funktioner',
  'check.mail.summary.intro':
    'Her er oversigten over forventet efterspørgsel og kapacitet i {year} for de højt specialiserede funktioner ({answered} af {asked} svar).',
  'check.mail.summary.gaps': 'Forventet mangel på kapacitet:',
  'check.mail.summary.gap':
    '{function}, {region}: efterspørgsel {demand}, kapacitet {capacity} (mangel i {quarters})',
  'check.mail.summary.noGaps': 'Ingen funktioner har forventet mangel på kapacitet.',
  'check.mail.summary.link': 'Se hele oversigten',
  'check.mail.footer':
    'Kræftkapacitet – årligt kapacitetstjek af de højt specialiserede funktioner. Skriv aldrig CPR-numre eller andre patientoplysninger.',
  // Weekly exchange: labels shared by the e-mails and the pages
  'weekly.submit': 'Indberet ugens tal',
  'weekly.proposal.report': 'Indberet kapacitetsproblem (udfyldt)',
  'weekly.pressure.ok': 'Inden for maksimum',
  'weekly.pressure.tight': 'Tæt på maksimum',
  'weekly.pressure.over': 'Over maksimum',
  'weekly.pressure.severe': 'Langt over maksimum',
  'weekly.pressure.missing': 'Ingen indberetning',
  'weekly.reportStatus.reported': 'Indberettet',
  'weekly.reportStatus.pending': 'Afventer',
  'weekly.reportStatus.overdue': 'Forsinket',
  // Weekly exchange e-mails
  'weeklyMail.footer':
    'Kræftkapacitet – den ugentlige udveksling af ventetider mellem afdelinger, der behandler samme kræftform. Skriv aldrig CPR-numre eller andre patientoplysninger.',
  'weeklyMail.reminder.subject': 'Påmindelse om ugerapport for {week} – {department}',
  'weeklyMail.late.subject': 'Forsinket ugerapport for {week} – {department}',
  'weeklyMail.reminder.text':
    'Husk at indberette forventede ventetider og ledig kapacitet for {department} for {week} senest {deadline}.',
  'weeklyMail.late.text':
    'Ugerapporten for {department}, {week}, skulle have været indberettet senest {deadline}. Afdelingen vises som forsinket i oversigterne, indtil tallene er indberettet.',
  'weeklyMail.reminder.why':
    'Det tager et par minutter, og tallene hjælper andre afdelinger med at finde plads til patienter inden for de maksimale ventetider.',
  'weeklyMail.overview.subject': 'Ugeoversigt for {week}: {cancerType}',
  'weeklyMail.overview.intro': 'Ugeoversigt for {cancerType}, {week}.',
  'weeklyMail.overview.max':
    'Maksimale ventetider: {udredning} dage til udredning og {behandling} dage til behandling. Overskridelser er markeret med (!).',
  'weeklyMail.overview.noFigures': '{department}{status}: ingen tal.',
  'weeklyMail.overview.line': '{department}{status}: {waits}; ledig kapacitet {spare} – {pressure}{stale}.',
  'weeklyMail.overview.stale': ' [tal fra {week}]',
  'weeklyMail.overview.link': 'Se oversigten',
  'weeklyMail.proposal.subject': 'Forslag om at indberette et kapacitetsproblem – {cancerType}, {department}',
  'weeklyMail.proposal.text':
    'Ventetiden har dermed været over maksimum i {count} uger i træk. Overvej at indberette et kapacitetsproblem, så eskalationstrappen kan finde plads til patienterne andre steder. Formularen er udfyldt på forhånd; tilføj antal berørte patienter.',
  // The ladder's e-mails: free capacity found, a stopped ladder
  'mail.finder.none': 'Ingen afdelinger har meldt ledig kapacitet inden for maksimum.',
  'mail.finder.hit': '{department}, {hospital}: ca. {days}, plads til {patients}.{contact}',
  'mail.finder.contact': ' Kontakt: {name}, {email}, {phone}.',
  'mail.subject.stopped': 'Eskaleringen af {ref} er stoppet af en fejl',
  'mail.stopped.reason': 'Fejl: {reason}',
  'mail.stopped.text': 'Eskaleringen af {ref} er stoppet af en fejl på niveau {level} ({levelName}).',
  'mail.stopped.restart':
    'Systemet genstarter eskaleringen automatisk fra det gemte niveau og den gemte svarfrist; ingen får den samme e-mail to gange.',
  'mail.stopped.persists':
    'Fortsætter fejlen, kan I genstarte sagen fra dens side – og kontakte de relevante personer direkte.',
  // Follow-up e-mails: contact verification, quarterly status, network actions, Danske Regioner
  'followMail.footer': 'Kræftkapacitet – regionernes samarbejde om kapacitet på kræftområdet.',
  'followMail.verify.subject.one': 'Bekræft en kontaktoplysning',
  'followMail.verify.subject.many': 'Bekræft {count} kontaktoplysninger',
  'followMail.verify.line': '• {name}, {title} – {email}, {phone} (sidst bekræftet {date})',
  'followMail.verify.intro':
    'Du vedligeholder disse kontaktoplysninger i eskalationsmodellen. De er ikke bekræftet i over {months} måneder:',
  'followMail.verify.ask':
    'Er de stadig rigtige, så bekræft dem med ét klik. Er noget forkert, så ret det på telefonlisten – en rettelse tæller også som bekræftelse.',
  'followMail.verify.confirm': 'Bekræft kontaktoplysningerne',
  'followMail.verify.edit': 'Ret på telefonlisten',
  'followMail.quarterly.subject': 'Kvartalsstatus for {quarter}',
  'followMail.quarterly.intro': 'Her er status for {quarter} til sundhedsdirektørkredsens møde.',
  'followMail.quarterly.link': 'Se hele kvartalsstatussen',
  'followMail.quarterly.cases': 'Sager oprettet: {opened}. Sager løst: {resolved}.',
  'followMail.quarterly.median': 'Median tid til løsning: {median}.',
  'followMail.quarterly.medianDays': '{days} dage',
  'followMail.quarterly.noResolved': 'ingen løste sager',
  'followMail.quarterly.byLevel':
    'Oprettede sager efter højeste niveau: niveau 1: {l1}, niveau 2: {l2}, niveau 3: {l3}, niveau 4: {l4}.',
  'followMail.quarterly.row':
    '• {cancerType}, {region}: {opened} oprettet, {resolved} løst, højeste niveau {level}',
  'followMail.quarterly.networks': 'Nationale netværk: {active} aktive, {standby} i standby.',
  'followMail.quarterly.networksNoData': 'Nationale netværk: ingen data.',
  'followMail.quarterly.pressure': 'Kræftformer under vedvarende pres: {list}.',
  'followMail.quarterly.monitoring':
    'Maksimale ventetider (landsplan): {share} af {pathways} forløb med reglerne overholdt; {notComplied} ikke overholdt. Områder under pres: {areas}.',
  'followMail.quarterly.monitoringNoData': 'Maksimale ventetider: ingen data.',
  'followMail.quarterly.referrals':
    'Henvisning andetsteds: {offered} patienter tilbudt, {accepted} takket ja{destinations}.',
  'followMail.quarterly.referralDestination': '{destination} {tally}',
  'followMail.quarterly.referralsNoData': 'Henvisning andetsteds: ingen data.',
  'followMail.quarterly.area': '{cancerType} i {region}',
  'followMail.quarterly.holiday':
    'Ferieperiode {name}: planlagt kapacitet {weeks}; se evalueringen i kvartalsstatussen.',
  'followMail.quarterly.overdueContacts': 'Kontaktoplysninger ikke bekræftet i tide: {count}.',
  'followMail.none': 'ingen',
  'followMail.noData': 'ingen data',
  'followMail.action.subject': 'Handling med frist {due}: {cancerType}',
  'followMail.action.intro':
    'Det nationale netværk for {cancerType} aftalte på koordineringsmødet {date} en handling, som du er ansvarlig for:',
  'followMail.action.due':
    'Frist: {due}. Markér handlingen som udført på netværkets side, når den er klaret.',
  'followMail.action.link': 'Gå til netværket',
  'followMail.inform.subject': 'Orientering om det nationale netværk for {cancerType}',
  'followMail.inform.intro': '{from} orienterer Danske Regioner om situationen for {cancerType}.',
  'followMail.inform.state': 'Netværkets status: {state}{since}.',
  'followMail.inform.since': ' siden {date} ({reason})',
  'followMail.inform.active': 'aktivt',
  'followMail.inform.standby': 'standby',
  'followMail.inform.open': 'Åbne sager: {count}.',
  'followMail.inform.problem': '• {ref}: {region}, niveau {level}, {patients} patienter i risiko',
  'followMail.inform.meetings': 'Koordineringsmøder: {count}.',
  'followMail.inform.link': 'Se netværket',
  // Timeline entries, written by the ladder and shown on the problem page
  'timeline.reported': 'Indberettet af {name}. Starter på niveau {level} ({levelName}).',
  'timeline.workflowStarted': 'Eskaleringen er startet.',
  'timeline.workflowStartFailed':
    'Eskaleringen kunne ikke startes endnu. Indberetningen er gemt, og start forsøges igen automatisk.',
  'timeline.acknowledged': '{name} har kvitteret for modtagelsen.',
  'timeline.acknowledgedNote': '{name} har kvitteret for modtagelsen. Bemærkning: {note}',
  'timeline.offer': '{from} tilbyder {patients} patienter – {modality} – fra {date}.',
  'timeline.resolved': 'Markeret som løst af {name}.',
  'timeline.resolutionNotified': '{count} kontaktede personer har fået besked om, at sagen er løst.',
  'timeline.resolutionNotifiedOne': 'Den kontaktede person har fået besked om, at sagen er løst.',
  'timeline.levelEntered': 'Niveau {level}: {levelName}. Svarfrist {deadline}.',
  'timeline.reminder': 'Påmindelse nr. {round} til det nationale netværk.',
  'timeline.networkActivated': 'Det nationale netværk for kræftformen er aktiveret.',
  'timeline.notified': 'E-mail sendt til {count}: {names}.',
  'timeline.nobodyReached': 'Ingen modtagere nået på niveau {level}.',
  'timeline.addressRejected':
    '{name} ({email}) kunne ikke nås: adressen blev afvist. Niveauet fortsætter med de øvrige modtagere.',
  'timeline.deadlinePassed':
    'Svarfristen på niveau {level} er udløbet uden løsning. Sagen går videre til niveau {toLevel} ({toLevelName}).',
  'timeline.continued':
    'Sagen har været åben længe og fortsætter i en ny kørsel af arbejdsgangen. Historikken er bevaret.',
  'timeline.stopped':
    'Eskaleringen er stoppet af en fejl. Den genstartes automatisk fra det gemte niveau og den gemte svarfrist, og Specialenheden er underrettet.',
  'timeline.restartedAutomatically': 'Eskaleringen er genstartet automatisk på niveau {level} ({levelName}).',
  'timeline.restartedAutomaticallyDeadline':
    'Eskaleringen er genstartet automatisk på niveau {level} ({levelName}), svarfrist {deadline}.',
  'timeline.restartedBy': 'Eskaleringen er genstartet af {name} på niveau {level} ({levelName}).',
  'timeline.restartedByDeadline':
    'Eskaleringen er genstartet af {name} på niveau {level} ({levelName}), svarfrist {deadline}.',
  'timeline.bounced': '{recipient} kunne ikke nås (e-mailen kom retur).',
  'timeline.complained': '{recipient} kunne ikke nås (modtageren har klaget).',
  // The ladder's e-mails and the sign-in e-mail
  'mail.greeting': 'Kære {name}',
  'mail.footer':
    'Kræftkapacitet – regionernes samarbejde om kapacitet på kræftområdet. Skriv aldrig CPR-numre eller andre patientoplysninger i svar.',
  'mail.note': 'Bemærkning: {note}',
  'mail.link.respond': 'Kvittér eller tilbyd kapacitet',
  'mail.link.see': 'Se sagen',
  'mail.link.follow': 'Følg sagen eller markér den som løst',
  'mail.subject.problem': 'Kapacitetsproblem {ref}',
  'mail.subject.reminder': 'Påmindelse om {ref}',
  'mail.subject.informed': 'Orientering om {ref}',
  'mail.subject.receipt': 'Kvittering for {ref}',
  'mail.subject.level': '{ref} er på niveau {level}',
  'mail.subject.offer': 'Tilbud om kapacitet til {ref}',
  'mail.subject.resolved': '{ref} er løst',
  'mail.subject.nobody': 'Ingen modtagere nået for {ref}',
  'mail.reminder': 'Påmindelse nr. {round} til det nationale netværk',
  'mail.ask.1': 'Jeres afdeling behandler samme kræftform. Kan I tage patienter fra den berørte afdeling?',
  'mail.ask.2':
    'Du er regionens primærindgang for denne kræftform. Undersøg, om regionens hospitaler kan tage patienter, og svar for regionen.',
  'mail.ask.3':
    'Problemet er ikke løst mellem hospitaler og regioner og rejses nu i sundhedsdirektørkredsen.',
  'mail.ask.4':
    'Det nationale netværk for kræftformen er aktiveret og skal koordinere kapaciteten på tværs af regionerne, indtil situationen er stabil.',
  'mail.escalation.reminderIntro': '{reminder}: Kapacitetsproblemet er stadig ikke løst.',
  'mail.escalation.informedIntro':
    'Til orientering: Et kapacitetsproblem er nu på niveau {level} ({levelName}) i regionernes eskalationstrappe.',
  'mail.escalation.actionIntro':
    'Et kapacitetsproblem er nu på niveau {level} ({levelName}) i regionernes eskalationstrappe, og I er kontaktet.',
  'mail.escalation.informedNoAction': 'Du skal ikke gøre noget; mailen er kun til orientering.',
  'mail.escalation.deadline':
    'Svarfrist: {deadline}. Er problemet ikke løst inden da, går sagen automatisk et trin op ad trappen.',
  'mail.escalation.nextReminder': 'Næste påmindelse: {deadline}.',
  'mail.escalation.finderHeading':
    'Afdelinger, der ifølge den ugentlige udveksling kan starte inden for den maksimale ventetid:',
  'mail.receipt.thanks':
    'Tak for jeres indberetning. Den har referencen {ref} og starter på niveau {level} ({levelName}) i eskalationstrappen.',
  'mail.receipt.updates': 'Du får besked, når sagen går et trin op, og når nogen tilbyder kapacitet.',
  'mail.receipt.resolve':
    'Når problemet er løst, så markér det som løst via linket herunder. Så stopper eskaleringen med det samme, og alle kontaktede får besked.',
  'mail.level.text':
    'Jeres kapacitetsproblem {ref} er ikke løst inden for svarfristen og er nu på niveau {level} ({levelName}).',
  'mail.offer.intro': '{from} tilbyder kapacitet til {ref}:',
  'mail.offer.line': '{patients} patienter – {modality} – fra {date}.',
  'mail.resolved.text':
    'Kapacitetsproblemet {ref} er markeret som løst. Eskaleringen er stoppet, og der kommer ikke flere henvendelser om sagen.',
  'mail.resolved.textBy':
    'Kapacitetsproblemet {ref} er markeret som løst af {name}. Eskaleringen er stoppet, og der kommer ikke flere henvendelser om sagen.',
  'mail.resolved.thanks': 'Tak for hjælpen.',
  'mail.nobody.to': 'Til Specialenheden',
  'mail.nobody.text': 'Et trin i eskalationstrappen nåede ikke ud: niveau {level} ({levelName}) for {ref}.',
  'mail.nobody.fix': 'Kontaktlisten skal rettes, og de relevante personer skal kontaktes direkte.',
  'mail.signIn.subject': 'Dit login-link',
  'mail.signIn.text':
    'Brug linket herunder for at logge ind i Kræftkapacitet. Linket virker én gang og i 30 minutter.',
  'mail.signIn.ignore': 'Har du ikke bedt om det, kan du se bort fra denne e-mail.',

  // Holiday-period e-mails
  'holiday.week': 'uge {week} {year}',
  'holiday.proposals.none': 'Ingen afdelinger i andre regioner har planlagt normal kapacitet i ugen.',
  'holiday.mail.reminder.subject': '[Kræftkapacitet] Påmindelse: ferieplan for {period} – {department}',
  'holiday.mail.reminder.overdueSubject': '[Kræftkapacitet] Forsinket: ferieplan for {period} – {department}',
  'holiday.mail.reminder.text':
    'Husk at indsende planen for {department} for {period} ({weeks}) senest {deadline}: planlagt kapacitet i procent af normalt pr. uge for udredning og hver behandling, og de dage afdelingen holder lukket.',
  'holiday.mail.reminder.overdue':
    'Fristen for planen for {department} for {period} var {deadline}. Afdelingen vises som forsinket i ferieplanen, indtil planen er indsendt.',
  'holiday.mail.reminder.link': 'Indsend ferieplanen',
  'holiday.mail.alert.subject': '[Kræftkapacitet] {cancerType}, {region}: {week} er i risiko ({period})',
  'holiday.mail.alert.low':
    'Ferieplanerne viser, at {region} i {week} har planlagt {share} % af den normale kapacitet for {cancerType} – under grænsen på {riskShare} %.',
  'holiday.mail.alert.closed':
    'Ferieplanerne viser, at alle afdelinger, der behandler {cancerType} i {region}, holder lukket i {week}.',
  'holiday.mail.alert.ask':
    'Du får denne e-mail som primærindgang eller medlem af det nationale netværk for kræftformen. Aftal i god tid, hvor patienterne kan henvises.',
  'holiday.mail.alert.proposals':
    'Afdelinger i andre regioner, der planlægger mindst normal kapacitet i ugen (bedst først):',
  'holiday.mail.alert.proposal': '{department}, {hospital} ({region}): {share} % af normalt',
  'holiday.mail.alert.wait': ', senest ca. {days} dages ventetid',
  'holiday.mail.alert.link': 'Se ferieplanen',
  'holiday.mail.footer':
    'Kræftkapacitet – regionernes ferieplaner for kræftbehandlingen. Skriv aldrig CPR-numre eller andre patientoplysninger.',
  // ---- referrals: verification reminders of the external-provider register
  'followMail.providerVerify.subject.one': 'Bekræft oplysningerne om en ekstern udbyder',
  'followMail.providerVerify.subject.many': 'Bekræft oplysningerne om {count} eksterne udbydere',
  'followMail.providerVerify.line': '• {name}, {country} – {contact}; {agreement} (sidst bekræftet {date})',
  'followMail.providerVerify.intro':
    'Oplysningerne om disse eksterne udbydere i registret er ikke bekræftet i over {months} måneder. Kapacitetsfinderen og eskalationsmails viser dem, når ingen offentlig afdeling kan starte i tide:',
  'followMail.providerVerify.ask':
    'Tjek med udbyderen gennem aftalens kontakt, at kontaktperson, telefon, aftaleperiode og typisk tid til start stadig holder. Er de rigtige, så bekræft dem med ét klik; er noget forkert, så ret det i registret – en rettelse tæller også som bekræftelse.',
  'followMail.providerVerify.confirm': 'Bekræft udbydernes oplysninger',
  'followMail.providerVerify.edit': 'Ret i registret over eksterne udbydere',
  // ---- pageslang: what the system writes for later readers (the audit trail, a network's history), worded when read
  'trail.created': 'Oprettet {name}.',
  'trail.updated': 'Rettet: {fields}.',
  'trail.updatedNothing': 'Rettet: ingen ændringer.',
  'trail.contact.confirmed': 'Rettet: ingen ændringer (bekræftet).',
  'trail.contact.verifiedByLink': 'Bekræftet via påmindelseslink.',
  'trail.provider.verifiedByLink': 'Oplysningerne er bekræftet via påmindelseslink.',
  'trail.imported': 'Importeret (rettet: {fields}).',
  'trail.importedNothing': 'Importeret (rettet: ingen).',
  'trail.importedNew': 'Importeret (ny).',
  'trail.importedNewNamed': 'Importeret (ny): {name}.',
  'trail.problem.reported': 'Indberettet {ref} på niveau {level}.',
  'trail.problem.level': 'Niveau {level} ({levelName}).',
  'trail.problem.restarted': 'Eskaleringen genstartet (forsøg {attempt}).',
  'trail.problem.acknowledged': 'Kvitteret for modtagelsen.',
  'trail.problem.offer': 'Tilbud om {patients} patienter.',
  'trail.problem.resolved': 'Markeret som løst.',
  'trail.quarterly.prepared': 'Kvartalsstatus {quarter} udarbejdet.',
  'trail.holiday.plan': 'Ferieplan for {department}, {period}.',
  'trail.holiday.planLate': 'Ferieplan for {department}, {period} (efter fristen).',
  'trail.holiday.evaluated': 'Evaluering af {period}.',
  'trail.check.opened': 'Kapacitetstjek {year} åbnet.',
  'trail.check.answered': 'Svar på kapacitetstjek {year} for {department}.',
  'trail.check.sent': 'Oversigten er sendt til {count}.',
  'trail.network.autoActivated': 'Aktiveret automatisk: {ref} nåede niveau 4.',
  'trail.network.memberAdded': 'Medlem tilføjet: {name} ({email}).',
  'trail.network.meeting': 'Koordineringsmøde {date} med {participants} deltagere og {actions} handlinger.',
  'trail.network.actionDone': 'Handling {action} markeret som udført.',
  'trail.network.informed': 'Danske Regioner informeret ({to}).',
  'trail.monitoring.replaced':
    'Overvågningstal for {region}, {quarter} erstattet fra filen "{file}" ({count} forløb).',
  'trail.reference.created': '{kind} oprettet: {name}',
  'trail.reference.retired': '{kind} udgået: {name}',
  'trail.reference.updated': '{kind} rettet: {fields}',
  'trail.checklist.updated': 'Tjeklisten er rettet.',
  'network.reason.reachedLevel4': 'Sag {ref} nåede niveau 4.',
  'trail.kind.hospital': 'Hospital',
  'trail.kind.department': 'Afdeling',
  'trail.kind.cancerType': 'Kræftform',
  'trail.referrals.recorded': 'Henvisning andetsteds uge {week}: {offered} tilbudt, {accepted} takket ja.',
  'timeline.why.noRecipients': 'Kontaktlisten har ingen modtagere for dette niveau og denne kræftform.',
  'timeline.why.noneAccepted': 'Ingen af modtagernes adresser blev accepteret.',
  'timeline.why.noneReachable': 'Ingen af modtagerne på niveauet kunne nås (senest {recipient}).',
  'timeline.why.othersReached':
    '{recipient} kunne ikke nås; {count} andre modtagere på niveauet er stadig kontaktet.',
  'timeline.why.addressRejected':
    'Adressen {email} ({name}) blev afvist: {detail}. Kontaktlisten skal rettes.',
  // ---- end pageslang
} as const;
