import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../../platform/auth/auth.decorators';
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
  signup(@Body() body: unknown): Promise<SessionView> {
    return this.auth.signup(parseInput(signupSchema, body));
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() body: unknown, @Req() request: Request): Promise<SessionView> {
    return this.auth.login(parseInput(loginSchema, body), request.ip ?? 'unknown');
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  refresh(@Body() body: unknown): Promise<SessionView> {
    return this.auth.refresh(parseInput(refreshSchema, body).refreshToken);
  }
}
