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
    await manager.save(StaffPhoto, { photoId: event.data.photoId, uploadedBy: event.data.uploadedBy, uploadedAt: event.occurredAt });
  },
};

/** Port: who uploaded a photo, if it exists. */
export interface SlipPhotos {
  uploaderOf(photoId: string): Promise<string | undefined>;
}

export const SLIP_PHOTOS = Symbol('deliberation:SLIP_PHOTOS');

export class ProjectedSlipPhotos implements SlipPhotos {
  constructor(private readonly dataSource: DataSource) {}

  async uploaderOf(photoId: string): Promise<string | undefined> {
    return (await this.dataSource.getRepository(StaffPhoto).findOneBy({ photoId }))?.uploadedBy;
  }
}
