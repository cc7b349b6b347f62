import { publicEvents, TOPICS, type PublicEvent } from '@gongzhi/contracts';
import type { ConsumerDefinition } from '@gongzhi/messaging';
import type { DataSource } from 'typeorm';
import { StaffPhoto } from './staff-photo.entity';

/** Keeps which staff photo exists and who uploaded it, from grid-events' topic (any transport). */
export const staffPhotosProjector: ConsumerDefinition<PublicEvent> & { entities: readonly unknown[] } = {
  name: 'deliberation.staff-photos',
  topics: [TOPICS['grid-events']],
  parser: publicEvents,
  entities: [StaffPhoto],
  handle: async (event, manager) => {
    if (event.type !== 'StaffPhotoUploaded') return;
    // Insert only: a redelivery must not forget whose slip the photo already is.
    await manager
      .createQueryBuilder()
      .insert()
      .into(StaffPhoto)
      .values({ photoId: event.data.photoId, uploadedBy: event.data.uploadedBy, uploadedAt: event.occurredAt, slipOfResidentId: null })
      .orIgnore()
      .execute();
  },
};

/** Port: who uploaded a photo, if it exists, and whose consent slip it already is. */
export interface SlipPhotos {
  find(photoId: string): Promise<{ readonly uploadedBy: string; readonly slipOfResidentId: string | null } | undefined>;
  /** Marks the photo as this resident's slip; false when it is already another resident's. */
  claim(photoId: string, residentId: string): Promise<boolean>;
}

export const SLIP_PHOTOS = Symbol('deliberation:SLIP_PHOTOS');

/** How long an unknown slip photo is waited for (the in-process bus reads a new event within ~50 ms). */
const UPLOAD_CATCH_UP = { attempts: 15, everyMs: 100 } as const;

export class ProjectedSlipPhotos implements SlipPhotos {
  constructor(private readonly dataSource: DataSource) {}

  async find(photoId: string) {
    // The app uploads the slip and records the ballot in one go: give the projection a moment to read the upload.
    for (let attempt = 0; ; attempt++) {
      const photo = await this.dataSource.getRepository(StaffPhoto).findOneBy({ photoId });
      if (photo || attempt >= UPLOAD_CATCH_UP.attempts) return photo ?? undefined;
      await new Promise((resolve) => setTimeout(resolve, UPLOAD_CATCH_UP.everyMs));
    }
  }

  async claim(photoId: string, residentId: string): Promise<boolean> {
    // One conditional update: two workers racing with one slip for two residents cannot both win.
    await this.dataSource
      .createQueryBuilder()
      .update(StaffPhoto)
      .set({ slipOfResidentId: residentId })
      .where('photo_id = :photoId AND slip_of_resident_id IS NULL', { photoId })
      .execute();
    return (await this.dataSource.getRepository(StaffPhoto).findOneBy({ photoId }))?.slipOfResidentId === residentId;
  }
}
