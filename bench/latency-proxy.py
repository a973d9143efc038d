#!/usr/bin/env python3
"""A TCP proxy on 127.0.0.1 that delays every chunk it forwards, each way: a loopback server made to look far away.

    latency-proxy.py LISTEN_PORT TARGET_PORT DELAY_MS

Each chunk read from one side waits DELAY_MS before it is written to the other, so a request and its answer take at
least 2 x DELAY_MS more (the round trip to a store over the internet: 20-60 ms from a practice to a hosting provider).
Used by bench/remote-latency.sh; not a test.
"""
import asyncio
import sys


async def pipe(reader, writer, delay):
    try:
        while True:
            data = await reader.read(65536)
            if not data:
                break
            await asyncio.sleep(delay)
            writer.write(data)
            await writer.drain()
    except (ConnectionError, asyncio.CancelledError):
        pass
    finally:
        writer.close()


async def main(listen, target, delay):
    async def handle(client_reader, client_writer):
        try:
            server_reader, server_writer = await asyncio.open_connection("127.0.0.1", target)
        except OSError:
            client_writer.close()
            return
        await asyncio.gather(pipe(client_reader, server_writer, delay), pipe(server_reader, client_writer, delay))

    server = await asyncio.start_server(handle, "127.0.0.1", listen)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]) / 1000))
