import { describe, expect, it } from 'vitest';
import { failuresFrom } from '../../functions/jobs/ses-events.ts';

function sesEvent(eventType: string, purpose: string, extra: Record<string, unknown>) {
  return {
    eventType,
    mail: {
      destination: ['primaer.bryst@regionh.example'],
      tags: {
        purpose: [purpose],
        problemId: ['ABCDEFGHJK'],
        level: ['2'],
        recipient: ['primaer.bryst@regionh.example'],
      },
    },
    ...extra,
  };
}

describe('SES delivery events', () => {
  it('turns a bounced escalation e-mail into an unreachable contact on its problem and level', () => {
    const failures = failuresFrom(
      sesEvent('Bounce', 'escalation', {
        bounce: {
          bounceType: 'Transient',
          bouncedRecipients: [
            { emailAddress: 'Primaer.Bryst@regionh.example', diagnosticCode: 'mailbox full' },
          ],
        },
      }),
    );
    expect(failures).toEqual([
      {
        kind: 'bounce',
        recipient: 'primaer.bryst@regionh.example',
        problemId: 'ABCDEFGHJK',
        level: 2,
        detail: 'mailbox full',
      },
    ]);
  });

  it('records complaints too', () => {
    const failures = failuresFrom(
      sesEvent('Complaint', 'escalation', {
        complaint: { complainedRecipients: [{ emailAddress: 'x@regionh.example' }] },
      }),
    );
    expect(failures.map((f) => f.kind)).toEqual(['complaint']);
  });

  it('ignores bounces of receipts and alerts, so an alert that bounces cannot trigger another alert', () => {
    const bounce = {
      bounce: {
        bounceType: 'Permanent',
        bouncedRecipients: [{ emailAddress: 'specialenheden@specialenheden.example' }],
      },
    };
    expect(failuresFrom(sesEvent('Bounce', 'nobody-reached', bounce))).toEqual([]);
    expect(failuresFrom(sesEvent('Bounce', 'receipt', bounce))).toEqual([]);
  });

  it('ignores deliveries and malformed events', () => {
    expect(failuresFrom(sesEvent('Delivery', 'escalation', {}))).toEqual([]);
    expect(failuresFrom({ nonsense: true })).toEqual([]);
  });
});
