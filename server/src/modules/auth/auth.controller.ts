import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../../platform/auth/auth.decorators';
import { ApiZodBody } from '../../platform/http/api-zod-body';
import { parseInput } from '../../platform/http/parse-body';
import { loginSchema, refreshSchema, signupSchema } from './auth.dto';
import { AuthService } from './auth.service';
import type { SessionView } from './auth.service';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('signup')
  @ApiZodBody(signupSchema)
  signup(@Body() body: unknown): Promise<SessionView> {
    return this.auth.signup(parseInput(signupSchema, body));
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiZodBody(loginSchema)
  login(@Body() body: unknown, @Req() request: Request): Promise<SessionView> {
    return this.auth.login(parseInput(loginSchema, body), request.ip ?? 'unknown');
  }

  /** Idempotent: an unknown or already revoked token answers 204 too, so it reveals nothing. */
  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiZodBody(refreshSchema)
  logout(@Body() body: unknown): Promise<void> {
    return this.auth.logout(parseInput(refreshSchema, body).refreshToken);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiZodBody(refreshSchema)
  refresh(@Body() body: unknown): Promise<SessionView> {
    return this.auth.refresh(parseInput(refreshSchema, body).refreshToken);
  }
}
