import { DomainError } from '@gongzhi/eventsourcing';
import { assertNamedGrid, assertRealVerifiedResident, assertSlipOfAssistant } from '../domain/assisted/assisted-evidence';
import type { Consent } from '../domain/assisted/assisted.decider';
import type { Caller } from '../domain/caller';
import type { ResidentRegister } from '../roll/resident-register';
import type { ConsentCodes } from './consent-codes';
import type { SlipPhotos } from './staff-photos.projector';

// What recording for a resident (入户走访) takes, whichever use case records: their consent, checked, then spent.

/** The consent the assisting staff present: a code read from the resident's phone, or a signed slip's photo. */
export type PresentedConsent =
  | { readonly method: 'one_time_code'; readonly code: string }
  | { readonly method: 'signed_slip'; readonly slipPhotoId: string; readonly gridId?: string };

/** What the assisting staff see: that it was recorded, never what. */
export interface AssistedReceipt {
  readonly topicId: string;
  readonly residentId: string;
  readonly status: 'recorded';
  readonly ballotId?: string;
  readonly commentId?: string;
}

/**
 * Who the resident is and whether they consented, before anything is written. The register says whether
 * the resident is real and verified and where they live; a code is checked against what the resident's
 * phone showed; a slip must be a photo the recording staff member uploaded.
 */
export async function consentingResident(evidence: AssistedEvidence, assistant: Caller, residentId: string, consent: PresentedConsent) {
  const resident = assertRealVerifiedResident(residentId, await evidence.register.find(residentId));
  if (consent.method === 'one_time_code') {
    await evidence.codes.check(residentId, consent.code);
    return { resident, consent: { method: 'one_time_code', slipPhotoId: null } as Consent };
  }
  if (!consent.slipPhotoId?.trim()) {
    throw new DomainError('ASSISTED.CONSENT_REQUIRED', 'consent.slipPhotoId: a photo of the signed consent slip is required', {
      field: 'consent.slipPhotoId',
    });
  }
  assertNamedGrid(consent.gridId, resident);
  assertSlipOfAssistant(consent.slipPhotoId, await evidence.photos.find(consent.slipPhotoId), assistant, residentId);
  return { resident, consent: { method: 'signed_slip', slipPhotoId: consent.slipPhotoId } as Consent };
}

/** The code is spent, or the slip becomes this resident's: the last step before anything is written. */
export async function spendConsent(evidence: AssistedEvidence, residentId: string, presented: PresentedConsent): Promise<void> {
  if (presented.method === 'one_time_code') return evidence.codes.spend(residentId, presented.code);
  if (!(await evidence.photos.claim(presented.slipPhotoId, residentId))) {
    throw new DomainError(
      'ASSISTED.SLIP_PHOTO_USED',
      "the slip photo is already another resident's consent: each resident signs their own slip",
      {
        field: 'consent.slipPhotoId',
      },
    );
  }
}

export interface AssistedEvidence {
  readonly codes: ConsentCodes;
  readonly register: ResidentRegister;
  readonly photos: SlipPhotos;
}
