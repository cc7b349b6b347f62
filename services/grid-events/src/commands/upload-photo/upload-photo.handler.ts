import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, uuidv7 } from '@gongzhi/eventsourcing';
import { GRID_EVENTS_SETTINGS, MEDIA_STORE } from '../../grid-events.tokens';
import type { GridEventsSettings } from '../../grid-events.settings';
import { sniffImageType, type ImageType, type MediaStore } from '../../media/media-store';
import { UploadPhoto } from './upload-photo.command';

export interface StoredPhoto {
  readonly photoId: string;
  readonly contentType: ImageType;
  readonly size: number;
}

/** Stores a JPEG, PNG or WebP photo under the size limit; the type is read from the bytes, not from the upload's claim. */
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
    const photoId = uuidv7(now.getTime());
    await this.media.put({ id: photoId, bytes, contentType, uploadedBy });
    return { photoId, contentType, size: bytes.length };
  }
}
