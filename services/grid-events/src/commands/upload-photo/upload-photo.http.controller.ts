import {
  Controller,
  Get,
  HttpCode,
  Inject,
  Injectable,
  Param,
  PayloadTooLargeException,
  Post,
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
import { CurrentPrincipal, ErrorAnswers, Public, type Principal } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { MEDIA_STORE } from '../../grid-events.tokens';
import { settingsFromEnv } from '../../grid-events.settings';
import type { MediaStore } from '../../media/media-store';
import { UploadPhoto } from './upload-photo.command';
import type { StoredPhoto } from './upload-photo.handler';

// Multer stops reading one byte past the limit, so an oversized upload never fills memory; the handler names the limit.
const maxPhotoBytes = settingsFromEnv().maxPhotoBytes;
const uploadLimit = maxPhotoBytes + 1;

/**
 * Multer refuses an upload past the limit with Nest's bare 413 (`HTTP.PAYLOAD_TOO_LARGE`); this names it as the
 * handler does, `PHOTO.TOO_LARGE` on the field `photo`. Listed before FileInterceptor, so it wraps it.
 */
@Injectable()
class PhotoTooLargeInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) =>
        throwError(() =>
          error instanceof PayloadTooLargeException
            ? new DomainError('PHOTO.TOO_LARGE', `a photo may have at most ${maxPhotoBytes} bytes`, { field: 'photo' })
            : error,
        ),
      ),
    );
  }
}

type UploadedPhoto = { buffer: Buffer };
type RawResponse = { setHeader(name: string, value: string): void; end(body: Buffer): void };

@ApiTags('photos')
@ApiBearerAuth()
@Controller('api/photos')
export class UploadPhotoHttpController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(MEDIA_STORE) private readonly media: MediaStore,
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['photo'], properties: { photo: { type: 'string', format: 'binary' } } } })
  @ErrorAnswers(400, 413, 415)
  @ApiOperation({ summary: 'Upload a before- or after-photo (JPEG, PNG or WebP); use its id in a report or a resolution' })
  @UseInterceptors(PhotoTooLargeInterceptor, FileInterceptor('photo', { limits: { fileSize: uploadLimit, files: 1 } }))
  upload(@CurrentPrincipal() principal: Principal, @UploadedFile() file: UploadedPhoto | undefined) {
    return this.commands.execute<UploadPhoto, StoredPhoto>(new UploadPhoto(file?.buffer, principal.subject, this.infrastructure.clock.now()));
  }

  // Public by its unguessable id (a capability URL), so Open311 clients can show media_url.
  @Get(':photoId')
  @Public()
  async download(@Param('photoId') photoId: string, @Res() response: RawResponse) {
    const photo = await this.media.get(photoId);
    if (!photo) throw new DomainError('MEDIA.NOT_FOUND', `no photo ${photoId}`);
    response.setHeader('content-type', photo.contentType);
    response.setHeader('cache-control', 'private, max-age=86400, immutable');
    response.end(photo.bytes);
  }
}
