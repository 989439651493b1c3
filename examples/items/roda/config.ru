# Items API in Roda: a routing tree with list, get by id, create with validation (config.ru).
require "roda"

class App < Roda
  plugin :json
  plugin :json_parser
  plugin :halt

  ITEMS = [
    { id: 1, name: "Keyboard", price: 49.5 },
    { id: 2, name: "Mouse", price: 19.99 }
  ]

  def validation_errors(name, price)
    errors = {}
    unless name.is_a?(String) && name.length.between?(1, 100)
      errors[:name] = "must be a string of 1 to 100 characters"
    end
    errors[:price] = "must be a number >= 0" unless price.is_a?(Numeric) && price >= 0
    errors
  end

  route do |r|
    r.on "items" do
      r.get Integer do |id|
        ITEMS.find { |item| item[:id] == id } || r.halt(404, { error: "Item not found" })
      end

      r.is do
        r.get do
          ITEMS
        end

        r.post do
          name, price = r.params.values_at("name", "price")
          errors = validation_errors(name, price)
          r.halt(422, { errors: errors }) unless errors.empty?

          item = { id: ITEMS.map { |i| i[:id] }.max + 1, name: name, price: price }
          ITEMS << item
          response.status = 201
          item
        end
      end
    end
  end
end

run App.freeze.app
