/** A before- or after-photo, as the bytes arrived (nothing, when the field was missing). */
export class UploadPhoto {
  constructor(
    readonly bytes: Buffer | undefined,
    readonly uploadedBy: string,
    readonly now: Date,
  ) {}
}
