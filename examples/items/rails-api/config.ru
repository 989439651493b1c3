# Items API in Rails, API mode, as a one-file app: list, get by id, create with validations.
require "rails"
require "active_model/railtie"
require "action_controller/railtie"

class ItemsApp < Rails::Application
  config.api_only = true
  config.eager_load = false
  config.secret_key_base = ENV.fetch("SECRET_KEY_BASE", "example-only")
  config.logger = ActiveSupport::Logger.new($stdout)
  config.log_level = :warn

  routes.append do
    resources :items, only: %i[index show create]
  end
end

class Item
  include ActiveModel::Model
  include ActiveModel::Serializers::JSON

  attr_accessor :id, :name, :price

  validates :name, presence: true, length: { maximum: 100 }
  validates :price, presence: true, numericality: { greater_than_or_equal_to: 0 }

  def attributes = { "id" => id, "name" => name, "price" => price }

  STORE = [new(id: 1, name: "Keyboard", price: 49.5), new(id: 2, name: "Mouse", price: 19.99)]
end

class ItemsController < ActionController::API
  def index
    render json: Item::STORE
  end

  def show
    item = Item::STORE.find { |i| i.id == params[:id].to_i }
    return render json: { error: "Item not found" }, status: :not_found unless item

    render json: item
  end

  def create
    item = Item.new(params.permit(:name, :price).to_h)
    return render json: { errors: item.errors }, status: :unprocessable_entity if item.invalid?

    item.id = Item::STORE.map(&:id).max + 1
    Item::STORE << item
    render json: item, status: :created
  end
end

Rails.application.initialize!
run Rails.application
