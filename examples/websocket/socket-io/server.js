// WebSocket echo in Socket.IO: the server acknowledges each "echo" event with the same text.
const { createServer } = require("node:http");
const { Server } = require("socket.io");

const httpServer = createServer();
const io = new Server(httpServer);

io.on("connection", (socket) => {
  socket.on("echo", (text, callback) => {
    callback(text);
  });
});

httpServer.listen(Number(process.env.PORT ?? 3000), "127.0.0.1");
