import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { NodeTypeView } from './node-type-view';
import { NodeTypesService } from './node-types.service';

@ApiTags('node-types')
@ApiBearerAuth()
@Controller('api/node-types')
export class NodeTypesController {
  constructor(private readonly nodeTypes: NodeTypesService) {}

  /** Any member may read the catalog (viewers open flows too). */
  @Get()
  list(): NodeTypeView[] {
    return this.nodeTypes.listNodeTypes();
  }
}
