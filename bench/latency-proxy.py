#!/usr/bin/env python3
"""A TCP proxy on 127.0.0.1 that delays every chunk it forwards, each way: a loopback server made to look far away.

    latency-proxy.py LISTEN_PORT TARGET_PORT DELAY_MS

Each chunk read from one side is written to the other DELAY_MS after it arrived (reading goes on meanwhile), so a
request and its answer take 2 x DELAY_MS more (the round trip to a store over the internet: 20-60 ms from a
practice to a hosting provider).
Used by bench/remote-latency.sh; not a test.
"""
import asyncio
import sys


async def pipe(reader, writer, delay):
    """Forwards what `reader` gives to `writer`, each chunk DELAY after it arrived.

    The reading goes on while chunks wait (a queue between the two), so the link carries many chunks at once as a
    real one does: waiting before the next read would make every chunk queue behind the previous one's delay,
    capping the link at one chunk per DELAY (about 4 MB/s for 64 KiB chunks and 15 ms) and serialising requests that
    share a connection, as SSH's channels do.
    """
    loop = asyncio.get_running_loop()
    queue = asyncio.Queue()

    async def read():
        try:
            while True:
                data = await reader.read(65536)
                await queue.put((loop.time() + delay, data))
                if not data:
                    break
        except (ConnectionError, asyncio.CancelledError):
            await queue.put((loop.time(), b""))

    async def write():
        try:
            while True:
                due, data = await queue.get()
                wait = due - loop.time()
                if wait > 0:
                    await asyncio.sleep(wait)
                if not data:
                    break
                writer.write(data)
                await writer.drain()
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            writer.close()

    await asyncio.gather(read(), write())


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
