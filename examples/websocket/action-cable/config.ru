# WebSocket echo in Action Cable (one-file Rails app): EchoChannel at /cable transmits back.
require "rails"
require "action_controller/railtie"
require "action_cable/engine"

class EchoApp < Rails::Application
  config.eager_load = false
  config.secret_key_base = ENV.fetch("SECRET_KEY_BASE", "example-only")
  config.logger = ActiveSupport::Logger.new($stdout)
  config.log_level = :warn

  config.action_cable.mount_path = "/cable"
  config.action_cable.cable = { "adapter" => "async" }
  config.action_cable.allowed_request_origins = [%r{\Ahttps?://(localhost|127\.0\.0\.1)(:\d+)?\z}]
end

class EchoChannel < ActionCable::Channel::Base
  def receive(data)
    transmit(data)
  end
end

Rails.application.initialize!
run Rails.application
