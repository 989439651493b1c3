// Items gRPC server in Node.js with @grpc/grpc-js; @grpc/proto-loader reads items.proto at start.
const path = require("node:path");
const grpc = require("@grpc/grpc-js");
const protoLoader = require("@grpc/proto-loader");

const packageDefinition = protoLoader.loadSync(path.join(__dirname, "..", "items.proto"), {
  longs: Number,
  defaults: true,
});
const { v1 } = grpc.loadPackageDefinition(packageDefinition).items;

const items = [
  { id: 1, name: "Keyboard", price: 49.5 },
  { id: 2, name: "Mouse", price: 19.99 },
];

function getItem(call, callback) {
  const item = items.find((i) => i.id === call.request.id);
  if (!item) {
    return callback({ code: grpc.status.NOT_FOUND, details: `Item ${call.request.id} not found` });
  }
  callback(null, item);
}

function listItems(call, callback) {
  callback(null, { items });
}

const server = new grpc.Server();
server.addService(v1.ItemService.service, { getItem, listItems });
server.bindAsync(
  `127.0.0.1:${process.env.PORT ?? 50051}`,
  grpc.ServerCredentials.createInsecure(),
  (err) => {
    if (err) throw err;
  },
);
