"""Correcting the record in the real app (issue 13): fix a wrong deal amount
and see the value section change; correct a contact; delete a contact and
restore it from the trash; reschedule a follow-up to next week and see it
leave Today; cancel one with a reason and reopen it from the timeline.

Runs on the first session's book, after the order and the closing contact
of test_app.py exist."""

import datetime
import os
import re
import subprocess
import time

from harness import APP, shot

ESCAPE = "\ue00c"
# The app as the driver starts it (absolute path, then --db): never this test runner.
APP_PATTERN = "^" + re.escape(APP) + " --db"


def app_running():
    return subprocess.run(["pgrep", "-f", APP_PATTERN], capture_output=True).returncode == 0


def entry_button(s, text, button):
    """Clicks `button` (a data-testid) on the timeline entry showing `text`."""
    found = s.js(
        "const e = [...document.querySelectorAll('[data-testid=timeline-entry]')]"
        ".find(x => x.textContent.includes(arguments[0]));"
        "if (!e) return false; e.querySelector(`[data-testid=${arguments[1]}]`).click(); return true;",
        text, button,
    )
    assert found, f"no timeline entry with {text!r}"


def fix_deal_amount(s):
    print("- a wrong deal amount is corrected; the value section follows at once")
    s.wait("[data-testid=rfm-window-amount]", text="¥128,000.50")
    s.click("[data-testid=deal] [data-testid=edit-deal]")
    form = "[data-testid=value-section] [data-testid=deal-edit-form]"
    s.wait(f"{form} #f-deal-amount")
    amount = s.js(f"return document.querySelector('{form} #f-deal-amount').value")
    assert amount == "128000.50", f"the form starts from the stored amount, got {amount!r}"
    s.type(f"{form} #f-deal-amount", "12,800.5x")
    s.click(f"{form} [data-testid=save-deal]")
    s.wait("[data-testid=value-section] .field-error", text="不是有效金额")
    s.type(f"{form} #f-deal-amount", "12,800.50")
    s.click(f"{form} [data-testid=save-deal]")
    s.wait_gone(form)
    s.wait("[data-testid=rfm-window-amount]", text="¥12,800.50")
    s.wait("[data-testid=deal]", text="¥12,800.50")
    s.wait("[data-testid=timeline-entry]", text="¥12,800.50")
    s.js("document.querySelector('[data-testid=value-section]').scrollIntoView()")
    shot(s, "40-deal-corrected-zh")


def correct_and_delete_contact(s):
    print("- a contact is corrected from the timeline")
    entry_button(s, "季度回顾", "edit-contact")
    s.wait("[data-testid=contact-form] h2", text="修改联系记录")
    s.type("#f-contact-subject", "季度回顾（已更正）")
    s.click("[data-testid=contact-form] [data-testid=save]")
    s.wait("[data-testid=timeline-entry]", text="季度回顾（已更正）")

    print("- a contact is deleted from the timeline and restored from the trash")
    entry_button(s, "报价已通过微信发送", "delete-contact")
    s.wait("[data-testid=confirm-dialog]", text="移到回收站")
    s.click("[data-testid=confirm]")
    s.wait_gone("[data-testid=confirm-dialog]")
    # The timeline reloads once the move is done (commands run off the
    # window's thread, so the dialog may close first).
    deadline = time.time() + 10
    while time.time() < deadline and s.js(
            "return [...document.querySelectorAll('[data-testid=timeline-entry]')]"
            ".some(e => e.textContent.includes('报价已通过微信发送'))"):
        time.sleep(0.2)
    assert time.time() < deadline, "the deleted contact left the timeline"
    s.click("[data-testid=nav-trash]")
    s.wait("[data-testid=trash-item]", text="联系记录")
    s.wait("[data-testid=trash-item]", text="属于 深圳华为技术有限公司")
    shot(s, "41-trash-every-kind-zh")
    s.js("[...document.querySelectorAll('[data-testid=trash-item]')].find(e => e.textContent.includes('联系记录'))"
         ".querySelector('[data-testid=restore]').click()")
    s.wait_gone("[data-testid=trash-item]")
    s.click("[data-testid=nav-customers]")
    s.click("[data-testid=customer-row]", text="深圳华为技术有限公司")
    s.wait("[data-testid=timeline-entry]", text="报价已通过微信发送")


def reschedule_and_cancel(s):
    print("- a follow-up rescheduled to next week leaves Today")
    today = datetime.date.today()
    s.click("[data-testid=log-contact]")
    s.type("#f-contact-subject", "样品确认")
    s.type("#f-contact-next_step", "寄送样品")
    s.type("#f-contact-next_due", today.isoformat())
    s.click("[data-testid=contact-form] [data-testid=save]")
    s.wait("[data-testid=next-followup]", text="寄送样品")
    s.click("[data-testid=nav-today]")
    s.wait("[data-testid=group-today_items] [data-testid=followup]", text="寄送样品")
    s.click("[data-testid=group-today_items] [data-testid=followup-reschedule]")
    s.wait("[data-testid=reschedule-menu]")
    shot(s, "42-reschedule-menu-zh")
    s.click("[data-testid=plus-week]")
    s.wait("[data-testid=group-upcoming] [data-testid=followup]", text="寄送样品")
    today_rows = s.js("return document.querySelectorAll('[data-testid=group-today_items] [data-testid=followup]').length")
    assert today_rows == 0, f"{today_rows} follow-ups still due today"
    week = (today + datetime.timedelta(days=7)).isoformat()
    due = s.js("return [...document.querySelectorAll('[data-testid=group-upcoming] [data-testid=followup]')]"
               ".find(r => r.textContent.includes('寄送样品')).querySelector('.date').textContent")
    assert due == week, f"due {due!r}, expected {week}"
    shot(s, "42b-rescheduled-zh")

    print("- cancelled with a reason on the card, then reopened from the timeline")
    s.click("[data-testid=nav-customers]")
    s.click("[data-testid=customer-row]", text="深圳华为技术有限公司")
    s.wait("[data-testid=open-followup]", text="寄送样品")
    s.click("[data-testid=open-followup] [data-testid=followup-cancel]")
    s.type("[data-testid=cancel-reason]", "客户改为自提")
    s.click("[data-testid=confirm-cancel]")
    s.wait_gone("[data-testid=open-followup]")
    s.wait("[data-testid=timeline-entry]", text="跟进“寄送样品”改期")
    s.wait("[data-testid=timeline-entry]", text="原因：客户改为自提")
    s.js("document.querySelector('[data-testid=timeline]').scrollIntoView()")
    shot(s, "43-followup-story-zh")
    entry_button(s, "跟进“寄送样品”已取消", "reopen-followup")
    s.wait("[data-testid=open-followup]", text="寄送样品")
    s.wait("[data-testid=timeline-entry]", text="跟进“寄送样品”重新打开")


def value_of(s, css):
    return s.js(f"return document.querySelector('{css}').value")


def unsaved_work(s):
    print("- half-typed contact: a rail click asks; stay keeps the text; then save")
    s.click("[data-testid=log-contact]")
    s.type("#f-contact-subject", "电话回访")
    s.type("#f-contact-summary", "客户询问交货周期")
    s.click("[data-testid=nav-today]")
    s.wait("[data-testid=unsaved-dialog]", text="还有没保存的内容")
    shot(s, "44-unsaved-guard-zh")
    s.click("[data-testid=unsaved-stay]")
    s.wait_gone("[data-testid=unsaved-dialog]")
    assert value_of(s, "#f-contact-summary") == "客户询问交货周期", "staying keeps what was typed"
    s.click("[data-testid=contact-form] [data-testid=save]")
    s.wait("[data-testid=timeline-entry]", text="电话回访")

    print("- Escape on a changed card asks too; 'save and leave' saves it")
    s.click("[data-testid=edit-customer]")
    s.type("#f-customer-region", "深圳南山")
    s.keys((ESCAPE,))
    s.wait("[data-testid=unsaved-dialog]")
    s.click("[data-testid=unsaved-save]")
    s.wait_gone("[data-testid=unsaved-dialog]")
    s.wait("[data-view=region] .value", text="深圳南山")


def corrections(s):
    fix_deal_amount(s)
    correct_and_delete_contact(s)
    reschedule_and_cancel(s)
    unsaved_work(s)


def draft_survives_a_crash(driver, tmp):
    """A long note typed and never saved comes back after the app is killed."""
    print("- a half-typed note survives the app being killed, and is offered back")
    db = os.path.join(tmp, "crash.db")
    s = driver.session(db)
    try:
        s.click("[data-testid=new-customer]")
        s.type("#f-customer-name", "草稿测试有限公司")
        s.choose("#f-customer-status", "active")
        s.click("[data-testid=customer-form] [data-testid=save]")
        print("- a customer made a minute ago is new, not dormant, in the card, its value section and the list")
        s.wait("[data-testid=card-standing]", text="新客户")
        s.wait("[data-testid=activity]", text="新客户")
        s.wait("[data-testid=row-standing]", text="新客户")
        print("- with no key person known, the dependence words carry their red flags")
        s.wait("[data-testid=red-flag]", text="不认识决策者")
        level = s.text(s.wait("[data-testid=dependence] .dep-level"))
        assert level != "关系在公司层面", level
        s.click("[data-testid=log-contact]")
        s.type("#f-contact-subject", "长篇拜访纪要")
        s.type("#f-contact-summary", "第一段：客户对交期不满。第二段：愿意试用新型号。")
        time.sleep(1.5)  # the draft is written 600 ms after the last keystroke
        subprocess.run(["pkill", "-KILL", "-f", APP_PATTERN], check=False)
        time.sleep(1)
        assert not app_running(), "the app was killed"
    finally:
        try:
            s.quit()
        except Exception:
            pass
    s = driver.session(db)
    try:
        s.click("[data-testid=customer-row]", text="草稿测试有限公司")
        s.click("[data-testid=log-contact]")
        s.wait("[data-testid=draft-offer]", text="没保存的草稿")
        time.sleep(0.5)  # let the form paint before the picture
        shot(s, "45-draft-offered-zh")
        s.click("[data-testid=draft-restore]")
        assert value_of(s, "#f-contact-summary") == "第一段：客户对交期不满。第二段：愿意试用新型号。"
        assert value_of(s, "#f-contact-subject") == "长篇拜访纪要"
        s.click("[data-testid=contact-form] [data-testid=save]")
        s.wait("[data-testid=timeline-entry]", text="长篇拜访纪要")
        s.click("[data-testid=log-contact]")
        time.sleep(1)
        assert not s.find_all("[data-testid=draft-offer]"), "a saved draft is not offered again"

        print("- closing the window with a changed form asks (the close request the shell forwards)")
        s.type("#f-contact-subject", "不该保存的记录")
        s.js("window.__batonCloseRequested()")
        s.wait("[data-testid=unsaved-dialog]")
        s.click("[data-testid=unsaved-stay]")
        assert app_running() and value_of(s, "#f-contact-subject") == "不该保存的记录"
        s.js("window.__batonCloseRequested()")
        s.wait("[data-testid=unsaved-discard]")
        # Clicked from the page a moment later: the window goes away under the
        # click, and the driver's own click would report that as a failure.
        s.js("setTimeout(() => document.querySelector('[data-testid=unsaved-discard]').click(), 200)")
        deadline = time.time() + 10
        while time.time() < deadline and app_running():
            time.sleep(0.2)
        assert not app_running(), "discarding closes the window"
    except Exception:
        shot(s, "failure-draft")
        raise
    finally:
        try:
            s.quit()
        except Exception:
            pass  # the window is already closed


def corrections_in_english(s):
    """The new screens in English, at 1440x900 and at the minimum window."""
    print("- the corrections in English, at 1440x900 and the minimum window")
    s.size(1440, 900)
    s.click("[data-testid=nav-customers]")
    s.click("[data-testid=customer-row]", text="深圳华为技术有限公司")
    s.wait("[data-testid=timeline-entry]", text="Follow-up “寄送样品” cancelled")
    s.wait("[data-testid=timeline-entry]", text="Reason: 客户改为自提")
    s.js("document.querySelector('[data-testid=timeline]').scrollIntoView()")
    shot(s, "47-timeline-corrections-en-1440")
    s.size(900, 560)
    s.click("[data-testid=nav-today]")
    s.wait("[data-testid=group-upcoming] [data-testid=followup]", text="寄送样品")
    s.click("[data-testid=group-upcoming] [data-testid=followup-reschedule]")
    s.wait("[data-testid=reschedule-menu]", text="Next Monday")
    shot(s, "48-reschedule-en-min")
    s.click("[data-testid=nav-customers]")
    s.wait("[data-testid=customer-name]", text="深圳华为技术有限公司")  # still selected
    s.click("[data-testid=edit-customer]")
    s.type("#f-customer-region", "未保存的地区")
    s.click("[data-testid=nav-trash]")
    s.wait("[data-testid=unsaved-dialog]", text="Unsaved changes")
    shot(s, "49-unsaved-en-min")
    s.click("[data-testid=unsaved-discard]")
    s.wait("[data-testid=trash-view]")
    s.size(1280, 800)
