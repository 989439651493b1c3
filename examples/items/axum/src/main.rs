//! Items API in Axum: list, get by id, create with validation.
use std::sync::{Arc, Mutex};

use axum::{
    extract::{rejection::JsonRejection, Path, State},
    http::StatusCode,
    routing::get,
    Json, Router,
};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

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

type Db = Arc<Mutex<Vec<Item>>>;
type ApiError = (StatusCode, Json<Value>);

fn api_error(status: StatusCode, message: impl Into<String>) -> ApiError {
    (status, Json(json!({ "error": message.into() })))
}

async fn list_items(State(db): State<Db>) -> Json<Vec<Item>> {
    Json(db.lock().unwrap().clone())
}

async fn get_item(Path(id): Path<u64>, State(db): State<Db>) -> Result<Json<Item>, ApiError> {
    let items = db.lock().unwrap();
    match items.iter().find(|item| item.id == id) {
        Some(item) => Ok(Json(item.clone())),
        None => Err(api_error(StatusCode::NOT_FOUND, "item not found")),
    }
}

async fn create_item(
    State(db): State<Db>,
    payload: Result<Json<NewItem>, JsonRejection>,
) -> Result<(StatusCode, Json<Item>), ApiError> {
    let Json(input) = payload.map_err(|err| api_error(err.status(), err.body_text()))?;
    if input.name.is_empty() || input.name.chars().count() > 100 {
        let message = "name must be 1 to 100 characters";
        return Err(api_error(StatusCode::UNPROCESSABLE_ENTITY, message));
    }
    if input.price < 0.0 {
        let message = "price must be a number >= 0";
        return Err(api_error(StatusCode::UNPROCESSABLE_ENTITY, message));
    }
    let mut items = db.lock().unwrap();
    let id = items.iter().map(|item| item.id).max().unwrap_or(0) + 1;
    let item = Item {
        id,
        name: input.name,
        price: input.price,
    };
    items.push(item.clone());
    Ok((StatusCode::CREATED, Json(item)))
}

#[tokio::main]
async fn main() {
    let db: Db = Arc::new(Mutex::new(vec![
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
    ]));
    let app = Router::new()
        .route("/items", get(list_items).post(create_item))
        .route("/items/{id}", get(get_item))
        .with_state(db);

    let port = std::env::var("PORT").unwrap_or_else(|_| "3000".into());
    let listener = tokio::net::TcpListener::bind(format!("127.0.0.1:{port}"))
        .await
        .unwrap();
    axum::serve(listener, app).await.unwrap();
}
