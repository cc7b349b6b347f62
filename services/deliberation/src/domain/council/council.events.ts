import type { Public } from '../topic/topic.events';

// The meeting's events are its public contracts (libs/contracts/src/events/deliberation/council-meeting.ts), stored as they are.

export type CouncilEvent =
  | Public<'CouncilMeetingScheduled'>
  | Public<'CouncilMeetingStarted'>
  | Public<'MeetingDecisionRecorded'>
  | Public<'MeetingMinutesRecorded'>
  | Public<'CouncilMeetingEnded'>
  | Public<'AgreementDrafted'>
  | Public<'AgreementSigned'>
  | Public<'AgreementConcluded'>
  | Public<'CommitmentCompleted'>
  | Public<'CommitmentOverdue'>;
