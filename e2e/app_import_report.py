"""e2e: the Import (spreadsheet, vCard) and For-the-manager screens, in
Chinese and English."""

import csv
import io
import os
import sqlite3
import time

from harness import answer_dialogs, shot


def preview_number(s, testid):
    return int(s.text(s.wait(f"[data-testid={testid}]")))


def sheet_import(s, tmp):
    print("- import a GBK CSV with Chinese headers: fix one mapping, see the duplicate, import, find them")
    demo = sqlite3.connect(os.path.join(tmp, "demo.db"))
    existing = demo.execute("SELECT name FROM customers WHERE deleted_at IS NULL ORDER BY name LIMIT 1").fetchone()[0]
    demo.close()
    path = os.path.join(tmp, "老客户名单.csv")
    rows = [
        ["2026 年客户名单", "", "", "", "", "", "", ""],
        ["公司名称", "联系人", "手机", "所在省市", "标签", "成立日期", "客户级别", "上次拜访"],
        ["苏州新导入精密有限公司", "钱一", "13811112222", "江苏苏州", "导入测试", "2015年6月1日", "高级", "2026/11/02"],
        ["苏州新导入精密有限公司", "孙二", "13833334444", "", "导入测试", "", ""],
        ["杭州又一家贸易公司", "周三", "13855556666", "浙江杭州", "导入测试", "2019/3/8", "低级"],
        [existing, "吴四", "13877778888", "", "导入测试", "", ""],  # may hold a comma: csv quotes it
        ["日期写错公司", "郑五", "13899990000", "", "导入测试", "去年", ""],  # kept, with a warning
        ["名字太长" * 51, "冯六", "13800001234", "", "导入测试", "", ""],  # refused: 204 characters
    ]
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    text = out.getvalue()
    with open(path, "wb") as f:
        f.write(text.encode("gbk"))
    s.click("[data-testid=nav-import]")
    answer_dialogs(path)
    s.click("[data-testid=sheet-pick]")  # read as soon as it is picked
    s.wait("[data-testid=sheet-how]", text="GB18030")
    assert s.js("return document.querySelector('[data-testid=map-0]').value") == "customer_name"
    assert s.js("return document.querySelector('[data-testid=map-2]').value") == "person_phone"
    assert s.js("return document.querySelector('[data-testid=map-3]').value") == "ignore", "所在省市 is not guessed"
    s.choose("[data-testid=map-3]", "region")
    s.click("[data-testid=sheet-check]")
    s.wait("[data-testid=sheet-counts]", text="4 个客户")
    s.wait("[data-testid=sheet-history-counts]", text="1 条联系记录")  # 上次拜访 is a visit
    s.wait("[data-testid=sheet-duplicates]", text=existing)
    s.wait("[data-testid=sheet-rejected]", text="200")
    s.wait("[data-testid=sheet-warnings]", text="去年")
    print("- the sheet's own tier words (高级, 低级) are listed; 高级 is mapped to A, 低级 left as a note")
    s.wait("[data-testid=sheet-value-map]", text="高级")
    s.choose("[data-testid='value-map-tier-高级']", "A")
    # Checked again with the mapping: only 低级 is still kept as a note.
    deadline = time.time() + 10
    while time.time() < deadline and "高级" in s.text(s.wait("[data-testid=sheet-warnings]")):
        time.sleep(0.2)
    warnings = s.text(s.wait("[data-testid=sheet-warnings]"))
    assert "低级" in warnings and "高级" not in warnings, warnings
    s.js("document.querySelector('[data-testid=sheet-value-map]').scrollIntoView({block: 'center'})")
    shot(s, "29b-sheet-value-map-zh")
    s.click("[data-testid=sheet-free-words] summary")  # the tag column's words, to rename if wanted
    s.wait("[data-testid='free-word-tags-导入测试']")
    print("- the rejected rows are saved; saving them again asks before replacing the file")
    rejected = os.path.join(tmp, "老客户名单-未导入的行.xlsx")
    answer_dialogs(rejected)
    s.click("[data-testid=sheet-save-rejected]")
    s.wait("[data-testid=sheet-rejected-written]", text="未导入的行.xlsx")
    assert open(rejected, "rb").read(2) == b"PK", "the rejected rows are a workbook"
    assert oct(os.stat(rejected).st_mode & 0o777) == "0o600", "owner-only"
    answer_dialogs(rejected)
    s.click("[data-testid=sheet-save-rejected]")
    s.wait("[data-testid=confirm-dialog]", text="已经存在")
    s.click("[data-testid=confirm]")
    s.wait_gone("[data-testid=confirm-dialog]")
    rows = s.js("return [...document.querySelectorAll('[data-testid=sheet-preview-row]')].map(r => r.textContent)")
    assert any("钱一" in r and "孙二" in r for r in rows), f"two people under one company: {rows}"
    s.js("document.querySelector('[data-testid=sheet-duplicates]').scrollIntoView({block: 'center'})")
    shot(s, "29-sheet-import-check-zh")
    s.click("[data-testid=sheet-do-import]")
    s.wait("[data-testid=sheet-done]", text="新增 3")
    s.wait("[data-testid=sheet-done]", text="跳过 1")
    s.wait("[data-testid=sheet-done-history]", text="添加 1 条联系记录")
    shot(s, "30-sheet-import-done-zh")
    s.click("[data-testid=nav-customers]")
    s.wait("[data-testid=list-count]", text="共 203 个客户")
    s.choose("[data-testid=filter-tag]", "导入测试")
    deadline = time.time() + 10
    names = []
    while time.time() < deadline:
        names = s.js("return [...document.querySelectorAll('[data-testid=customer-row]')].map(r => r.textContent)")
        if len(names) == 3:
            break
        time.sleep(0.2)
    assert len(names) == 3 and any("苏州新导入精密有限公司" in n for n in names), names
    book = sqlite3.connect(os.path.join(tmp, "demo.db"))
    tiers = dict(book.execute("SELECT name, tier FROM customers WHERE name IN ('苏州新导入精密有限公司', '杭州又一家贸易公司')"))
    notes = book.execute("SELECT notes FROM customers WHERE name = '杭州又一家贸易公司'").fetchone()[0]
    book.close()
    assert tiers == {"苏州新导入精密有限公司": "A", "杭州又一家贸易公司": None}, tiers
    assert "客户级别：低级" in notes, notes
    print("- the imported customer's people go out as vCard and come back in without duplicates")
    s.click("[data-testid=customer-row]", text="苏州新导入精密有限公司")
    vcf = os.path.join(tmp, "苏州新导入精密有限公司.vcf")
    answer_dialogs(vcf)
    s.click("[data-testid=export-vcard]")
    written = s.text(s.wait("[data-testid=vcard-written]"))
    assert written.split("名片文件 ", 1)[1].strip() == vcf, written
    card = open(vcf, encoding="utf-8").read()
    assert card.count("BEGIN:VCARD") == 2 and "ORG:苏州新导入精密有限公司" in card and "VERSION:4.0" in card, card
    s.choose("[data-testid=filter-tag]", "")
    s.click("[data-testid=nav-import]")
    answer_dialogs(vcf)
    s.click("[data-testid=sheet-pick]")
    s.wait("[data-testid=sheet-how]", text="vCard")
    s.click("[data-testid=sheet-check]")
    s.wait("[data-testid=sheet-duplicates]", text="苏州新导入精密有限公司")
    assert s.js("return document.querySelector('[data-testid=sheet-default-choice]').value") == "update"
    s.click("[data-testid=sheet-do-import]")
    s.wait("[data-testid=sheet-done]", text="新增关键人 0")
    s.wait("[data-testid=sheet-done]", text="更新 1")
    os.remove(vcf)
    s.click("[data-testid=nav-customers]")


def new_screens_in_english(s, tmp):
    print("- the Export-for-manager and Import screens in English")
    s.click("[data-testid=nav-settings]")
    s.choose("[data-testid=language]", "en")
    s.click("[data-testid=save-settings]")
    s.wait("[data-testid=nav-report]", text="For the manager")
    s.click("[data-testid=nav-report]")
    s.wait("[data-testid=privacy-note]", text="are left out")
    s.click("[data-testid=report-lang-en]")
    base = os.path.join(tmp, "manager-en")
    answer_dialogs(base + ".xlsx")
    s.click("[data-testid=do-report]")
    s.wait("[data-testid=report-done]", text="Wrote")
    print("- writing the report again asks before replacing the files (en), at 1440x900 and the minimum window")
    answer_dialogs(base + ".xlsx")
    s.click("[data-testid=do-report]")
    s.wait("[data-testid=confirm-dialog]", text="already exists")
    s.size(1440, 900)
    shot(s, "31b-replace-file-en-1440")
    s.size(900, 560)
    shot(s, "31c-replace-file-en-min")
    s.size(1280, 800)
    s.click("[data-testid=confirm]")
    s.wait_gone("[data-testid=confirm-dialog]")
    s.wait("[data-testid=report-done]", text="Wrote")
    html = open(base + ".html", encoding="utf-8").read()
    assert "Value pyramid" in html and "Private fields about people" in html
    shot(s, "31-report-dialog-en")
    s.click("[data-testid=nav-import]")
    s.wait("[data-testid=sheet-import]", text="Import customers from a spreadsheet")
    shot(s, "32-sheet-import-en")


def manager_report(s, tmp):
    print("- Export for manager: the preview follows the scope, private fields are out by default")
    s.click("[data-testid=nav-report]")
    s.wait("[data-testid=preview-customers]", text="200")
    s.wait("[data-testid=privacy-note]", text="不含关键人的私人信息")
    everyone = preview_number(s, "preview-people")
    s.click("[data-testid=report-scope-some]")
    s.click("[data-testid=report-tier-S]")
    deadline = time.time() + 10
    while preview_number(s, "preview-customers") == 200 and time.time() < deadline:
        time.sleep(0.2)
    some = preview_number(s, "preview-customers")
    assert 0 < some < 200, f"the S-tier scope previews {some} customers"
    assert preview_number(s, "preview-people") < everyone
    s.click("[data-testid=report-private]")
    s.wait("[data-testid=privacy-note]", text="将包含关键人的私人信息")
    s.click("[data-testid=report-private]")
    s.wait("[data-testid=privacy-note]", text="不含关键人的私人信息")
    base = os.path.join(tmp, "给经理-S级")
    shot(s, "27-report-dialog-zh")
    answer_dialogs(base + ".xlsx")
    s.click("[data-testid=do-report]")
    s.wait("[data-testid=report-done]", text="已写入", timeout=60)
    with open(base + ".xlsx", "rb") as f:
        assert f.read(2) == b"PK", "the workbook is a zip"
    html = open(base + ".html", encoding="utf-8").read()
    assert "价值金字塔" in html and "范围：分级 S" in html, "the visual report is in Chinese with its scope"
    assert "不含关键人的私人信息" in html
    shot(s, "28-report-written-zh")
