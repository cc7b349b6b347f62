import {
  Controller,
  Get,
  HttpCode,
  Inject,
  Injectable,
  Param,
  PayloadTooLargeException,
  Post,
  Req,
  Res,
  UploadedFile,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { catchError, throwError, type Observable } from 'rxjs';
import { DomainError } from '@gongzhi/eventsourcing';
import {
  AuthenticationError,
  CurrentPrincipal,
  ErrorAnswers,
  Public,
  TOKEN_VERIFIER,
  type Principal,
  type TokenVerifier,
} from '@gongzhi/identity';
import { GRID_EVENTS_SETTINGS, MEDIA_STORE } from '../../grid-events.tokens';
import type { GridEventsSettings } from '../../grid-events.settings';
import { PhotoReaders } from '../../application/photo-readers';
import type { ImageType, MediaStore } from '../../media/media-store';
import { UploadPhoto } from './upload-photo.command';
import type { StoredPhoto } from './upload-photo.handler';

/**
 * Multer's limits for the photo upload (given to `MulterModule.register` by the service module): it stops reading
 * one byte past the limit, so an oversized upload never fills memory; the handler names the limit.
 */
export const photoUploadLimits = (settings: Pick<GridEventsSettings, 'maxPhotoBytes'>) => ({
  fileSize: settings.maxPhotoBytes + 1,
  files: 1,
});

/**
 * Multer refuses an upload past the limit with Nest's bare 413 (`HTTP.PAYLOAD_TOO_LARGE`); this names it as the
 * handler does, `PHOTO.TOO_LARGE` on the field `photo`. Listed before FileInterceptor, so it wraps it.
 */
@Injectable()
class PhotoTooLargeInterceptor implements NestInterceptor {
  constructor(@Inject(GRID_EVENTS_SETTINGS) private readonly settings: GridEventsSettings) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next
      .handle()
      .pipe(
        catchError((error: unknown) =>
          throwError(() =>
            error instanceof PayloadTooLargeException
              ? new DomainError('PHOTO.TOO_LARGE', `a photo may have at most ${this.settings.maxPhotoBytes} bytes`, { field: 'photo' })
              : error,
          ),
        ),
      );
  }
}

type UploadedPhoto = { buffer: Buffer };
type RawResponse = { setHeader(name: string, value: string): void; end(body: Buffer): void };
type RawRequest = { headers: Record<string, string | string[] | undefined> };

const EXTENSION_OF: Readonly<Record<ImageType, string>> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

@ApiTags('photos')
@ApiBearerAuth()
@Controller('api/photos')
export class UploadPhotoHttpController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(MEDIA_STORE) private readonly media: MediaStore,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    private readonly photoReaders: PhotoReaders,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['photo'], properties: { photo: { type: 'string', format: 'binary' } } } })
  @ErrorAnswers(400, 413, 415)
  @ApiOperation({ summary: 'Upload a before- or after-photo (JPEG, PNG or WebP); use its id in a report or a resolution' })
  @UseInterceptors(PhotoTooLargeInterceptor, FileInterceptor('photo'))
  upload(@CurrentPrincipal() principal: Principal, @UploadedFile() file: UploadedPhoto | undefined) {
    return this.commands.execute<UploadPhoto, StoredPhoto>(
      new UploadPhoto({
        bytes: file?.buffer,
        uploadedBy: principal.subject,
        uploaderRoles: principal.roles,
        uploaderKind: principal.kind ?? 'user',
      }),
    );
  }

  // Open without a token for photos of public cases, so Open311 clients can show media_url; a bearer token, when
  // sent, lets a reporter, follower or handler see the photos of a case not public yet.
  @Get(':photoId')
  @Public()
  @ApiOperation({
    summary:
      "A photo, as readable as its case: public once the case is; before that its reporter's, followers' and handlers' (send the token)",
  })
  async download(@Param('photoId') photoId: string, @Req() request: RawRequest, @Res() response: RawResponse) {
    const reader = await this.optionalReader(request);
    const photo = await this.media.get(photoId);
    // A photo the caller may not see answers like one that does not exist.
    if (!photo || !(await this.photoReaders.mayRead(reader, photo))) throw new DomainError('MEDIA.NOT_FOUND', `no photo ${photoId}`);
    response.setHeader('content-type', photo.contentType);
    // The bytes are an image and nothing else: no sniffing into HTML, no scripts or frames even if opened directly.
    response.setHeader('x-content-type-options', 'nosniff');
    response.setHeader('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox");
    response.setHeader('content-disposition', `inline; filename="${photo.id}.${EXTENSION_OF[photo.contentType]}"`);
    response.setHeader('cache-control', 'private, max-age=86400');
    response.setHeader('vary', 'authorization');
    response.end(photo.bytes);
  }

  private async optionalReader(request: RawRequest): Promise<Principal | undefined> {
    const header = request.headers['authorization'];
    if (header === undefined) return undefined;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!match) throw AuthenticationError.missingToken();
    return this.verifier.verify(match[1]);
  }
}
