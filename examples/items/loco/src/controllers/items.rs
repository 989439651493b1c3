//! Items API in Loco: list, get by id, create with validation (src/controllers/items.rs).
use std::sync::{Arc, Mutex};

use axum::http::StatusCode;
use loco_rs::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Serialize)]
pub struct Item {
    pub id: u64,
    pub name: String,
    pub price: f64,
}

#[derive(Clone)]
pub struct ItemStore(Arc<Mutex<Vec<Item>>>);

impl ItemStore {
    pub fn seeded() -> Self {
        let items = vec![
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
        ];
        Self(Arc::new(Mutex::new(items)))
    }
}

#[derive(Deserialize, Validate)]
pub struct Params {
    #[validate(required, length(min = 1, max = 100))]
    pub name: Option<String>,
    #[validate(required, range(min = 0.0))]
    pub price: Option<f64>,
}

pub async fn list(SharedStore(store): SharedStore<ItemStore>) -> Result<Response> {
    let items = store.0.lock().unwrap().clone();
    format::json(items)
}

pub async fn get_one(
    Path(id): Path<u64>,
    SharedStore(store): SharedStore<ItemStore>,
) -> Result<Response> {
    let items = store.0.lock().unwrap();
    match items.iter().find(|item| item.id == id) {
        Some(item) => format::json(item),
        None => not_found(),
    }
}

pub async fn add(
    SharedStore(store): SharedStore<ItemStore>,
    JsonValidateWithMessage(params): JsonValidateWithMessage<Params>,
) -> Result<Response> {
    let mut items = store.0.lock().unwrap();
    let item = Item {
        id: items.iter().map(|item| item.id).max().unwrap_or(0) + 1,
        name: params.name.unwrap_or_default(),
        price: params.price.unwrap_or_default(),
    };
    items.push(item.clone());
    format::render().status(StatusCode::CREATED).json(item)
}

pub fn routes() -> Routes {
    Routes::new()
        .prefix("items/")
        .add("/", get(list))
        .add("/", post(add))
        .add("{id}", get(get_one))
}
