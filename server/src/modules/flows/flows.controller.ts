import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Auth, RequireRole } from '../../platform/auth/auth.decorators';
import type { AuthContext } from '../../platform/auth/roles';
import { ApiZodBody } from '../../platform/http/api-zod-body';
import { parseId, parseInput } from '../../platform/http/parse-body';
import { etagOf } from './flow-etag';
import { exportContentDisposition } from './flow-file';
import type { FlowExport } from './flow-file';
import { FlowVersionsService } from './flow-versions.service';
import type { FlowSummaryView, FlowView, PublishedView, ValidationView, VersionSummaryView, VersionView } from './flow-views';
import { createFlowSchema, publishFlowSchema, updateFlowSchema, validationQuerySchema } from './flows.dto';
import { versionNotFound } from './flows.errors';
import { FlowsService } from './flows.service';

const FLOW = 'The flow';

/** Flows and their versions. Reads: any member. Writes: editor or higher. Foreign or malformed ids: 404. */
@ApiTags('flows')
@ApiBearerAuth()
@Controller('api/flows')
export class FlowsController {
  constructor(
    private readonly flows: FlowsService,
    private readonly versions: FlowVersionsService,
  ) {}

  @Get()
  list(@Auth() auth: AuthContext): Promise<FlowSummaryView[]> {
    return this.flows.listFlows(auth.tenantId);
  }

  @Post()
  @RequireRole('editor')
  @ApiZodBody(createFlowSchema)
  async create(@Auth() auth: AuthContext, @Body() body: unknown, @Res({ passthrough: true }) res: Response): Promise<FlowView> {
    return withEtag(res, await this.flows.createFlow(auth, parseInput(createFlowSchema, body)));
  }

  /** Body: an export from `GET /api/flows/:id/export`, or a file from `examples/flows/`. */
  @Post('import')
  @RequireRole('editor')
  async import(@Auth() auth: AuthContext, @Body() body: unknown, @Res({ passthrough: true }) res: Response): Promise<FlowView> {
    return withEtag(res, await this.flows.importFlow(auth, body));
  }

  @Get(':id')
  async get(@Auth() auth: AuthContext, @Param('id') id: string, @Res({ passthrough: true }) res: Response): Promise<FlowView> {
    return withEtag(res, await this.flows.getFlow(auth.tenantId, parseId(id, FLOW)));
  }

  /** Needs `If-Match: "<revision>"`: missing → 412 IF_MATCH_REQUIRED, stale → 412 FLOW_CHANGED. */
  @Put(':id')
  @RequireRole('editor')
  @ApiHeader({ name: 'If-Match', required: true, description: 'The ETag of the flow as you loaded it, e.g. "3".' })
  @ApiZodBody(updateFlowSchema)
  async save(
    @Auth() auth: AuthContext, @Param('id') id: string, @Headers('if-match') ifMatch: string | undefined, @Body() body: unknown,
    @Res({ passthrough: true }) res: Response,
  ): Promise<FlowView> {
    const flowId = parseId(id, FLOW);
    return withEtag(res, await this.flows.saveDraft(auth, flowId, ifMatch, parseInput(updateFlowSchema, body)));
  }

  @Delete(':id')
  @RequireRole('editor')
  @HttpCode(204)
  delete(@Auth() auth: AuthContext, @Param('id') id: string): Promise<void> {
    return this.flows.deleteFlow(auth, parseId(id, FLOW));
  }

  /** `?mode=publish` (default) or `save`: the draft's problems by node id. */
  @Get(':id/validation')
  validation(@Auth() auth: AuthContext, @Param('id') id: string, @Query() query: unknown): Promise<ValidationView> {
    const flowId = parseId(id, FLOW);
    return this.flows.validateFlow(auth.tenantId, flowId, parseInput(validationQuerySchema, query).mode);
  }

  @Get(':id/export')
  async export(@Auth() auth: AuthContext, @Param('id') id: string, @Res({ passthrough: true }) res: Response): Promise<FlowExport> {
    const file = await this.flows.exportFlow(auth.tenantId, parseId(id, FLOW));
    res.setHeader('Content-Disposition', exportContentDisposition(file.name));
    return file;
  }

  /** Publishes the draft as the next version; 422 FLOW_INVALID (nothing written) when it has problems. */
  @Post(':id/publish')
  @RequireRole('editor')
  @ApiHeader({ name: 'If-Match', required: false, description: 'When sent, publishing refuses (412) a draft that changed since.' })
  @ApiZodBody(publishFlowSchema)
  publish(@Auth() auth: AuthContext, @Param('id') id: string, @Headers('if-match') ifMatch: string | undefined, @Body() body: unknown): Promise<PublishedView> {
    const flowId = parseId(id, FLOW);
    return this.versions.publishVersion(auth, flowId, ifMatch, parseInput(publishFlowSchema, body));
  }

  @Get(':id/versions')
  listVersions(@Auth() auth: AuthContext, @Param('id') id: string): Promise<VersionSummaryView[]> {
    return this.versions.listVersions(auth.tenantId, parseId(id, FLOW));
  }

  @Get(':id/versions/:version')
  getVersion(@Auth() auth: AuthContext, @Param('id') id: string, @Param('version') version: string): Promise<VersionView> {
    return this.versions.getVersion(auth.tenantId, parseId(id, FLOW), parseVersion(version));
  }

  @Post(':id/versions/:version/restore')
  @RequireRole('editor')
  @HttpCode(200)
  async restore(
    @Auth() auth: AuthContext, @Param('id') id: string, @Param('version') version: string, @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<FlowView> {
    return withEtag(res, await this.versions.restoreVersion(auth, parseId(id, FLOW), parseVersion(version), ifMatch));
  }
}

function withEtag(res: Response, flow: FlowView): FlowView {
  res.setHeader('ETag', etagOf(flow.revision));
  return flow;
}

/** Versions are 1, 2, 3…; anything else cannot exist, so it is a 404 like a missing one. */
function parseVersion(value: string): number {
  if (!/^[1-9]\d{0,8}$/.test(value)) throw versionNotFound('requested');
  return Number(value);
}
