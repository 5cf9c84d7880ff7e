"""Dark mode once (issue 14): the system's dark theme reaches the app, the
page turns dark, and the charts — the value pyramid, the radar and curve,
the decision chain — stay readable. Looked at in the screenshots."""

import os

from harness import Driver, shot, wait_unlocked


def luminance(s, css):
    """The relative luminance (0 dark … 1 light) of an element's background."""
    return s.js(
        "const c = getComputedStyle(document.querySelector(arguments[0])).backgroundColor.match(/\\d+/g).map(Number);"
        "return (0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]) / 255;", css)


def dark_mode(tmp):
    print("- dark mode: the system's dark theme turns the window dark; charts stay readable")
    db = os.path.join(tmp, "demo.db")
    wait_unlocked(db)
    driver = Driver({"GTK_THEME": "Adwaita:dark"})
    s = driver.session(db)
    try:
        s.wait("[data-testid=nav-value]")
        assert s.js("return matchMedia('(prefers-color-scheme: dark)').matches"), "the dark theme reaches the page"
        # At the window's own size: resizing this session once hung
        # WebKitWebDriver's /window/rect in CI.
        s.click("[data-testid=nav-value]")
        s.wait("[data-testid=pyramid-level]")
        assert luminance(s, "body") < 0.2, "the page is dark"
        assert luminance(s, "[data-testid=pyramid]") < 0.3, "so are its panels"
        shot(s, "73-value-board-dark")
        s.click("[data-testid=nav-key]")
        s.wait("[data-testid=key-row]")
        s.js("document.querySelector('[data-testid=key-row] button.link').click()")
        s.wait("[data-testid=card-glance]")
        s.click("[data-testid=bar-relationship]")
        s.wait("[data-testid=radar]:not([data-drawn=\"0\"])")
        shot(s, "74-radar-dark")
        s.click("[data-testid=bar-chain]")
        s.wait("[data-testid=decision-chain]")
        shot(s, "75-decision-chain-dark")
    except Exception:
        shot(s, "failure-dark")
        raise
    finally:
        s.quit()
        driver.stop()
