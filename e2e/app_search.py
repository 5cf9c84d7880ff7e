"""Search from anywhere: the palette, its keys, and opening what it finds."""

from harness import shot

CTRL = "\ue009"
ENTER = "\ue007"
ESCAPE = "\ue00c"


def global_search(s):
    print("- a handover note on the key customer")
    s.wait("[data-testid=note-empty]", text="这是关键客户")
    s.click("[data-testid=edit-note]")
    s.type("[data-testid=note-key_relationships]", "张总是决策者，李四负责采购")
    s.type("[data-testid=note-open_promises]", "月底前寄送样品")
    s.click("[data-testid=save-note]")
    s.wait("[data-testid=note-key_relationships-text]", text="张总是决策者")

    print("- Ctrl+K searches from anywhere: a two-character Chinese name, pinyin initials, notes")
    s.click("[data-testid=nav-today]")
    s.keys((CTRL, "k"))
    s.wait("[data-testid=search-palette]")
    s.type("[data-testid=search-input]", "李四")
    hit = s.wait("[data-testid=search-group-person] [data-testid=search-hit]", text="李四")
    marked = s.js("return [...arguments[0].querySelectorAll('mark')].map(m => m.textContent)", hit)
    assert marked == ["李四"], marked
    assert "深圳华为技术有限公司" in s.text(hit), "a person hit names its customer"
    shot(s, "19-search-zh")
    print("- who is calling? the full phone number finds the key person")
    s.type("[data-testid=search-input]", "15080179467")
    s.wait("[data-testid=search-group-person] [data-testid=search-hit]", text="张三")
    print("- its last four digits find the person too, and Enter opens them on their card")
    s.type("[data-testid=search-input]", "9467")
    s.wait("[data-testid=search-results][data-shown-for='9467'] [data-testid=search-group-person] [data-testid=search-hit]",
           text="张三")
    s.keys((ENTER,))
    s.wait_gone("[data-testid=search-palette]")
    s.wait("[data-testid=person]", text="张三")
    s.keys((CTRL, "k"))
    s.wait("[data-testid=search-palette]")
    s.type("[data-testid=search-input]", "hw")
    s.wait("[data-testid=search-group-customer] [data-testid=search-hit]", text="深圳华为技术有限公司")
    s.type("[data-testid=search-input]", "寄送样品")
    s.wait("[data-testid=search-group-note] [data-testid=search-hit]", text="深圳华为技术有限公司")
    s.type("[data-testid=search-input]", '"NEAR( *')
    s.wait("[data-testid=search-none]")
    s.type("[data-testid=search-input]", "李四")
    s.wait("[data-testid=search-results][data-shown-for='李四'] [data-testid=search-hit]", text="李四")
    s.keys((ENTER,))
    s.wait_gone("[data-testid=search-palette]")
    s.wait("[data-testid=customer-name]", text="深圳华为技术有限公司")
    s.wait("[data-testid=person]", text="李四")
    s.click("[data-testid=open-search]")
    s.wait("[data-testid=search-input]")
    s.keys((ESCAPE,))
    s.wait_gone("[data-testid=search-palette]")
