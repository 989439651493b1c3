// Items API in Express: list, get by id, create with validation.
const express = require("express");

const app = express();
app.use(express.json());

const items = [
  { id: 1, name: "Keyboard", price: 49.5 },
  { id: 2, name: "Mouse", price: 19.99 },
];

function validateItem({ name, price } = {}) {
  const errors = {};
  if (typeof name !== "string" || name.length < 1 || name.length > 100) {
    errors.name = "name must be a string of 1 to 100 characters";
  }
  if (typeof price !== "number" || price < 0) {
    errors.price = "price must be a number >= 0";
  }
  return errors;
}

app.get("/items", (req, res) => {
  res.json(items);
});

app.get("/items/:id", (req, res) => {
  const item = items.find((i) => i.id === Number(req.params.id));
  if (!item) return res.status(404).json({ error: "Item not found" });
  res.json(item);
});

app.post("/items", (req, res) => {
  const errors = validateItem(req.body);
  if (Object.keys(errors).length > 0) return res.status(400).json({ errors });
  const item = {
    id: Math.max(0, ...items.map((i) => i.id)) + 1,
    name: req.body.name,
    price: req.body.price,
  };
  items.push(item);
  res.status(201).json(item);
});

const port = Number(process.env.PORT ?? 3000);
app.listen(port, "127.0.0.1", () => {
  console.log(`Items API listening on http://127.0.0.1:${port}`);
});
