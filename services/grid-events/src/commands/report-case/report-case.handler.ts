import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ANONYMOUS_ACTOR, DomainError, uuidv7, type Actor } from '@gongzhi/eventsourcing';
import { hasRole, toActor } from '@gongzhi/identity';
import { CaseCommands } from '../../application/case-commands';
import { CaseReporters } from '../../application/case-reporters';
import { DuplicateFinder, type DuplicateSuggestion } from '../../application/duplicate-finder';
import { GridRegister } from '../../application/grid-register';
import { MEDIA_STORE, REFERENCE_DATA } from '../../grid-events.tokens';
import type { MediaStore } from '../../media/media-store';
import type { GridPlace, ReferenceData } from '../../reference-data/reference-data';
import { ReportCase, type CaseIntake } from './report-case.command';

export interface ReportedCase {
  readonly caseId: string;
  readonly gridId: string;
  readonly possibleDuplicates: readonly DuplicateSuggestion[];
}

/** 随手拍: checks the category, the place and the photos, then records the case (and, privately, its reporter). */
@CommandHandler(ReportCase)
export class ReportCaseHandler implements ICommandHandler<ReportCase, ReportedCase> {
  constructor(
    private readonly cases: CaseCommands,
    private readonly reporters: CaseReporters,
    private readonly duplicates: DuplicateFinder,
    private readonly register: GridRegister,
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceData,
    @Inject(MEDIA_STORE) private readonly media: MediaStore,
  ) {}

  async execute({ data: { intake } }: ReportCase): Promise<ReportedCase> {
    this.reference.category(intake.categoryCode);
    const place = this.placeOf(intake);
    if (intake.facilityId) await this.register.assertFacilityOf(place, intake.facilityId);
    for (const [i, photoId] of intake.photoIds.entries()) {
      if (!(await this.media.exists(photoId))) {
        throw new DomainError('PHOTO.NOT_FOUND', `photo ${photoId} was not uploaded`, { field: `photoIds.${i}` });
      }
    }
    const reporter = intake.reporter;
    // Only people read the hints; an Open311 client's answer has no place for them.
    const possibleDuplicates =
      intake.location && reporter ? await this.duplicates.near(reporter, intake.categoryCode, intake.location) : [];
    const now = this.cases.now();
    const caseId = uuidv7(now.getTime());
    const actor: Actor =
      reporter && intake.anonymous
        ? ANONYMOUS_ACTOR
        : reporter
          ? toActor(reporter)
          : { id: `open311:${intake.client ?? 'client'}`, kind: 'service' };
    // The private reporter row goes first; should the append fail, it is removed again, so no half-written case remains.
    if (reporter) await this.reporters.record(caseId, reporter.subject, intake.anonymous, intake.nameVisibleToStaff ?? false);
    try {
      await this.cases.execute(
        caseId,
        {
          type: 'ReportCase',
          data: {
            caseId,
            categoryCode: intake.categoryCode,
            description: intake.description,
            location: intake.location ?? null,
            address: intake.address ?? null,
            gridId: place.grid.id,
            communityId: place.communityId,
            streetId: place.streetId,
            // A machine (the 12345 hotline) reports for a caller it does not name: no resident to credit, as for Open311.
            reporterId: reporter && reporter.kind !== 'service' ? reporter.subject : null,
            anonymous: reporter ? intake.anonymous : false,
            photoIds: [...intake.photoIds],
            reportedVia: intake.via,
            ...(intake.facilityId ? { facilityId: intake.facilityId } : {}),
          },
        },
        { actor, now },
      );
    } catch (error) {
      if (reporter) await this.reporters.forget(caseId);
      throw error;
    }
    return { caseId, gridId: place.grid.id, possibleDuplicates };
  }

  private placeOf(intake: CaseIntake): GridPlace {
    if (intake.location) return this.reference.locate(intake.location);
    const ownGrid = intake.reporter && !hasRole(intake.reporter, 'admin') ? intake.reporter.scope.gridId : undefined;
    const place = (ownGrid && this.reference.findGrid(ownGrid)) || (intake.address && this.reference.locateAddress(intake.address));
    if (!place) {
      throw new DomainError('LOCATION.UNRESOLVED', 'the address names no street, community or grid of the city; give lat and long', {
        field: 'address',
      });
    }
    return place;
  }
}
