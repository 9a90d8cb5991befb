import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SECRET_KEY } from './platform/auth/token.service';
import { APP_CONFIG } from './platform/config/app-config';
import type { AppConfig } from './platform/config/app-config';
import { AuthModule } from './modules/auth/auth.module';
import { HealthController } from './modules/health/health.controller';

export type AppDependencies = {
  config: AppConfig;
  secretKey: string;
  dataSource: DataSource;
};

/** The process-wide pieces every feature may inject: config, secret key, database. */
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
      ],
      exports: [APP_CONFIG, SECRET_KEY, DataSource],
    };
  }
}

@Module({})
export class AppModule {
  static register(deps: AppDependencies): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.register(deps), AuthModule],
      controllers: [HealthController],
    };
  }
}
