import { Module } from '@nestjs/common';
import { NodeTypesModule } from '../node-types/node-types.module';
import { FlowValidator } from './flow-validator';
import { FlowVersionsService } from './flow-versions.service';
import { FlowsController } from './flows.controller';
import { FlowsService } from './flows.service';

/** Flows: the editable draft, its published versions and what publishing does to live conversations. */
@Module({
  imports: [NodeTypesModule],
  controllers: [FlowsController],
  providers: [FlowsService, FlowVersionsService, FlowValidator],
})
export class FlowsModule {}
