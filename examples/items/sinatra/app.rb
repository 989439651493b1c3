# Items API in Sinatra: list, get by id, create with validation.
require "sinatra"
require "json"

set :bind, "127.0.0.1"
set :port, ENV.fetch("PORT", 4567)

ITEMS = [
  { id: 1, name: "Keyboard", price: 49.5 },
  { id: 2, name: "Mouse", price: 19.99 }
]

def validation_errors(data)
  errors = {}
  name = data["name"]
  price = data["price"]
  unless name.is_a?(String) && name.length.between?(1, 100)
    errors[:name] = "must be a string of 1 to 100 characters"
  end
  errors[:price] = "must be a number >= 0" unless price.is_a?(Numeric) && price >= 0
  errors
end

before do
  content_type :json
end

get "/items" do
  ITEMS.to_json
end

get "/items/:id" do
  item = ITEMS.find { |i| i[:id] == params[:id].to_i }
  halt 404, { error: "Item not found" }.to_json unless item
  item.to_json
end

post "/items" do
  data = JSON.parse(request.body.read) rescue {}
  data = {} unless data.is_a?(Hash)
  errors = validation_errors(data)
  halt 422, { errors: errors }.to_json unless errors.empty?

  item = { id: ITEMS.map { |i| i[:id] }.max.to_i + 1, name: data["name"], price: data["price"] }
  ITEMS << item
  status 201
  item.to_json
end
