import { DomainError } from '@gongzhi/eventsourcing';
import type { Caller } from '../caller';
import type { ResidentPlace } from './assisted.decider';

/** The resident as the register answers for them (undefined: nobody by that id). */
export interface RegisterAnswer {
  readonly communityId: string | null;
  readonly gridId: string | null;
  readonly verified: boolean;
}

/**
 * Staff record only for a real resident an officer has verified: a made-up id or an unverified account is
 * how a box is stuffed, so both are refused before anything is written. Where the resident lives is the
 * register's word, never the worker's.
 */
export function assertRealVerifiedResident(
  residentId: string,
  registered: RegisterAnswer | undefined,
): ResidentPlace & { verification: 'verified' } {
  if (!registered) throw new DomainError('ASSISTED_RESIDENT.NOT_FOUND', `no resident ${residentId} is registered`, { field: 'residentId' });
  if (!registered.verified) {
    throw new DomainError(
      'ASSISTED.RESIDENT_NOT_VERIFIED',
      "the resident's identity is not verified: an officer verifies them first, then staff may record for them",
      {
        field: 'residentId',
      },
    );
  }
  return { communityId: registered.communityId, gridId: registered.gridId, verification: 'verified' };
}

/**
 * A signed slip is evidence only if its photo exists, the recording worker took it, and it is not already
 * another resident's slip: a slip id made up, borrowed from another worker's upload, or reused for a second
 * resident proves no consent.
 */
export function assertSlipOfAssistant(
  slipPhotoId: string,
  photo: { readonly uploadedBy: string; readonly slipOfResidentId: string | null } | undefined,
  assistant: Caller,
  residentId: string,
): void {
  if (photo === undefined) {
    throw new DomainError(
      'ASSISTED.SLIP_PHOTO_UNKNOWN',
      `no photo ${slipPhotoId} was uploaded by staff: upload the signed slip first (POST /api/photos)`,
      {
        field: 'consent.slipPhotoId',
      },
    );
  }
  if (photo.uploadedBy !== assistant.subject) {
    throw new DomainError(
      'ASSISTED.SLIP_PHOTO_NOT_YOURS',
      'the slip photo was uploaded by someone else: the staff who record the ballot upload the slip they hold',
      {
        field: 'consent.slipPhotoId',
      },
    );
  }
  // One slip, one resident's signature: a photo that proved another resident's consent proves nothing here.
  if (photo.slipOfResidentId !== null && photo.slipOfResidentId !== residentId) {
    throw new DomainError(
      'ASSISTED.SLIP_PHOTO_USED',
      "the slip photo is already another resident's consent: each resident signs their own slip",
      {
        field: 'consent.slipPhotoId',
      },
    );
  }
}

/** The grid the worker names on a slip must be the register's; it is not theirs to choose. */
export function assertNamedGrid(namedGridId: string | undefined, resident: ResidentPlace): void {
  if (namedGridId !== undefined && namedGridId !== resident.gridId) {
    throw new DomainError('ASSISTED.GRID_MISMATCH', `the resident lives in ${resident.gridId ?? 'no grid'}, not ${namedGridId}`, {
      field: 'consent.gridId',
    });
  }
}
