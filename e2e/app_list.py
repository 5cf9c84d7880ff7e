"""The customer list like a spreadsheet (issue 14): chosen columns kept,
sorted by a column's header, every matching customer picked with Ctrl+A,
and the picked customers taken to the handover and the manager's file."""

import re
import time

from harness import shot, wait_count

CTRL = "\ue009"


def amounts(s):
    """The exact revenue (in yuan) of the rows shown, from each cell's hover text."""
    titles = s.js("return [...document.querySelectorAll('[data-testid=cell-revenue] span')].map(e => e.title)")
    return [float(re.sub(r"[^\d.\-]", "", t) or 0) for t in titles]


def list_columns(s):
    print("- the list shows revenue, weight and dependence columns, sorts by a header, and keeps the choice")
    s.click("[data-testid=nav-customers]")
    s.wait("[data-testid=list-count]", text="共 200 个客户")
    s.click("[data-testid=column-chooser] summary")
    for column in ("revenue", "weight", "dependence"):
        s.click(f"[data-testid=column-{column}]")
    s.click("[data-testid=column-chooser] summary")
    wait_count(s, "[data-testid=list-head] .head-cell", 3)
    s.click("[data-testid=head-revenue]")
    s.wait("[data-testid=head-revenue]", text="↓")
    deadline = time.time() + 10
    shown = []
    while time.time() < deadline:
        shown = amounts(s)[:8]
        if len(shown) == 8 and shown == sorted(shown, reverse=True) and shown[0] > 0:
            break
        time.sleep(0.2)
    assert shown == sorted(shown, reverse=True) and shown[0] > 0, f"largest revenue first: {shown}"
    assert s.js("return document.querySelector('[data-testid=sort]').value") == "revenue"
    weights = s.js("return [...document.querySelectorAll('[data-testid=cell-weight]')].map(e => e.textContent.trim())")
    assert any(w.isdigit() for w in weights[:40]), f"some of the largest customers are assessed: {weights[:10]}"
    s.size(1440, 900)
    shot(s, "69-list-columns-by-revenue-zh-1440")
    s.size(900, 560)
    shot(s, "69b-list-columns-zh-min")
    s.size(1280, 800)
    # Another place and back: the list is built again from the kept choice.
    s.click("[data-testid=nav-value]")
    s.click("[data-testid=nav-customers]")
    wait_count(s, "[data-testid=list-head] .head-cell", 3)

    print("- Ctrl+A picks every matching customer, not only the rows painted")
    s.wait("[data-testid=customer-row]")
    s.js("document.activeElement && document.activeElement.blur()")
    s.keys((CTRL, "a"))
    s.wait("[data-testid=bulk-count]", text="已选 200 个")
    s.click("[data-testid=bulk-clear]")
    s.wait_gone("[data-testid=bulk-bar]")

    print("- two picked customers go to the handover export and the manager's file as chosen customers")
    rows = s.find_all("[data-testid=customer-row]")
    names = [s.js("return arguments[0].querySelector('.row-name').textContent", r) for r in rows[:2]]
    s.js("arguments[0].click()", rows[0])
    s.js("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true, ctrlKey: true}))", rows[1])
    s.wait("[data-testid=bulk-count]", text="已选 2 个")
    s.click("[data-testid=bulk-export-handover]")
    wait_count(s, "[data-testid=handover-chosen]", 2)
    chips = [s.text(c) for c in s.find_all("[data-testid=handover-chosen]")]
    assert all(any(n in c for c in chips) for n in names), f"{names} in {chips}"
    shot(s, "70-handover-of-picked-zh")
    s.click("[data-testid=nav-customers]")
    s.wait("[data-testid=customer-row]")
    rows = s.find_all("[data-testid=customer-row]")
    s.js("arguments[0].click()", rows[0])
    s.js("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true, ctrlKey: true}))", rows[1])
    s.click("[data-testid=bulk-export-report]")
    wait_count(s, "[data-testid=report-chosen]", 2)
    deadline = time.time() + 10
    while time.time() < deadline and s.js("return document.querySelector('[data-testid=preview-customers]')?.textContent") != "2":
        time.sleep(0.2)
    assert s.text(s.wait("[data-testid=preview-customers]")) == "2", "the preview counts the two picked"
    shot(s, "71-report-of-picked-zh")
    s.click("[data-testid=nav-customers]")
    # Back to the plain list for the steps after this one.
    s.click("[data-testid=column-chooser] summary")
    for column in ("revenue", "weight", "dependence"):
        s.click(f"[data-testid=column-{column}]")
    s.click("[data-testid=column-chooser] summary")
    s.choose("[data-testid=sort]", "name")


def list_columns_in_english(s):
    print("- the list's columns in English, at 1440x900 and the minimum window")
    s.click("[data-testid=nav-customers]")
    s.click("[data-testid=column-chooser] summary")
    for column in ("revenue", "last_contact", "dependence", "owner"):
        s.click(f"[data-testid=column-{column}]")
    s.click("[data-testid=column-chooser] summary")
    s.click("[data-testid=head-dependence]")
    s.wait("[data-testid=head-dependence]", text="↓")
    s.wait("[data-testid=list-head]", text="Revenue")
    s.size(1440, 900)
    shot(s, "72-list-columns-en-1440")
    s.size(900, 560)
    shot(s, "72b-list-columns-en-min")
    s.size(1280, 800)
