import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@gongzhi/persistence';

/**
 * The photos staff uploaded to grid-events' media store (StaffPhotoUploaded): which exist and who took
 * them, so a consent slip presented with an assisted ballot can be checked. Never the bytes.
 */
@Entity('deliberation_staff_photos')
export class StaffPhoto {
  @PrimaryColumn('varchar', { name: 'photo_id', length: 100 })
  photoId!: string;

  @Column('varchar', { name: 'uploaded_by', length: 100 })
  uploadedBy!: string;

  @InstantColumn({ name: 'uploaded_at' })
  uploadedAt!: string;

  /** The resident whose consent the slip proved, once it served one: a slip is one resident's signature. */
  @Column('varchar', { name: 'slip_of_resident_id', length: 100, nullable: true })
  slipOfResidentId!: string | null;
}
