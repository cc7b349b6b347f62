import { mkdirSync } from 'node:fs';
import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImageType, MediaStore, StoredPhoto } from './media-store';

const SAFE_ID = /^[0-9a-f-]{36}$/;

/** Photos as files under one folder: `<id>` holds the bytes, `<id>.json` the type and uploader. */
export class LocalDiskMediaStore implements MediaStore {
  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  async put(photo: { id: string; bytes: Buffer; contentType: ImageType; uploadedBy: string }): Promise<void> {
    if (!SAFE_ID.test(photo.id)) throw new Error(`not a photo id: ${photo.id}`);
    // Bytes first, then the metadata by rename: a photo is visible only once whole.
    await writeFile(join(this.dir, photo.id), photo.bytes);
    const meta = join(this.dir, `${photo.id}.json`);
    await writeFile(`${meta}.tmp`, JSON.stringify({ contentType: photo.contentType, uploadedBy: photo.uploadedBy }));
    await rename(`${meta}.tmp`, meta);
  }

  async get(id: string): Promise<StoredPhoto | undefined> {
    if (!(await this.exists(id))) return undefined;
    const meta = JSON.parse(await readFile(join(this.dir, `${id}.json`), 'utf8')) as { contentType: ImageType; uploadedBy: string };
    return { id, bytes: await readFile(join(this.dir, id)), contentType: meta.contentType, uploadedBy: meta.uploadedBy };
  }

  async exists(id: string): Promise<boolean> {
    if (!SAFE_ID.test(id)) return false;
    return stat(join(this.dir, `${id}.json`)).then(
      () => true,
      () => false,
    );
  }
}
