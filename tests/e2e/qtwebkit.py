#!/usr/bin/python3
"""
Drives QtWebKit 5.212 (Debian's python3-pyqt5.qtwebkit: a WebKit of 2016, the Safari 9-10
generation, without BigInt) for the e2e-oldwebkit tests, as WPEWebDriver drives WPE.

One JSON command a line on stdin, one JSON answer a line on stdout:
  {"id": 1, "cmd": "load", "url": "http://..."}         -> {"id": 1, "value": true}
  {"id": 2, "cmd": "run", "script": "return 1 + 1"}     -> {"id": 2, "value": 2}
  {"id": 3, "cmd": "press", "key": "ArrowDown"}         -> {"id": 3, "value": null}
  {"id": 4, "cmd": "screenshot", "path": "a.png"}       -> {"id": 4, "value": "a.png"}
  {"id": 5, "cmd": "quit"}
Script errors answer {"id": n, "error": "..."}; the page's console goes to stderr.
Keys are real QKeyEvents sent to the view, as a remote's driver would send them.
"""
import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PyQt5.QtCore import QEvent, QSocketNotifier, QSize, Qt, QUrl  # noqa: E402
from PyQt5.QtGui import QKeyEvent  # noqa: E402
from PyQt5.QtWebKit import QWebSettings  # noqa: E402
from PyQt5.QtWebKitWidgets import QWebPage, QWebView  # noqa: E402
from PyQt5.QtWidgets import QApplication  # noqa: E402

# The remote's keys (the names Playwright and WebDriver use) as Qt keys and their text.
KEYS = {
    "ArrowLeft": (Qt.Key_Left, ""),
    "ArrowUp": (Qt.Key_Up, ""),
    "ArrowRight": (Qt.Key_Right, ""),
    "ArrowDown": (Qt.Key_Down, ""),
    "Enter": (Qt.Key_Return, "\r"),
    "Backspace": (Qt.Key_Backspace, "\b"),
    "Escape": (Qt.Key_Escape, "\x1b"),
    "Home": (Qt.Key_Home, ""),
    "PageUp": (Qt.Key_PageUp, ""),
    "PageDown": (Qt.Key_PageDown, ""),
}
for digit in "0123456789":
    KEYS[digit] = (getattr(Qt, "Key_" + digit), digit)
for letter in "mr":
    KEYS[letter] = (getattr(Qt, "Key_" + letter.upper()), letter)


class Page(QWebPage):
    """Sends the page's console and uncaught errors to stderr, where the test keeps them."""

    def javaScriptConsoleMessage(self, message, line, source):
        sys.stderr.write("console: %s (%s:%s)\n" % (message, source, line))
        sys.stderr.flush()

    def javaScriptAlert(self, frame, message):
        sys.stderr.write("alert: %s\n" % message)

    def javaScriptConfirm(self, frame, message):
        return False


def main():
    width, height = (int(n) for n in os.environ.get("SANWU_VIEW_SIZE", "1920x1080").split("x"))
    app = QApplication(sys.argv[:1])
    storage = os.environ.get("SANWU_STORAGE_DIR")
    settings = QWebSettings.globalSettings()
    settings.setAttribute(QWebSettings.LocalStorageEnabled, True)
    settings.setAttribute(QWebSettings.JavascriptCanCloseWindows, True)
    if storage:
        settings.setLocalStoragePath(storage)
        settings.setOfflineStoragePath(storage)
    view = QWebView()
    page = Page(view)
    view.setPage(page)
    view.resize(QSize(width, height))
    view.show()
    frame = page.mainFrame()
    frame.setScrollBarPolicy(Qt.Vertical, Qt.ScrollBarAlwaysOff)
    frame.setScrollBarPolicy(Qt.Horizontal, Qt.ScrollBarAlwaysOff)
    pending_load = []

    def answer(command_id, value=None, error=None):
        out = {"id": command_id}
        if error is not None:
            out["error"] = error
        else:
            out["value"] = value
        sys.stdout.write(json.dumps(out) + "\n")
        sys.stdout.flush()

    def on_load_finished(ok):
        while pending_load:
            answer(pending_load.pop(0), bool(ok))

    view.loadFinished.connect(on_load_finished)

    def run(command_id, script):
        # JSON carries the value across, so that arrays and nested objects arrive whole.
        wrapped = (
            "(function () { try { var v = (function () {%s\n})(); "
            "return JSON.stringify({ value: v === undefined ? null : v }); } "
            "catch (e) { return JSON.stringify({ error: String(e && e.stack || e) }); } })()" % script
        )
        result = frame.evaluateJavaScript(wrapped)
        if not isinstance(result, str):
            answer(command_id, error="the script did not run: %r" % (result,))
            return
        parsed = json.loads(result)
        answer(command_id, parsed.get("value"), parsed.get("error"))

    def press(command_id, name):
        if name not in KEYS:
            answer(command_id, error="unknown key %s" % name)
            return
        key, text = KEYS[name]
        target = view.focusProxy() or view
        QApplication.sendEvent(target, QKeyEvent(QEvent.KeyPress, key, Qt.NoModifier, text))
        QApplication.sendEvent(target, QKeyEvent(QEvent.KeyRelease, key, Qt.NoModifier, text))
        answer(command_id)

    def handle(line):
        command = json.loads(line)
        command_id = command.get("id")
        name = command.get("cmd")
        if name == "load":
            pending_load.append(command_id)
            view.load(QUrl(command["url"]))
        elif name == "run":
            run(command_id, command["script"])
        elif name == "press":
            press(command_id, command["key"])
        elif name == "screenshot":
            ok = view.grab().save(command["path"], "PNG")
            answer(command_id, command["path"]) if ok else answer(command_id, error="could not write " + command["path"])
        elif name == "quit":
            answer(command_id)
            app.quit()
        else:
            answer(command_id, error="unknown command %s" % name)

    buffer = [b""]

    def on_stdin():
        chunk = os.read(0, 65536)
        if not chunk:
            app.quit()
            return
        buffer[0] += chunk
        while b"\n" in buffer[0]:
            line, buffer[0] = buffer[0].split(b"\n", 1)
            if line.strip():
                try:
                    handle(line.decode("utf-8"))
                except Exception as error:  # noqa: BLE001 - answered, so the test sees it
                    answer(None, error=repr(error))

    notifier = QSocketNotifier(0, QSocketNotifier.Read)
    notifier.activated.connect(on_stdin)
    sys.stderr.write("ready\n")
    sys.stderr.flush()
    sys.exit(app.exec_())


if __name__ == "__main__":
    main()
