# Items API in Django REST Framework (one-file Django project): list, get, create with validation.
import sys

from django.conf import settings

settings.configure(
    ROOT_URLCONF=__name__,
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    INSTALLED_APPS=["rest_framework"],
    REST_FRAMEWORK={
        "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
        "DEFAULT_AUTHENTICATION_CLASSES": [],
        "UNAUTHENTICATED_USER": None,
    },
)

from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.urls import path  # noqa: E402
from rest_framework import serializers, status  # noqa: E402
from rest_framework.decorators import api_view  # noqa: E402
from rest_framework.exceptions import NotFound  # noqa: E402
from rest_framework.response import Response  # noqa: E402

items = {
    1: {"id": 1, "name": "Keyboard", "price": 49.5},
    2: {"id": 2, "name": "Mouse", "price": 19.99},
}


class ItemSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(max_length=100)
    price = serializers.FloatField(min_value=0)


@api_view(["GET", "POST"])
def item_list(request):
    if request.method == "POST":
        serializer = ItemSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        item = {"id": max(items, default=0) + 1, **serializer.validated_data}
        items[item["id"]] = item
        return Response(ItemSerializer(item).data, status=status.HTTP_201_CREATED)
    return Response(ItemSerializer(items.values(), many=True).data)


@api_view(["GET"])
def item_detail(request, pk):
    if pk not in items:
        raise NotFound("Item not found")
    return Response(ItemSerializer(items[pk]).data)


urlpatterns = [
    path("items", item_list),
    path("items/<int:pk>", item_detail),
]

application = get_wsgi_application()

if __name__ == "__main__":
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
