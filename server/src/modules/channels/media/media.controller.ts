import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../../platform/auth/auth.decorators';
import { ChannelMedia } from './channel-media';

/** Downloads of files customers sent, by the signed links flows get (see ChannelMedia). */
@ApiExcludeController()
@Public()
@Controller('media')
export class MediaController {
  constructor(private readonly media: ChannelMedia) {}

  @Get(':channelId/:mediaId')
  async download(@Param('channelId') channelId: string, @Param('mediaId') mediaId: string,
    @Query('expires') expires: string | undefined, @Query('signature') signature: string | undefined, @Res() res: Response): Promise<void> {
    const file = await this.media.fetch(channelId, mediaId, expires, signature);
    res.status(200).type(file.mime).set('cache-control', 'private, max-age=300');
    if (file.sizeBytes !== undefined) res.set('content-length', String(file.sizeBytes));
    file.body.on('error', () => res.destroy());
    file.body.pipe(res);
  }
}
