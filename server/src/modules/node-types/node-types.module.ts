import { Module } from '@nestjs/common';
import { NodeRegistry } from '@fluxo/engine';
import { nodeRegistryProvider } from './node-registry.provider';
import { NodeTypesController } from './node-types.controller';
import { NodeTypesService } from './node-types.service';

/** The node catalog: the registry every other module validates and runs flows with, and `GET /api/node-types`. */
@Module({
  controllers: [NodeTypesController],
  providers: [nodeRegistryProvider, NodeTypesService],
  exports: [NodeRegistry],
})
export class NodeTypesModule {}
