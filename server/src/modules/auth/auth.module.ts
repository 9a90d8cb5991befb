import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from '../../platform/auth/auth.guard';
import { TokenService } from '../../platform/auth/token.service';
import { ApiKeysController } from '../api-keys/api-keys.controller';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { UsersController } from '../users/users.controller';
import { UsersService } from '../users/users.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';

/** Sessions, people and API keys: who may call the API, and as which tenant and role. */
@Module({
  controllers: [AuthController, UsersController, ApiKeysController],
  providers: [AuthService, LoginThrottle, TokenService, UsersService, ApiKeysService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [TokenService],
})
export class AuthModule {}
