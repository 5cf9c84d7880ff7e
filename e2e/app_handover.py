"""Handover: the encrypted export, a refused overwrite, and the successor taking the book over."""

import os
import time

from harness import answer_dialogs, shot

HANDOVER = {"file": None}
PASSPHRASE = "交接口令-2026"


def handover_export(s):
    print("- the leaver exports a handover file with a passphrase")
    s.click("[data-testid=nav-handover]")
    s.wait("[data-testid=handover-export]")
    s.type("[data-testid=export-pass]", PASSPHRASE)
    s.type("[data-testid=export-pass2]", PASSPHRASE + "x")
    s.click("[data-testid=do-export]")
    s.wait("[data-testid=handover-export] .banner.error", text="两次输入的口令不一致")
    s.type("[data-testid=export-pass2]", PASSPHRASE)
    s.wait("[data-testid=pass-strength]", text="口令强度：强")
    print("- the save dialog cancelled: nothing is written")
    answer_dialogs("")
    s.click("[data-testid=do-export]")
    time.sleep(0.5)
    assert not os.path.exists(HANDOVER["file"]) and not s.find_all("[data-testid=export-done]")
    answer_dialogs(HANDOVER["file"])
    s.click("[data-testid=do-export]")
    s.wait("[data-testid=export-done]", text="1 位客户")
    assert open(HANDOVER["file"], "rb").read().startswith(b"age-encryption.org/v1"), "the file is encrypted"
    value = "return document.querySelector(arguments[0]).value"
    assert s.js(value, "[data-testid=export-pass]") == "", "the passphrase left the page after the export"
    shot(s, "20-handover-export-zh")
    print("- exporting again over the same file asks first; the open book is never a target")
    before = open(HANDOVER["file"], "rb").read()
    s.type("[data-testid=export-pass]", "weak")
    s.wait("[data-testid=pass-strength]", text="口令强度：弱")
    s.type("[data-testid=export-pass2]", "weak")
    answer_dialogs(HANDOVER["file"])
    s.click("[data-testid=do-export]")
    s.wait("[data-testid=confirm-dialog]", text="已经存在")
    shot(s, "20b-replace-file-zh")
    s.click("[data-testid=confirm-dialog] button.secondary")
    s.wait_gone("[data-testid=confirm-dialog]")
    assert open(HANDOVER["file"], "rb").read() == before, "not replaced without a yes"
    book = os.path.join(os.path.dirname(HANDOVER["file"]), "book.db")
    answer_dialogs(book)
    s.click("[data-testid=do-export]")
    s.wait("[data-testid=handover-export] .banner.error", text="是当前打开的客户本")
    s.click("[data-testid=nav-customers]")


def handover_take_over(driver, tmp):
    print("- the successor imports it into an empty book and takes the customer over")
    s = driver.session(os.path.join(tmp, "successor.db"))
    try:
        s.wait("[data-testid=load-demo]")  # an empty book
        s.click("[data-testid=nav-handover]")
        answer_dialogs(HANDOVER["file"])
        s.click("[data-testid=import-pick]")  # the file is previewed as soon as it is picked
        s.wait("[data-testid=import-path]", text=os.path.basename(HANDOVER["file"]))
        s.wait("[data-testid=import-error]", text="口令保护")
        s.type("[data-testid=import-pass]", "wrong")
        s.click("[data-testid=preview-import]")
        s.wait("[data-testid=import-error]", text="口令不对")
        s.type("[data-testid=import-pass]", PASSPHRASE)
        s.click("[data-testid=preview-import]")
        s.wait("[data-testid=import-counts]", text="联系记录")
        # Who comes over, not only how many records: the preview names the customer.
        s.wait("[data-testid=import-customer]", text="深圳华为技术有限公司")
        s.wait("[data-testid=import-customer]", text="新客户")
        s.wait("[data-testid=import-source]", text="格式版本 2")
        s.type("[data-testid=successor]", "周新")
        shot(s, "21-handover-preview-zh")
        s.click("[data-testid=do-import]")
        s.wait("[data-testid=import-done]", text="已接手客户：1 位")
        s.wait("[data-testid=checklist-row]", text="深圳华为技术有限公司")
        s.wait("[data-testid=handover-checklists]", text="总进度")
        shot(s, "22-handover-checklists-zh")
        s.click("[data-testid=checklist-row] button", text="深圳华为技术有限公司")
        s.wait("[data-testid=customer-name]", text="深圳华为技术有限公司")
        s.wait(".card-head .meta", text="周新")
        for name in ["张三", "李四"]:
            s.wait("[data-testid=person]", text=name)
        s.wait("[data-testid=checklist-item]", text="拜访 张三")
        s.wait("[data-testid=checklist-item]", text="重新评估关系卡片")
        s.wait("[data-testid=timeline-entry]", text="季度回顾")
        s.wait("[data-testid=timeline-entry]", text="数控机床订单")
        s.wait("[data-testid=note-key_relationships-text]", text="张总是决策者")
        s.wait("[data-testid=weight]", text="55")
        s.js("document.querySelector('[data-testid=checklist]').scrollIntoView()")
        shot(s, "23-taken-over-card-zh")

        print("- importing the same file again: the successor's newer owner change wins, the other is logged")
        s.click("[data-testid=nav-handover]")
        s.type("[data-testid=import-pass]", PASSPHRASE)
        s.click("[data-testid=take-over]")
        answer_dialogs(HANDOVER["file"])
        s.click("[data-testid=import-pick]")
        s.wait("[data-testid=import-counts]", text="客户")
        s.click("[data-testid=do-import]")
        s.wait("[data-testid=import-done]")
        s.wait("[data-testid=conflict]", text="owner")
        s.js("document.querySelector('[data-testid=conflict-log]').scrollIntoView()")
        shot(s, "24-conflict-log-zh")
        s.click("[data-testid=keep-current]")
        s.wait_gone("[data-testid=conflict-log]")
    except Exception:
        shot(s, "failure-successor")
        raise
    finally:
        s.quit()
