import { Module } from '@nestjs/common';
import { RuntimeHostModule } from '../../runtime-host/runtime-host.module';
import { SecretsModule } from '../secrets/secrets.module';
import { HooksController } from './hooks.controller';
import { HooksService } from './hooks.service';

@Module({ imports: [RuntimeHostModule, SecretsModule], controllers: [HooksController], providers: [HooksService] })
export class HooksModule {}
