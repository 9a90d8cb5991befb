import { Module } from '@nestjs/common';
import { NodeTypesModule } from '../modules/node-types/node-types.module';
import { FlowCatalog } from './flow-catalog';
import { InboundIntake } from './inbound-intake';
import { OutboxDelivery } from './outbox-delivery';
import { RuntimeWorker } from './runtime-worker';
import { TurnCoordinator } from './turn-coordinator';
import { TurnServices } from './turn-services';
import { TurnWaiter } from './turn-waiter';

/** Drives the engine: intake, the per-conversation turn pipeline, timers and outbound delivery. */
@Module({
  imports: [NodeTypesModule],
  providers: [FlowCatalog, TurnCoordinator, OutboxDelivery, InboundIntake, TurnWaiter, RuntimeWorker, TurnServices],
  exports: [FlowCatalog, TurnCoordinator, InboundIntake, TurnWaiter, OutboxDelivery, TurnServices],
})
export class RuntimeHostModule {}
