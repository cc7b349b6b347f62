import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@gongzhi/identity';
import { REFERENCE_DATA } from '../grid-events.tokens';
import type { CaseFacts } from '../domain/case/case.state';
import type { CaseReporter } from '../read-models/case-reporter.entity';
import type { ReferenceData } from '../reference-data/reference-data';
import { overseesHere, placeOf } from './case-access';
import { CaseReporters } from './case-reporters';
import { caseSight, type CaseReader, type CaseSight } from './case-visibility';

/** What the rule needs to know of a case, whichever read model or state it comes from. */
export interface ReadableCase {
  readonly caseId: string;
  readonly status: string;
  readonly gridId: string;
  readonly departmentId: string | null;
  readonly anonymous: boolean;
  /** The reporter's id where the public record carries it (never for an anonymous one). */
  readonly reporterId: string | null;
}

/** A case with what the private records say of it: who reported it, and whether the reader follows it. */
export interface ReadableCaseWithRecords extends ReadableCase {
  readonly privateReporter: Pick<CaseReporter, 'reporterId' | 'nameVisibleToStaff'> | null;
  readonly followed: boolean;
}

/** A case's own state as the rule reads it. */
export function readableCaseOf(state: CaseFacts): ReadableCase {
  return {
    caseId: state.caseId,
    status: state.status,
    gridId: state.report.gridId,
    departmentId: state.assignment?.departmentId ?? null,
    anonymous: state.report.anonymous,
    reporterId: state.report.reporterId,
  };
}

/** Establishes how a signed-in reader stands to cases (from the private reporter and follower records) and asks caseSight. */
@Injectable()
export class CaseReaders {
  constructor(
    private readonly reporters: CaseReporters,
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceData,
  ) {}

  async sightOf(principal: Principal, item: ReadableCase): Promise<CaseSight> {
    return (await this.sightsOf(principal, [item])).get(item.caseId)!;
  }

  /** One sight per case id, with two queries for the whole batch. */
  async sightsOf(principal: Principal, items: readonly ReadableCase[]): Promise<Map<string, CaseSight>> {
    const ids = items.map((i) => i.caseId);
    const [reporterRows, followed] = await Promise.all([
      this.reporters.reportersOf(ids),
      this.reporters.followedBy(principal.subject, ids),
    ]);
    return new Map(
      items.map((item) => [
        item.caseId,
        this.sightFrom(principal, { ...item, privateReporter: reporterRows.get(item.caseId) ?? null, followed: followed.has(item.caseId) }),
      ]),
    );
  }

  /** The sight of a case read together with its private records (a list's one query), with no query of its own. */
  sightFrom(principal: Principal, item: ReadableCaseWithRecords): CaseSight {
    const row = item.privateReporter ?? undefined;
    const reader: CaseReader = {
      reporter: row?.reporterId === principal.subject,
      follower: item.followed,
      staff: this.staffOf(principal, item),
      sender: false,
    };
    return caseSight(factsOf(item, row), reader);
  }

  private staffOf(principal: Principal, item: ReadableCase): boolean {
    const grid = this.reference.findGrid(item.gridId);
    return grid !== undefined && overseesHere(principal, placeOf(grid), item.departmentId);
  }
}

export function factsOf(item: ReadableCase, row: Pick<CaseReporter, 'reporterId' | 'nameVisibleToStaff'> | undefined) {
  return {
    status: item.status,
    anonymous: item.anonymous,
    reporterId: row?.reporterId ?? item.reporterId,
    nameVisibleToStaff: row?.nameVisibleToStaff ?? false,
  };
}
