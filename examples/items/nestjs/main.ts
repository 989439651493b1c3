// Items API in NestJS: a controller and a service, with DTO validation by ValidationPipe.
import "reflect-metadata";
import {
  Body, Controller, Get, Injectable, Module, NotFoundException, Param, ParseIntPipe, Post,
  ValidationPipe,
} from "@nestjs/common";
import { NestFactory } from "@nestjs/core";
import { IsNumber, IsString, Length, Min } from "class-validator";

class CreateItemDto {
  @IsString()
  @Length(1, 100)
  name!: string;

  @IsNumber()
  @Min(0)
  price!: number;
}

interface Item extends CreateItemDto {
  id: number;
}

@Injectable()
class ItemsService {
  private readonly items: Item[] = [
    { id: 1, name: "Keyboard", price: 49.5 },
    { id: 2, name: "Mouse", price: 19.99 },
  ];

  findAll(): Item[] {
    return this.items;
  }

  findOne(id: number): Item | undefined {
    return this.items.find((item) => item.id === id);
  }

  create(dto: CreateItemDto): Item {
    const item = { id: Math.max(0, ...this.items.map((i) => i.id)) + 1, ...dto };
    this.items.push(item);
    return item;
  }
}

@Controller("items")
class ItemsController {
  constructor(private readonly itemsService: ItemsService) {}

  @Get()
  findAll(): Item[] {
    return this.itemsService.findAll();
  }

  @Get(":id")
  findOne(@Param("id", ParseIntPipe) id: number): Item {
    const item = this.itemsService.findOne(id);
    if (!item) throw new NotFoundException(`Item ${id} not found`);
    return item;
  }

  @Post()
  create(@Body() dto: CreateItemDto): Item {
    return this.itemsService.create(dto);
  }
}

@Module({ controllers: [ItemsController], providers: [ItemsService] })
class AppModule {}

async function bootstrap() {
  const app = await NestFactory.create(AppModule, { logger: ["error", "warn"] });
  app.useGlobalPipes(new ValidationPipe({ whitelist: true }));
  await app.listen(process.env.PORT ?? 3000, "127.0.0.1");
}
bootstrap();
