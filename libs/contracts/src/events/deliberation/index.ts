// The deliberation service's public events, one file per aggregate; this index keeps every export of the
// former single file, and the contracts' order (the AsyncAPI document lists them in it).
import {
  TopicProposed,
  TopicCoSigned,
  TopicScreened,
  ConsultationOpened,
  DiscussionOpened,
  MeetingAttended,
  VotingOpened,
  VotingClosed,
  TopicDecided,
  ImplementationProgressReported,
  TopicCompleted,
  StakeholderInputAdded,
  TopicEvaluated,
  SuggestionAdopted,
} from './topic';
import { VotingRollRecorded, BallotCast, BallotWithdrawn } from './voting';
import { CommentPosted, ContentReported, ContentHidden, ContentReviewed } from './comment';
import {
  BudgetPoolOpened,
  NeedOrdered,
  NeedMatched,
  BudgetVotingOpened,
  BudgetVotingClosed,
  BudgetProjectProgressReported,
  BudgetProjectCompleted,
  BudgetProjectEvaluated,
} from './budget';
import { AssistedBallotRecorded, AssistedBallotWithdrawn, AssistedCommentRecorded } from './assisted';
import {
  CouncilMeetingScheduled,
  CouncilMeetingStarted,
  MeetingDecisionRecorded,
  MeetingMinutesRecorded,
  CouncilMeetingEnded,
  AgreementDrafted,
  AgreementSigned,
  AgreementConcluded,
  CommitmentCompleted,
  CommitmentOverdue,
} from './council-meeting';
import { CouncilVolunteerRegistered, CouncilRotated } from './council-rotation';
import {
  BuildingRegistered,
  HomeRecorded,
  BuildingResidentRecorded,
  BuildingHeadElectionOpened,
  BuildingHeadBallotCast,
  BuildingHeadElectionClosed,
  TopicScopedToBuilding,
} from './building';
import { OwnersVoteOpened, OwnerBallotCast, OwnersVoteClosed } from './owners-vote';
import { VolunteerRoleOptedIn, VolunteerRoleOptedOut } from './volunteer-roles';
import { VolunteerTeamFormed, VolunteerTeamLeaderAppointed, VolunteerTeamLeaderStoodDown } from './volunteer-teams';
import { InterestGroupCreated, InterestGroupJoined, InterestGroupLeft, TopicScopedToGroup } from './interest-group';

export * from './topic';
export * from './voting';
export * from './comment';
export * from './budget';
export * from './assisted';
export * from './council-meeting';
export * from './council-rotation';
export * from './building';
export * from './owners-vote';
export * from './volunteer-roles';
export * from './interest-group';
export * from './volunteer-teams';

export const deliberationContracts = [
  TopicProposed,
  TopicCoSigned,
  CouncilVolunteerRegistered,
  CouncilRotated,
  TopicScreened,
  ConsultationOpened,
  DiscussionOpened,
  MeetingAttended,
  VotingOpened,
  VotingRollRecorded,
  BallotCast,
  VotingClosed,
  TopicDecided,
  ImplementationProgressReported,
  TopicCompleted,
  TopicEvaluated,
  SuggestionAdopted,
  StakeholderInputAdded,
  CommentPosted,
  ContentReported,
  ContentHidden,
  ContentReviewed,
  BudgetPoolOpened,
  NeedOrdered,
  NeedMatched,
  BudgetVotingOpened,
  BudgetVotingClosed,
  BudgetProjectProgressReported,
  BudgetProjectCompleted,
  BudgetProjectEvaluated,
  AssistedBallotRecorded,
  AssistedBallotWithdrawn,
  BallotWithdrawn,
  AssistedCommentRecorded,
  CouncilMeetingScheduled,
  CouncilMeetingStarted,
  MeetingDecisionRecorded,
  MeetingMinutesRecorded,
  CouncilMeetingEnded,
  AgreementDrafted,
  AgreementSigned,
  AgreementConcluded,
  CommitmentCompleted,
  CommitmentOverdue,
  BuildingRegistered,
  HomeRecorded,
  BuildingResidentRecorded,
  BuildingHeadElectionOpened,
  BuildingHeadBallotCast,
  BuildingHeadElectionClosed,
  TopicScopedToBuilding,
  OwnersVoteOpened,
  OwnerBallotCast,
  OwnersVoteClosed,
  VolunteerRoleOptedIn,
  VolunteerRoleOptedOut,
  InterestGroupCreated,
  InterestGroupJoined,
  InterestGroupLeft,
  TopicScopedToGroup,
  VolunteerTeamFormed,
  VolunteerTeamLeaderAppointed,
  VolunteerTeamLeaderStoodDown,
] as const;
