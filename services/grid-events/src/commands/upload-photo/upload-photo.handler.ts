import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, uuidv7 } from '@gongzhi/eventsourcing';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { GRID_EVENTS_SETTINGS, MEDIA_STORE } from '../../grid-events.tokens';
import type { GridEventsSettings } from '../../grid-events.settings';
import { sniffImageType, type ImageType, type MediaStore } from '../../media/media-store';
import { reencodePhoto, UndecodablePhotoError } from '../../media/photo-reencoding';
import { UploadPhoto } from './upload-photo.command';

export interface StoredPhoto {
  readonly photoId: string;
  readonly contentType: ImageType;
  readonly size: number;
}

const STAFF_ROLES: readonly string[] = ['grid_worker', 'community_officer', 'street_officer', 'supervisor', 'department_staff', 'admin'];

/**
 * Stores a JPEG, PNG or WebP photo under the size limit; the type is read from the bytes, not from the upload's
 * claim, and only what decodes as that type is kept, re-encoded without its metadata (a photo's EXIF tells where
 * the reporter stood, which an anonymous report must not).
 */
@CommandHandler(UploadPhoto)
export class UploadPhotoHandler implements ICommandHandler<UploadPhoto, StoredPhoto> {
  constructor(
    @Inject(MEDIA_STORE) private readonly media: MediaStore,
    @Inject(GRID_EVENTS_SETTINGS) private readonly settings: GridEventsSettings,
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
  ) {}

  async execute({ data: { bytes, uploadedBy, uploaderRoles = [], uploaderKind = 'user' } }: UploadPhoto): Promise<StoredPhoto> {
    const now = this.infrastructure.clock.now();
    if (!bytes || bytes.length === 0)
      throw new DomainError('PHOTO.MISSING', 'send the photo as multipart/form-data in the field "photo"', { field: 'photo' });
    if (bytes.length > this.settings.maxPhotoBytes) {
      throw new DomainError('PHOTO.TOO_LARGE', `a photo may have at most ${this.settings.maxPhotoBytes} bytes`, { field: 'photo' });
    }
    const contentType = sniffImageType(bytes);
    if (!contentType) throw new DomainError('PHOTO.UNSUPPORTED_TYPE', 'only JPEG, PNG and WebP photos are accepted', { field: 'photo' });
    const clean = await reencodePhoto(bytes, contentType).catch((error: unknown) => {
      if (error instanceof UndecodablePhotoError) {
        throw new DomainError('PHOTO.UNSUPPORTED_TYPE', `${error.message}: send a real JPEG, PNG or WebP photo`, { field: 'photo' });
      }
      throw error;
    });
    const photoId = uuidv7(now.getTime());
    await this.media.put({ id: photoId, bytes: clean, contentType, uploadedBy });
    // Staff photos are evidence other services check (a consent slip of an assisted ballot must exist and be the
    // worker's own); a resident's upload is never announced, as it may belong to an anonymous report.
    const staffRoles = uploaderRoles.filter((role) => STAFF_ROLES.includes(role));
    if (staffRoles.length > 0) {
      await this.infrastructure.eventStore.appendToStream(
        `photo-${photoId}`,
        [
          {
            type: 'StaffPhotoUploaded',
            data: { photoId, uploadedBy, uploaderRoles: staffRoles },
            occurredAt: now.toISOString(),
            actor: { id: uploadedBy, kind: uploaderKind, roles: [...uploaderRoles] },
          },
        ],
        { expectedVersion: 'no_stream' },
      );
    }
    return { photoId, contentType, size: clean.length };
  }
}
