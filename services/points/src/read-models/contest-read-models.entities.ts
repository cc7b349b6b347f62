import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@gongzhi/persistence';

/**
 * A contest as residents and staff list it, with the fold of its stream kept beside it: the projector evolves that
 * state with the decider's own `evolve`, so the standings it writes are the decider's standings.
 */
@Entity('points_contests')
@Index(['communityId', 'status'])
export class ContestView {
  @PrimaryColumn('varchar', { name: 'contest_id', length: 100 })
  contestId!: string;

  @Column('varchar', { length: 20 })
  kind!: 'idea' | 'building' | 'volunteer';

  @Column('varchar', { length: 200 })
  title!: string;

  @Column('varchar', { name: 'community_id', length: 100 })
  communityId!: string;

  @Column('varchar', { length: 20 })
  status!: 'open' | 'closed';

  @InstantColumn({ name: 'starts_at' })
  startsAt!: string;

  @InstantColumn({ name: 'ends_at' })
  endsAt!: string;

  @Column('int', { name: 'prize_points' })
  prizePoints!: number;

  @Column('int', { name: 'team_prize_points' })
  teamPrizePoints!: number;

  @Column('int')
  winners!: number;

  /** The teams (volunteer month) and buildings (最美楼栋) a resident or rater chooses from. */
  @Column('simple-json')
  choices!: { id: string; name: string }[];

  /** The ideas of an idea contest, for voting: id, title, description, votes. */
  @Column('simple-json')
  entries!: { entryId: string; title: string; description: string; votes: number }[];

  /** The contest's folded state (internal to the projector). */
  @Column('simple-json')
  state!: unknown;
}

/** A place in a contest's standings; the rows of a contest are rewritten whole at each of its events. */
@Entity('points_contest_standings')
export class ContestStandingView {
  @PrimaryColumn('varchar', { name: 'contest_id', length: 100 })
  contestId!: string;

  @PrimaryColumn('varchar', { length: 20 })
  kind!: 'idea' | 'building' | 'team' | 'resident';

  @PrimaryColumn('varchar', { name: 'subject_id', length: 100 })
  subjectId!: string;

  @Column('int')
  rank!: number;

  @Column('varchar', { length: 200 })
  label!: string;

  @Column('double precision')
  score!: number;
}

/** Deliberation's building register as far as contests need it: a 最美楼栋 takes its roll from here when it opens. */
@Entity('points_contest_buildings')
@Index(['communityId'])
export class ContestBuilding {
  @PrimaryColumn('varchar', { name: 'building_id', length: 100 })
  buildingId!: string;

  @Column('varchar', { name: 'community_id', length: 100 })
  communityId!: string;

  @Column('varchar', { length: 200 })
  name!: string;
}

@Entity('points_contest_building_residents')
export class ContestBuildingResident {
  @PrimaryColumn('varchar', { name: 'building_id', length: 100 })
  buildingId!: string;

  @PrimaryColumn('varchar', { name: 'resident_id', length: 100 })
  residentId!: string;
}

export const CONTEST_ENTITIES = [ContestView, ContestStandingView, ContestBuilding, ContestBuildingResident];
