#!/usr/bin/env python3
"""A minimal HTTP CONNECT proxy on loopback, for the test that ecsdash honours HTTP(S)_PROXY and NO_PROXY.

    connect_proxy.py            prints "PORT <n>" once listening, then one "CONNECT host:port" line per tunnel

Only CONNECT is served (that is how ecsdash's HTTP client uses a proxy, for http and https alike); anything
else gets 405. Tunnels copy bytes both ways until either side closes. Stops on SIGTERM or when stdin closes.
"""
import asyncio
import signal
import sys


async def pipe(reader, writer):
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, asyncio.CancelledError):
        pass
    finally:
        writer.close()


async def handle(client_reader, client_writer):
    head = await client_reader.readuntil(b"\r\n\r\n")
    method, target, _ = head.split(b"\r\n", 1)[0].decode().split(" ", 2)
    if method != "CONNECT":
        client_writer.write(b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n")
        await client_writer.drain()
        client_writer.close()
        return
    host, port = target.rsplit(":", 1)
    print(f"CONNECT {target}", flush=True)
    upstream_reader, upstream_writer = await asyncio.open_connection(host, int(port))
    client_writer.write(b"HTTP/1.1 200 Connection Established\r\n\r\n")
    await client_writer.drain()
    await asyncio.gather(pipe(client_reader, upstream_writer), pipe(upstream_reader, client_writer))


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    print(f"PORT {server.sockets[0].getsockname()[1]}", flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_reader(sys.stdin, lambda: stop.set() if not sys.stdin.read(1) else None)
    await stop.wait()
    server.close()


asyncio.run(main())
