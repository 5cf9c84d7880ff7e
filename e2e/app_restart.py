"""Settings in English, and the book as it was left after a restart."""

import time

from harness import answer_dialogs, shot
from app_handover import HANDOVER


def settings_in_english(s):
    print("- settings: my name and English")
    s.click("[data-testid=nav-settings]")
    s.type("[data-testid=user-name]", "李娜")
    s.choose("[data-testid=language]", "en")
    # A small firm scores four of the six dimensions.
    s.click("[data-testid=use-guidance]")
    s.click("[data-testid=use-competition]")
    s.click("[data-testid=save-settings]")
    s.wait("[data-testid=nav-customers]", text="Customers")
    shot(s, "05-settings-en")
    s.click("[data-testid=nav-customers]")
    s.click("[data-testid=new-customer]")
    s.type("#f-customer-name", "Northwind Logistics Ltd")
    s.click("[data-testid=customer-form] [data-testid=save]")
    s.wait(".card-head .meta", text="Owner: 李娜")
    s.size(1100, 720)  # the next start comes back at this size
    time.sleep(1)  # saved half a second after the window stops changing


def after_restart(s):
    print("- after a restart everything is as we left it: the window's size, the screen, the customer")
    s.wait("[data-testid=nav-customers]", text="Customers")
    s.wait("[data-testid=customer-name]", text="Northwind Logistics Ltd")
    size = s.js("return [window.outerWidth, window.outerHeight]")
    assert size == [1100, 720], f"the window came back at {size}"
    s.size(1280, 800)
    s.click("[data-testid=customer-row]", text="深圳华为技术有限公司")
    s.wait("[data-view=region] .value", text="深圳")
    s.wait("[data-view=need_secret] .value", text="采购总监想借这个项目晋升")
    s.wait("[data-testid=tier-badge]", text="B")
    s.wait("[data-testid=person]", text="张三")
    count = s.text(s.wait("[data-testid=list-count]"))
    assert count.startswith("3 "), count
    shot(s, "06-after-restart-en")
    s.js("document.querySelector('[data-testid=radar]').scrollIntoView()")
    s.wait("[data-testid=relationship]", text="Relationship curve")
    s.wait("[data-testid=radar][data-drawn='4']")  # the four dimensions in use
    s.wait("[data-testid=weight]", text="55")
    shot(s, "18-radar-curve-en")
    s.click("[data-testid=nav-today]")
    s.wait("[data-testid=today-view]", text="Follow-ups")
    shot(s, "13-today-en")
    s.click("[data-testid=nav-value]")
    s.wait("[data-testid=pareto]", text="bring 80% of it")
    shot(s, "14-value-board-en")
    print("- a backup from Settings; a second one to the same file is refused, not overwritten")
    s.click("[data-testid=nav-settings]")
    answer_dialogs(HANDOVER["file"] + ".backup.db", HANDOVER["file"] + ".backup.db")
    s.click("[data-testid=backup-make]")
    s.wait("[data-testid=backups] .banner.ok", text="Backed up to")
    s.click("[data-testid=backup-make]")
    s.wait("[data-testid=backups] .banner.error", text="already exists")
    s.js("document.querySelector('[data-testid=backups]').scrollIntoView()")
    shot(s, "25-settings-backup-en")
    s.click("[data-testid=nav-handover]")
    s.wait("[data-testid=handover-export]", text="Hand over")
    s.click("[data-testid=scope-some]")
    shot(s, "26-handover-en")
