import type { DataSource } from 'typeorm';
import type { ImageType, MediaStore, StoredPhoto } from './media-store';

/**
 * Photos in the service's own PostgreSQL schema (table `photo`, created by a migration): where no object
 * store exists, every replica of grid-events reads what any replica was given, and a photo survives the
 * container it was uploaded to. A photo is one row, so it is visible only once whole.
 */
export class PostgresMediaStore implements MediaStore {
  constructor(private readonly dataSource: DataSource) {}

  async put(photo: { id: string; bytes: Buffer; contentType: ImageType; uploadedBy: string }): Promise<void> {
    // A retried upload of the same id keeps the first bytes: ids are generated, so a repeat is the same photo.
    await this.dataSource.query(
      `INSERT INTO ${this.table} (id, content_type, uploaded_by, bytes) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING`,
      [photo.id, photo.contentType, photo.uploadedBy, photo.bytes],
    );
  }

  async get(id: string): Promise<StoredPhoto | undefined> {
    if (!UUID.test(id)) return undefined;
    const [row] = (await this.dataSource.query(`SELECT content_type, uploaded_by, bytes FROM ${this.table} WHERE id = $1`, [id])) as {
      content_type: ImageType;
      uploaded_by: string;
      bytes: Buffer;
    }[];
    return row ? { id, bytes: row.bytes, contentType: row.content_type, uploadedBy: row.uploaded_by } : undefined;
  }

  async exists(id: string): Promise<boolean> {
    if (!UUID.test(id)) return false;
    const rows = (await this.dataSource.query(`SELECT 1 FROM ${this.table} WHERE id = $1`, [id])) as unknown[];
    return rows.length > 0;
  }

  private get table(): string {
    const schema = (this.dataSource.options as { schema?: string }).schema;
    return schema ? `"${schema}"."photo"` : '"photo"';
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
