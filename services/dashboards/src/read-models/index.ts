import { AssistedBallotFact } from './assisted-ballot.entity';
import { CaseDaily, CaseFact } from './case-fact.entity';
import { CoBuildingDaily, CoBuildingOrganisationFact, CoBuildingProjectFact } from './co-building.entities';
import { AdoptedSuggestion, DeliberationDaily, TopicFact } from './deliberation.entities';
import { EvaluationReportRow, EvaluatorGrantRow } from './evaluation.entities';
import { PointsDaily, ResidentHonour } from './points.entities';
import { ResidentActivity } from './resident-activity.entity';
import { WhistleDaily, WhistleFact, WhistleSummons } from './whistle.entities';

export * from './assisted-ballot.entity';
export * from './case-fact.entity';
export * from './co-building.entities';
export * from './deliberation.entities';
export * from './evaluation.entities';
export * from './points.entities';
export * from './resident-activity.entity';
export * from './whistle.entities';
export * from './daily-counter';

/** The dashboards' tables (the messaging tables — inbox, positions, dead letters — come from the runtime). */
export const DASHBOARDS_ENTITIES = [
  CaseFact,
  CaseDaily,
  WhistleFact,
  WhistleSummons,
  WhistleDaily,
  TopicFact,
  AdoptedSuggestion,
  DeliberationDaily,
  AssistedBallotFact,
  ResidentHonour,
  PointsDaily,
  ResidentActivity,
  CoBuildingProjectFact,
  CoBuildingOrganisationFact,
  CoBuildingDaily,
  EvaluatorGrantRow,
  EvaluationReportRow,
];
