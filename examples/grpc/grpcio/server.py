# Items gRPC server in Python with grpcio; items_pb2 and items_pb2_grpc are made from items.proto.
import os
from concurrent import futures

import grpc

import items_pb2
import items_pb2_grpc

ITEMS = {
    1: items_pb2.Item(id=1, name="Keyboard", price=49.5),
    2: items_pb2.Item(id=2, name="Mouse", price=19.99),
}


class ItemService(items_pb2_grpc.ItemServiceServicer):
    def GetItem(self, request, context):
        item = ITEMS.get(request.id)
        if item is None:
            context.abort(grpc.StatusCode.NOT_FOUND, f"Item {request.id} not found")
        return item

    def ListItems(self, request, context):
        return items_pb2.ListItemsResponse(items=ITEMS.values())


def serve():
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=10))
    items_pb2_grpc.add_ItemServiceServicer_to_server(ItemService(), server)
    server.add_insecure_port(f"127.0.0.1:{os.environ.get('PORT', '50051')}")
    server.start()
    server.wait_for_termination()


if __name__ == "__main__":
    serve()
