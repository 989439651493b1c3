"""The Python alternative for the backend half: FastAPI writes the OpenAPI document Orval reads."""

from fastapi import FastAPI
from pydantic import BaseModel

from users.service import user_service  # the app's data access layer

app = FastAPI()


class UserSchema(BaseModel):
    id: str
    name: str


# --8<-- [start:get-user]
@app.get("/users/{id}", response_model=UserSchema)
async def get_user(id: str) -> UserSchema:
    return await user_service.find_one(id)
# --8<-- [end:get-user]
