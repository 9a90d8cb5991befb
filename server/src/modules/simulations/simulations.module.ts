import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { RuntimeHostModule } from '../../runtime-host/runtime-host.module';
import { SimulationsController } from './simulations.controller';
import { SimulationsGateway } from './simulations.gateway';
import { SimulationsService } from './simulations.service';

@Module({
  imports: [RuntimeHostModule, AuthModule],
  controllers: [SimulationsController],
  providers: [SimulationsService, SimulationsGateway],
})
export class SimulationsModule {}
