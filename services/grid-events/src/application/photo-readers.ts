import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { CaseView } from '../read-models/case-view.entity';
import type { StoredPhoto } from '../media/media-store';
import { CaseReaders, factsOf } from './case-readers';
import { caseSight, STRANGER } from './case-visibility';

export const PHOTO_ID = /^[0-9a-f-]{36}$/;

/**
 * A photo is as readable as the case it shows: anyone's once the case is public, before that its reporter's,
 * followers' and handlers'. A photo no case names yet (just uploaded, or the evidence of another service) is its
 * uploader's alone.
 */
@Injectable()
export class PhotoReaders {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
    private readonly readers: CaseReaders,
  ) {}

  async mayRead(reader: Principal | undefined, photo: StoredPhoto): Promise<boolean> {
    if (reader && photo.uploadedBy === reader.subject) return true;
    if (!PHOTO_ID.test(photo.id)) return false;
    // Photo ids are JSON lists in the view; the id's shape (checked above) keeps LIKE's wildcards out.
    const cases = await this.infrastructure.dataSource
      .getRepository(CaseView)
      .createQueryBuilder('c')
      .where('c.photoIds LIKE :id OR c.afterPhotoIds LIKE :id', { id: `%"${photo.id}"%` })
      .getMany();
    if (cases.length === 0) return false;
    if (!reader) return cases.some((c) => caseSight(factsOf(c, undefined), STRANGER).content === 'full');
    const sights = await this.readers.sightsOf(reader, cases);
    return [...sights.values()].some((s) => s.content === 'full');
  }
}
