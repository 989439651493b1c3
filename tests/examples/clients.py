"""Protocol clients for the example servers, run with examples/.venv's Python by the tests.

The test process uses only the standard library, PyYAML and pytest (the project venv); the
clients need websockets, python-socketio and grpcio, which examples/requirements.txt installs.
Each command prints one JSON document on stdout:

    clients.py websocket URL TEXT         -> {"echo": TEXT-as-received}
    clients.py socket.io URL EVENT TEXT   -> {"echo": ...}
    clients.py action-cable URL CHANNEL TEXT
    clients.py grpc HOST:PORT STUBS_DIR   -> {"list": [...], "get": {...}, "missing": "NOT_FOUND"}
"""

from __future__ import annotations

import json
import sys

TIMEOUT = 10


def websocket_echo(url: str, text: str) -> dict:
    from websockets.sync.client import connect

    with connect(url, open_timeout=TIMEOUT) as ws:
        ws.send(text)
        return {"echo": ws.recv(timeout=TIMEOUT)}


def socketio_echo(url: str, event: str, text: str) -> dict:
    import socketio

    with socketio.SimpleClient() as client:
        client.connect(url, transports=["websocket"], wait_timeout=TIMEOUT)
        return {"echo": client.call(event, text, timeout=TIMEOUT)}


def action_cable_echo(url: str, channel: str, text: str) -> dict:
    """Action Cable's JSON protocol: welcome, subscribe, confirm_subscription, message."""
    from websockets.sync.client import connect

    origin = url.replace("ws://", "http://").split("/cable")[0]
    identifier = json.dumps({"channel": channel})

    def next_frame(ws) -> dict:
        while True:
            frame = json.loads(ws.recv(timeout=TIMEOUT))
            if frame.get("type") != "ping":
                return frame

    with connect(url, subprotocols=["actioncable-v1-json"], origin=origin,
                 open_timeout=TIMEOUT) as ws:
        welcome = next_frame(ws)
        assert welcome.get("type") == "welcome", welcome
        ws.send(json.dumps({"command": "subscribe", "identifier": identifier}))
        confirmed = next_frame(ws)
        assert confirmed.get("type") == "confirm_subscription", confirmed
        ws.send(json.dumps({"command": "message", "identifier": identifier,
                            "data": json.dumps({"text": text})}))
        reply = next_frame(ws)
        return {"echo": reply.get("message", {}).get("text"), "identifier": reply.get("identifier")}


def grpc_items(address: str, stubs_dir: str) -> dict:
    sys.path.insert(0, stubs_dir)
    import grpc
    import items_pb2
    import items_pb2_grpc

    def as_dict(item) -> dict:
        return {"id": item.id, "name": item.name, "price": item.price}

    with grpc.insecure_channel(address) as channel:
        grpc.channel_ready_future(channel).result(timeout=TIMEOUT)
        stub = items_pb2_grpc.ItemServiceStub(channel)
        listed = stub.ListItems(items_pb2.ListItemsRequest(), timeout=TIMEOUT)
        got = stub.GetItem(items_pb2.GetItemRequest(id=2), timeout=TIMEOUT)
        try:
            stub.GetItem(items_pb2.GetItemRequest(id=999), timeout=TIMEOUT)
            missing = "OK"
        except grpc.RpcError as error:
            missing = error.code().name
    return {"list": [as_dict(i) for i in listed.items], "get": as_dict(got), "missing": missing}


COMMANDS = {
    "websocket": websocket_echo,
    "socket.io": socketio_echo,
    "action-cable": action_cable_echo,
    "grpc": grpc_items,
}

if __name__ == "__main__":
    print(json.dumps(COMMANDS[sys.argv[1]](*sys.argv[2:])))
