"""e2e: books the app must not open for writing: held by another window,
from a newer Baton, read-only, or another program's SQLite file."""

import fcntl
import os
import sqlite3
import subprocess

from harness import APP, shot


def closed_book_screens(driver, tmp):
    print("- a book held by another window is refused with a clear message")
    db = os.path.join(tmp, "locked.db")
    with open(db + ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        s = driver.session(db)
        try:
            s.wait("[data-testid=open-error]", text="已在另一个 Baton 窗口中打开")
            shot(s, "07-book-locked-zh")
        finally:
            s.quit()
    print("- a book from a newer Baton is refused and left unchanged")
    newer = os.path.join(tmp, "newer.db")
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA application_id = 1111577678")  # a Baton book ("BATN")...
    conn.execute("PRAGMA user_version = 999")  # ...from a newer Baton
    conn.close()
    before = open(newer, "rb").read()
    s = driver.session(newer)
    try:
        s.wait("[data-testid=open-error]", text="更新版本的 Baton")
    finally:
        s.quit()
    assert open(newer, "rb").read() == before, "the newer book was modified"
    print("- a read-only book opens for reading; a change is refused, naming the book")
    ro = os.path.join(tmp, "readonly.db")
    cli = os.path.join(os.path.dirname(APP), "baton")
    subprocess.run([cli, "--db", ro, "demo", "--customers", "3"], check=True, capture_output=True)
    before = open(ro, "rb").read()
    os.chmod(ro, 0o444)
    s = driver.session(ro)
    try:
        s.wait("[data-testid=read-only-banner]", text="只读")
        s.click("[data-testid=nav-customers]")
        s.wait("[data-testid=customer-row]")
        s.click("[data-testid=new-customer]")
        s.type("#f-customer-name", "只读测试公司")
        s.click("[data-testid=customer-form] [data-testid=save]")
        s.wait("[data-testid=customer-form]", text="是只读的")
        shot(s, "07c-read-only-zh")
        s.size(900, 560)
        shot(s, "07d-read-only-zh-min")
    finally:
        s.quit()
        os.chmod(ro, 0o600)
    assert open(ro, "rb").read() == before, "the read-only book was changed"
    print("- another program's SQLite file is refused and left unchanged")
    other = os.path.join(tmp, "notes.sqlite")
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.execute("INSERT INTO notes VALUES ('mine')")
    conn.commit()
    conn.close()
    before = open(other, "rb").read()
    s = driver.session(other)
    try:
        s.wait("[data-testid=open-error]", text="不是 Baton 客户本")
        shot(s, "07b-not-a-book-zh")
    finally:
        s.quit()
    assert open(other, "rb").read() == before, "another program's file was modified"
    assert not os.path.exists(other + "-wal"), "another program's file was switched to WAL"
