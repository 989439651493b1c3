# Items API in FastAPI: list, get by id, create with validation.
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

app = FastAPI()


class ItemIn(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    price: float = Field(ge=0)


class Item(ItemIn):
    id: int


items: dict[int, Item] = {
    1: Item(id=1, name="Keyboard", price=49.5),
    2: Item(id=2, name="Mouse", price=19.99),
}


@app.get("/items")
async def list_items() -> list[Item]:
    return list(items.values())


@app.get("/items/{item_id}")
async def get_item(item_id: int) -> Item:
    if item_id not in items:
        raise HTTPException(status_code=404, detail="Item not found")
    return items[item_id]


@app.post("/items", status_code=201)
async def create_item(item_in: ItemIn) -> Item:
    item = Item(id=max(items, default=0) + 1, **item_in.model_dump())
    items[item.id] = item
    return item
