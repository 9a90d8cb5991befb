import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../../platform/auth/auth.decorators';
import { AppError } from '../../platform/errors/app-error';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  /** The process is up (for restarts). */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** The process can serve: the database answers (for load balancers). */
  @Get('ready')
  async ready(): Promise<{ status: 'ok'; database: 'ok' }> {
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new AppError('unavailable', 'DATABASE_UNAVAILABLE', 'The database does not answer.');
    }
    return { status: 'ok', database: 'ok' };
  }
}
