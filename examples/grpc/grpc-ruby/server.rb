# Items gRPC server in Ruby with the grpc gem; items_services_pb.rb is generated from items.proto.
require "grpc"
require "items_services_pb"

class ItemServer < Items::V1::ItemService::Service
  ITEMS = [
    Items::V1::Item.new(id: 1, name: "Keyboard", price: 49.5),
    Items::V1::Item.new(id: 2, name: "Mouse", price: 19.99)
  ].freeze

  def get_item(request, _call)
    ITEMS.find { |item| item.id == request.id } ||
      raise(GRPC::NotFound.new("Item #{request.id} not found"))
  end

  def list_items(_request, _call)
    Items::V1::ListItemsResponse.new(items: ITEMS)
  end
end

server = GRPC::RpcServer.new
server.add_http2_port("127.0.0.1:#{ENV.fetch('PORT', 50051)}", :this_port_is_insecure)
server.handle(ItemServer)
server.run_till_terminated_or_interrupted(["INT", "TERM"])
