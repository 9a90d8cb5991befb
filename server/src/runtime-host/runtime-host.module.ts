import { Module } from '@nestjs/common';
import { FlowCatalog } from './flow-catalog';
import { InboundIntake } from './inbound-intake';
import { OutboxDelivery } from './outbox-delivery';
import { RuntimeWorker } from './runtime-worker';
import { TurnCoordinator } from './turn-coordinator';

/** Drives the engine: intake, the per-conversation turn pipeline, timers and outbound delivery. */
@Module({
  providers: [FlowCatalog, TurnCoordinator, OutboxDelivery, InboundIntake, RuntimeWorker],
  exports: [FlowCatalog, TurnCoordinator, InboundIntake],
})
export class RuntimeHostModule {}
