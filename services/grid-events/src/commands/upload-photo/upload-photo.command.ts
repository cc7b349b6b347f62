/** A before- or after-photo, as the bytes arrived (nothing, when the field was missing). */
export class UploadPhoto {
  constructor(
    readonly bytes: Buffer | undefined,
    readonly uploadedBy: string,
    /** The uploader's roles: a staff member's upload is announced (StaffPhotoUploaded), a resident's never. */
    readonly uploaderRoles: readonly string[] = [],
    /** A department's system uploads as itself: the announcement's actor says so. */
    readonly uploaderKind: 'user' | 'service' = 'user',
  ) {}
}
