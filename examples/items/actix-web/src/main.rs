//! Items API in Actix Web: list, get by id, create with validation.
use std::sync::Mutex;

use actix_web::{error, get, post, web, App, HttpRequest, HttpResponse, HttpServer, Responder};
use serde::{Deserialize, Serialize};
use serde_json::json;

#[derive(Clone, Serialize)]
struct Item {
    id: u64,
    name: String,
    price: f64,
}

#[derive(Deserialize)]
struct NewItem {
    name: String,
    price: f64,
}

struct AppState {
    items: Mutex<Vec<Item>>,
}

#[get("/items")]
async fn list_items(data: web::Data<AppState>) -> impl Responder {
    web::Json(data.items.lock().unwrap().clone())
}

#[get("/items/{id}")]
async fn get_item(path: web::Path<u64>, data: web::Data<AppState>) -> HttpResponse {
    let id = path.into_inner();
    match data.items.lock().unwrap().iter().find(|item| item.id == id) {
        Some(item) => HttpResponse::Ok().json(item),
        None => HttpResponse::NotFound().json(json!({ "error": "item not found" })),
    }
}

#[post("/items")]
async fn create_item(input: web::Json<NewItem>, data: web::Data<AppState>) -> HttpResponse {
    let input = input.into_inner();
    if input.name.is_empty() || input.name.chars().count() > 100 {
        return HttpResponse::UnprocessableEntity()
            .json(json!({ "name": "must be 1 to 100 characters" }));
    }
    if input.price < 0.0 {
        return HttpResponse::UnprocessableEntity().json(json!({ "price": "must be >= 0" }));
    }
    let mut items = data.items.lock().unwrap();
    let id = items.iter().map(|item| item.id).max().unwrap_or(0) + 1;
    let item = Item {
        id,
        name: input.name,
        price: input.price,
    };
    items.push(item.clone());
    HttpResponse::Created().json(item)
}

fn json_error(err: error::JsonPayloadError, _req: &HttpRequest) -> error::Error {
    let response = HttpResponse::BadRequest().json(json!({ "error": err.to_string() }));
    error::InternalError::from_response(err, response).into()
}

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let state = web::Data::new(AppState {
        items: Mutex::new(vec![
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
        ]),
    });
    let port: u16 = std::env::var("PORT").map_or(8080, |port| port.parse().unwrap());

    HttpServer::new(move || {
        App::new()
            .app_data(state.clone())
            .app_data(web::JsonConfig::default().error_handler(json_error))
            .service(list_items)
            .service(get_item)
            .service(create_item)
    })
    .bind(("127.0.0.1", port))?
    .run()
    .await
}
