# WebSocket echo in Django Channels, one-file ASGI project: a consumer at /ws sends messages back.
from django.conf import settings

settings.configure(ALLOWED_HOSTS=["127.0.0.1", "localhost"], INSTALLED_APPS=["channels"])

import django  # noqa: E402

django.setup()

from channels.generic.websocket import AsyncWebsocketConsumer  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from django.urls import path  # noqa: E402


class EchoConsumer(AsyncWebsocketConsumer):
    async def receive(self, text_data=None, bytes_data=None):
        await self.send(text_data=text_data, bytes_data=bytes_data)


application = ProtocolTypeRouter(
    {
        "websocket": URLRouter([path("ws", EchoConsumer.as_asgi())]),
    }
)
