/** A before- or after-photo, as the bytes arrived (nothing, when the field was missing). */
export class UploadPhoto {
  readonly type = 'UploadPhoto';
  constructor(
    readonly data: {
      readonly bytes: Buffer | undefined;
      readonly uploadedBy: string;
      /** The uploader's roles: a staff member's upload is announced (StaffPhotoUploaded), a resident's never; none when absent. */
      readonly uploaderRoles?: readonly string[];
      /** A department's system uploads as itself: the announcement's actor says so; a user when absent. */
      readonly uploaderKind?: 'user' | 'service';
    },
  ) {}
}
