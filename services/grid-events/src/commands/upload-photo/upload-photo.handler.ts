import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, uuidv7 } from '@gongzhi/eventsourcing';
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
  ) {}

  async execute({ bytes, uploadedBy, now }: UploadPhoto): Promise<StoredPhoto> {
    if (!bytes || bytes.length === 0) throw new DomainError('PHOTO.MISSING', 'send the photo as multipart/form-data in the field "photo"', { field: 'photo' });
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
    return { photoId, contentType, size: clean.length };
  }
}
