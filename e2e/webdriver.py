"""A minimal W3C WebDriver client over ONE keep-alive HTTP connection.

tauri-driver drops about one connection in four when a client opens a new
connection per request (shared/TOOLCHAIN.md), so every request here goes
through the same http.client connection.
"""

import base64
import http.client
import json
import time

ELEMENT = "element-6066-11e4-a52e-4a4d1b8f4a0e"


class WebDriverError(RuntimeError):
    pass


class Element(dict):
    """An element reference, as the driver returned it."""

    @property
    def id(self):
        return self.get(ELEMENT) or next(iter(self.values()))

    def __str__(self):
        return self.id


class Session:
    def __init__(self, port, capabilities, timeout=60):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        value = self._request("POST", "/session", {"capabilities": {"alwaysMatch": capabilities}})
        self.id = value["sessionId"]

    def _request(self, method, path, body=None):
        data = json.dumps(body if body is not None else {}) if method == "POST" else None
        headers = {"Content-Type": "application/json", "Connection": "keep-alive"}
        self.conn.request(method, path, body=data, headers=headers)
        resp = self.conn.getresponse()
        payload = json.loads(resp.read() or b"{}")
        if resp.status >= 400:
            raise WebDriverError(f"{method} {path}: {resp.status} {payload}")
        return payload.get("value")

    def cmd(self, method, path, body=None):
        return self._request(method, f"/session/{self.id}{path}", body)

    def quit(self):
        try:
            self.cmd("DELETE", "")
        finally:
            self.conn.close()

    # Elements -----------------------------------------------------------
    def find_all(self, css):
        found = self.cmd("POST", "/elements", {"using": "css selector", "value": css})
        # Element references are kept as the driver sent them (its key may be
        # the W3C one or a legacy one), so they can be passed back to scripts.
        return [Element(e) for e in found]

    def wait(self, css, timeout=20, text=None):
        """The first element matching css (and containing text, if given)."""
        deadline = time.time() + timeout
        last = None
        while time.time() < deadline:
            try:
                for el in self.find_all(css):
                    if text is None or text in self.text(el):
                        return el
            except WebDriverError as e:
                # Re-rendered between finding and reading (commands answer
                # off the window's thread, so a list can repaint any time).
                if "stale element" not in str(e):
                    raise
            last = css
            time.sleep(0.2)
        raise WebDriverError(f"timed out waiting for {last!r}" + (f" containing {text!r}" if text else ""))

    def wait_gone(self, css, timeout=20):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if not self.find_all(css):
                return
            time.sleep(0.2)
        raise WebDriverError(f"{css!r} is still there")

    def click(self, css, text=None):
        el = self.wait(css, text=text)
        try:
            self.cmd("POST", f"/element/{el}/click")
        except WebDriverError as e:
            # In view but under the card's sticky header: the driver does not
            # scroll what it deems visible, so bring it to the middle, as a
            # person would scroll, and click again.
            if "intercepted" not in str(e):
                raise
            self.js("arguments[0].scrollIntoView({block: 'center'})", el)
            self.cmd("POST", f"/element/{el}/click")
        return el

    def text(self, el):
        # textContent, not the driver's "visible text": WebKit's algorithm drops
        # text inside ellipsised (overflow: hidden) spans that are on screen.
        return self.js("return arguments[0].textContent", el) or ""

    def type(self, css, value):
        """Replaces a field's value by typing, the way a user does."""
        el = self.wait(css)
        self.cmd("POST", f"/element/{el}/clear")
        self.cmd("POST", f"/element/{el}/value", {"text": value})
        actual = self.js("return arguments[0].value", el)
        if actual != value:
            raise WebDriverError(f"typed {value!r} into {css} but it holds {actual!r}")

    def choose(self, css, value):
        """Picks an option of a <select> and fires change, as a user's pick does."""
        el = self.wait(css)
        self.js(
            "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
            el,
            value,
        )

    def keys(self, *chords):
        """Presses key chords through the driver's input actions, e.g.
        keys(("\ue009", "k")) for Ctrl+K: each chord's keys go down in order
        and come up in reverse, as a person's fingers do."""
        actions = []
        for chord in chords:
            actions += [{"type": "keyDown", "value": k} for k in chord]
            actions += [{"type": "keyUp", "value": k} for k in reversed(chord)]
        self.cmd("POST", "/actions", {"actions": [{"type": "key", "id": "keyboard", "actions": actions}]})
        self.cmd("DELETE", "/actions")

    def size(self, width, height):
        """Resizes the window (the screen must be large enough) and waits
        until the page has laid itself out at the new size."""
        self.cmd("POST", "/window/rect", {"width": width, "height": height})
        deadline = time.time() + 5
        while time.time() < deadline and self.js("return window.innerWidth") != width:
            time.sleep(0.1)
        time.sleep(0.5)  # one more frame painted at the new size

    def js(self, script, *args):
        return self.cmd("POST", "/execute/sync", {"script": script, "args": list(args)})

    def screenshot(self, path):
        png = base64.b64decode(self.cmd("GET", "/screenshot"))
        with open(path, "wb") as f:
            f.write(png)
