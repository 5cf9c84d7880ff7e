"""An empty book's first run (issue 14): the name and the language asked,
four ways to start offered, in Chinese and in English."""

from harness import shot


def first_run(s):
    print("- an empty book teaches, in Chinese by default, and offers four ways to start")
    s.wait("[data-testid=empty-state]", text="客户本还是空的")
    s.wait("[data-testid=ask-name]", text="先填上你的名字")
    for choice, text in (("first-import", "导入表格或手机通讯录"), ("first-handover", "接手同事的客户"),
                         ("load-demo", "载入演示数据"), ("first-empty", "从空白客户本开始")):
        s.wait(f"[data-testid={choice}]", text=text)
    s.size(1440, 900)
    shot(s, "01-empty-book-zh")
    print("- the language is chosen there and applies at once")
    s.click("[data-testid=first-lang-en]")
    s.wait("[data-testid=empty-state]", text="Your customer book is empty")
    s.wait("[data-testid=first-handover]", text="Take over from a colleague")
    shot(s, "01b-first-run-en-1440")
    s.size(900, 560)
    shot(s, "01c-first-run-en-min")
    s.click("[data-testid=first-lang-zh]")
    s.wait("[data-testid=empty-state]", text="客户本还是空的")
    shot(s, "01d-first-run-zh-min")
    s.size(1280, 800)
    print("- the first run asks the salesperson's name; records are signed with it")
    s.type("[data-testid=my-name]", "王芳")
    s.click("[data-testid=save-my-name]")
    s.wait_gone("[data-testid=ask-name]")
