// Items gRPC server in Go with grpc-go; the pb package is generated from items.proto by protoc.
package main

import (
	"context"
	"log"
	"net"
	"os"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	pb "example.com/items/gen/itemsv1"
)

type server struct {
	pb.UnimplementedItemServiceServer
	items []*pb.Item
}

func (s *server) GetItem(ctx context.Context, req *pb.GetItemRequest) (*pb.Item, error) {
	for _, item := range s.items {
		if item.Id == req.Id {
			return item, nil
		}
	}
	return nil, status.Errorf(codes.NotFound, "item %d not found", req.Id)
}

func (s *server) ListItems(context.Context, *pb.ListItemsRequest) (*pb.ListItemsResponse, error) {
	return &pb.ListItemsResponse{Items: s.items}, nil
}

func main() {
	lis, err := net.Listen("tcp", "127.0.0.1:"+os.Getenv("PORT"))
	if err != nil {
		log.Fatalf("failed to listen: %v", err)
	}
	s := grpc.NewServer()
	pb.RegisterItemServiceServer(s, &server{items: []*pb.Item{
		{Id: 1, Name: "Keyboard", Price: 49.5},
		{Id: 2, Name: "Mouse", Price: 19.99},
	}})
	log.Fatal(s.Serve(lis))
}
