import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SECRET_KEY } from './platform/auth/token.service';
import { APP_CONFIG } from './platform/config/app-config';
import type { AppConfig } from './platform/config/app-config';
import { AuthModule } from './modules/auth/auth.module';
import { ChannelsModule } from './modules/channels/channels.module';
import { SEND_PACER } from './modules/channels/delivery/create-send-pacer';
import type { SendPacer } from './modules/channels/delivery/send-pacer';
import { ContactsModule } from './modules/contacts/contacts.module';
import { ConversationsModule } from './modules/conversations/conversations.module';
import { FlowsModule } from './modules/flows/flows.module';
import { HealthController } from './modules/health/health.controller';
import { HooksModule } from './modules/hooks/hooks.module';
import { SecretsModule } from './modules/secrets/secrets.module';
import { TenantsModule } from './modules/tenants/tenants.module';
import { NodeTypesModule } from './modules/node-types/node-types.module';
import { SimulationsModule } from './modules/simulations/simulations.module';
import { JOB_QUEUE } from './platform/queue';
import type { JobQueue } from './platform/queue';
import { RuntimeHostModule } from './runtime-host/runtime-host.module';
import { RUNS_WORKER } from './runtime-host/runtime-worker';
import { RUNTIME_EVENTS } from './runtime-host/turn-events';
import type { RuntimeEvents } from './runtime-host/turn-events';

export type AppDependencies = {
  config: AppConfig;
  secretKey: string;
  dataSource: DataSource;
  queue: JobQueue;
  events: RuntimeEvents;
  /** The channels' send pace (createSendPacer), closed after the queue. */
  pacer: SendPacer;
  /** This process runs the job processors (the worker, or the embedded all-in-one). */
  runsWorker: boolean;
};

/** The process-wide pieces every feature may inject: config, secret key, database, queue, runtime events, send pacer. */
@Module({})
class PlatformModule {
  static register(deps: AppDependencies): DynamicModule {
    return {
      module: PlatformModule,
      global: true,
      providers: [
        { provide: APP_CONFIG, useValue: deps.config },
        { provide: SECRET_KEY, useValue: deps.secretKey },
        { provide: DataSource, useValue: deps.dataSource },
        { provide: JOB_QUEUE, useValue: deps.queue },
        { provide: RUNTIME_EVENTS, useValue: deps.events },
        { provide: SEND_PACER, useValue: deps.pacer },
        { provide: RUNS_WORKER, useValue: deps.runsWorker },
      ],
      exports: [APP_CONFIG, SECRET_KEY, DataSource, JOB_QUEUE, RUNTIME_EVENTS, SEND_PACER, RUNS_WORKER],
    };
  }
}

@Module({})
export class AppModule {
  static register(deps: AppDependencies): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.register(deps), AuthModule, RuntimeHostModule, SimulationsModule, ConversationsModule, ContactsModule, SecretsModule, HooksModule, NodeTypesModule, FlowsModule, TenantsModule, ChannelsModule],
      controllers: [HealthController],
    };
  }
}
