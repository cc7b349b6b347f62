import type { Meeting } from '../../domain/council/council.state';

/** The public record of a meeting (直播 and afterwards): everything but who signs for whom is public anyway. */
export function publicRecord(meeting: Meeting) {
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
