// The backend half of the code-generation workflow: decorators describe the API, and NestJS
// turns them into /openapi.json for Orval.
import { Controller, Get, Param } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';

import { UserDto } from './user.dto';
import { UserService } from './user.service';

@Controller()
export class UsersController {
  constructor(private readonly userService: UserService) {}

  // --8<-- [start:get-user]
  @Get('/users/:id')
  @ApiResponse({ type: UserDto })
  async getUser(@Param('id') id: string): Promise<UserDto> {
    return this.userService.findOne(id);
  }
  // --8<-- [end:get-user]
}
