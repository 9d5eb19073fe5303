#!/usr/bin/env python3
"""Drives headless Chromium through its DevTools protocol (standard library only: a minimal WebSocket
client) to do what a staff member does on a phone: open the check-in page's sign-in link, then either
tap 拍照扫码 and hand it a photo — the file input gets it as a phone's camera app would give it — or
(`--camera`) tap 摄像头扫码 with a camera that films the photo (Chromium's fake capture device playing
it as MJPEG). Prints the answer box's HTML as JSON and writes a screenshot.

    upload_photo.py [--camera] CHROMIUM PAGE_URL PHOTO SCREENSHOT PROFILE_DIR
"""
import base64
import json
import os
import socket
import struct
import subprocess
import sys
import time
import urllib.request


class WebSocket:
    def __init__(self, url):
        host, path = url[len("ws://"):].split("/", 1)
        name, port = host.split(":")
        self.socket = socket.create_connection((name, int(port)), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        self.socket.sendall((f"GET /{path} HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                             f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head:
            head += self.socket.recv(4096)
        head, self.buffer = head.split(b"\r\n\r\n", 1)
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise RuntimeError("no WebSocket: " + head.decode(errors="replace"))

    def send(self, text):
        payload = text.encode()
        header = bytearray([0x81])
        if len(payload) < 126:
            header.append(0x80 | len(payload))
        elif len(payload) < 1 << 16:
            header += bytes([0x80 | 126]) + struct.pack(">H", len(payload))
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", len(payload))
        mask = os.urandom(4)
        self.socket.sendall(bytes(header) + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))

    def read(self, count):
        while len(self.buffer) < count:
            chunk = self.socket.recv(65536)
            if not chunk:
                raise RuntimeError("the browser closed the connection")
            self.buffer += chunk
        data, self.buffer = self.buffer[:count], self.buffer[count:]
        return data

    def receive(self):
        message = b""
        while True:
            first, second = self.read(2)
            length = second & 0x7F
            if length == 126:
                length = struct.unpack(">H", self.read(2))[0]
            elif length == 127:
                length = struct.unpack(">Q", self.read(8))[0]
            message += self.read(length)
            if first & 0x80:
                return message.decode()


class Browser:
    def __init__(self, chromium, profile, flags=()):
        self.process = subprocess.Popen([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-port=0",
                                         f"--user-data-dir={profile}", "--window-size=412,915", *flags, "about:blank"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        active = os.path.join(profile, "DevToolsActivePort")
        for _ in range(300):
            if os.path.exists(active) and open(active).read().strip():
                break
            time.sleep(0.1)
        port = open(active).read().split()[0]
        pages = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
        self.socket = WebSocket(next(p for p in pages if p["type"] == "page")["webSocketDebuggerUrl"])
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.receive())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def evaluate(self, expression):
        return self.call("Runtime.evaluate", expression=expression, returnByValue=True)["result"].get("value")

    def wait_for(self, expression, seconds=20):
        deadline = time.time() + seconds
        while time.time() < deadline:
            if self.evaluate(expression):
                return True
            time.sleep(0.1)
        return False

    def close(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def y4m_from_ppm(ppm, y4m):
    """A one-frame Y4M video (I420, what Chromium's fake camera plays) of a binary PPM picture."""
    data = open(ppm, "rb").read()
    magic, size, depth, pixels = data.split(b"\n", 3)   # pdftoppm writes "P6\nW H\n255\n" then the pixels
    width, height = map(int, size.split())
    even_w, even_h = width - width % 2, height - height % 2
    luma = bytearray(even_w * even_h)
    for y in range(even_h):
        row = pixels[y * width * 3:(y + 1) * width * 3]
        for x in range(even_w):
            r, g, b = row[3 * x], row[3 * x + 1], row[3 * x + 2]
            luma[y * even_w + x] = min(255, int(0.257 * r + 0.504 * g + 0.098 * b + 16))
    chroma = bytes([128]) * ((even_w // 2) * (even_h // 2))   # grey: a badge is black on white
    with open(y4m, "wb") as out:
        out.write(f"YUV4MPEG2 W{even_w} H{even_h} F10:1 Ip A1:1 C420jpeg\n".encode())
        out.write(b"FRAME\n" + bytes(luma) + chroma + chroma)


def main():
    camera = "--camera" in sys.argv
    chromium, url, photo, screenshot, profile = [a for a in sys.argv[1:] if a != "--camera"][:5]
    if camera and photo.endswith(".ppm"):
        y4m_from_ppm(photo, photo[:-4] + ".y4m")
        photo = photo[:-4] + ".y4m"
    flags = ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
             f"--use-file-for-fake-video-capture={photo}"] if camera else []
    browser = Browser(chromium, profile, flags)
    try:
        browser.call("Page.enable")
        browser.call("Page.navigate", url=url)
        signed_in = browser.wait_for("!!document.getElementById('app') && "
                                     "!document.getElementById('app').classList.contains('hidden')")
        before = browser.evaluate("document.getElementById('answer').outerHTML")
        answered = "!['', '正在识别照片……', 'Reading the photo…'].includes(document.getElementById('answer').textContent)"
        if camera:
            detector = browser.evaluate("'BarcodeDetector' in window")
            browser.evaluate("document.getElementById('camera').click()")
            browser.wait_for(answered, seconds=30)
        else:
            detector = None
            document = browser.call("DOM.getDocument")
            node = browser.call("DOM.querySelector", nodeId=document["root"]["nodeId"], selector="#photoFile")["nodeId"]
            browser.call("DOM.setFileInputFiles", nodeId=node, files=[photo])
            # Chromium fires the input's change event for the files it was given; if it did not, fire it.
            if not browser.wait_for(answered, seconds=3):
                browser.evaluate("document.getElementById('photoFile').dispatchEvent(new Event('change'))")
                browser.wait_for(answered)
        answer = browser.evaluate("document.getElementById('answer').outerHTML")
        shot = browser.call("Page.captureScreenshot", format="png")["data"]
        with open(screenshot, "wb") as file:
            file.write(base64.b64decode(shot))
        print(json.dumps({"signed_in": signed_in, "before": before, "answer": answer, "barcode_detector": detector},
                         ensure_ascii=False))
    finally:
        browser.close()


if __name__ == "__main__":
    main()
