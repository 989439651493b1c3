//! Items gRPC server in Rust with Tonic; the pb module is generated from items.proto by build.rs.
use tonic::{transport::Server, Request, Response, Status};

pub mod pb {
    tonic::include_proto!("items.v1");
}

use pb::item_service_server::{ItemService, ItemServiceServer};
use pb::{GetItemRequest, Item, ListItemsRequest, ListItemsResponse};

pub struct Items {
    items: Vec<Item>,
}

#[tonic::async_trait]
impl ItemService for Items {
    async fn get_item(&self, request: Request<GetItemRequest>) -> Result<Response<Item>, Status> {
        let id = request.into_inner().id;
        match self.items.iter().find(|item| item.id == id) {
            Some(item) => Ok(Response::new(item.clone())),
            None => Err(Status::not_found(format!("item {id} not found"))),
        }
    }

    async fn list_items(
        &self,
        _request: Request<ListItemsRequest>,
    ) -> Result<Response<ListItemsResponse>, Status> {
        let items = self.items.clone();
        Ok(Response::new(ListItemsResponse { items }))
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let port = std::env::var("PORT").unwrap_or_else(|_| "50051".into());
    let addr = format!("127.0.0.1:{port}").parse()?;
    let service = Items {
        items: vec![
            Item {
                id: 1,
                name: "Keyboard".into(),
                price: 49.5,
            },
            Item {
                id: 2,
                name: "Mouse".into(),
                price: 19.99,
            },
        ],
    };

    Server::builder()
        .add_service(ItemServiceServer::new(service))
        .serve(addr)
        .await?;
    Ok(())
}
