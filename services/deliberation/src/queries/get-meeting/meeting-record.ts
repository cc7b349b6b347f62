import { AgreementDrafted, CouncilMeetingScheduled, MeetingDecisionRecorded } from '@gongzhi/contracts';
import type { AnswerOf } from '@gongzhi/platform';
import { z } from 'zod';
import type { Meeting } from '../../domain/council/council.state';

const instant = z.iso.datetime({ offset: true });
const drafted = AgreementDrafted.schema.shape;

export const meetingRecordResponse = CouncilMeetingScheduled.schema.extend({
  status: z.enum(['Scheduled', 'InSession', 'Ended']),
  startedAt: instant.nullable(),
  endedAt: instant.nullable(),
  decisions: z.array(MeetingDecisionRecorded.schema),
  minutes: z.string().nullable(),
  agreement: z
    .object({
      agreementId: z.string(),
      title: z.string(),
      terms: z.string(),
      parties: z
        .array(drafted.parties.element.omit({ signatoryId: true }).extend({ signedAt: instant.nullable() }))
        .describe('Who the parties are and when each signed; never which account signs for a party'),
      concludedAt: instant.nullable(),
      commitments: z.array(
        drafted.commitments.element.extend({
          status: z.enum(['open', 'overdue', 'completed']),
          completedAt: instant.nullable(),
          late: z.boolean(),
        }),
      ),
    })
    .nullable(),
});

/** The public record of a meeting (直播 and afterwards): everything but who signs for whom is public anyway. */
export function publicRecord(meeting: Meeting): AnswerOf<typeof meetingRecordResponse> {
  const { agreement, ...rest } = meeting;
  return {
    ...rest,
    agreement: agreement && {
      agreementId: agreement.agreementId,
      title: agreement.title,
      terms: agreement.terms,
      parties: agreement.parties.map(({ partyId, kind, name }) => ({
        partyId,
        kind,
        name,
        signedAt: agreement.signatures.find((s) => s.partyId === partyId)?.signedAt ?? null,
      })),
      concludedAt: agreement.concludedAt,
      commitments: agreement.commitments.map(({ commitmentId, partyId, description, dueAt, status, completedAt, late }) => ({
        commitmentId,
        partyId,
        description,
        dueAt,
        status,
        completedAt,
        late,
      })),
    },
  };
}
