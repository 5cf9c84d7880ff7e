"""e2e (issue 16): a phone's contacts without a company. The check step
lists them; two are filed under a customer created there, the rest wait in
the unfiled tray, where search finds one and it is filed later."""

import os
import sqlite3
import time

from harness import answer_dialogs, pace_jobs, shot, wait_count

CTRL = "\ue009"

NEW_CUSTOMER = "宁波新归档五金有限公司"


def phone_export(path):
    """An Android-style export: vCard 2.1, QUOTED-PRINTABLE UTF-8 names, no ORG."""
    def qp(text):
        return "".join(f"={b:02X}" for b in text.encode("utf-8"))

    cards = [
        ("李工-恒昌", "13700001001", ""),
        ("孙经理", "13700001002", "sun@ningbo-wujin.example"),
        ("快递小哥", "13700001003", ""),
        ("张阿姨", "13700001004", ""),
        ("周总(远航物流)", "13700001005", ""),
    ]
    text = "".join(
        "BEGIN:VCARD\r\nVERSION:2.1\r\n"
        f"N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{qp(name)};;;;\r\n"
        f"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{qp(name)}\r\n"
        f"TEL;CELL:{tel}\r\n" + (f"EMAIL;HOME:{email}\r\n" if email else "") + "END:VCARD\r\n"
        for name, tel, email in cards
    )
    with open(path, "w", encoding="ascii", newline="") as f:
        f.write(text)


def phone_contacts(s, tmp):
    print("- a phone export without ORG: every card is listed; two filed under a new customer, three kept unfiled")
    vcf = os.path.join(tmp, "手机通讯录.vcf")
    phone_export(vcf)
    s.click("[data-testid=nav-import]")
    answer_dialogs(vcf)
    s.click("[data-testid=sheet-pick]")
    s.wait("[data-testid=sheet-how]", text="vCard")
    print("- a long check can be stopped: it says so and nothing changed")
    pace_jobs(600)
    s.click("[data-testid=sheet-check]")
    s.click("[data-testid=sheet-check-cancel]")
    s.wait("[data-testid=sheet-import] .banner.error", text="已取消")
    pace_jobs(0)
    s.click("[data-testid=sheet-check]")
    s.wait("[data-testid=sheet-unfiled]", text="没有公司的联系人（5 位）")
    s.wait("[data-testid=unfiled-row]", text="远航物流")  # the guess from 周总(远航物流)
    s.type("[data-testid=unfiled-target-search]", NEW_CUSTOMER)
    s.click("[data-testid=unfiled-target-new]")
    s.wait("[data-testid=unfiled-chosen]", text=NEW_CUSTOMER)
    ticks = s.find_all("[data-testid=unfiled-tick]")
    rows = s.js("return [...document.querySelectorAll('[data-testid=unfiled-row]')].map(r => r.textContent)")
    for i, row in enumerate(rows):
        if "李工-恒昌" in row or "孙经理" in row:
            s.js("arguments[0].click()", ticks[i])
    s.click("[data-testid=unfiled-file-selected]")
    s.wait("[data-testid=unfiled-tally]", text="3 位放入未归档 · 2 位归到客户下")
    s.size(1440, 900)
    s.js("document.querySelector('[data-testid=sheet-unfiled]').scrollIntoView({block: 'start'})")
    shot(s, "63-unfiled-check-zh-1440")
    s.click("[data-testid=sheet-do-import]")
    s.wait("[data-testid=sheet-done-unfiled]", text="3 位放入未归档，2 位归到客户下")
    s.wait("[data-testid=unfiled-badge]", text="3")
    print("- the new customer's decision chain flags the missing decision maker")
    s.click("[data-testid=sheet-done] button.link")  # show the customer
    s.wait("[data-testid=customer-name]", text=NEW_CUSTOMER)
    s.wait("[data-testid=chain-role-decision_maker] [data-testid=chain-nobody]")
    s.wait("[data-testid=chain-gaps]", text="决策者")
    s.click("[data-testid=bar-chain]")
    time.sleep(0.3)
    shot(s, "66-decision-chain-zh-1440")

    book = sqlite3.connect(os.path.join(tmp, "demo.db"))
    filed = [r[0] for r in book.execute(
        "SELECT p.name FROM people p JOIN customers c ON c.id = p.customer_id WHERE c.name = ? ORDER BY p.name",
        (NEW_CUSTOMER,))]
    tray = [r[0] for r in book.execute("SELECT name FROM unfiled_people ORDER BY name")]
    book.close()
    assert sorted(filed) == sorted(["李工", "孙经理"]), f"the company part leaves the name once filed: {filed}"
    assert sorted(tray) == sorted(["快递小哥", "张阿姨", "周总(远航物流)"]), tray

    print("- search finds a tray person by phone; it opens the tray, where it is filed under the new customer")
    s.keys((CTRL, "k"))
    s.type("[data-testid=search-input]", "13700001004")
    s.click("[data-testid=search-group-unfiled] [data-testid=search-hit]", text="张阿姨")
    s.wait_gone("[data-testid=search-palette]")
    wait_count(s, "[data-testid=unfiled-person]", 3)
    shot(s, "64-unfiled-tray-zh-1440")
    deadline = time.time() + 10
    while time.time() < deadline and not s.js("return [...document.querySelectorAll('[data-testid=tray-tick]')].filter(c => c.checked).length === 1"):
        time.sleep(0.1)
    s.type("[data-testid=tray-target-search]", "宁波新归档")
    s.click("[data-testid=tray-target-match]", text=NEW_CUSTOMER)
    s.wait("[data-testid=unfiled-notice]", text=f"已把 1 位归到 {NEW_CUSTOMER}")
    wait_count(s, "[data-testid=unfiled-person]", 2)
    s.type("[data-testid=unfiled-find]", "远航")
    wait_count(s, "[data-testid=unfiled-person]", 1)
    s.js("const i = document.querySelector('[data-testid=unfiled-find]'); i.value = ''; i.dispatchEvent(new Event('input', {bubbles: true}));")
    wait_count(s, "[data-testid=unfiled-person]", 2)
    s.size(1280, 800)
    book = sqlite3.connect(os.path.join(tmp, "demo.db"))
    n = book.execute(
        "SELECT count(*) FROM people p JOIN customers c ON c.id = p.customer_id WHERE c.name = ?", (NEW_CUSTOMER,)
    ).fetchone()[0]
    book.close()
    assert n == 3, n
    os.remove(vcf)


def tray_in_english(s):
    print("- the decision chain and the unfiled tray in English at the minimum window")
    s.keys((CTRL, "k"))
    s.type("[data-testid=search-input]", "宁波新归档")
    s.click("[data-testid=search-group-customer] [data-testid=search-hit]", text=NEW_CUSTOMER)
    s.wait("[data-testid=chain-gaps]", text="Decision maker")
    s.size(900, 560)
    s.js("document.querySelector('[data-testid=decision-chain]').scrollIntoView()")
    shot(s, "66b-decision-chain-en-min")
    s.size(1280, 800)
    s.click("[data-testid=nav-unfiled]")
    s.wait("[data-testid=unfiled-view]", text="Unfiled contacts")
    wait_count(s, "[data-testid=unfiled-person]", 2)
    s.size(900, 560)
    shot(s, "64b-unfiled-tray-en-min")
    s.size(1280, 800)
