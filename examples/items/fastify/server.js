// Items API in Fastify: list, get by id, create validated by a JSON Schema.
const fastify = require("fastify")();

const items = [
  { id: 1, name: "Keyboard", price: 49.5 },
  { id: 2, name: "Mouse", price: 19.99 },
];

const createItemSchema = {
  body: {
    type: "object",
    required: ["name", "price"],
    properties: {
      name: { type: "string", minLength: 1, maxLength: 100 },
      price: { type: "number", minimum: 0 },
    },
  },
};

const itemParamsSchema = {
  params: {
    type: "object",
    properties: { id: { type: "integer" } },
  },
};

fastify.get("/items", async () => items);

fastify.get("/items/:id", { schema: itemParamsSchema }, async (request, reply) => {
  const item = items.find((i) => i.id === request.params.id);
  if (!item) return reply.code(404).send({ error: "Item not found" });
  return item;
});

fastify.post("/items", { schema: createItemSchema }, async (request, reply) => {
  const { name, price } = request.body;
  const item = { id: Math.max(0, ...items.map((i) => i.id)) + 1, name, price };
  items.push(item);
  return reply.code(201).send(item);
});

fastify.listen({ port: Number(process.env.PORT ?? 3000), host: "127.0.0.1" }, (err) => {
  if (err) {
    fastify.log.error(err);
    process.exit(1);
  }
});
