"""The six-dimension relationship card: assessing, the radar and curve, the plan, the key board."""

import time

from harness import shot, wait_count


def score(s, levels, evidence=None):
    """Scores the given dimensions in the open assessment form."""
    for dim, level in levels.items():
        s.click(f"[data-testid=score-{dim}-{level}]")
    for dim, text in (evidence or {}).items():
        s.type(f"[data-testid=evidence-{dim}]", text)


def relationship_card(s):
    print("- dependence on one person shows for every customer, with its reasons")
    import datetime
    s.js("document.querySelector('[data-testid=relationship]').scrollIntoView()")
    s.wait("[data-testid=dependence-reasons]", text="还没有关系卡片")
    before = int(s.text(s.wait("[data-testid=dependence-score]")))
    assert 50 <= before <= 100, before

    print("- mark a key customer and score an assessment on four dimensions")
    s.click("[data-testid=mark-key]")
    s.wait(".card-head .chip.key", text="关键客户")
    s.click("[data-testid=new-assessment]")
    s.wait("[data-testid=dim-acceptance]", text="只认识销售个人")  # level texts while scoring
    earlier = (datetime.date.today() - datetime.timedelta(days=60)).isoformat()
    s.type("[data-testid=assessed-on]", earlier)
    s.choose("[data-testid=assessment-layer]", "everyday")
    s.click("[data-testid=save-assessment]")
    s.wait("[data-testid=assessment-error]", text="请至少为一个维度打分")
    score(s, {"acceptance": 2, "events": 1, "information": 3, "support": 2}, {"acceptance": "张总在会上介绍了我们公司"})
    s.click("[data-testid=dim-acceptance] .cited summary")
    s.click("[data-testid=dim-acceptance] .cited label", text="季度回顾")
    s.choose("[data-testid=target-acceptance]", "4")
    s.click("[data-testid=add-step-acceptance]")
    s.type("[data-testid=step-acceptance-0]", "邀请张总参观工厂")
    s.click("[data-testid=save-assessment]")
    s.wait_gone("[data-testid=assessment-form]")
    s.wait("[data-testid=weight]", text="40")  # (2+1+3+2) / (4*5)
    radar = s.wait("[data-testid=radar][data-drawn='6']")
    assert s.js("return arguments[0].dataset.datasets", radar) == "2", "latest and target"
    s.wait("[data-testid=detail-acceptance]", text="目标 4/5")
    s.wait("[data-testid=detail-acceptance] [data-testid=cited]", text="季度回顾")
    s.wait("[data-testid=detail-guidance]", text="未评")

    print("- an action-plan step becomes a follow-up")
    s.click("[data-testid=plan-followup]")
    s.wait("[data-testid=detail-acceptance]", text="已在跟进清单中")
    s.wait("[data-testid=open-followups]", text="邀请张总参观工厂")

    print("- a second assessment: the radar shows the previous faintly, the curve has two points")
    s.click("[data-testid=new-assessment]")
    s.wait("[data-testid=assessment-form]", text="目标和行动计划已从")
    score(s, {"acceptance": 3, "events": 2, "information": 3, "support": 3})
    s.click("[data-testid=save-assessment]")
    s.wait_gone("[data-testid=assessment-form]")
    s.wait("[data-testid=weight]", text="55")
    s.wait("[data-testid=weight-change]", text="+15")
    s.wait("[data-testid=radar][data-datasets='3']")
    curve = s.wait("[data-testid=curve]")
    points = s.js("return arguments[0].dataset.points", curve).split()
    assert len(points) == 2, points
    wait_count(s, "[data-testid=assessment-point]", 2)
    s.wait("[data-testid=assessment-detail]", text=datetime.date.today().isoformat())
    print("- clicking the first point of the curve opens that assessment")
    x, y = (int(v) for v in points[0].split(","))
    s.js(
        "const c = arguments[0].querySelector('canvas'); const r = c.getBoundingClientRect();"
        "c.dispatchEvent(new MouseEvent('click', {clientX: r.left + arguments[1], clientY: r.top + arguments[2], bubbles: true}));",
        curve,
        x,
        y,
    )
    s.wait("[data-testid=assessment-detail]", text=earlier)
    s.js("document.querySelector('[data-testid=radar]').scrollIntoView()")
    shot(s, "15-radar-curve-zh")
    s.js("document.querySelector('[data-testid=assessment-detail]').scrollIntoView()")
    shot(s, "16-assessment-detail-zh")
    after = int(s.text(s.wait("[data-testid=dependence-score]")))
    assert after < before, f"a current card lowers dependence ({before} -> {after})"
    print("- the card's header says the weight, its move and the dependence at a glance; its bar jumps to a section")
    s.wait("[data-testid=glance-weight]", text="称重 55")
    s.wait("[data-testid=glance-weight]", text="↑15")
    s.wait("[data-testid=glance-dependence]", text=f"依赖度 {after}")
    s.size(1440, 900)
    s.click("[data-testid=bar-timeline]")
    time.sleep(0.3)
    top = s.js("return document.querySelector('[data-section=timeline]').getBoundingClientRect().top")
    assert 0 < top < 400, f"the timeline is in view below the header ({top})"
    assert s.find_all("[data-testid=card-glance]"), "the header stays"
    shot(s, "65-card-glance-zh-1440")
    s.size(1280, 800)

    print("- the key-customer board ranks it")
    s.click("[data-testid=nav-key]")
    s.wait("[data-testid=key-row]", text="深圳华为技术有限公司")
    s.wait("[data-testid=key-weight]", text="55")
    s.click("[data-testid=sort-overdue]")
    s.wait("[data-testid=key-summary]", text="共 1 位关键客户")
    shot(s, "17-key-board-zh")
    s.click("[data-testid=key-row] button", text="深圳华为技术有限公司")
    s.wait("[data-testid=weight]", text="55")
